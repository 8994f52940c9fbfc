package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// Backup writes a consistent copy of the database to dstPath with SQLite's
// online backup API, safe while a crawl writes. The whole copy is one
// backup step on a read-only connection: it reads one WAL snapshot (a
// stepwise copy restarts whenever another connection commits, and could
// never finish under a busy writer) and takes no lock the writer needs.
// The copy is written beside dstPath, synced, then renamed over it, so
// dstPath is never a half-written file.
func (db *DB) Backup(ctx context.Context, dstPath string) error {
	if err := db.backup(ctx, dstPath); err != nil {
		return fmt.Errorf("store: backup to %s: %w", dstPath, err)
	}
	return nil
}

func (db *DB) backup(ctx context.Context, dstPath string) error {
	abs, err := filepath.Abs(dstPath)
	if err != nil {
		return err
	}
	if abs == db.path {
		return errors.New("the backup would overwrite the database itself")
	}
	dir := filepath.Dir(abs)
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("folder %s does not exist", dir)
	}
	tmpf, err := os.CreateTemp(dir, filepath.Base(abs)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := tmpf.Name()
	tmpf.Close()
	defer os.Remove(tmp) // after a successful rename this finds nothing

	if err := db.copyTo(ctx, tmp); err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, abs); err != nil {
		return err
	}
	return syncFile(dir) // make the rename itself durable
}

func (db *DB) copyTo(ctx context.Context, tmp string) error {
	dc, err := (&sqlite3.SQLiteDriver{}).Open("file:" + escapePath(tmp))
	if err != nil {
		return fmt.Errorf("open copy: %w", err)
	}
	dst, ok := dc.(*sqlite3.SQLiteConn)
	if !ok {
		dc.Close()
		return fmt.Errorf("unexpected driver connection %T", dc)
	}
	src, err := db.r.Conn(ctx)
	if err != nil {
		dst.Close()
		return err
	}
	err = src.Raw(func(raw any) error {
		sc, ok := raw.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("unexpected driver connection %T", raw)
		}
		b, err := dst.Backup("main", sc, "main")
		if err != nil {
			return err
		}
		done, err := b.Step(-1)
		if ferr := b.Finish(); err == nil {
			err = ferr
		}
		if err == nil && !done {
			err = errors.New("backup did not complete")
		}
		return err
	})
	src.Close()
	// Closing the copy's only connection checkpoints and removes any
	// -wal/-journal beside it, so the renamed file stands alone.
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	return err
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// IntegrityCheck runs PRAGMA integrity_check and PRAGMA foreign_key_check
// and returns an error naming the first problems found.
func (db *DB) IntegrityCheck(ctx context.Context) error {
	rows, err := db.r.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("store: integrity check: %w", err)
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return fmt.Errorf("store: integrity check: %w", err)
		}
		if line != "ok" && len(problems) < 5 {
			problems = append(problems, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: integrity check: %w", err)
	}
	var table string
	var rowid, parent, fkid any
	err = db.r.QueryRowContext(ctx, "PRAGMA foreign_key_check").Scan(&table, &rowid, &parent, &fkid)
	if err == nil {
		problems = append(problems, fmt.Sprintf("foreign key violation in %s row %v (-> %v)", table, rowid, parent))
	} else if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: integrity check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("store: integrity check: %s", strings.Join(problems, "; "))
	}
	return nil
}

// statTables are the tables Stats counts.
var statTables = []string{"sites", "fetches", "snapshots", "notices", "classifications", "observations", "episodes"}

// Stats returns row counts per table, "db_bytes" (page_count × page_size
// of the main file), "wal_bytes" (the -wal file), "snapshot_bytes"
// (compressed snapshot bodies) and "snapshot_raw_bytes" (their size before
// compression).
func (db *DB) Stats(ctx context.Context) (map[string]int64, error) {
	out := make(map[string]int64, len(statTables)+3)
	for _, t := range statTables {
		var n int64
		if err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM "+t).Scan(&n); err != nil {
			return nil, fmt.Errorf("store: stats: %s: %w", t, err)
		}
		out[t] = n
	}
	var size, z, raw int64
	if err := db.r.QueryRowContext(ctx, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()").Scan(&size); err != nil {
		return nil, fmt.Errorf("store: stats: %w", err)
	}
	if err := db.r.QueryRowContext(ctx, "SELECT coalesce(sum(length(body)), 0), coalesce(sum(size), 0) FROM snapshots").Scan(&z, &raw); err != nil {
		return nil, fmt.Errorf("store: stats: %w", err)
	}
	out["db_bytes"], out["snapshot_bytes"], out["snapshot_raw_bytes"] = size, z, raw
	// The WAL holds commits not yet checkpointed into the main file; a
	// missing file (after a clean close) is simply 0.
	if fi, err := os.Stat(db.path + "-wal"); err == nil {
		out["wal_bytes"] = fi.Size()
	} else {
		out["wal_bytes"] = 0
	}
	return out, nil
}

// Checkpoint copies the WAL into the main file and truncates it. SQLite's
// automatic checkpoints are passive: under a steady stream of readers they
// may never reach the WAL's end, and the WAL grows. Called after a crawl
// cycle, this waits (up to the busy timeout) for readers of older snapshots
// to finish; readers of the latest snapshot do not hold it up.
func (db *DB) Checkpoint(ctx context.Context) error {
	var busy, logFrames, done int
	if err := db.w.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done); err != nil {
		return fmt.Errorf("store: checkpoint: %w", err)
	}
	if busy != 0 {
		return fmt.Errorf("store: checkpoint: %w", ErrCheckpointBusy)
	}
	return nil
}

// ErrCheckpointBusy (wrapped by Checkpoint): readers kept the checkpoint from finishing; the next
// one will catch up, so callers may log it and go on.
var ErrCheckpointBusy = errors.New("readers kept it from completing; retry later")
