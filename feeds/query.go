package feeds

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"maintwatch/judge"
)

// DefaultLimit caps a feed at the most recently updated episodes.
const DefaultLimit = 50

// ErrBadQuery wraps every invalid filter value, so the server answers 400.
var ErrBadQuery = errors.New("feeds: bad query")

// Query selects the episodes of a feed. The zero Query means every published
// status, DefaultLimit items.
type Query struct {
	Statuses []judge.Status // empty: suspected, escalated, confirmed_leak, resolved
	MinScore float64
	Platform string
	Since    time.Time // episodes updated at or after
	Limit    int       // 0: DefaultLimit
}

// PublishedStatuses are the statuses a feed carries: the flagged ones and
// resolved, so a reader sees a flag withdrawn as an update of the same item.
var PublishedStatuses = []judge.Status{judge.Suspected, judge.Escalated, judge.ConfirmedLeak, judge.Resolved}

// ParseQuery reads ?status= (comma list), ?min_score=, ?platform=, ?since=
// (RFC 3339 or YYYY-MM-DD) and ?limit=. Any bad value is an error wrapping
// ErrBadQuery whose message names the parameter.
func ParseQuery(v url.Values) (Query, error) {
	var q Query
	if s := strings.TrimSpace(v.Get("status")); s != "" {
		for _, part := range strings.Split(s, ",") {
			st := judge.Status(strings.TrimSpace(part))
			if !published(st) {
				return Query{}, fmt.Errorf("%w: status %q: want a comma list of suspected, escalated, confirmed_leak, resolved", ErrBadQuery, part)
			}
			q.Statuses = append(q.Statuses, st)
		}
	}
	if s := strings.TrimSpace(v.Get("min_score")); s != "" {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f < 0 || f > 1 || f != f {
			return Query{}, fmt.Errorf("%w: min_score %q: want a number in [0, 1]", ErrBadQuery, s)
		}
		q.MinScore = f
	}
	q.Platform = strings.TrimSpace(v.Get("platform"))
	if s := strings.TrimSpace(v.Get("since")); s != "" {
		t, err := ParseSince(s)
		if err != nil {
			return Query{}, err
		}
		q.Since = t
	}
	if s := strings.TrimSpace(v.Get("limit")); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 1000 {
			return Query{}, fmt.Errorf("%w: limit %q: want an integer in [1, 1000]", ErrBadQuery, s)
		}
		q.Limit = n
	}
	return q, nil
}

// ParseSince accepts RFC 3339 or YYYY-MM-DD (midnight UTC).
func ParseSince(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%w: since %q: want RFC 3339 (2026-06-01T00:00:00Z) or YYYY-MM-DD", ErrBadQuery, s)
}

func published(s judge.Status) bool {
	for _, p := range PublishedStatuses {
		if s == p {
			return true
		}
	}
	return false
}

func (q Query) limit() int {
	if q.Limit <= 0 {
		return DefaultLimit
	}
	return q.Limit
}

func (q Query) statuses() []judge.Status {
	if len(q.Statuses) == 0 {
		return PublishedStatuses
	}
	return q.Statuses
}
