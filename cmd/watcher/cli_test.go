package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the whole program in-process and returns its exit status and
// streams, as a script would see them.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(t.Context(), args, strings.NewReader(stdin), &out, &errOut)
	code = exitCode(err, &errOut)
	return code, out.String(), errOut.String()
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	badFile := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(badFile, []byte("# shops\nhttps://a.example/,A\n\nftp://b.example/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no command", nil, 2, "no command"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"unknown flag", []string{"--db", db, "crawl", "--bogus"}, 2, "bogus"},
		{"unknown global flag", []string{"--nope", "crawl"}, 2, "nope"},
		{"bad --now", []string{"--now", "yesterday", "--db", db, "sites", "list"}, 2, "--now"},
		{"sites file bad line", []string{"--db", db, "sites", "import", badFile}, 1, "line 4"},
		{"sites file missing", []string{"--db", db, "sites", "import", filepath.Join(dir, "none.txt")}, 1, "none.txt"},
		{"db in missing folder", []string{"--db", filepath.Join(dir, "no", "such", "w.db"), "sites", "list"}, 1, "does not exist"},
		{"site URL not http", []string{"--db", db, "sites", "add", "javascript:alert(1)"}, 2, "not http"},
		{"site URL no host", []string{"--db", db, "sites", "add", "http://"}, 2, "no host"},
		{"feed bad format", []string{"--db", db, "feed", "--format", "csv"}, 2, "--format"},
		{"feed bad status", []string{"--db", db, "feed", "--status", "angry"}, 2, "status"},
		{"digest bad week", []string{"--db", db, "digest", "--week", "2026-W99"}, 2, "week"},
		{"crawl extra arg", []string{"--db", db, "crawl", "now"}, 2, "usage"},
		{"run tiny interval", []string{"--db", db, "run", "--interval", "1s"}, 2, "--interval"},
		{"backup no file", []string{"--db", db, "backup"}, 2, "usage"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tc.args...)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.wantCode, stderr)
			}
			if !strings.Contains(stderr, tc.wantErr) {
				t.Errorf("stderr %q does not mention %q", stderr, tc.wantErr)
			}
			// One clear line: the error itself, not a page of usage.
			if lines := strings.Count(strings.TrimSpace(lastErrorLine(stderr)), "\n"); lines != 0 {
				t.Errorf("error spans lines: %q", stderr)
			}
		})
	}
}

func lastErrorLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func TestHelpEverywhere(t *testing.T) {
	for _, c := range commands() {
		args := []string{c.name, "--help"}
		if c.name == "sites" {
			for _, sub := range []string{"import", "add", "list"} {
				code, _, stderr := runCLI(t, "", "sites", sub, "--help")
				if code != 0 || !strings.Contains(stderr, "usage") {
					t.Errorf("sites %s --help: exit %d, %q", sub, code, stderr)
				}
			}
			continue
		}
		code, _, stderr := runCLI(t, "", args...)
		if code != 0 || !strings.Contains(stderr, "usage") {
			t.Errorf("%s --help: exit %d, stderr %q", c.name, code, stderr)
		}
	}
}

func TestSitesImportIsAtomicAndIdempotent(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("\ufeff# list\nhttps://a.example/,Shop A\nhttp://b.example/shop/\n  \nhttps://a.example/#top,dup\n"), 0o644)
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("https://c.example/\nnot a url\n"), 0o644)

	if code, _, stderr := runCLI(t, "", "--db", db, "sites", "import", bad); code != 1 || !strings.Contains(stderr, "line 2") {
		t.Fatalf("bad file: exit %d, %q", code, stderr)
	}
	for range 2 {
		if code, _, stderr := runCLI(t, "", "--db", db, "sites", "import", good); code != 0 {
			t.Fatalf("import: exit %d: %s", code, stderr)
		}
	}
	code, out, stderr := runCLI(t, "", "--db", db, "sites", "list", "--json")
	if code != 0 {
		t.Fatalf("list: %d %s", code, stderr)
	}
	if strings.Contains(out, "c.example") {
		t.Errorf("a line of the bad file was imported: %s", out)
	}
	if n := strings.Count(out, `"url"`); n != 2 {
		t.Errorf("want 2 sites after two imports of the same file, got %d: %s", n, out)
	}
}

func TestParseSitesFile(t *testing.T) {
	cases := []struct {
		in      string
		want    []string
		wantErr string
	}{
		{"https://a.example\n", []string{"https://a.example/"}, ""},
		{"# c\n\nhttp://b.example/x,名前\n", []string{"http://b.example/x"}, ""},
		{"https://a.example/\nfile:///etc/passwd\n", nil, "line 2"},
		{"https://a.example/\n,name only\n", nil, "line 2: empty URL"},
		{"\xff\xfe\n", nil, "line 1"},
		{strings.Repeat("a", maxSiteLine+10) + "\n", nil, "line 1"},
	}
	for _, tc := range cases {
		got, err := parseSitesFile(strings.NewReader(tc.in))
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: err %v, want %q", tc.in[:min(len(tc.in), 30)], err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		var urls []string
		for _, s := range got {
			urls = append(urls, s.URL)
		}
		if strings.Join(urls, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%q: got %v, want %v", tc.in, urls, tc.want)
		}
	}
}

func FuzzParseSitesFile(f *testing.F) {
	f.Add("https://a.example/,A\n# c\n\nhttp://b.example/")
	f.Add("javascript:alert(1)")
	f.Add("http://[::1]:80/,x")
	f.Fuzz(func(t *testing.T, in string) {
		sites, err := parseSitesFile(strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error without a line number: %v", err)
			}
			return
		}
		for _, s := range sites {
			if !strings.HasPrefix(s.URL, "http://") && !strings.HasPrefix(s.URL, "https://") {
				t.Fatalf("accepted non-http URL %q", s.URL)
			}
		}
	})
}
