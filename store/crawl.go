package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"

	"maintwatch/crawler"
	"maintwatch/judge"
)

// NoticeHash is the per-site deduplication key of a notice: SHA-256 of its
// title and body after NFKC with all whitespace removed, so that a notice
// re-rendered with other line breaks, spacing or full-width characters is the
// same notice. Japanese text does not separate words by spaces, so dropping
// them merges nothing that differs in wording.
func NoticeHash(title, body string) string {
	fold := func(s string) string { return strings.Join(strings.Fields(norm.NFKC.String(s)), "") }
	return hashHex([]byte(fold(title) + "\x00" + fold(body)))
}

// SaveCrawl stores one site's cycle in one transaction: the fetches (bodies
// as deduplicated, compressed snapshots), the notices not seen before with
// their classification and observation, the state observations, and the
// site's crawl fields. It returns the notice observations it stored, with
// their ids; a notice already stored for the site is skipped silently.
func (db *DB) SaveCrawl(ctx context.Context, rec CrawlRecord) (newNotices []judge.Observation, err error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: save crawl: %w", err)
	}
	defer rollback(tx)
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM sites WHERE id = ?`, rec.SiteID).Scan(&one); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			err = ErrNotFound
		}
		return nil, fmt.Errorf("store: save crawl: site %d: %w", rec.SiteID, err)
	}
	for _, f := range rec.Fetches {
		if err := saveFetch(ctx, tx, rec.SiteID, f); err != nil {
			return nil, fmt.Errorf("store: save crawl: fetch %s: %w", f.URL, err)
		}
	}
	for _, n := range rec.Notices {
		o, isNew, err := saveNotice(ctx, tx, rec, n)
		if err != nil {
			return nil, fmt.Errorf("store: save crawl: notice %q: %w", n.Title, err)
		}
		if isNew {
			newNotices = append(newNotices, o)
		}
	}
	for _, o := range rec.Observations {
		if o.Seen.IsZero() {
			o.Seen = rec.At
		}
		if _, err := insertObservation(ctx, tx, rec.SiteID, nil, o); err != nil {
			return nil, fmt.Errorf("store: save crawl: observation %s: %w", o.Kind, err)
		}
	}
	// An empty Platform means this cycle could not tell (e.g. the top page
	// failed): the last known platform stays.
	_, err = tx.ExecContext(ctx, `UPDATE sites SET
			platform = CASE WHEN ?1 <> '' THEN ?1 ELSE platform END,
			platform_version = CASE WHEN ?1 <> '' THEN ?2 ELSE platform_version END,
			last_crawl = ?3, last_result = ?4, extraction_failed = ?5,
			notices_seen = (SELECT count(*) FROM notices WHERE site_id = ?6)
		WHERE id = ?6`,
		rec.Platform, rec.PlatformVersion, fmtTime(rec.At), rec.Result, rec.ExtractionFailed, rec.SiteID)
	if err != nil {
		return nil, fmt.Errorf("store: save crawl: update site: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: save crawl: %w", err)
	}
	return newNotices, nil
}

func saveFetch(ctx context.Context, tx *sql.Tx, siteID int64, f crawler.Fetch) error {
	if f.Body != nil {
		// The hash is the evidence's anchor: recompute it rather than trust it,
		// and refuse a record whose stated hash is not of its body.
		sum := hashHex(f.Body)
		if f.SHA256 == "" {
			f.SHA256 = sum
		} else if !strings.EqualFold(f.SHA256, sum) {
			return fmt.Errorf("sha256 %s is not the hash of the body (%s)", f.SHA256, sum)
		}
		f.SHA256 = sum
		if err := putSnapshot(ctx, tx, sum, f.Body, f.ContentType, f.Charset, f.FetchedAt); err != nil {
			return fmt.Errorf("snapshot: %w", err)
		}
	} else if f.SHA256 != "" {
		// A 304 or an unchanged body: the stored snapshot is still the live
		// page, so retention must count it as seen now.
		if _, err := tx.ExecContext(ctx, `UPDATE snapshots SET last_seen = max(last_seen, ?) WHERE sha256 = ?`,
			fmtTimeReq(f.FetchedAt), strings.ToLower(f.SHA256)); err != nil {
			return fmt.Errorf("snapshot: %w", err)
		}
	}
	links, err := jsonText(f.Links)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO fetches (site_id, url, final_url, kind, fetched_at, status,
			content_type, etag, last_modified, sha256, truncated, charset, readable, not_modified, unchanged,
			err_kind, err, links)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		siteID, f.URL, f.FinalURL, string(f.Kind), fmtTimeReq(f.FetchedAt), f.Status,
		f.ContentType, f.ETag, f.LastModified, f.SHA256, f.Truncated, f.Charset, f.Readable, f.NotModified, f.Unchanged,
		f.ErrKind, f.Err, links)
	return err
}

// saveNotice inserts the notice unless the site already has it; a new
// notice also gets its classification and its observation.
func saveNotice(ctx context.Context, tx *sql.Tx, rec CrawlRecord, n NoticeRecord) (judge.Observation, bool, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO notices (site_id, hash, url, date, date_text, title, body,
			detail_url, fetch_sha256, first_seen)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (site_id, hash) DO NOTHING RETURNING id`,
		rec.SiteID, NoticeHash(n.Title, n.Body), n.URL, fmtTime(n.Date), n.DateText, n.Title, n.Body,
		n.DetailURL, n.FetchSHA256, fmtTimeReq(rec.At)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return judge.Observation{}, false, nil // seen before
	}
	if err != nil {
		return judge.Observation{}, false, err
	}
	ev, err := jsonText(n.Result.Evidence)
	if err != nil {
		return judge.Observation{}, false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO classifications (notice_id, label, score, evidence, classified_at)
		VALUES (?, ?, ?, ?, ?)`, id, string(n.Result.Label), n.Result.Score, ev, fmtTimeReq(rec.At)); err != nil {
		return judge.Observation{}, false, fmt.Errorf("classification: %w", err)
	}
	o := n.Observation
	if o.Kind == "" {
		o.Kind = judge.KindNotice
	}
	if o.Seen.IsZero() {
		o.Seen = rec.At
	}
	if o.SHA256 == "" {
		o.SHA256 = n.FetchSHA256
	}
	if o.ID, err = insertObservation(ctx, tx, rec.SiteID, &id, o); err != nil {
		return judge.Observation{}, false, fmt.Errorf("observation: %w", err)
	}
	return o, true, nil
}
