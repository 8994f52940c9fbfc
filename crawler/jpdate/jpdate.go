// Package jpdate reads the dates Japanese shops write in their notices.
//
// It is hand-written rather than built on github.com/markusmobius/go-dateparser
// because that library fails on the Japanese era forms shops use (令和8年6月1日,
// R8.6.1) and, for a date written without a year (6月1日(月), 6/1), silently
// fills in a year. maintwatch must never guess: a date it cannot read is stored
// as unknown, and a year-less date is resolved against the fetch time with a
// documented rule (and the weekday, when given, must agree).
package jpdate

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// jst is the zone of every returned date. A fixed zone keeps results
// independent of the machine's tzdata.
var jst = time.FixedZone("JST", 9*3600)

const (
	minYear = 1989 // the first year of 平成; older dates are not shop notices
	maxYear = 2100
	// lookahead is how far after the reference a year-less date may fall:
	// shops announce maintenance a few weeks ahead, never a year ahead.
	lookahead = 62 * 24 * time.Hour
)

// Match is a date found in a string.
type Match struct {
	Time  time.Time // midnight jst
	Text  string    // the date as it appears in the NFKC-normalised string
	Start int       // byte offsets of Text in the normalised string
	End   int
}

// Parse returns the first date written in s, at midnight jst. ref is the time
// the text was fetched; it is used only for dates written without a year.
// ok is false when s holds no date, or when the first date is not a real
// calendar date (2026/02/30): it is never corrected.
func Parse(s string, ref time.Time) (time.Time, bool) {
	m, ok := Find(s, ref)
	return m.Time, ok
}

// Find is Parse that also says where the date was found, so callers can
// separate a date from the title written next to it. The offsets refer to
// Normalize(s).
func Find(s string, ref time.Time) (Match, bool) {
	s = Normalize(s)
	// A date with a year wins over a year-less one anywhere in the string:
	// "1/2" in "送料1/2" must not beat "2026年6月1日" further on.
	if m, found, ok := findFull(s); found {
		return m, ok
	}
	return findYearless(s, ref)
}

// Normalize applies NFKC (full-width digits and brackets become ASCII,
// ㋿ becomes 令和) and replaces invalid UTF-8.
func Normalize(s string) string {
	return norm.NFKC.String(strings.ToValidUTF8(s, "\uFFFD"))
}

var (
	// 2026/06/01, 2026.6.1, 2026-06-01 (separators must agree).
	reNumeric = regexp.MustCompile(`(\d{4})\s?([/.\-])\s?(\d{1,2})\s?([/.\-])\s?(\d{1,2})`)
	// 2026年6月1日
	reKanji = regexp.MustCompile(`(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日`)
	// 令和8年6月1日, 令和元年5月1日, R8.6.1, H31/4/30, R8年6月1日
	reEra = regexp.MustCompile(`(令和|平成|昭和|大正|明治|[RrHh])\s?(\d{1,2}|元)\s?(?:年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日|([/.\-])\s?(\d{1,2})\s?([/.\-])\s?(\d{1,2}))`)
	// 令和八年六月一日, 二〇二六年六月一日: formal letters write numbers in kanji.
	reKanjiNum = regexp.MustCompile(`(令和|平成|昭和|大正|明治)?\s?([〇一二三四五六七八九十]+|元)\s?年\s?([〇一二三四五六七八九十]+)\s?月\s?([〇一二三四五六七八九十]+)\s?日`)
	// ISO 8601 time after a numeric date: T10:00:00+09:00
	reISOTime = regexp.MustCompile(`^T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+\-]\d{2}:?\d{2})?`)
	// (月), (月曜日), (Mon) right after a date
	reWeekdayAfter = regexp.MustCompile(`^\s?\(\s?(?:[月火水木金土日](?:曜日?)?|(?i:sun|mon|tue|wed|thu|fri|sat))\.?\s?\)`)
	// June 12, 2026 / Jun 4, 2026 / Sept. 3rd, 2026: English themes (Shopify,
	// WordPress in an English locale) print month names.
	reEnMDY = regexp.MustCompile(`(?i)(` + enMonths + `)\.?\s?(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})`)
	// 10 Jun 2026 / 3rd June, 2026 (day first, as en-GB themes print).
	reEnDMY = regexp.MustCompile(`(?i)(\d{1,2})(?:st|nd|rd|th)?\s(` + enMonths + `)\.?,?\s(\d{4})`)
	// '26.06.12, ’26/6/12: a two-digit year marked by an apostrophe.
	reApostrophe = regexp.MustCompile(`['‘’](\d{2})([/.\-])(\d{1,2})([/.\-])(\d{1,2})`)
	// 6月1日(月), 6/1(月)
	reMD = regexp.MustCompile(`(\d{1,2})\s?(?:月\s?(\d{1,2})\s?日|/\s?(\d{1,2}))(?:\s?\(\s?([月火水木金土日]|[A-Za-z]{3})(?:曜日?)?\.?\s?\))?`)
)

// enMonths lists English month names, longest first so that the regexp
// alternation takes "June" before "Jun".
const enMonths = `january|february|march|april|may|june|july|august|september|october|november|december|` +
	`sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec`

var enMonthNumber = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// enMonth reads an English month name (June, Jun, Sept) as its number.
func enMonth(name string) int {
	name = strings.ToLower(name)
	if len(name) < 3 {
		return -1
	}
	if n, ok := enMonthNumber[name[:3]]; ok {
		return n
	}
	return -1
}

// isLetter reports whether b is an ASCII letter.
func isLetter(b byte) bool { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') }

type era struct {
	offset int // western year = offset + era year
	start  time.Time
	// end, when set, is the era's last day: dates after it are refused.
	// 平成 has none: shops went on writing 平成31年5月1日 for a while, and
	// that names one day without doubt.
	end time.Time
}

var eras = map[string]era{
	"令和": {2018, time.Date(2019, 5, 1, 0, 0, 0, 0, jst), time.Time{}},
	"平成": {1988, time.Date(1989, 1, 8, 0, 0, 0, 0, jst), time.Time{}},
	// Older eras are read only so that their dates are refused (before
	// minYear) rather than mistaken for the year-less 1月7日 inside them.
	"昭和": {1925, time.Date(1926, 12, 25, 0, 0, 0, 0, jst), time.Date(1989, 1, 7, 0, 0, 0, 0, jst)},
	"大正": {1911, time.Date(1912, 7, 30, 0, 0, 0, 0, jst), time.Date(1926, 12, 25, 0, 0, 0, 0, jst)},
	"明治": {1867, time.Date(1868, 1, 25, 0, 0, 0, 0, jst), time.Date(1912, 7, 30, 0, 0, 0, 0, jst)},
}

// holds reports whether era year y and day t fall within the era.
func (e era) holds(y int, t time.Time) bool {
	return y >= 1 && !t.Before(e.start) && (e.end.IsZero() || !t.After(e.end))
}

func eraFor(name string) era {
	switch name {
	case "R", "r":
		return eras["令和"]
	case "H", "h":
		return eras["平成"]
	}
	return eras[name]
}

// candidate is one match of one pattern; the earliest wins.
type candidate struct {
	start, end int
	t          time.Time
	ok         bool
}

// findFull finds the first date that carries its year. found says whether a
// date-shaped string was seen at all; ok whether it was a valid date.
func findFull(s string) (Match, bool, bool) {
	var best *candidate
	consider := func(c candidate) {
		if best == nil || c.start < best.start || (c.start == best.start && c.end > best.end) {
			best = &c
		}
	}
	for _, ix := range reNumeric.FindAllStringSubmatchIndex(s, -1) {
		if !digitBoundary(s, ix[0], ix[1]) || s[ix[4]:ix[5]] != s[ix[8]:ix[9]] {
			continue
		}
		// 0120-12-34 is a phone number, not a year-0120 date.
		if y := atoi(s[ix[2]:ix[3]]); y < minYear || y > maxYear {
			continue
		}
		c := candidate{start: ix[0], end: ix[1]}
		c.t, c.ok = ymd(atoi(s[ix[2]:ix[3]]), atoi(s[ix[6]:ix[7]]), atoi(s[ix[10]:ix[11]]))
		if c.ok && s[ix[4]:ix[5]] == "-" {
			c.t, c.end = withISOTime(s, c.t, c.end)
		}
		consider(c)
		break // later matches of the same pattern cannot be earlier
	}
	for _, ix := range reKanji.FindAllStringSubmatchIndex(s, -1) {
		if !digitBoundary(s, ix[0], ix[1]) {
			continue
		}
		c := candidate{start: ix[0], end: ix[1]}
		c.t, c.ok = ymd(atoi(s[ix[2]:ix[3]]), atoi(s[ix[4]:ix[5]]), atoi(s[ix[6]:ix[7]]))
		consider(c)
		break
	}
	for _, ix := range reEra.FindAllStringSubmatchIndex(s, -1) {
		if !eraBoundary(s, ix[0], ix[1]) {
			continue
		}
		var m, d int
		if ix[6] >= 0 {
			m, d = atoi(s[ix[6]:ix[7]]), atoi(s[ix[8]:ix[9]])
		} else {
			if s[ix[10]:ix[11]] != s[ix[14]:ix[15]] {
				continue
			}
			m, d = atoi(s[ix[12]:ix[13]]), atoi(s[ix[16]:ix[17]])
		}
		e := eraFor(s[ix[2]:ix[3]])
		y := 1
		if ys := s[ix[4]:ix[5]]; ys != "元" {
			y = atoi(ys)
		}
		c := candidate{start: ix[0], end: ix[1]}
		c.t, c.ok = ymd(e.offset+y, m, d)
		// 令和1年4月30日 does not exist: the era had not begun.
		if c.ok && !e.holds(y, c.t) {
			c.ok = false
		}
		consider(c)
		break
	}
	for _, ix := range reEnMDY.FindAllStringSubmatchIndex(s, -1) {
		// The month must be a word of its own: "Bmay 5, 2026" is none.
		if ix[0] > 0 && isLetter(s[ix[0]-1]) || !digitBoundary(s, ix[0], ix[1]) {
			continue
		}
		c := candidate{start: ix[0], end: ix[1]}
		c.t, c.ok = ymd(atoi(s[ix[6]:ix[7]]), enMonth(s[ix[2]:ix[3]]), atoi(s[ix[4]:ix[5]]))
		consider(c)
		break
	}
	for _, ix := range reEnDMY.FindAllStringSubmatchIndex(s, -1) {
		if !digitBoundary(s, ix[0], ix[1]) {
			continue
		}
		c := candidate{start: ix[0], end: ix[1]}
		c.t, c.ok = ymd(atoi(s[ix[6]:ix[7]]), enMonth(s[ix[4]:ix[5]]), atoi(s[ix[2]:ix[3]]))
		consider(c)
		break
	}
	for _, ix := range reApostrophe.FindAllStringSubmatchIndex(s, -1) {
		if ix[0] > 0 && isAlnum(s[ix[0]-1]) || !digitBoundary(s, ix[0], ix[1]) || s[ix[4]:ix[5]] != s[ix[8]:ix[9]] {
			continue
		}
		c := candidate{start: ix[0], end: ix[1]}
		c.t, c.ok = ymd(2000+atoi(s[ix[2]:ix[3]]), atoi(s[ix[6]:ix[7]]), atoi(s[ix[10]:ix[11]]))
		consider(c)
		break
	}
	for _, ix := range reKanjiNum.FindAllStringSubmatchIndex(s, -1) {
		ys, m, d := s[ix[4]:ix[5]], kanjiNumber(s[ix[6]:ix[7]]), kanjiNumber(s[ix[8]:ix[9]])
		c := candidate{start: ix[0], end: ix[1]}
		switch {
		case ix[2] >= 0:
			e := eras[s[ix[2]:ix[3]]]
			y := 1
			if ys != "元" {
				y = kanjiNumber(ys)
			}
			c.t, c.ok = ymd(e.offset+y, m, d)
			if c.ok && !e.holds(y, c.t) {
				c.ok = false
			}
		case ys != "元" && len([]rune(ys)) == 4:
			c.t, c.ok = ymd(kanjiNumber(ys), m, d)
		default:
			continue // 六年六月一日 without an era names no year
		}
		consider(c)
		break
	}
	if best == nil {
		return Match{}, false, false
	}
	if !best.ok {
		return Match{}, true, false
	}
	// A weekday after a full date belongs to it: "2026/06/01(月)". The
	// written year decides; the weekday is kept as text, not checked.
	if w := reWeekdayAfter.FindString(s[best.end:]); w != "" {
		best.end += len(w)
	}
	return Match{Time: best.t, Text: s[best.start:best.end], Start: best.start, End: best.end}, true, true
}

// withISOTime reads an ISO 8601 time and zone after a numeric date and moves
// the date to its jst day (2026-05-31T20:00:00Z is 6月1日 in Japan).
func withISOTime(s string, day time.Time, end int) (time.Time, int) {
	ix := reISOTime.FindStringSubmatchIndex(s[end:])
	if ix == nil {
		return day, end
	}
	h, mi := atoi(s[end+ix[2]:end+ix[3]]), atoi(s[end+ix[4]:end+ix[5]])
	sec := 0
	if ix[6] >= 0 {
		sec = atoi(s[end+ix[6] : end+ix[7]])
	}
	if h > 23 || mi > 59 || sec > 60 {
		return day, end + ix[1]
	}
	loc := jst
	if ix[8] >= 0 {
		z := s[end+ix[8] : end+ix[9]]
		if z == "Z" {
			loc = time.UTC
		} else {
			z = strings.ReplaceAll(z, ":", "")
			zh, zm := atoi(z[1:3]), atoi(z[3:5])
			if zh > 14 || zm > 59 {
				return day, end + ix[1]
			}
			off := (zh*60 + zm) * 60
			if z[0] == '-' {
				off = -off
			}
			loc = time.FixedZone("", off)
		}
	}
	t := time.Date(day.Year(), day.Month(), day.Day(), h, mi, sec, 0, loc).In(jst)
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, jst)
	if d.Year() < minYear || d.Year() > maxYear {
		return day, end + ix[1]
	}
	return d, end + ix[1]
}

var weekdays = map[string]time.Weekday{
	"日": time.Sunday, "月": time.Monday, "火": time.Tuesday, "水": time.Wednesday,
	"木": time.Thursday, "金": time.Friday, "土": time.Saturday,
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

// findYearless resolves 6月1日(月) or 6/1 against ref: the year that puts the
// date closest to ref without being more than lookahead after it (12月28日
// seen on 1月3日 is last year's). A weekday, when written, must match one of
// those years (ref's year -1 … +1, never beyond lookahead) and picks it; a
// weekday that matches none leaves the date unknown rather than guessed.
func findYearless(s string, ref time.Time) (Match, bool) {
	for _, ix := range reMD.FindAllStringSubmatchIndex(s, -1) {
		if !digitBoundary(s, ix[0], ix[1]) || slashBoundary(s, ix[0], ix[1]) {
			continue
		}
		m := atoi(s[ix[2]:ix[3]])
		var d int
		if ix[4] >= 0 {
			d = atoi(s[ix[4]:ix[5]])
		} else {
			d = atoi(s[ix[6]:ix[7]])
		}
		wd, hasWD := time.Weekday(0), false
		if ix[8] >= 0 {
			w, known := weekdays[strings.ToLower(s[ix[8]:ix[9]])]
			if !known {
				// "(abc)" is not a weekday: the date ends before it.
				ix[1] = max(ix[5], ix[7])
			} else {
				wd, hasWD = w, true
			}
		}
		t, ok := resolveYear(m, d, wd, hasWD, ref)
		if !ok {
			return Match{}, false
		}
		return Match{Time: t, Text: s[ix[0]:ix[1]], Start: ix[0], End: ix[1]}, true
	}
	return Match{}, false
}

func resolveYear(m, d int, wd time.Weekday, hasWD bool, ref time.Time) (time.Time, bool) {
	ref = ref.In(jst)
	limit := ref.Add(lookahead)
	var best time.Time
	found := false
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		t, ok := ymd(y, m, d)
		if !ok {
			continue
		}
		if t.After(limit) {
			// Never a year ahead, even when the weekday would fit:
			// "12月28日(火)" seen on 2027-01-03 is not 2027-12-28.
			continue
		}
		if hasWD {
			if t.Weekday() == wd {
				// At most one of three consecutive years shares a weekday.
				return t, true
			}
			continue
		}
		if !found || t.After(best) {
			best, found = t, true
		}
	}
	return best, found
}

// ymd builds a date and refuses anything time.Date would normalise.
func ymd(y, m, d int) (time.Time, bool) {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, jst)
	if t.Month() != time.Month(m) || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

var kanjiDigits = map[rune]int{'〇': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// kanjiNumber reads 二〇二六 (digit by digit) or 二十六 / 十二 (with 十).
func kanjiNumber(s string) int {
	if !strings.ContainsRune(s, '十') {
		n := 0
		for _, r := range s {
			n = n*10 + kanjiDigits[r]
		}
		return n
	}
	tens, ones, seen := 0, 0, false
	for _, r := range s {
		if r == '十' {
			if seen {
				return -1 // 十十
			}
			tens, ones, seen = max(ones, 1), 0, true // 十 alone is ten
			continue
		}
		ones = ones*10 + kanjiDigits[r]
	}
	return tens*10 + ones
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isAlnum(b byte) bool {
	return isDigit(b) || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
}

// digitBoundary rejects matches glued to more digits (a phone number,
// 12026/06/01). A match that ends in 日 or a weekday's bracket may be
// followed by a time: "6/10(水)2:00～6:00".
func digitBoundary(s string, start, end int) bool {
	if start > 0 && isDigit(s[start-1]) {
		return false
	}
	return end >= len(s) || !isDigit(s[end]) || !isDigit(s[end-1])
}

// eraBoundary rejects R/H glued to a word (VER8.6.1, SH1.2.3).
func eraBoundary(s string, start, end int) bool {
	if start > 0 && isAlnum(s[start-1]) {
		return false
	}
	return end >= len(s) || !isDigit(s[end])
}

// slashBoundary rejects a year-less M/D that is part of a longer numeric run
// such as 26/06/01, 1.5/2 or 3/4/5.
func slashBoundary(s string, start, end int) bool {
	if start > 0 && (s[start-1] == '/' || s[start-1] == '.' || s[start-1] == '-') {
		return true
	}
	if end+1 < len(s) && (s[end] == '/' || s[end] == '.') && isDigit(s[end+1]) {
		return true
	}
	return false
}
