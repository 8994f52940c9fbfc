package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"maintwatch/judge"
	"maintwatch/nlp"
)

// CorroborationQuery selects the wordings whose spread across shops a cycle
// needs: on each site, every fingerprint of its observations of Kinds with
// one of Labels, dated by the first such observation (by seen, then id).
type CorroborationQuery struct {
	Kinds  []judge.Kind
	Labels []nlp.Label
	// Window is how close to that date another shop's observation of the
	// same wording must be seen or dated (inclusive, whole seconds).
	Window time.Duration
	// SiteIDs limits the sites whose wordings are counted (nil: every site).
	// Other shops count towards them whatever this says.
	SiteIDs []int64
}

// corroborationSQL does in one statement what Corroboration does per
// fingerprint, for every site at once. Times are stored in timeLayout (UTC,
// fixed nine-digit fraction), so the window's bounds are computed on the
// whole seconds with strftime and the fraction is carried over unchanged:
// SQLite's own time arithmetic works in milliseconds, and the bounds must
// keep the nanoseconds to compare as the per-fingerprint query did.
const corroborationSQL = `
WITH firsts AS (
	SELECT site_id, fingerprint, seen, date,
		row_number() OVER (PARTITION BY site_id, fingerprint ORDER BY seen, id) AS rn
	FROM observations
	WHERE fingerprint > ''
		AND kind IN (SELECT value FROM json_each(?1))
		AND label IN (SELECT value FROM json_each(?2))
		AND (?4 IS NULL OR site_id IN (SELECT value FROM json_each(?4)))
), anchors AS (
	SELECT site_id, fingerprint,
		CASE WHEN date IS NOT NULL AND date <= seen THEN date ELSE seen END AS at
	FROM firsts WHERE rn = 1
), bounds AS (
	SELECT site_id, fingerprint,
		strftime('%Y-%m-%dT%H:%M:%S', substr(at, 1, 19), printf('-%d seconds', ?3)) || substr(at, 20) AS lo,
		strftime('%Y-%m-%dT%H:%M:%S', substr(at, 1, 19), printf('+%d seconds', ?3)) || substr(at, 20) AS hi
	FROM anchors
)
SELECT b.site_id, b.fingerprint,
	(SELECT count(DISTINCT o.site_id) FROM observations o
		WHERE o.fingerprint = b.fingerprint
			AND ((o.seen BETWEEN b.lo AND b.hi) OR (o.date BETWEEN b.lo AND b.hi)))
FROM bounds b`

// CorroborationBySite answers, in one query, what Corroboration answers per
// fingerprint: for each site, each wording q selects, the number of distinct
// sites (the site itself included) with an observation of that wording seen
// or dated within q.Window of the site's first such observation's effective
// date (judge.Observation.When). A crawl cycle judges every site with it
// instead of one query per wording per site over the whole history.
func (db *DB) CorroborationBySite(ctx context.Context, q CorroborationQuery) (map[int64]map[string]int, error) {
	out := map[int64]map[string]int{}
	if len(q.Kinds) == 0 || len(q.Labels) == 0 || q.SiteIDs != nil && len(q.SiteIDs) == 0 {
		return out, nil
	}
	kinds, err := json.Marshal(q.Kinds)
	if err != nil {
		return nil, fmt.Errorf("store: corroboration by site: %w", err)
	}
	labels, err := json.Marshal(q.Labels)
	if err != nil {
		return nil, fmt.Errorf("store: corroboration by site: %w", err)
	}
	var sites any // NULL: every site
	if q.SiteIDs != nil {
		b, err := json.Marshal(q.SiteIDs)
		if err != nil {
			return nil, fmt.Errorf("store: corroboration by site: %w", err)
		}
		sites = string(b)
	}
	window := max(q.Window, -q.Window) / time.Second
	rows, err := db.r.QueryContext(ctx, corroborationSQL, string(kinds), string(labels), int64(window), sites)
	if err != nil {
		return nil, fmt.Errorf("store: corroboration by site: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			site int64
			fp   string
			n    int
		)
		if err := rows.Scan(&site, &fp, &n); err != nil {
			return nil, fmt.Errorf("store: corroboration by site: %w", err)
		}
		if out[site] == nil {
			out[site] = map[string]int{}
		}
		out[site][fp] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: corroboration by site: %w", err)
	}
	return out, nil
}
