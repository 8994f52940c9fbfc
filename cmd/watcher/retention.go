package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"maintwatch/store"
)

// retention is the --keep-snapshots setting of crawl and run. Raw page
// bodies are most of the database (fetch records, notices and episodes are
// small), so they are what retention trims; everything a reader or a
// journalist can cite stays (see store.PruneSnapshots for the exact rule).
type retention struct {
	days int
}

func (r *retention) register(fs *flag.FlagSet) {
	fs.IntVar(&r.days, "keep-snapshots", 0, "after each complete cycle, delete raw page snapshots last fetched more than `DAYS` days ago,\n"+
		"except those backing the evidence of a suspected, escalated or confirmed_leak episode;\n"+
		"fetch records, notices and episodes are kept (0, the default, keeps every snapshot)")
}

func (r *retention) validate() error {
	if r.days < 0 {
		return usagef("--keep-snapshots must be 0 (keep all) or a number of days, not %d", r.days)
	}
	return nil
}

// prune applies the retention after a completed cycle. It runs only after
// the cycle has judged every site, so an episode flagged this cycle already
// protects its evidence. With days 0 it does nothing.
func (r *retention) prune(ctx context.Context, g *globals, db *store.DB) error {
	if r.days == 0 {
		return nil
	}
	cutoff := g.clock().Add(-time.Duration(r.days) * 24 * time.Hour)
	n, err := db.PruneSnapshots(ctx, cutoff)
	if err != nil {
		return fmt.Errorf("retention: %w", err)
	}
	g.logger.Info("snapshots pruned", "count", n, "older_than", cutoff, "keep_days", r.days)
	return nil
}
