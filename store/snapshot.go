package store

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"maintwatch/judge"
)

// Snapshots are compressed with the standard library's gzip: Japanese shop
// HTML shrinks 4-8x with it, it adds no dependency, and a body can be pulled
// out with the sqlite3 shell and gunzip alone. The encoding column lets a
// later migration switch to zstd without rewriting old rows.
const encGzip = "gzip"

// maxSnapshot bounds decompression on read, so a corrupted or hostile row
// cannot balloon memory (the crawler caps bodies far below this).
const maxSnapshot = 64 << 20

// gzipWriters reuses compressors: a gzip.Writer at the default level
// allocates about 1 MB of tables on its first Write, once per snapshot
// without the pool. A cycle stores thousands of snapshots, and those
// allocations, made while a collection is marking, counted as live heap:
// the 500-shop cycle's live-heap peak held some 30 MB of them (heap profile
// at the peak, session 3).
var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}

func compress(body []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(body)/4 + 64)
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(&buf)
	if _, err := zw.Write(body); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	zw.Reset(io.Discard) // drop the reference to buf while pooled
	return buf.Bytes(), nil
}

func decompress(enc string, b []byte) ([]byte, error) {
	switch enc {
	case encGzip:
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		out, err := io.ReadAll(io.LimitReader(zr, maxSnapshot+1))
		if err != nil {
			return nil, err
		}
		if len(out) > maxSnapshot {
			return nil, errors.New("snapshot larger than 64 MiB")
		}
		return out, nil
	default:
		return nil, fmt.Errorf("unknown snapshot encoding %q", enc)
	}
}

func hashHex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// putSnapshot stores body under its hash unless it is already there, in
// which case only last_seen moves. It compresses only new bodies.
func putSnapshot(ctx context.Context, tx *sql.Tx, sum string, body []byte, contentType, charset string, at time.Time) error {
	ts := fmtTimeReq(at)
	res, err := tx.ExecContext(ctx, `UPDATE snapshots SET last_seen = max(last_seen, ?) WHERE sha256 = ?`, ts, sum)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return err
	}
	z, err := compress(body)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO snapshots (sha256, encoding, body, size, content_type, charset, first_seen, last_seen)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, sum, encGzip, z, len(body), contentType, charset, ts, ts)
	return err
}

// Snapshot returns a stored body, decompressed; the error wraps ErrNotFound
// for an unknown (or pruned) hash.
func (db *DB) Snapshot(ctx context.Context, sum string) (Snapshot, error) {
	sum = strings.ToLower(sum) // stored as lower-case hex
	var (
		s         Snapshot
		enc       string
		z         []byte
		firstSeen sql.NullString
	)
	err := db.r.QueryRowContext(ctx, `SELECT sha256, encoding, body, size, content_type, charset, first_seen
		FROM snapshots WHERE sha256 = ?`, sum).Scan(&s.SHA256, &enc, &z, &s.Size, &s.ContentType, &s.Charset, &firstSeen)
	if errors.Is(err, sql.ErrNoRows) {
		return Snapshot{}, fmt.Errorf("store: get snapshot %s: %w", sum, ErrNotFound)
	}
	if err != nil {
		return Snapshot{}, fmt.Errorf("store: get snapshot %s: %w", sum, err)
	}
	if s.FirstSeen, err = parseTime(firstSeen); err != nil {
		return Snapshot{}, fmt.Errorf("store: get snapshot %s: %w", sum, err)
	}
	if s.Body, err = decompress(enc, z); err != nil {
		return Snapshot{}, fmt.Errorf("store: get snapshot %s: %w", sum, err)
	}
	return s, nil
}

// PruneSnapshots is the retention rule: it deletes the raw bodies last
// fetched before olderThan (so first seen before it too; a 304 or an
// unchanged 200 naming the hash counts as a fetch), except those that
// back the evidence of a flagged episode (suspected, escalated or
// confirmed_leak): a hash named by an evidence observation of such an
// episode, or by the stored observation an evidence entry points to by id.
// Resolved episodes keep their text and hashes but lose the raw bodies.
// Fetch rows are kept; Snapshot then answers ErrNotFound for their hash.
func (db *DB) PruneSnapshots(ctx context.Context, olderThan time.Time) (int, error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: prune snapshots: %w", err)
	}
	defer rollback(tx)
	res, err := tx.ExecContext(ctx, `
		WITH ev AS (
			SELECT json_extract(j.value, '$.sha256') AS sha, json_extract(j.value, '$.id') AS oid
			FROM episodes e, json_each(e.evidence) j
			WHERE e.status IN (?, ?, ?)
		), keep AS (
			SELECT sha FROM ev WHERE sha IS NOT NULL AND sha <> ''
			UNION
			SELECT o.sha256 FROM observations o JOIN ev ON o.id = ev.oid WHERE o.sha256 <> ''
		)
		DELETE FROM snapshots WHERE last_seen < ? AND sha256 NOT IN (SELECT sha FROM keep)`,
		string(judge.Suspected), string(judge.Escalated), string(judge.ConfirmedLeak), fmtTimeReq(olderThan))
	if err != nil {
		return 0, fmt.Errorf("store: prune snapshots: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("store: prune snapshots: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: prune snapshots: %w", err)
	}
	return int(n), nil
}
