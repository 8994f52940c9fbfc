package digest

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"maintwatch/feeds/internal/textutil"
)

// ErrBadWeek is wrapped by every week-string error.
var ErrBadWeek = errors.New("digest: bad week")

var weekRe = regexp.MustCompile(`^(\d{4})-W(\d{2})$`)

// ParseWeek reads an ISO 8601 week, YYYY-Www, and returns its Monday at
// 00:00 JST: the shops and the digest's readers live in Japan time.
func ParseWeek(s string) (time.Time, error) {
	m := weekRe.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, fmt.Errorf("%w: %q: want YYYY-Www, e.g. 2026-W23", ErrBadWeek, s)
	}
	year, _ := strconv.Atoi(m[1])
	week, _ := strconv.Atoi(m[2])
	// 4 January is always in week 1 (ISO 8601).
	jan4 := time.Date(year, 1, 4, 0, 0, 0, 0, textutil.JST)
	monday1 := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	start := monday1.AddDate(0, 0, 7*(week-1))
	if y, w := start.ISOWeek(); week < 1 || y != year || w != week {
		return time.Time{}, fmt.Errorf("%w: %q: %d has no week %d", ErrBadWeek, s, year, week)
	}
	return start, nil
}

// WeekOf names the ISO week containing t in JST.
func WeekOf(t time.Time) string {
	y, w := t.In(textutil.JST).ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}
