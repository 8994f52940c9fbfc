package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"time"

	// The driver registers itself as "sqlite3"; it needs cgo (LIBS.md §4).
	_ "github.com/mattn/go-sqlite3"
)

// DB is maintwatch's SQLite database. Writes go through one connection (a
// single *sql.DB capped at one open connection, every transaction BEGIN
// IMMEDIATE), so two writers of this process never race for the lock; reads
// use their own pool of read-only connections, which WAL lets run while the
// writer commits.
type DB struct {
	// Now is the clock for the times the store stamps itself (a site's
	// added_at); time.Now unless the caller injects one (--now) right after
	// Open. Crawl and episode times come from the records themselves.
	Now func() time.Time

	path string
	w    *sql.DB // the only writer
	r    *sql.DB // read-only pool
	view bool    // made by ReadView: w belongs to another DB, Close leaves it
}

// writerDSN carries every pragma in the DSN so that each connection the pool
// opens gets them (a PRAGMA run with db.Exec reaches one connection only).
// _txlock=immediate takes the write lock at BEGIN, so the busy handler applies;
// a deferred read→write upgrade fails with "database is locked" at once.
func writerDSN(path string) string {
	return "file:" + escapePath(path) +
		"?_journal_mode=WAL&_synchronous=NORMAL&_busy_timeout=5000&_foreign_keys=on&_txlock=immediate"
}

// readerDSN opens the file read-only: the readers can never take the write
// lock, so in WAL mode they never block the writer, nor it them.
func readerDSN(path string) string {
	return "file:" + escapePath(path) + "?mode=ro&_busy_timeout=5000&_foreign_keys=on"
}

// escapePath percent-encodes a file path for an SQLite URI filename, so that
// '?', '#' and '%' in a folder name are not read as URI syntax.
func escapePath(path string) string {
	return (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath()
}

// Open opens (creating if needed) the database at path, applies pending
// migrations and checks that WAL and foreign keys are really on.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" || path == ":memory:" {
		// An in-memory database is private to each connection, so the reader
		// pool would see another, empty database.
		return nil, fmt.Errorf("store: open %q: a file path is required", path)
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("store: open %s: folder %s does not exist", path, dir)
		}
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("store: open %s: %s is not a folder", path, dir)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}

	w, err := sql.Open("sqlite3", writerDSN(abs))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	db := &DB{Now: time.Now, path: abs, w: w}
	if err := db.checkWriter(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := db.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}

	// The reader pool opens only after the writer has created the file and
	// switched it to WAL: a read-only connection cannot do either.
	r, err := openReaders(ctx, abs)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db.r = r
	return db, nil
}

func openReaders(ctx context.Context, abs string) (*sql.DB, error) {
	r, err := sql.Open("sqlite3", readerDSN(abs))
	if err != nil {
		return nil, err
	}
	r.SetMaxOpenConns(max(4, 2*runtime.NumCPU()))
	r.SetMaxIdleConns(max(4, 2*runtime.NumCPU()))
	if err := r.PingContext(ctx); err != nil {
		r.Close()
		return nil, fmt.Errorf("readers: %w", err)
	}
	return r, nil
}

// ReadView returns a DB that writes through db's one writer but reads through
// a reader pool of its own. `watcher run` gives one to its web server: two
// hundred feed readers would otherwise hold every read connection while the
// crawl waits for one to look up a page's previous fetch (the load test
// measured a cycle 22× slower that way). Closing the view closes only its
// readers; db must outlive it.
func (db *DB) ReadView(ctx context.Context) (*DB, error) {
	r, err := openReaders(ctx, db.path)
	if err != nil {
		return nil, fmt.Errorf("store: read view of %s: %w", db.path, err)
	}
	return &DB{Now: db.Now, path: db.path, w: db.w, r: r, view: true}, nil
}

// checkWriter verifies that the DSN pragmas took effect: go-sqlite3 ignores a
// misspelt parameter silently, and journal_mode=WAL can fall back to another
// mode (e.g. on a file system without shared memory).
func (db *DB) checkWriter(ctx context.Context) error {
	var mode string
	if err := db.w.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("read journal_mode: %w", err)
	}
	if mode != "wal" {
		return fmt.Errorf("journal_mode is %q, want wal", mode)
	}
	var fk int
	if err := db.w.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
		return fmt.Errorf("read foreign_keys: %w", err)
	}
	if fk != 1 {
		return errors.New("foreign_keys is off")
	}
	return nil
}

// Path is the absolute path of the database file.
func (db *DB) Path() string { return db.path }

// Close closes the readers, then the writer (whose close checkpoints the WAL).
func (db *DB) Close() error {
	var errs []error
	if db.r != nil {
		errs = append(errs, db.r.Close())
	}
	if db.w != nil && !db.view {
		errs = append(errs, db.w.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// rollback ends a transaction that has not been committed; after Commit it
// is a harmless no-op, so it is deferred right after BeginTx.
func rollback(tx *sql.Tx) { _ = tx.Rollback() }
