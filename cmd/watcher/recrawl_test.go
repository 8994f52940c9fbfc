package main

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"maintwatch/demoweb"
	"maintwatch/feeds/web"
	"maintwatch/store"
)

// TestRecrawlKeepsFeedsStable crawls the demo shops, reads every feed format
// through the server, crawls the unchanged web again an hour later and reads
// them again: a reader polling with If-None-Match must get 304 and, when it
// refetches anyway, the same item ids. A feed whose ids or ETag move when
// nothing happened makes every subscriber see duplicates.
func TestRecrawlKeepsFeedsStable(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo web twice")
	}
	t0 := time.Date(2026, 6, 4, 9, 0, 0, 0, jst)
	var clock atomic.Int64
	clock.Store(t0.UnixNano())
	now := func() time.Time { return time.Unix(0, clock.Load()).In(jst) }

	shops, err := demoweb.StartDemo(now)
	if err != nil {
		t.Fatal(err)
	}
	defer shops.Close()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "w.db")
	sitesFile := filepath.Join(dir, "sites.txt")
	if err := os.WriteFile(sitesFile, []byte(shops.SitesFile()), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", "--db", dbPath, "sites", "import", sitesFile); code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}
	crawl := func(at time.Time) {
		t.Helper()
		clock.Store(at.UnixNano())
		code, out, stderr := runCLI(t, "", "--db", dbPath, "--now", at.Format(time.RFC3339), "--allow-private",
			"--log-level", "warn", "crawl", "--delay", "0")
		if code != 0 {
			t.Fatalf("crawl at %s: exit %d\n%s\n%s", at, code, out, stderr)
		}
	}
	// Two days, so the feed holds episodes that have moved on (escalated,
	// resolved), not only fresh ones.
	crawl(t0.AddDate(0, 0, -1))
	crawl(t0)

	db, err := store.Open(t.Context(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := httptest.NewServer(web.NewServer(db, web.ServerOptions{Now: now, Logger: slog.New(slog.DiscardHandler)}))
	defer srv.Close()

	type seen struct {
		etag string
		ids  []string
	}
	read := func(path, etag string) (int, seen) {
		t.Helper()
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL+path, nil)
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		s := seen{etag: resp.Header.Get("ETag")}
		if resp.StatusCode == http.StatusOK {
			f, err := gofeed.NewParser().ParseString(string(body))
			if err != nil {
				t.Fatalf("%s does not parse: %v", path, err)
			}
			for _, it := range f.Items {
				s.ids = append(s.ids, it.GUID)
			}
			slices.Sort(s.ids)
		}
		return resp.StatusCode, s
	}

	paths := []string{"/feed.rss", "/feed.atom", "/feed.json"}
	before := map[string]seen{}
	for _, p := range paths {
		code, s := read(p, "")
		if code != http.StatusOK || s.etag == "" || len(s.ids) == 0 {
			t.Fatalf("%s: status %d, etag %q, %d items: the test needs a feed with items", p, code, s.etag, len(s.ids))
		}
		before[p] = s
	}

	crawl(t0.Add(time.Hour))

	for _, p := range paths {
		if code, _ := read(p, before[p].etag); code != http.StatusNotModified {
			t.Errorf("%s after an unchanged re-crawl: status %d with If-None-Match, want 304", p, code)
		}
		code, s := read(p, "")
		if code != http.StatusOK {
			t.Fatalf("%s: status %d", p, code)
		}
		if s.etag != before[p].etag {
			t.Errorf("%s: ETag moved from %s to %s though nothing changed", p, before[p].etag, s.etag)
		}
		if !slices.Equal(s.ids, before[p].ids) {
			t.Errorf("%s: item ids moved:\n before %v\n after  %v", p, before[p].ids, s.ids)
		}
	}
}
