package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"maintwatch/crawler"
	"maintwatch/judge"
	"maintwatch/nlp"
)

// consistent checks what one committed SaveCrawl always leaves together:
// each notice has its classification and its observation.
func consistent(t *testing.T, db *DB) {
	t.Helper()
	n, c := count(t, db, "notices"), count(t, db, "classifications")
	var o int
	if err := db.r.QueryRow("SELECT count(*) FROM observations WHERE kind = 'notice'").Scan(&o); err != nil {
		t.Fatal(err)
	}
	if n != c || n != o {
		t.Fatalf("torn state: %d notices, %d classifications, %d notice observations", n, c, o)
	}
}

func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := mustOpenPath(t, filepath.Join(dir, "live.db"))
	site := mustSites(t, db, 1)[0]
	for i := range 20 {
		if _, err := db.SaveCrawl(ctx, cycle(site, i)); err != nil {
			t.Fatal(err)
		}
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var writes atomic.Int64
	wg.Go(func() {
		for i := 20; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := db.SaveCrawl(ctx, cycle(site, i)); err != nil {
				t.Error(err)
				return
			}
			writes.Add(1)
		}
	})
	dst := filepath.Join(dir, "copy.db")
	for range 3 { // a second backup replaces the first
		for start := writes.Load(); writes.Load() < start+3; {
			time.Sleep(time.Millisecond) // let the writer commit between backups
		}
		if err := db.Backup(ctx, dst); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()

	leftovers, _ := filepath.Glob(filepath.Join(dir, "copy.db*"))
	if len(leftovers) != 1 {
		t.Errorf("files beside the copy: %v", leftovers)
	}
	cp := mustOpenPath(t, dst)
	if err := cp.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	consistent(t, cp)
	live, copied := count(t, db, "notices"), count(t, cp, "notices")
	if copied < 40+6 || copied > live {
		t.Errorf("copy has %d notices, live %d (at least 46 were committed before the last backup)", copied, live)
	}
	// The restored copy is a working database: the crawl goes on from it.
	if _, err := cp.SaveCrawl(ctx, cycle(site, 100000)); err != nil {
		t.Fatal(err)
	}
	sn, err := cp.Sites(ctx)
	if err != nil || len(sn) != 1 {
		t.Fatalf("sites in copy = %v, %v", sn, err)
	}

	if err := db.Backup(ctx, db.Path()); err == nil {
		t.Error("backup over the live database accepted")
	}
	err = db.Backup(ctx, filepath.Join(dir, "missing", "x.db"))
	wantErrContains(t, err, "does not exist")
}

func TestReadersNeverBlockWriter(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	ids := mustSites(t, db, 4)
	done := make(chan struct{})
	var wg sync.WaitGroup
	var reads atomic.Int64
	for r := range 4 {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				var err error
				switch r {
				case 0:
					_, err = db.Sites(ctx)
				case 1:
					_, err = db.Observations(ctx, ids[0])
				case 2:
					_, err = db.Episodes(ctx, EpisodeQuery{Limit: 50})
				case 3:
					_, err = db.Stats(ctx)
				}
				if err != nil {
					t.Error(err)
					return
				}
				reads.Add(1)
			}
		})
	}
	// Two writer goroutines share the one writer connection.
	const writers, rounds = 2, 15
	var wwg sync.WaitGroup
	for w := range writers {
		wwg.Go(func() {
			for i := range rounds {
				site := ids[(w*2+i)%len(ids)]
				if _, err := db.SaveCrawl(ctx, cycle(site, w*1000+i)); err != nil {
					t.Error(err)
					return
				}
				ep := episode("k", judge.Suspected, 0.5, t0, t0.Add(time.Duration(i)*time.Minute))
				if err := db.SaveEpisodes(ctx, site, []judge.Episode{ep}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wwg.Wait()
	close(done)
	wg.Wait()
	if n := count(t, db, "notices"); n != writers*rounds*2 {
		t.Errorf("notices = %d, want %d", n, writers*rounds*2)
	}
	if reads.Load() == 0 {
		t.Error("no read completed while writing")
	}
	consistent(t, db)
}

func TestPruneSnapshotsKeepsEvidence(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	ids := mustSites(t, db, 3)
	day := 24 * time.Hour
	old := t0.Add(-60 * day)
	save := func(site int64, at time.Time, body string) string {
		t.Helper()
		f := page("https://x.example/"+body, crawler.KindNews, at, body)
		rec := CrawlRecord{SiteID: site, At: at, Fetches: []crawler.Fetch{f},
			Notices: []NoticeRecord{notice(f.URL, body, body, f.SHA256, at, nlp.Suspicious)}}
		obs, err := db.SaveCrawl(ctx, rec)
		if err != nil {
			t.Fatal(err)
		}
		if len(obs) > 1 {
			t.Fatalf("new observations = %d", len(obs))
		}
		return f.SHA256
	}
	open := save(ids[0], old, "open-evidence")        // named by hash in an open episode
	byID := save(ids[1], old, "confirmed-by-id")      // named only by observation id
	resolved := save(ids[2], old, "resolved-episode") // its episode is resolved
	plain := save(ids[2], old, "no-episode")
	recent := save(ids[2], t0, "recent")
	refreshed := save(ids[2], old, "refetched")
	save(ids[2], t0, "refetched") // fetched again lately: last_seen is recent
	notModified := save(ids[2], old, "not-modified")
	// Answered 304 lately: no body, but the snapshot is still the live page.
	if _, err := db.SaveCrawl(ctx, CrawlRecord{SiteID: ids[2], At: t0, Fetches: []crawler.Fetch{{
		URL: "https://x.example/not-modified", Kind: crawler.KindNews, FetchedAt: t0, Status: 304,
		NotModified: true, SHA256: notModified}}}); err != nil {
		t.Fatal(err)
	}

	obs0, _ := db.Observations(ctx, ids[0])
	obs1, _ := db.Observations(ctx, ids[1])
	obs2, _ := db.Observations(ctx, ids[2])
	e0 := episode("e0", judge.Suspected, 0.7, old, t0)
	e0.Evidence = []judge.Observation{obs0[0]}
	e1 := episode("e1", judge.ConfirmedLeak, 0.9, old, t0)
	e1.Evidence = []judge.Observation{{ID: obs1[0].ID, Kind: judge.KindNotice, Seen: old}} // no hash
	e2 := episode("e2", judge.Resolved, 0.2, old, t0)
	e2.Evidence = []judge.Observation{obs2[0]}
	for site, e := range map[int64]judge.Episode{ids[0]: e0, ids[1]: e1, ids[2]: e2} {
		if err := db.SaveEpisodes(ctx, site, []judge.Episode{e}); err != nil {
			t.Fatal(err)
		}
	}

	n, err := db.PruneSnapshots(ctx, t0.Add(-30*day))
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("pruned %d, want 2 (resolved, plain)", n)
	}
	for sum, kept := range map[string]bool{open: true, byID: true, recent: true, refreshed: true, notModified: true,
		resolved: false, plain: false} {
		_, err := db.Snapshot(ctx, sum)
		if kept && err != nil {
			t.Errorf("snapshot %s pruned: %v", sum[:8], err)
		}
		if !kept && !errors.Is(err, ErrNotFound) {
			t.Errorf("snapshot %s kept: %v", sum[:8], err)
		}
	}
	if c := count(t, db, "fetches"); c != 9 {
		t.Errorf("fetches = %d: pruning must keep fetch records", c)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestStatsAndIntegrity(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	site := mustSites(t, db, 2)[0]
	for i := range 3 {
		if _, err := db.SaveCrawl(ctx, cycle(site, i)); err != nil {
			t.Fatal(err)
		}
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]int64{"sites": 2, "fetches": 3, "snapshots": 3, "notices": 6, "classifications": 6, "observations": 9, "episodes": 0} {
		if st[k] != want {
			t.Errorf("stats[%s] = %d, want %d", k, st[k], want)
		}
	}
	if st["db_bytes"] < 4096 || st["wal_bytes"] <= 0 || st["snapshot_bytes"] <= 0 || st["snapshot_bytes"] >= st["snapshot_raw_bytes"] {
		t.Errorf("stats = %v", st)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}

	// A damaged file is reported, not passed: overwrite the last page (an
	// index or table page; page 1, the schema, stays) of a closed copy.
	path := filepath.Join(t.TempDir(), "bad.db")
	if err := db.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	junk := []byte(strings.Repeat("\xff", 4096))
	if _, err := f.WriteAt(junk, fi.Size()-4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	bad, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer bad.Close()
	err = bad.IntegrityCheck(ctx)
	if err == nil {
		t.Error("integrity check passed a damaged file")
	}
	t.Logf("damaged file: %v", err)
}

func TestCheckpointTruncatesWAL(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	site := mustSites(t, db, 1)[0]
	for i := range 5 {
		if _, err := db.SaveCrawl(ctx, cycle(site, i)); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := db.Stats(ctx)
	if err := db.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	after, _ := db.Stats(ctx)
	if before["wal_bytes"] == 0 || after["wal_bytes"] != 0 {
		t.Errorf("wal_bytes %d -> %d, want >0 -> 0", before["wal_bytes"], after["wal_bytes"])
	}
	if n := count(t, db, "notices"); n != 10 {
		t.Errorf("notices after checkpoint = %d", n)
	}
}
