package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"maintwatch/demoweb"
	"maintwatch/feeds/digest"
	"maintwatch/feeds/web"
	"maintwatch/store"
)

// TestHostileShopsNeverBreakACycle crawls the hostile web (huge page, gzip
// bomb, redirect loop, redirect to the metadata address, trickling and
// silent servers, deep HTML, bad bytes, script injection, huge and garbage
// robots.txt) in one cycle and checks that every shop gets a recorded
// result, the two normal shops are judged normally, and no injected payload
// reaches a reader unescaped.
func TestHostileShopsNeverBreakACycle(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the hostile web")
	}
	at := time.Date(2026, 6, 3, 10, 0, 0, 0, jst)
	w, err := demoweb.StartHostile(func() time.Time { return at })
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	sites := filepath.Join(dir, "sites.txt")
	os.WriteFile(sites, []byte(w.SitesFile()), 0o644)
	if code, _, stderr := runCLI(t, "", "--db", db, "sites", "import", sites); code != 0 {
		t.Fatal(stderr)
	}
	nowFlag := at.Format(time.RFC3339)
	code, out, stderr := runCLI(t, "", "--db", db, "--now", nowFlag, "--allow-private", "--log-level", "warn",
		"crawl", "--delay", "0", "--timeout", "3s", "--max-body", "2000000")
	if code != 0 {
		t.Fatalf("crawl: exit %d\n%s\n%s", code, out, stderr)
	}

	st, err := store.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.Sites(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	truth := map[string]bool{}
	for _, s := range w.Shops {
		truth[s.URL] = s.Suspicious(at)
	}
	for _, s := range list {
		if s.LastResult == "" {
			t.Errorf("%s (%s): no recorded result", s.URL, s.Name)
		}
		if s.Status.Flagged() != truth[s.URL] {
			t.Errorf("%s (%s): flagged %v, truth %v (result %q)", s.URL, s.Name, s.Status.Flagged(), truth[s.URL], s.LastResult)
		}
	}

	// Every reader-facing output, grepped for the payloads unescaped.
	srv := httptest.NewServer(web.NewServer(st, web.ServerOptions{Now: func() time.Time { return at }}))
	defer srv.Close()
	paths := []string{"/", "/feed.rss", "/feed.atom", "/feed.json", "/digest/" + digest.WeekOf(at)}
	for _, s := range list {
		paths = append(paths, "/sites/"+itoa(s.ID))
	}
	for _, p := range paths {
		body := get(t, srv.URL+p)
		for _, payload := range []string{demoweb.XSSTitle, demoweb.XSSAttr, "<img src=x", "<script>alert"} {
			if strings.Contains(body, payload) {
				t.Errorf("%s carries %q unescaped", p, payload)
			}
		}
	}
	for _, format := range []string{"rss", "atom", "json"} {
		_, out, _ := runCLI(t, "", "--db", db, "--now", nowFlag, "feed", "--format", format)
		if strings.Contains(out, demoweb.XSSTitle) || strings.Contains(out, "<img src=x") {
			t.Errorf("watcher feed --format %s carries a payload unescaped", format)
		}
	}
	_, md, _ := runCLI(t, "", "--db", db, "--now", nowFlag, "digest", "--format", "html")
	if strings.Contains(md, demoweb.XSSTitle) || strings.Contains(md, "<img src=x") {
		t.Error("the html digest carries a payload unescaped")
	}
}

func get(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Errorf("GET %s: %d", u, resp.StatusCode)
	}
	return string(b)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
