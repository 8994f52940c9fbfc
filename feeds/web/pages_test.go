package web

import (
	"strings"
	"testing"

	"maintwatch/feeds/internal/fake"
)

func TestSitePage(t *testing.T) {
	ts := newTestServer(t, fake.New())
	resp, body := get(t, ts, "/sites/1", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	checkCommonHeaders(t, "/sites/1", resp)
	if csp := resp.Header.Get("Content-Security-Policy"); csp != htmlCSP {
		t.Errorf("CSP %q", csp)
	}
	for _, want := range []string{
		"さくら雑貨店", "suspected", "0.85",
		// every factor with its contribution
		"notice_label", "&#43;0.55", "open_ended", "&#43;0.20", "other_methods", "&#43;0.10",
		// evidence with page URL and date in both styles
		"再開時期は未定です", "https://shop-a.example.jp/news/12", "2026-05-19 (2026年5月19日)", "令和8年5月19日",
		// fetch time, charset, HTTP status, SHA-256 linked to the snapshot
		"2026-05-20T18:00:00&#43;09:00", "shift_jis", "HTTP 200",
		`href="/snapshots/5d41402abc4b2a76b9719d911017c592aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"`,
		// every observation, the payment one included
		"<code>crawl</code>", "<code>payment</code>", "other methods offered: true",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("site page lacks %q", want)
		}
	}
}

func TestSiteNotFound(t *testing.T) {
	ts := newTestServer(t, fake.New())
	for _, path := range []string{"/sites/999", "/sites/abc", "/sites/-1"} {
		if resp, _ := get(t, ts, path, nil); resp.StatusCode != 404 {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}
}

// A hostile shop name and notice never reach any page, feed or digest as
// markup.
func TestHostileNeverUnescaped(t *testing.T) {
	ts := newTestServer(t, fake.New())
	for _, path := range []string{"/", "/sites/2", "/feed.rss", "/feed.atom", "/feed.json", "/digest/2026-W21", "/digest/2026-W19"} {
		resp, body := get(t, ts, path, nil)
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d", path, resp.StatusCode)
			continue
		}
		if !strings.Contains(body, "alert(1)") {
			t.Errorf("%s: hostile text missing, so the test proves nothing", path)
		}
		for _, bad := range []string{"<script", "<img", "\x00", "\x01", "\x1b", "\uFFFE"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s contains %q", path, bad)
			}
		}
	}
}

func TestSnapshot(t *testing.T) {
	ts := newTestServer(t, fake.New())
	sha := "5d41402abc4b2a76b9719d911017c592aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	resp, body := get(t, ts, "/snapshots/"+sha, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for k, want := range map[string]string{
		"Content-Type":            "text/plain; charset=utf-8",
		"Content-Security-Policy": "default-src 'none'; sandbox",
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
		"Referrer-Policy":         "no-referrer",
	} {
		if got := resp.Header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if !strings.Contains(body, "<script>alert(1)</script>") {
		t.Errorf("body not served as stored: %q", body)
	}
	resp, _ = get(t, ts, "/snapshots/"+sha+"?download=1", nil)
	if got := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(got, "attachment") {
		t.Errorf("Content-Disposition %q", got)
	}
	for _, path := range []string{"/snapshots/" + strings.Repeat("0", 64), "/snapshots/xyz", "/snapshots/" + strings.ToUpper(sha)} {
		if resp, _ := get(t, ts, path, nil); resp.StatusCode != 404 {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}
}

func TestDigestRoute(t *testing.T) {
	ts := newTestServer(t, fake.New())
	resp, body := get(t, ts, "/digest/2026-W21", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "<svg") || resp.Header.Get("Content-Security-Policy") != htmlCSP {
		t.Errorf("digest: %d, CSP %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
	resp, body = get(t, ts, "/digest/2026-22", nil)
	if resp.StatusCode != 400 || !strings.Contains(body, "YYYY-Www") {
		t.Errorf("bad week: %d %q", resp.StatusCode, body)
	}
	ts.Client().CheckRedirect = nil
	resp, _ = get(t, ts, "/digest/latest", nil)
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/digest/2026-W23" {
		t.Errorf("latest: %d %s", resp.StatusCode, resp.Request.URL.Path)
	}
}
