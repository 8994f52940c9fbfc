// Package textutil holds the small text helpers shared by the feed, page and
// digest renderers: stripping characters XML forbids and writing dates the way
// a Japanese reader expects next to the ISO form.
package textutil

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// StripInvalidXML removes characters that XML 1.0 forbids (§2.2 Char:
// #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]) and
// invalid UTF-8. encoding/xml would otherwise write them and every parser
// would reject the whole feed because of one bad byte in a shop's notice.
func StripInvalidXML(s string) string {
	clean := true
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				clean = false
				break
			}
		}
		if !validXMLRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				continue
			}
		}
		if validXMLRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func validXMLRune(r rune) bool {
	switch {
	case r == 0x9 || r == 0xA || r == 0xD:
		return true
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// JST is Japan Standard Time (no daylight saving since 1951). Dates shown to
// people are in JST: the shops date their notices in it, and a notice of
// 2026年6月1日 stored as 2026-05-31T15:00Z must read 6月1日. A fixed zone
// needs no tzdata on the host.
var JST = time.FixedZone("JST", 9*60*60)

// ISODate is the JST date of t in RFC 3339 form (2026-06-01).
func ISODate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(JST).Format("2006-01-02")
}

// DateTime is t in RFC 3339 at +09:00.
func DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(JST).Format(time.RFC3339)
}

// JPDate writes t's JST date the Japanese way: 2026年6月1日.
func JPDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(JST)
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// reiwaStart is the first day of the Reiwa era (令和元年5月1日).
var reiwaStart = time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)

// Wareki writes t in the Japanese era calendar: 令和8年6月1日 (元年 for the
// first year). Dates before Reiwa fall back to the Gregorian form, which
// maintwatch never needs for its own observations.
func Wareki(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(JST)
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if d.Before(reiwaStart) {
		return JPDate(t)
	}
	y := t.Year() - 2018
	year := fmt.Sprintf("%d", y)
	if y == 1 {
		year = "元"
	}
	return fmt.Sprintf("令和%s年%d月%d日", year, int(t.Month()), t.Day())
}

// BothDates is "2026-06-01 (2026年6月1日)".
func BothDates(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return ISODate(t) + " (" + JPDate(t) + ")"
}

// DaysBetween counts whole days from a to b (0 when b is not after a).
func DaysBetween(a, b time.Time) int {
	if a.IsZero() || !b.After(a) {
		return 0
	}
	return int(b.Sub(a) / (24 * time.Hour))
}

// Days is "less than a day", "1 day" or "n days".
func Days(n int) string {
	if n <= 0 {
		return "less than a day"
	}
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
