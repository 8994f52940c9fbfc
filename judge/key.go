package judge

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"
)

// jst is the shops' time zone: episode keys and dates in details are
// Japanese calendar days. A fixed zone keeps the package free of the tz
// database (no I/O).
var jst = time.FixedZone("JST", 9*60*60)

// episodeKey derives an episode's key from its first-seen observation (see
// episode.baseKey): that observation's day and a short hash of what was
// seen, so re-judging the same history gives the same key and feeds keep a
// permanent id. The store id is
// left out: the same observation must give the same key before and after
// it is stored.
func episodeKey(o Observation) string {
	h := sha256.New()
	h.Write([]byte(o.Kind))
	h.Write([]byte{0})
	if o.Fingerprint != "" {
		h.Write([]byte(o.Fingerprint))
	} else {
		for _, s := range []string{o.URL, o.Title, o.Text} {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
	}
	return day(o.When()) + "-" + hex.EncodeToString(h.Sum(nil))[:10]
}

// day formats a time as its JST calendar day.
func day(t time.Time) string { return t.In(jst).Format("2006-01-02") }

// quote is a short, one-line rendering of an observation for details.
func quote(o Observation) string {
	s := strings.TrimSpace(o.Title)
	if s == "" {
		s = strings.TrimSpace(o.Text)
	}
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		s = o.URL
	}
	return "「" + truncate(s, 60) + "」"
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
