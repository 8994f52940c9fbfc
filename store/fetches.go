package store

import (
	"context"
	"database/sql"
	"fmt"

	"maintwatch/crawler"
)

var _ crawler.History = (*DB)(nil)

const fetchCols = `id, site_id, url, final_url, kind, fetched_at, status, content_type, etag, last_modified,
	sha256, truncated, charset, readable, not_modified, unchanged, err_kind, err, links`

func scanFetch(sc scanner) (FetchRecord, error) {
	var (
		f           FetchRecord
		kind, links string
		at          sql.NullString
	)
	if err := sc.Scan(&f.ID, &f.SiteID, &f.URL, &f.FinalURL, &kind, &at, &f.Status, &f.ContentType, &f.ETag,
		&f.LastModified, &f.SHA256, &f.Truncated, &f.Charset, &f.Readable, &f.NotModified, &f.Unchanged,
		&f.ErrKind, &f.Err, &links); err != nil {
		return FetchRecord{}, err
	}
	f.Kind = crawler.PageKind(kind)
	var err error
	if f.FetchedAt, err = parseTime(at); err != nil {
		return FetchRecord{}, err
	}
	if err := fromJSON(links, &f.Links); err != nil {
		return FetchRecord{}, fmt.Errorf("fetch %d links: %w", f.ID, err)
	}
	return f, nil
}

func (db *DB) queryFetches(ctx context.Context, query string, args ...any) ([]FetchRecord, error) {
	rows, err := db.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FetchRecord
	for rows.Next() {
		f, err := scanFetch(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// sqlLimit maps "0 = no limit" onto SQLite, where a negative LIMIT means none.
func sqlLimit(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

// Fetches returns a site's fetches, newest first; limit 0 means all.
func (db *DB) Fetches(ctx context.Context, siteID int64, limit int) ([]FetchRecord, error) {
	out, err := db.queryFetches(ctx, `SELECT `+fetchCols+` FROM fetches WHERE site_id = ?
		ORDER BY fetched_at DESC, id DESC LIMIT ?`, siteID, sqlLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("store: list fetches: %w", err)
	}
	return out, nil
}

// FetchesByURL returns the fetches of one URL, as requested or as reached
// after redirects, newest first; limit 0 means all.
func (db *DB) FetchesByURL(ctx context.Context, url string, limit int) ([]FetchRecord, error) {
	out, err := db.queryFetches(ctx, `SELECT `+fetchCols+` FROM fetches WHERE id IN (
			SELECT id FROM fetches WHERE url = ?1 UNION SELECT id FROM fetches WHERE final_url = ?1 AND final_url <> '')
		ORDER BY fetched_at DESC, id DESC LIMIT ?2`, url, sqlLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("store: list fetches of %s: %w", url, err)
	}
	return out, nil
}

// priorDepth bounds how far back Prior walks a run of 304s.
const priorDepth = 32

// Prior implements crawler.History with the latest fetch of url that
// answered 200 or 304. A 304 row may lack what its server did not resend
// (ETag, Last-Modified) or what was not re-read (hash, links); such gaps are
// filled from the older rows of the same URL, back to the 200 that carried
// the body.
func (db *DB) Prior(ctx context.Context, url string) (crawler.Prior, bool, error) {
	fs, err := db.queryFetches(ctx, `SELECT `+fetchCols+` FROM fetches
		WHERE url = ? AND status IN (200, 304) ORDER BY fetched_at DESC, id DESC LIMIT ?`, url, priorDepth)
	if err != nil {
		return crawler.Prior{}, false, fmt.Errorf("store: prior %s: %w", url, err)
	}
	if len(fs) == 0 {
		return crawler.Prior{}, false, nil
	}
	var p crawler.Prior
	for _, f := range fs {
		if p.ETag == "" {
			p.ETag = f.ETag
		}
		if p.LastModified == "" {
			p.LastModified = f.LastModified
		}
		if p.SHA256 == "" {
			p.SHA256 = f.SHA256
		}
		if p.Links == nil {
			p.Links = f.Links
		}
		if f.Status == 200 {
			break
		}
	}
	return p, true, nil
}
