package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"maintwatch/judge"
)

// NormalizeURL returns the key under which a site URL is deduplicated:
// scheme and host lower-cased, the default port and the fragment dropped, an
// empty path made "/", the rest (path, query) kept as written. Only absolute
// http and https URLs are accepted.
func NormalizeURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("bad URL %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("bad URL %q: not http or https", raw)
	}
	if u.Host == "" || u.Hostname() == "" {
		return "", fmt.Errorf("bad URL %q: no host", raw)
	}
	if u.User != nil {
		return "", fmt.Errorf("bad URL %q: credentials in URL", raw)
	}
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") { // IPv6 literal
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	return u.String(), nil
}

// AddSites adds sites in one transaction: either every input is valid and
// stored (sites already present, by normalised URL, are skipped) or nothing
// is. added counts the sites that were new.
func (db *DB) AddSites(ctx context.Context, sites []SiteInput) (added int, err error) {
	type row struct{ url, norm, name string }
	rows := make([]row, 0, len(sites))
	for i, s := range sites {
		norm, err := NormalizeURL(s.URL)
		if err != nil {
			return 0, fmt.Errorf("store: add sites: site %d: %w", i+1, err)
		}
		rows = append(rows, row{strings.TrimSpace(s.URL), norm, strings.TrimSpace(s.Name)})
	}
	now := fmtTimeReq(db.Now())
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: add sites: %w", err)
	}
	defer rollback(tx)
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO sites (url, norm_url, name, added_at)
		VALUES (?, ?, ?, ?) ON CONFLICT (norm_url) DO NOTHING`)
	if err != nil {
		return 0, fmt.Errorf("store: add sites: %w", err)
	}
	defer stmt.Close()
	for _, r := range rows {
		res, err := stmt.ExecContext(ctx, r.url, r.norm, r.name, now)
		if err != nil {
			return 0, fmt.Errorf("store: add sites: %s: %w", r.url, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, fmt.Errorf("store: add sites: %w", err)
		}
		added += int(n)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: add sites: %w", err)
	}
	return added, nil
}

// siteCols lists the sites columns scanSite reads, qualified by alias s.
const siteCols = `s.id, s.url, s.name, s.added_at, s.platform, s.platform_version,
	s.last_crawl, s.last_result, s.status, s.score, s.factors, s.extraction_failed, s.notices_seen`

type scanner interface{ Scan(dest ...any) error }

// scanSite reads siteCols plus any extra destinations after them.
func scanSite(sc scanner, extra ...any) (Site, error) {
	var (
		s                Site
		added, lastCrawl sql.NullString
		status, factors  string
	)
	dest := append([]any{&s.ID, &s.URL, &s.Name, &added, &s.Platform, &s.PlatformVersion,
		&lastCrawl, &s.LastResult, &status, &s.Score, &factors, &s.ExtractionFailed, &s.NoticesSeen}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return Site{}, err
	}
	var err error
	if s.AddedAt, err = parseTime(added); err != nil {
		return Site{}, err
	}
	if s.LastCrawl, err = parseTime(lastCrawl); err != nil {
		return Site{}, err
	}
	s.Status = judge.Status(status)
	if err := fromJSON(factors, &s.Factors); err != nil {
		return Site{}, fmt.Errorf("site %d factors: %w", s.ID, err)
	}
	return s, nil
}

// Sites lists every site, ordered by id.
func (db *DB) Sites(ctx context.Context) ([]Site, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+siteCols+` FROM sites s ORDER BY s.id`)
	if err != nil {
		return nil, fmt.Errorf("store: list sites: %w", err)
	}
	defer rows.Close()
	var out []Site
	for rows.Next() {
		s, err := scanSite(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list sites: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list sites: %w", err)
	}
	return out, nil
}

// Site returns one site; the error wraps ErrNotFound when there is none.
func (db *DB) Site(ctx context.Context, id int64) (Site, error) {
	s, err := scanSite(db.r.QueryRowContext(ctx, `SELECT `+siteCols+` FROM sites s WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Site{}, fmt.Errorf("store: get site %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Site{}, fmt.Errorf("store: get site %d: %w", id, err)
	}
	return s, nil
}

// SiteByURL finds a site by URL, compared after NormalizeURL.
func (db *DB) SiteByURL(ctx context.Context, rawURL string) (Site, error) {
	norm, err := NormalizeURL(rawURL)
	if err != nil {
		return Site{}, fmt.Errorf("store: get site %s: %w", rawURL, err)
	}
	s, err := scanSite(db.r.QueryRowContext(ctx, `SELECT `+siteCols+` FROM sites s WHERE s.norm_url = ?`, norm))
	if errors.Is(err, sql.ErrNoRows) {
		return Site{}, fmt.Errorf("store: get site %s: %w", rawURL, ErrNotFound)
	}
	if err != nil {
		return Site{}, fmt.Errorf("store: get site %s: %w", rawURL, err)
	}
	return s, nil
}
