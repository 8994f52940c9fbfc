package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"maintwatch/judge"
)

// SaveEpisodes replaces a site's episodes with eps in one transaction:
// each is upserted by its key (so its row id, and any feed id built on it,
// survives updates), the site's episodes whose key eps no longer holds are
// deleted, and the site's status, score and factors are set from the latest
// episode by Opened ("" and 0 when eps is empty).
func (db *DB) SaveEpisodes(ctx context.Context, siteID int64, eps []judge.Episode) error {
	keys := make([]string, 0, len(eps))
	seen := make(map[string]bool, len(eps))
	for _, e := range eps {
		if e.Key == "" {
			return fmt.Errorf("store: save episodes: site %d: episode with an empty key", siteID)
		}
		if seen[e.Key] {
			return fmt.Errorf("store: save episodes: site %d: duplicate episode key %q", siteID, e.Key)
		}
		seen[e.Key] = true
		keys = append(keys, e.Key)
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: save episodes: %w", err)
	}
	defer rollback(tx)
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM sites WHERE id = ?`, siteID).Scan(&one); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			err = ErrNotFound
		}
		return fmt.Errorf("store: save episodes: site %d: %w", siteID, err)
	}
	for _, e := range eps {
		if err := upsertEpisode(ctx, tx, siteID, e); err != nil {
			return fmt.Errorf("store: save episodes: site %d key %q: %w", siteID, e.Key, err)
		}
	}
	keyJSON, err := jsonText(keys)
	if err != nil {
		return fmt.Errorf("store: save episodes: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM episodes WHERE site_id = ?
		AND key NOT IN (SELECT value FROM json_each(?))`, siteID, keyJSON); err != nil {
		return fmt.Errorf("store: save episodes: delete stale: %w", err)
	}
	var (
		status  judge.Status
		score   float64
		factors = "[]"
	)
	if len(eps) > 0 {
		latest := eps[0]
		for _, e := range eps[1:] {
			if !e.Opened.Before(latest.Opened) { // ties: the later in eps wins
				latest = e
			}
		}
		status, score = latest.Status, latest.Score
		if factors, err = jsonText(latest.Factors); err != nil {
			return fmt.Errorf("store: save episodes: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sites SET status = ?, score = ?, factors = ? WHERE id = ?`,
		string(status), score, factors, siteID); err != nil {
		return fmt.Errorf("store: save episodes: update site: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: save episodes: %w", err)
	}
	return nil
}

func upsertEpisode(ctx context.Context, tx *sql.Tx, siteID int64, e judge.Episode) error {
	factors, err := jsonText(e.Factors)
	if err != nil {
		return err
	}
	evidence, err := jsonText(e.Evidence)
	if err != nil {
		return err
	}
	history, err := jsonText(e.History)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO episodes (site_id, key, status, score, opened, first_flagged,
			updated, closed, lead_time, factors, evidence, history)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (site_id, key) DO UPDATE SET status = excluded.status, score = excluded.score,
			opened = excluded.opened, first_flagged = excluded.first_flagged, updated = excluded.updated,
			closed = excluded.closed, lead_time = excluded.lead_time, factors = excluded.factors,
			evidence = excluded.evidence, history = excluded.history`,
		siteID, e.Key, string(e.Status), e.Score, fmtTimeReq(e.Opened), fmtTime(e.FirstFlagged),
		fmtTimeReq(e.Updated), fmtTime(e.Closed), int64(e.LeadTime), factors, evidence, history)
	return err
}

// Episodes returns episodes with their sites, most recently updated first,
// filtered by q (see EpisodeQuery: zero fields do not filter).
func (db *DB) Episodes(ctx context.Context, q EpisodeQuery) ([]SiteEpisode, error) {
	var (
		where []string
		args  []any
	)
	if q.SiteID != 0 {
		where, args = append(where, "e.site_id = ?"), append(args, q.SiteID)
	}
	if len(q.Statuses) > 0 {
		ph := strings.TrimSuffix(strings.Repeat("?,", len(q.Statuses)), ",")
		where = append(where, "e.status IN ("+ph+")")
		for _, s := range q.Statuses {
			args = append(args, string(s))
		}
	}
	if q.MinScore != 0 {
		where, args = append(where, "e.score >= ?"), append(args, q.MinScore)
	}
	if q.Platform != "" {
		where, args = append(where, "s.platform = ?"), append(args, q.Platform)
	}
	if !q.Since.IsZero() {
		where, args = append(where, "e.updated >= ?"), append(args, fmtTimeReq(q.Since))
	}
	query := `SELECT ` + siteCols + `, e.id, e.key, e.status, e.score, e.opened, e.first_flagged, e.updated,
			e.closed, e.lead_time, e.factors, e.evidence, e.history
		FROM episodes e JOIN sites s ON s.id = e.site_id`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY e.updated DESC, e.id DESC LIMIT ?"
	args = append(args, sqlLimit(q.Limit))

	rows, err := db.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list episodes: %w", err)
	}
	defer rows.Close()
	var out []SiteEpisode
	for rows.Next() {
		var (
			se                               SiteEpisode
			status, factors, evidence, hist  string
			opened, flagged, updated, closed sql.NullString
			lead                             int64
		)
		se.Site, err = scanSite(rows, &se.ID, &se.Key, &status, &se.Score, &opened, &flagged, &updated,
			&closed, &lead, &factors, &evidence, &hist)
		if err != nil {
			return nil, fmt.Errorf("store: list episodes: %w", err)
		}
		se.Status, se.LeadTime = judge.Status(status), time.Duration(lead)
		for _, t := range []struct {
			dst *time.Time
			src sql.NullString
		}{{&se.Opened, opened}, {&se.FirstFlagged, flagged}, {&se.Updated, updated}, {&se.Closed, closed}} {
			if *t.dst, err = parseTime(t.src); err != nil {
				return nil, fmt.Errorf("store: list episodes: %w", err)
			}
		}
		if err := fromJSON(factors, &se.Factors); err != nil {
			return nil, fmt.Errorf("store: list episodes: %d factors: %w", se.ID, err)
		}
		if err := fromJSON(evidence, &se.Evidence); err != nil {
			return nil, fmt.Errorf("store: list episodes: %d evidence: %w", se.ID, err)
		}
		if err := fromJSON(hist, &se.History); err != nil {
			return nil, fmt.Errorf("store: list episodes: %d history: %w", se.ID, err)
		}
		out = append(out, se)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list episodes: %w", err)
	}
	return out, nil
}
