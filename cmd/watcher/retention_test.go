package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"maintwatch/demoweb"
	"maintwatch/judge"
	"maintwatch/store"
)

// TestKeepSnapshots crawls the demo shops on two days, then again ten days
// later with --keep-snapshots 7: bodies no longer served (the pages changed)
// are pruned, pages still served (304 or unchanged) keep theirs, and every
// flagged episode's evidence keeps its raw body, even one no longer served.
func TestKeepSnapshots(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo web")
	}
	ctx := context.Background()
	day0 := time.Date(2026, 6, 3, 10, 0, 0, 0, jst)
	var clock atomic.Int64
	clock.Store(day0.UnixNano())
	web, err := demoweb.StartDemo(func() time.Time { return time.Unix(0, clock.Load()).In(jst) })
	if err != nil {
		t.Fatal(err)
	}
	defer web.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "keep.db")
	sitesFile := filepath.Join(dir, "sites.txt")
	if err := os.WriteFile(sitesFile, []byte(web.SitesFile()), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", "--db", db, "sites", "import", sitesFile); code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}
	crawl := func(at time.Time, extra ...string) {
		t.Helper()
		clock.Store(at.UnixNano())
		args := append([]string{"--db", db, "--now", at.Format(time.RFC3339), "--allow-private", "--log-level", "warn",
			"crawl", "--delay", "0"}, extra...)
		if code, out, stderr := runCLI(t, "", args...); code != 0 {
			t.Fatalf("crawl at %s: exit %d\n%s\n%s", at, code, out, stderr)
		}
	}
	crawl(day0, "--keep-snapshots", "7") // nothing is old yet: nothing goes
	// Day 1 changes pages that hold evidence of day 0 (a second notice on
	// the classic shop's top page): the day-0 bodies are no longer served.
	crawl(day0.AddDate(0, 0, 1), "--keep-snapshots", "7")
	before := snapshotHashes(t, db)
	crawl(day0.AddDate(0, 0, 11), "--keep-snapshots", "7")
	after := snapshotHashes(t, db)

	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	pruned := 0
	for h := range before {
		if !after[h] {
			pruned++
		}
	}
	if pruned == 0 {
		t.Fatalf("no snapshot of days 0-1 was pruned (%d before, %d after): the test proves nothing", len(before), len(after))
	}
	// A snapshot of day 0 that survived without backing evidence must have
	// been fetched again on day 10 (a 304 or the same body).
	refetched := recentHashes(t, s, day0.AddDate(0, 0, 4))
	evidence := evidenceHashes(t, s)
	kept := 0
	for h := range before {
		if after[h] && !refetched[h] && !evidence[h] {
			t.Errorf("snapshot %s of days 0-1 kept though neither refetched nor evidence", h[:12])
		}
		if after[h] {
			kept++
		}
	}
	for h := range before {
		if refetched[h] && !after[h] {
			t.Errorf("snapshot %s fetched on day 10 was pruned", h[:12])
		}
	}
	// A pruned hash answers ErrNotFound, its fetch records stay.
	for h := range before {
		if !after[h] {
			if _, err := s.Snapshot(ctx, h); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("pruned snapshot %s: %v", h[:12], err)
			}
			break
		}
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	t.Logf("days 0-1: %d snapshots; day 11 with --keep-snapshots 7: %d of them pruned, %d kept (%d are flagged evidence)",
		len(before), pruned, kept, len(evidence))

	// Day 20, every shop unreachable: nothing is fetched again, so the
	// flagged episodes' evidence is all that may stay, and it must.
	s.Close()
	web.Close()
	crawl(day0.AddDate(0, 0, 20), "--keep-snapshots", "7")
	last := snapshotHashes(t, db)
	s, err = store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	evidence = evidenceHashes(t, s) // as judged on day 20
	if len(evidence) == 0 {
		t.Fatal("no flagged evidence left on day 20: the test proves nothing")
	}
	for h := range evidence {
		if !last[h] {
			t.Errorf("evidence snapshot %s pruned while its episode is flagged", h[:12])
		}
	}
	for h := range last {
		if !evidence[h] {
			t.Errorf("snapshot %s kept on day 20: neither fetched since day 13 nor evidence", h[:12])
		}
	}
	t.Logf("day 20, shops unreachable: %d snapshots left, all flagged evidence", len(last))
}

func snapshotHashes(t *testing.T, path string) map[string]bool {
	t.Helper()
	rows := queryDB(t, path, `SELECT sha256 FROM snapshots`)
	out := map[string]bool{}
	for _, r := range rows {
		out[r[0]] = true
	}
	return out
}

// recentHashes are the hashes some fetch since the cutoff named (a 200, a
// 304 or an unchanged body all count as a fetch of the snapshot).
func recentHashes(t *testing.T, s *store.DB, since time.Time) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	sites, err := s.Sites(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, site := range sites {
		fs, err := s.Fetches(context.Background(), site.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if !f.FetchedAt.Before(since) && f.SHA256 != "" {
				out[f.SHA256] = true
			}
		}
	}
	return out
}

// evidenceHashes are the page hashes the evidence of flagged episodes names,
// directly or through the stored observation an evidence entry points to.
func evidenceHashes(t *testing.T, s *store.DB) map[string]bool {
	t.Helper()
	ctx := context.Background()
	eps, err := s.Episodes(ctx, store.EpisodeQuery{Statuses: []judge.Status{judge.Suspected, judge.Escalated, judge.ConfirmedLeak}})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, e := range eps {
		obs, err := s.Observations(ctx, e.Site.ID)
		if err != nil {
			t.Fatal(err)
		}
		byID := map[int64]string{}
		for _, o := range obs {
			byID[o.ID] = o.SHA256
		}
		for _, ev := range e.Evidence {
			for _, h := range []string{ev.SHA256, byID[ev.ID]} {
				if h != "" {
					out[h] = true
				}
			}
		}
	}
	return out
}
