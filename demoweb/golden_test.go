package demoweb

import (
	"bytes"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current templates")

// goldenPages are the pages of each markup worth pinning.
var goldenPages = map[string][]string{
	PlatformECCUBE2:   {"/", "/user_data/guide.php", "/order/index.php"},
	PlatformECCUBE4:   {"/", "/help/guide", "/help/tradelaw"},
	PlatformWordPress: {"/", "/news/", "/news/101/", "/guide/"},
	PlatformColorMe:   {"/", "/?mode=f1", "/?mode=sk"},
	PlatformShopify:   {"/", "/blogs/news", "/blogs/news/notice-101", "/pages/guide"},
	PlatformUnknown:   {"/", "/whatsnew.html", "/shiharai.html"},
}

func demoShopsAt(at time.Time) []*shop {
	ago := func(d int) time.Time { return t0.Add(-time.Duration(d) * day) }
	var out []*shop
	for _, sp := range demoSpecs(t0, ago) {
		out = append(out, newShop(sp, func() time.Time { return at }))
	}
	return out
}

// TestGoldenDemoPages pins every demo page, in its own charset, two days
// into the classic story: a change to a template or a notice shows up as a
// diff under testdata/golden (go test -run Golden -update to accept it).
func TestGoldenDemoPages(t *testing.T) {
	// A day and two hours after the demo start: the banner and the 停止中
	// mark are up.
	for i, s := range demoShopsAt(t0.Add(day + 2*time.Hour)) {
		for _, p := range goldenPages[s.platform] {
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
			if rec.Code != http.StatusOK {
				t.Fatalf("%s %s: status %d", s.name, p, rec.Code)
			}
			name := filepath.Join("testdata", "golden", fmt.Sprintf("%02d-%s-%s%s.html", i, s.platform, s.scenario, slug(p)))
			if *update {
				if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(name, rec.Body.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if !bytes.Equal(rec.Body.Bytes(), want) {
				t.Errorf("%s differs from the golden file (run with -update if intended)", name)
			}
		}
	}
}

func slug(p string) string {
	b := []byte(p)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.') {
			b[i] = '_'
		}
	}
	return string(b)
}

// FuzzShopRequest sends arbitrary paths, queries, validators and moments to
// every markup: a shop answers only with the statuses a real one would, and
// never fails to render or encode.
func FuzzShopRequest(f *testing.F) {
	f.Add("/", "", "", int16(0), uint8(0))
	f.Add("/news/101/", "", `"x"`, int16(3), uint8(2))
	f.Add("/", "mode=f1", "", int16(50), uint8(3))
	f.Add("/blogs/news/notice-999999999999999999999", "", "", int16(-5), uint8(4))
	f.Add("/whatsnew.html", "a=%zz", "*", int16(200), uint8(5))
	f.Fuzz(func(t *testing.T, path, query, inm string, days int16, which uint8) {
		shops := demoShopsAt(t0.Add(time.Duration(days) * day))
		s := shops[int(which)%len(shops)]
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.Path, req.URL.RawQuery = "/"+path, query
		if inm != "" {
			req.Header.Set("If-None-Match", inm)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusNotModified, http.StatusNotFound, http.StatusServiceUnavailable:
		default:
			t.Fatalf("%s %q?%q: status %d: %s", s.name, path, query, rec.Code, rec.Body.Bytes())
		}
	})
}
