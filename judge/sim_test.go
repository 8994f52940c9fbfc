package judge

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"maintwatch/nlp"
)

// sim builds one site's history day by day, the way the crawl cycle stores
// it: each daily cycle at 06:00 JST gives a crawl record and, when the page
// was parsed, a banner and a payment observation; notices carry the date
// they state (midnight) and are seen on the cycle's crawl.
type sim struct {
	t     *testing.T
	start time.Time // day 0, 00:00 JST
	obs   []Observation
	ctx   Context
	id    int64
}

func newSim(t *testing.T) *sim {
	t.Helper()
	return &sim{t: t, start: time.Date(2026, 5, 24, 0, 0, 0, 0, jst)}
}

// cycleAt is the crawl time of day d.
func (s *sim) cycleAt(d int) time.Time { return s.start.AddDate(0, 0, d).Add(6 * time.Hour) }

func (s *sim) add(o Observation) {
	s.id++
	o.ID = s.id
	s.obs = append(s.obs, o)
}

// crawl records that day d was crawled.
func (s *sim) crawl(d int) {
	s.add(Observation{Kind: KindCrawl, Seen: s.cycleAt(d), URL: "https://shop.example/", Text: "ok"})
}

// quiet adds ordinary days [from, to): crawled, no banner, card offered.
func (s *sim) quiet(from, to int) {
	for d := from; d < to; d++ {
		s.banner(d, "", "")
		s.payment(d, true, true)
		s.crawl(d)
	}
}

func (s *sim) banner(d int, text string, label nlp.Label) {
	s.add(Observation{Kind: KindBanner, Seen: s.cycleAt(d), URL: "https://shop.example/", Text: text, Label: label, Score: 0.8,
		Fingerprint: fingerprintOf(text)})
}

func (s *sim) payment(d int, card, other bool) {
	text := "お支払い方法: クレジットカード / 銀行振込 / 代金引換"
	if !card {
		text = "お支払い方法: クレジットカード (停止中) / 銀行振込 / 代金引換"
	}
	s.add(Observation{Kind: KindPayment, Seen: s.cycleAt(d), URL: "https://shop.example/guide/payment", Text: text,
		CardAvailable: card, OtherMethods: other})
}

func (s *sim) siteDown(d int) {
	s.add(Observation{Kind: KindSiteDown, Seen: s.cycleAt(d), URL: "https://shop.example/", Text: "503 メンテナンス中"})
}

// notice adds a notice dated day d, first seen on day d's cycle.
func (s *sim) notice(d int, title string, label nlp.Label, score float64, reasons ...nlp.Reason) Observation {
	o := Observation{Kind: KindNotice, Seen: s.cycleAt(d), Date: s.start.AddDate(0, 0, d),
		URL: fmt.Sprintf("https://shop.example/news/%d", d), Title: title, Text: title,
		Label: label, Score: score, Reasons: reasons, Fingerprint: fingerprintOf(title)}
	s.add(o)
	return o
}

func fingerprintOf(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf("fp-%x", []byte(s))[:min(40, 3+2*len(s))]
}

// dayOf is the day index of t (JST calendar day since day 0).
func (s *sim) dayOf(t time.Time) int {
	return int(t.Sub(s.start) / (24 * time.Hour))
}

// replay judges the site as it would have been judged on each day from
// first to last (Now = end of that day's cycle, only observations seen by
// then) and returns the status of its latest episode per day ("" = none).
func (s *sim) replay(first, last int) []Status {
	s.t.Helper()
	var out []Status
	for d := first; d <= last; d++ {
		now := s.cycleAt(d).Add(time.Hour)
		var seen []Observation
		for _, o := range s.obs {
			if !o.Seen.After(now) {
				seen = append(seen, o)
			}
		}
		c := s.ctx
		c.Now = now
		eps := Assess(seen, c)
		st := Status("")
		if len(eps) > 0 {
			st = eps[len(eps)-1].Status
		}
		out = append(out, st)
	}
	return out
}

// final judges the whole history on day d.
func (s *sim) final(d int) []Episode {
	c := s.ctx
	c.Now = s.cycleAt(d).Add(time.Hour)
	return Assess(s.obs, c)
}

// firstDays maps each status to the first replay day (offset by first)
// on which it was the latest episode's status.
func firstDays(first int, seq []Status) map[Status]int {
	m := map[Status]int{}
	for i, st := range seq {
		if _, ok := m[st]; !ok && st != "" {
			m[st] = first + i
		}
	}
	return m
}

// compress renders a status sequence as "day:status" changes.
func compress(first int, seq []Status) string {
	var parts []string
	prev := Status("?")
	for i, st := range seq {
		if st != prev {
			name := string(st)
			if name == "" {
				name = "-"
			}
			parts = append(parts, fmt.Sprintf("%d:%s", first+i, name))
			prev = st
		}
	}
	return strings.Join(parts, " ")
}

func historyOf(e Episode) []Status {
	var out []Status
	for _, t := range e.History {
		out = append(out, t.Status)
	}
	return out
}

func wantHistory(t *testing.T, s *sim, e Episode, want map[Status]int, order ...Status) {
	t.Helper()
	if got := historyOf(e); !slices.Equal(got, order) {
		t.Fatalf("history = %v, want %v\n%s", got, order, Explain(e))
	}
	for _, tr := range e.History {
		if d := s.dayOf(tr.At); d != want[tr.Status] {
			t.Errorf("%s reached on day %d, want day %d", tr.Status, d, want[tr.Status])
		}
	}
}
