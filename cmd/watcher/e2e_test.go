package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"maintwatch/demoweb"
)

// jsonFeed is the part of JSON Feed 1.1 plus the contract's _watcher
// extension that the end-to-end test checks.
type jsonFeed struct {
	Version string `json:"version"`
	Items   []struct {
		ID      string `json:"id"`
		Title   string `json:"title"`
		Watcher *struct {
			Site         string   `json:"site"`
			Status       string   `json:"status"`
			Score        *float64 `json:"score"`
			FirstFlagged string   `json:"first_flagged"`
			Evidence     []struct {
				URL  string `json:"url"`
				Text string `json:"text"`
				Seen string `json:"seen"`
			} `json:"evidence"`
		} `json:"_watcher"`
	} `json:"items"`
}

// TestEndToEndDemo runs import → crawl → feed in-process against the demo
// shops on three consecutive days and checks the flagged set against each
// shop's ground truth every day: the sudden card suspension is flagged on the
// first crawl; the shops whose weak signal (banner, payment page) starts on
// day 1 are flagged once it has persisted over two cycles, on day 2.
func TestEndToEndDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: loads the dictionary and crawls the demo web")
	}
	day0 := time.Date(2026, 6, 3, 10, 0, 0, 0, jst)
	var clock atomic.Int64
	clock.Store(day0.UnixNano())
	now := func() time.Time { return time.Unix(0, clock.Load()).In(jst) }

	web, err := demoweb.StartDemo(now)
	if err != nil {
		t.Fatal(err)
	}
	defer web.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "e2e.db")
	sitesFile := filepath.Join(dir, "sites.txt")
	if err := os.WriteFile(sitesFile, []byte(web.SitesFile()), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", "--db", db, "sites", "import", sitesFile); code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}

	for day := range 3 {
		at := day0.AddDate(0, 0, day)
		clock.Store(at.UnixNano())
		nowFlag := at.Format(time.RFC3339)
		code, out, stderr := runCLI(t, "", "--db", db, "--now", nowFlag, "--allow-private", "--log-level", "warn", "crawl", "--delay", "0")
		if code != 0 {
			t.Fatalf("day %d crawl: exit %d\n%s\n%s", day, code, out, stderr)
		}
		code, out, stderr = runCLI(t, "", "--db", db, "--now", nowFlag, "feed", "--format", "json")
		if code != 0 {
			t.Fatalf("day %d feed: exit %d %s", day, code, stderr)
		}
		var feed jsonFeed
		if err := json.Unmarshal([]byte(out), &feed); err != nil {
			t.Fatalf("day %d feed is not JSON: %v\n%s", day, err, out)
		}
		if !strings.HasPrefix(feed.Version, "https://jsonfeed.org/version/1.1") {
			t.Errorf("feed version %q", feed.Version)
		}
		got := map[string]bool{}
		for _, it := range feed.Items {
			w := it.Watcher
			if w == nil {
				t.Fatalf("item %s has no _watcher", it.ID)
			}
			if w.Site == "" || w.Score == nil || len(w.Evidence) == 0 {
				t.Errorf("item %s: _watcher incomplete: %+v", it.ID, *w)
			}
			if _, err := time.Parse(time.RFC3339, w.FirstFlagged); err != nil {
				t.Errorf("item %s: first_flagged %q: %v", it.ID, w.FirstFlagged, err)
			}
			for _, e := range w.Evidence {
				if _, err := time.Parse(time.RFC3339, e.Seen); err != nil || e.URL == "" || e.Text == "" {
					t.Errorf("item %s: evidence %+v", it.ID, e)
				}
			}
			if slices.Contains([]string{"suspected", "escalated", "confirmed_leak"}, w.Status) {
				got[w.Site] = true
			}
		}
		want := map[string]bool{}
		for _, s := range web.Shops {
			if s.Suspicious(at) {
				want[s.URL] = true
			}
		}
		if len(want) == 0 {
			t.Fatalf("day %d: the demo has no suspicious shop: the test would prove nothing", day)
		}
		if g, w := keys(got), keys(want); !slices.Equal(g, w) {
			t.Errorf("day %d flagged sites:\n got  %v\n want %v\n%s", day, g, w, describe(web, at))
		}
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func describe(web *demoweb.Web, at time.Time) string {
	var b strings.Builder
	for _, s := range web.Shops {
		b.WriteString("  " + s.URL + " " + string(s.Scenario) + " " + s.Name)
		if s.Suspicious(at) {
			b.WriteString(" [suspicious]")
		}
		b.WriteString("\n")
	}
	return b.String()
}
