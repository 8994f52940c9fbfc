package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

func TestOpenMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nope")
	path := filepath.Join(dir, "w.db")
	_, err := Open(context.Background(), path)
	want := "store: open " + path + ": folder " + dir + " does not exist"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %q", err, want)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Open created the folder: %v", err)
	}
}

func TestOpenPragmas(t *testing.T) {
	// A folder name with URI syntax in it must still name the file.
	dir := filepath.Join(t.TempDir(), "a?b#c%d")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	db := mustOpenPath(t, filepath.Join(dir, "w.db"))
	if _, err := os.Stat(filepath.Join(dir, "w.db")); err != nil {
		t.Fatalf("database file not where asked: %v", err)
	}
	if got := rawQuery(t, db.w, "PRAGMA journal_mode"); got != "wal" {
		t.Errorf("writer journal_mode = %q", got)
	}
	if got := rawQuery(t, db.w, "PRAGMA foreign_keys"); got != "1" {
		t.Errorf("writer foreign_keys = %q", got)
	}
	if got := rawQuery(t, db.w, "PRAGMA busy_timeout"); got != "5000" {
		t.Errorf("writer busy_timeout = %q", got)
	}
	if got := rawQuery(t, db.w, "PRAGMA synchronous"); got != "1" { // NORMAL
		t.Errorf("writer synchronous = %q", got)
	}
	// Readers are read-only: a write through them must fail.
	if _, err := db.r.Exec("INSERT INTO sites (url, norm_url, added_at) VALUES ('x', 'x', 'x')"); err == nil {
		t.Error("write through the reader pool succeeded")
	}
	if _, err := db.w.Exec("INSERT INTO episodes (site_id, key, status, opened, updated) VALUES (999, 'k', 's', 'o', 'u')"); err == nil {
		t.Error("foreign key not enforced")
	}
}

func TestMigrationsVersionedAndIdempotent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.db")
	for range 3 {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if got := rawQuery(t, db.w, "PRAGMA user_version"); got != strconv.Itoa(SchemaVersion()) {
			t.Errorf("user_version = %s, want %d", got, SchemaVersion())
		}
		if _, err := db.AddSites(ctx, []SiteInput{{URL: "https://a.example/"}}); err != nil {
			t.Fatal(err)
		}
		if n := count(t, db, "sites"); n != 1 {
			t.Errorf("sites = %d after reopen, want 1", n)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if SchemaVersion() < 1 {
		t.Fatalf("SchemaVersion = %d", SchemaVersion())
	}

	// A database from a newer binary is refused, and left as it was.
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	future := SchemaVersion() + 1
	if _, err := raw.Exec("PRAGMA user_version = " + strconv.Itoa(future)); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	_, err = Open(ctx, path)
	wantErrContains(t, err, "schema version "+strconv.Itoa(future)+" is newer than this binary's")
}

func TestMigrationFilesNumbered(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if m.version != i+1 || m.sql == "" {
			t.Errorf("migration %d: %+v", i, m.name)
		}
	}
}

// TestMigrateFromVersion1 opens a file left by a binary that knew only the
// first migration: the rest apply, data stays.
func TestMigrateFromVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", writerDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{ms[0].sql, "PRAGMA user_version = 1",
		`INSERT INTO sites (url, norm_url, added_at) VALUES ('https://a.example/', 'https://a.example/', '2026-01-01T00:00:00.000000000Z')`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()

	db := mustOpenPath(t, path)
	if got := rawQuery(t, db.w, "PRAGMA user_version"); got != strconv.Itoa(len(ms)) {
		t.Errorf("user_version = %s, want %d", got, len(ms))
	}
	if got := rawQuery(t, db.w, "SELECT count(*) FROM sqlite_schema WHERE name = 'fetches_final_url'"); got != "1" {
		t.Error("migration 2 not applied")
	}
	if s, err := db.SiteByURL(ctx, "https://a.example"); err != nil || !s.AddedAt.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("old data = %+v, %v", s, err)
	}
}

// A read view must read while every connection of the DB's own pool is
// taken (the web server of `watcher run` against the crawl), write through
// the same single writer, and leave that writer open when it closes.
func TestReadViewHasItsOwnReaders(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	mustSites(t, db, 2)
	view, err := db.ReadView(ctx)
	if err != nil {
		t.Fatal(err)
	}

	// Take every connection of db's reader pool.
	n := db.r.Stats().MaxOpenConnections
	var held []*sql.Conn
	for range n {
		c, err := db.r.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	_, err = db.Sites(short)
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("db.Sites with its pool exhausted: err = %v, want a deadline (the test no longer exhausts the pool)", err)
	}
	sites, err := view.Sites(ctx)
	if err != nil || len(sites) != 2 {
		t.Fatalf("view.Sites with db's pool exhausted: %d sites, err %v; want 2, nil", len(sites), err)
	}
	for _, c := range held {
		c.Close()
	}

	// Writes through the view land in the same database.
	if _, err := view.AddSites(ctx, []SiteInput{{URL: "https://view.example/"}}); err != nil {
		t.Fatal(err)
	}
	if err := view.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddSites(ctx, []SiteInput{{URL: "https://after.example/"}}); err != nil {
		t.Fatalf("writer closed with the view: %v", err)
	}
	if sites, err := db.Sites(ctx); err != nil || len(sites) != 4 {
		t.Fatalf("db.Sites after the view: %d sites, err %v; want 4", len(sites), err)
	}
}
