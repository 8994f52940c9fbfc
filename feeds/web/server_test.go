package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/prometheus/client_golang/prometheus"

	"maintwatch/feeds/internal/fake"
	"maintwatch/judge"
)

var testNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

func newTestServer(t *testing.T, src *fake.Store) *httptest.Server {
	t.Helper()
	h := NewServer(src, ServerOptions{Now: func() time.Time { return testNow }, Logger: slog.New(slog.DiscardHandler)})
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

func get(t *testing.T, ts *httptest.Server, path string, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func checkCommonHeaders(t *testing.T, path string, resp *http.Response) {
	t.Helper()
	for k, want := range map[string]string{
		"X-Content-Type-Options": "nosniff",
		"X-Frame-Options":        "DENY",
		"Referrer-Policy":        "no-referrer",
	} {
		if got := resp.Header.Get(k); got != want {
			t.Errorf("%s: %s = %q, want %q", path, k, got, want)
		}
	}
}

func TestFeedsServed(t *testing.T) {
	ts := newTestServer(t, fake.New())
	for path, ctype := range map[string]string{
		"/feed.rss":  "application/rss+xml; charset=utf-8",
		"/feed.atom": "application/atom+xml; charset=utf-8",
		"/feed.json": "application/feed+json; charset=utf-8",
	} {
		resp, body := get(t, ts, path, nil)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, body)
		}
		checkCommonHeaders(t, path, resp)
		if got := resp.Header.Get("Content-Type"); got != ctype {
			t.Errorf("%s: Content-Type %q", path, got)
		}
		if got := resp.Header.Get("Last-Modified"); got != "Mon, 25 May 2026 09:00:00 GMT" {
			t.Errorf("%s: Last-Modified %q", path, got)
		}
		f, err := gofeed.NewParser().ParseString(body)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(f.Items) != 4 || !strings.HasPrefix(f.Items[0].Link, ts.URL+"/sites/") {
			t.Errorf("%s: %d items, first link %q", path, len(f.Items), f.Items[0].Link)
		}
	}
}

func TestConditionalGet(t *testing.T) {
	src := fake.New()
	ts := newTestServer(t, src)
	for _, path := range []string{"/feed.rss", "/feed.atom", "/feed.json"} {
		t.Run(path, func(t *testing.T) {
			resp, _ := get(t, ts, path, nil)
			etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
			if etag == "" || lm == "" {
				t.Fatalf("no validators: %q %q", etag, lm)
			}
			// Same data: same ETag.
			again, _ := get(t, ts, path, nil)
			if again.Header.Get("ETag") != etag {
				t.Errorf("ETag changed without a data change: %q → %q", etag, again.Header.Get("ETag"))
			}
			cases := []struct {
				name string
				hdr  map[string]string
				want int
			}{
				{"inm match", map[string]string{"If-None-Match": etag}, 304},
				{"inm list", map[string]string{"If-None-Match": `"x", W/` + etag}, 304},
				{"inm other", map[string]string{"If-None-Match": `"other"`}, 200},
				{"ims equal", map[string]string{"If-Modified-Since": lm}, 304},
				{"ims later", map[string]string{"If-Modified-Since": "Tue, 26 May 2026 00:00:00 GMT"}, 304},
				{"ims earlier", map[string]string{"If-Modified-Since": "Sun, 24 May 2026 00:00:00 GMT"}, 200},
				{"inm wins over ims", map[string]string{"If-None-Match": `"other"`, "If-Modified-Since": lm}, 200},
			}
			for _, c := range cases {
				resp, body := get(t, ts, path, c.hdr)
				if resp.StatusCode != c.want {
					t.Errorf("%s: status %d, want %d", c.name, resp.StatusCode, c.want)
				}
				if c.want == 304 && body != "" {
					t.Errorf("%s: 304 with a body", c.name)
				}
			}
		})
	}
	// A status change gives a new ETag and Last-Modified, and the old ETag
	// no longer answers 304.
	resp, _ := get(t, ts, "/feed.atom", nil)
	old := resp.Header.Get("ETag")
	src.SetStatus(101, judge.Escalated, time.Date(2026, 5, 31, 0, 0, 0, 0, time.UTC))
	resp, _ = get(t, ts, "/feed.atom", map[string]string{"If-None-Match": old})
	if resp.StatusCode != 200 || resp.Header.Get("ETag") == old {
		t.Errorf("after a status change: %d, ETag %q (old %q)", resp.StatusCode, resp.Header.Get("ETag"), old)
	}
	if got := resp.Header.Get("Last-Modified"); got != "Sun, 31 May 2026 00:00:00 GMT" {
		t.Errorf("Last-Modified %q", got)
	}
}

func TestFeedBadFilter(t *testing.T) {
	ts := newTestServer(t, fake.New())
	for _, q := range []string{"status=bogus", "min_score=abc", "since=last-week", "limit=-1"} {
		resp, body := get(t, ts, "/feed.json?"+q, nil)
		if resp.StatusCode != 400 {
			t.Errorf("%s: status %d", q, resp.StatusCode)
		}
		if !strings.Contains(body, "bad query") || !strings.Contains(body, strings.SplitN(q, "=", 2)[0]) {
			t.Errorf("%s: message %q does not name the parameter", q, body)
		}
	}
	resp, body := get(t, ts, "/feed.rss?status=escalated&platform=makeshop", nil)
	f, err := gofeed.NewParser().ParseString(body)
	if resp.StatusCode != 200 || err != nil || len(f.Items) != 1 {
		t.Fatalf("filtered feed: %d %v", resp.StatusCode, err)
	}
}

func TestIndex(t *testing.T) {
	ts := newTestServer(t, fake.New())
	resp, body := get(t, ts, "/", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	checkCommonHeaders(t, "/", resp)
	if got := resp.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
		t.Errorf("Content-Type %q", got)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
		t.Errorf("CSP %q", csp)
	}
	for _, want := range []string{`<html lang="ja">`, `<meta charset="utf-8">`, "さくら雑貨店", "山田商店", "confirmed_leak",
		"2026-05-20 (2026年5月20日)", "令和8年5月20日", "13 days", "ec-cube", "/sites/1", "fine.example.jp"} {
		if !strings.Contains(body, want) {
			t.Errorf("index lacks %q", want)
		}
	}
	if strings.Contains(body, "静かな店") {
		t.Error("index shows a never-flagged site")
	}
	if resp, _ := get(t, ts, "/nope", nil); resp.StatusCode != 404 {
		t.Errorf("/nope: %d", resp.StatusCode)
	}
}

func TestHealthAndMetrics(t *testing.T) {
	src := fake.New()
	reg := prometheus.NewRegistry()
	crawl := prometheus.NewCounter(prometheus.CounterOpts{Name: "maintwatch_crawl_cycles_total", Help: "test"})
	reg.MustRegister(crawl)
	crawl.Inc()
	ts := httptest.NewServer(NewServer(src, ServerOptions{Registerer: reg, Gatherer: reg, Now: func() time.Time { return testNow }, Logger: slog.New(slog.DiscardHandler)}))
	t.Cleanup(ts.Close)
	resp, body := get(t, ts, "/healthz", nil)
	if resp.StatusCode != 200 || body != "ok\n" {
		t.Errorf("healthz: %d %q", resp.StatusCode, body)
	}
	resp, body = get(t, ts, "/metrics", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("metrics: %d", resp.StatusCode)
	}
	for _, want := range []string{
		`maintwatch_flagged_sites{status="suspected"} 1`,
		`maintwatch_flagged_sites{status="escalated"} 1`,
		`maintwatch_flagged_sites{status="confirmed_leak"} 1`,
		`maintwatch_flagged_sites{status="resolved"} 1`,
		`maintwatch_crawl_cycles_total 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
	src.Err = io.ErrUnexpectedEOF
	if resp, _ := get(t, ts, "/healthz", nil); resp.StatusCode != 503 {
		t.Errorf("healthz with a failing store: %d", resp.StatusCode)
	}
	if resp, body := get(t, ts, "/feed.rss", nil); resp.StatusCode != 500 || strings.Contains(body, "EOF") {
		t.Errorf("feed with a failing store: %d %q", resp.StatusCode, body)
	}
}

func TestBaseURLFromHost(t *testing.T) {
	s := NewServer(fake.New(), ServerOptions{Now: func() time.Time { return testNow }, Logger: slog.New(slog.DiscardHandler)})
	for host, want := range map[string]string{
		"example.org:8080":  "http://example.org:8080",
		"[::1]:80":          "http://[::1]:80",
		`evil.example/"><x`: "http://127.0.0.1:8080",
		"a b":               "http://127.0.0.1:8080",
	} {
		r := httptest.NewRequest("GET", "/feed.rss", nil)
		r.Host = host
		if got := s.baseURL(r); got != want {
			t.Errorf("host %q: base %q, want %q", host, got, want)
		}
	}
}
