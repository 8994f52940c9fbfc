package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// timeLayout is RFC 3339 with a fixed nine-digit fraction: unlike
// time.RFC3339Nano it never trims zeros, so text order is time order and SQL
// can compare and index times as strings. Times are stored in UTC; the
// instant round-trips exactly (time.Time.Equal), the location does not.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// fmtTime encodes t; the zero time is stored as NULL.
func fmtTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// fmtTimeReq encodes a time for a NOT NULL column (the zero time included).
func fmtTimeReq(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(timeLayout, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad stored time %q: %w", s.String, err)
	}
	return t, nil
}

// jsonText encodes v for a TEXT column; nil slices become "[]" so the
// columns read the same whatever wrote them.
func jsonText(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	if string(b) == "null" {
		return "[]", nil
	}
	return string(b), nil
}

func fromJSON(s string, v any) error {
	// "[]" leaves v nil, so a nil slice written comes back nil.
	if s == "" || s == "[]" {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}
