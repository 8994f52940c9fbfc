package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// ref is the fetch time of every fixture: Monday 2026-06-15 10:00 JST.
var ref = time.Date(2026, 6, 15, 10, 0, 0, 0, time.FixedZone("JST", 9*3600))

// fixtureURL is where each fixture is pretended to live. The first line of
// a fixture may override it: <!-- url: https://... -->.
func fixtureURL(t *testing.T, src, name string) string {
	t.Helper()
	if strings.HasPrefix(src, "<!-- url: ") {
		end := strings.Index(src, " -->")
		return src[len("<!-- url: "):end]
	}
	return "https://shop.example.jp/" + name
}

// TestGoldenPages runs Page on every testdata/*.html (detail_*.html go
// through Detail) and compares the result with its .golden.json.
func TestGoldenPages(t *testing.T) {
	files, err := filepath.Glob("testdata/*.html")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("only %d fixtures in testdata", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src := string(raw)
			u := fixtureURL(t, src, name)
			var got any
			if strings.HasPrefix(name, "detail_") {
				got = Detail(u, src, ref)
			} else {
				got = Page(u, src, ref)
			}
			b, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, '\n')
			golden := strings.TrimSuffix(f, ".html") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(b, want) {
				t.Errorf("%s differs from %s:\n%s", name, golden, b)
			}
		})
	}
}

func mustRead(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
