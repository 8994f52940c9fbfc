package cycle

import (
	"context"
	"errors"
	"time"

	"maintwatch/store"
)

// checkpoint folds the WAL into the main database file after a cycle. It
// runs only once every write of the cycle has returned (the crawl's saves and
// the episodes), on the writer connection, so it cannot interleave with a
// transaction of ours; a checkpoint copies only committed pages and never
// discards a frame it could not copy, so neither outcome loses data. Its
// failure does not fail the cycle: the data stays in the WAL and the next
// checkpoint (or SQLite's own) folds it in. The outcome is logged either way.
func (r *Runner) checkpoint(ctx context.Context) {
	log := r.logger()
	start := time.Now()
	err := r.Store.Checkpoint(ctx)
	took := time.Since(start).Round(time.Millisecond)
	switch {
	case err == nil:
		log.Info("checkpoint", "result", "ok", "took", took)
	case errors.Is(err, store.ErrCheckpointBusy):
		log.Warn("checkpoint", "result", "busy", "took", took, "err", err)
	default:
		log.Error("checkpoint", "result", "failed", "took", took, "err", err)
	}
}
