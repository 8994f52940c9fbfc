package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"maintwatch/judge"
	"maintwatch/nlp"
)

func insertObservation(ctx context.Context, tx *sql.Tx, siteID int64, noticeID *int64, o judge.Observation) (int64, error) {
	reasons, err := jsonText(o.Reasons)
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO observations (site_id, notice_id, kind, seen, date, url, sha256,
			title, text, label, score, reasons, card_available, other_methods, fingerprint)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		siteID, noticeID, string(o.Kind), fmtTimeReq(o.Seen), fmtTime(o.Date), o.URL, o.SHA256,
		o.Title, o.Text, string(o.Label), o.Score, reasons, o.CardAvailable, o.OtherMethods, o.Fingerprint)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// Observations returns a site's observations, oldest first (by seen, then
// id), ready for the judge.
func (db *DB) Observations(ctx context.Context, siteID int64) ([]judge.Observation, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, kind, seen, date, url, sha256, title, text, label, score,
			reasons, card_available, other_methods, fingerprint
		FROM observations WHERE site_id = ? ORDER BY seen, id`, siteID)
	if err != nil {
		return nil, fmt.Errorf("store: list observations: %w", err)
	}
	defer rows.Close()
	var out []judge.Observation
	for rows.Next() {
		var (
			o                   judge.Observation
			kind, label, reason string
			seen, date          sql.NullString
		)
		if err := rows.Scan(&o.ID, &kind, &seen, &date, &o.URL, &o.SHA256, &o.Title, &o.Text, &label, &o.Score,
			&reason, &o.CardAvailable, &o.OtherMethods, &o.Fingerprint); err != nil {
			return nil, fmt.Errorf("store: list observations: %w", err)
		}
		o.Kind, o.Label = judge.Kind(kind), nlp.Label(label)
		if o.Seen, err = parseTime(seen); err != nil {
			return nil, fmt.Errorf("store: list observations: %w", err)
		}
		if o.Date, err = parseTime(date); err != nil {
			return nil, fmt.Errorf("store: list observations: %w", err)
		}
		if err := fromJSON(reason, &o.Reasons); err != nil {
			return nil, fmt.Errorf("store: list observations: %d reasons: %w", o.ID, err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list observations: %w", err)
	}
	return out, nil
}

// Corroboration counts, for each fingerprint, the distinct sites with an
// observation of that fingerprint seen, or dated, within window of at
// (inclusive). Empty fingerprints and fingerprints with no such observation
// are left out of the map (the judge reads a missing entry as 1).
func (db *DB) Corroboration(ctx context.Context, fingerprints []string, at time.Time, window time.Duration) (map[string]int, error) {
	out := make(map[string]int)
	if len(fingerprints) == 0 {
		return out, nil
	}
	window = max(window, -window)
	lo, hi := fmtTimeReq(at.Add(-window)), fmtTimeReq(at.Add(window))
	conn, err := db.r.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: corroboration: %w", err)
	}
	defer conn.Close()
	stmt, err := conn.PrepareContext(ctx, `SELECT count(DISTINCT site_id) FROM observations
		WHERE fingerprint = ?1 AND ((seen BETWEEN ?2 AND ?3) OR (date BETWEEN ?2 AND ?3))`)
	if err != nil {
		return nil, fmt.Errorf("store: corroboration: %w", err)
	}
	defer stmt.Close()
	done := make(map[string]bool, len(fingerprints))
	for _, fp := range fingerprints {
		if fp == "" || done[fp] {
			continue
		}
		done[fp] = true
		var n int
		if err := stmt.QueryRowContext(ctx, fp, lo, hi).Scan(&n); err != nil {
			return nil, fmt.Errorf("store: corroboration: %w", err)
		}
		if n > 0 {
			out[fp] = n
		}
	}
	return out, nil
}
