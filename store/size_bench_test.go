package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkThirtyDaysKeep7 is BenchmarkThirtyDays as `watcher crawl
// --keep-snapshots 7` runs it: the same 30 daily crawls of 200 shops, each
// day followed by PruneSnapshots(day - 7 days). It reports the file's size
// after the 30th day (MB-30days-keep7d, to set beside BenchmarkThirtyDays'
// MB-30days, the size without retention), how much of it is free pages
// (SQLite reuses them for the next days' bodies rather than shrink the
// file), and the raw bodies kept. Run it alone:
//
//	go test -run '^$' -bench ThirtyDaysKeep7 -benchtime 1x ./store/
func BenchmarkThirtyDaysKeep7(b *testing.B) {
	ctx := context.Background()
	const keep = 7 * 24 * time.Hour
	for b.Loop() {
		path := filepath.Join(b.TempDir(), "month.db")
		db, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		ids := mustSites(b, db, 200)
		pruned := 0
		for day := range 30 {
			for _, id := range ids {
				if _, err := db.SaveCrawl(ctx, dailyCrawl(id, day)); err != nil {
					b.Fatal(err)
				}
			}
			n, err := db.PruneSnapshots(ctx, t0.Add(time.Duration(day)*24*time.Hour-keep))
			if err != nil {
				b.Fatal(err)
			}
			pruned += n
		}
		st, err := db.Stats(ctx)
		if err != nil {
			b.Fatal(err)
		}
		var free int64
		if err := db.r.QueryRowContext(ctx, "SELECT freelist_count * page_size FROM pragma_freelist_count(), pragma_page_size()").Scan(&free); err != nil {
			b.Fatal(err)
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		// The closed file, as a backup or a disk quota sees it.
		fi, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(fi.Size())/1e6, "MB-30days-keep7d")
		b.ReportMetric(float64(free)/1e6, "MB-free-pages")
		b.ReportMetric(float64(st["snapshot_bytes"])/1e6, "MB-snapshots-kept")
		b.ReportMetric(float64(st["snapshots"]), "snapshots-kept")
		b.ReportMetric(float64(pruned), "snapshots-pruned")
	}
}
