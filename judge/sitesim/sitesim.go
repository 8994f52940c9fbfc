// Package sitesim generates synthetic shop histories, as the crawl cycle
// would store them, with the truth known: which shops really show the leak
// precursor. It measures the judge at site level (precision, recall, and
// whether a suspicious shop is flagged on the first crawl after its first
// notice). The histories are observations, not web pages: they test the
// judgement over time, not the crawler or the classifier, whose noise is
// simulated by varying labels, scores and reasons.
package sitesim

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"maintwatch/judge"
	"maintwatch/nlp"
)

// Case is one synthetic shop.
type Case struct {
	Name     string
	Scenario string
	Obs      []judge.Observation
	Platform string
	Version  string
	// Corroboration as the cycle would compute it for this shop's notices.
	Corroboration map[string]int
	// Suspicious is the truth: the shop shows the precursor at the end.
	Suspicious bool
	// FirstCrawl is the first crawl that saw the shop's first suspicious
	// signal in its news (zero when the signal is not a notice).
	FirstCrawl time.Time
	// End is when the shop is judged.
	End time.Time
}

var jst = time.FixedZone("JST", 9*60*60)

// builder writes one shop's history, one cycle a day at 06:00 JST.
type builder struct {
	r     *rand.Rand
	start time.Time
	c     *Case
	id    int64
}

func (b *builder) at(d int) time.Time { return b.start.AddDate(0, 0, d).Add(6 * time.Hour) }

func (b *builder) add(o judge.Observation) judge.Observation {
	b.id++
	o.ID = b.id
	o.URL = "https://" + b.c.Name + ".example" + o.URL
	b.c.Obs = append(b.c.Obs, o)
	return o
}

// Payment-page states: the card method offered, marked 停止中 on its line,
// or no longer listed.
const (
	cardOffered   = "offered"
	cardSuspended = "suspended"
	cardAbsent    = "absent"
)

// day adds an ordinary cycle: crawl record, banner and payment page as given
// (card false: the card method marked 停止中 or dropped, at random).
func (b *builder) day(d int, banner string, bannerLabel nlp.Label, card bool) {
	state := cardOffered
	if !card {
		state = cardSuspended
		if b.r.Float64() < 0.3 {
			state = cardAbsent
		}
	}
	b.dayState(d, banner, bannerLabel, state)
}

func (b *builder) dayState(d int, banner string, bannerLabel nlp.Label, card string) {
	b.add(judge.Observation{Kind: judge.KindBanner, Seen: b.at(d), URL: "/", Text: banner, Label: bannerLabel, Score: 0.8, Fingerprint: fp(banner)})
	o := judge.Observation{Kind: judge.KindPayment, Seen: b.at(d), URL: "/guide/payment", OtherMethods: true}
	switch card {
	case cardOffered:
		o.Text, o.CardAvailable = "お支払い方法: クレジットカード / 銀行振込 / 代金引換", true
	case cardSuspended:
		o.Text, o.CardSuspended = "お支払い方法: クレジットカード（停止中） / 銀行振込 / 代金引換", true
	default:
		o.Text = "お支払い方法: 銀行振込 / 代金引換"
	}
	b.add(o)
	b.add(judge.Observation{Kind: judge.KindCrawl, Seen: b.at(d), URL: "/", Text: "ok"})
}

func (b *builder) down(d int) {
	b.add(judge.Observation{Kind: judge.KindSiteDown, Seen: b.at(d), URL: "/", Text: "503"})
	b.add(judge.Observation{Kind: judge.KindCrawl, Seen: b.at(d), URL: "/", Text: "maintenance"})
}

func (b *builder) notice(d int, title string, label nlp.Label, score float64, reasons ...nlp.Reason) judge.Observation {
	return b.add(judge.Observation{Kind: judge.KindNotice, Seen: b.at(d), Date: b.start.AddDate(0, 0, d), URL: fmt.Sprintf("/news/%d", d),
		Title: title, Text: title, Label: label, Score: score, Reasons: reasons, Fingerprint: fp(title + b.c.Name)})
}

// undate removes the date a notice states: the page gives none.
func (b *builder) undate(o judge.Observation) { b.redate(o, time.Time{}) }

// redate sets the date a notice states.
func (b *builder) redate(o judge.Observation, date time.Time) {
	for i := range b.c.Obs {
		if b.c.Obs[i].ID == o.ID {
			b.c.Obs[i].Date = date
		}
	}
}

// shared gives a notice the fingerprint other shops share.
func (b *builder) shared(o judge.Observation, wording string, shops int) {
	for i := range b.c.Obs {
		if b.c.Obs[i].ID == o.ID {
			b.c.Obs[i].Fingerprint = fp(wording)
		}
	}
	b.c.Corroboration[fp(wording)] = shops
}

func fp(s string) string {
	if s == "" {
		return ""
	}
	var h uint64 = 14695981039346656037
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return fmt.Sprintf("%016x", h)
}

// stopReasons are the reasons a classifier finds in a precursor notice,
// with the noise of a real classifier: open-ended not always seen.
func (b *builder) stopReasons(pretext nlp.Reason) []nlp.Reason {
	rs := []nlp.Reason{nlp.ReasonCardStop, pretext}
	if b.r.Float64() < 0.85 {
		rs = append(rs, nlp.ReasonOpenEnded)
	}
	if b.r.Float64() < 0.6 {
		rs = append(rs, nlp.ReasonOtherMethods)
	}
	if b.r.Float64() < 0.15 {
		rs = append(rs, nlp.ReasonNewCardOnly)
	}
	return rs
}

func (b *builder) score(lo, hi float64) float64 { return lo + (hi-lo)*b.r.Float64() }

// scenario writes one shop's history; days before 0 are ordinary unless
// fresh (the shop was added to the watch list on day 0).
type scenario struct {
	name       string
	suspicious bool
	write      func(b *builder, days int)
	fresh      bool
}

var scenarios = []scenario{
	{"classic", true, func(b *builder, days int) {
		o := b.notice(0, "クレジットカード決済一時停止のお知らせ", nlp.Suspicious, b.score(0.5, 0.98), b.stopReasons(nlp.ReasonPretextMaint)...)
		b.c.FirstCrawl = o.Seen
		b.notice(1, "システム不具合によるクレジットカード決済停止について", nlp.Suspicious, b.score(0.6, 0.95), b.stopReasons(nlp.ReasonPretextFault)...)
		for d := 0; d < days; d++ {
			b.day(d, "", "", true)
		}
	}, false},
	{"open-ended stop", true, func(b *builder, days int) {
		o := b.notice(0, "カード決済停止のお知らせ", nlp.Suspicious, b.score(0.5, 0.98), append(b.stopReasons(nlp.ReasonPretextMaint), nlp.ReasonOpenEnded)...)
		b.c.FirstCrawl = o.Seen
		for d := 0; d < days; d++ {
			b.day(d, "", "", d < 2)
		}
	}, false},
	{"stop with banner", true, func(b *builder, days int) {
		o := b.notice(0, "【重要】決済システムについて", nlp.Suspicious, b.score(0.5, 0.9), b.stopReasons(nlp.ReasonPretextFault)...)
		b.c.FirstCrawl = o.Seen
		for d := 0; d < days; d++ {
			b.day(d, "現在クレジットカード決済はご利用いただけません", nlp.Suspicious, true)
		}
	}, false},
	{"payment page only", true, func(b *builder, days int) {
		for d := 0; d < days; d++ {
			b.day(d, "", "", false)
		}
	}, false},
	{"site down for weeks", true, func(b *builder, days int) {
		for d := 0; d < days; d++ {
			b.down(d)
		}
	}, false},
	{"leak announced", true, func(b *builder, days int) {
		b.notice(days/2, "不正アクセスによるクレジットカード情報流出に関するお詫び", nlp.Leak, b.score(0.8, 0.99), nlp.ReasonLeakTerms)
		for d := 0; d < days; d++ {
			b.day(d, "", "", true)
		}
	}, false},
	{"scheduled monthly", false, func(b *builder, days int) {
		for d := -330; d < days; d += 30 {
			label, score := nlp.Scheduled, b.score(0.7, 0.95)
			rs := []nlp.Reason{nlp.ReasonPretextMaint, nlp.ReasonFixedWindow}
			if b.r.Float64() < 0.1 { // the classifier slips now and then
				label, score, rs = nlp.Suspicious, b.score(0.5, 0.65), append(rs, nlp.ReasonCardStop)
			}
			b.notice(d, "定期メンテナンスのお知らせ", label, score, rs...)
		}
		for d := 0; d < days; d++ {
			b.day(d, "", "", d%30 != 0)
		}
	}, false},
	{"provider notice on many shops", false, func(b *builder, days int) {
		wording := "決済代行会社のシステム障害によりカード決済がご利用いただけません"
		o := b.notice(0, wording, nlp.Suspicious, b.score(0.6, 0.95), b.stopReasons(nlp.ReasonPretextFault)...)
		b.shared(o, wording, 5+b.r.IntN(20))
		if b.r.Float64() < 0.5 {
			b.notice(1, "カード決済復旧のお知らせ", nlp.Resumed, 0.9, nlp.ReasonResumed)
		}
		for d := 0; d < days; d++ {
			b.day(d, "", "", true)
		}
	}, false},
	{"short stop resumed", false, func(b *builder, days int) {
		b.notice(0, "カード決済一時停止のお知らせ", nlp.Suspicious, b.score(0.6, 0.95), b.stopReasons(nlp.ReasonPretextMaint)...)
		b.notice(1+b.r.IntN(min(5, days-1)), "カード決済再開のお知らせ", nlp.Resumed, b.score(0.7, 0.95), nlp.ReasonResumed)
		for d := 0; d < days; d++ {
			b.day(d, "", "", true)
		}
	}, false},
	{"fraud policy and phishing", false, func(b *builder, days int) {
		b.notice(0, "当店を装ったフィッシングメールにご注意ください", nlp.Unrelated, 0.9, nlp.ReasonFraudPolicy)
		label := nlp.Unrelated
		if b.r.Float64() < 0.2 {
			label = nlp.Suspicious
		}
		b.notice(3, "クレジットカード不正利用対策（3Dセキュア）導入のお知らせ", label, b.score(0.5, 0.7), nlp.ReasonFraudPolicy)
		for d := 0; d < days; d++ {
			b.day(d, "", "", true)
		}
	}, false},
	{"glitches", false, func(b *builder, days int) {
		glitch := b.r.IntN(days)
		for d := 0; d < days; d++ {
			switch {
			case d == glitch && b.r.Float64() < 0.5:
				b.down(d)
			case d == glitch:
				b.day(d, "現在カード決済が一時的にご利用いただけません", nlp.Suspicious, false)
			default:
				b.day(d, "", "", true)
			}
		}
	}, false},
	{"monthly maintenance and one provider outage", false, func(b *builder, days int) {
		// A routine shop relays its payment provider's outage once, with
		// the other shops of that provider, and marks the card 停止中 for
		// that one cycle: neither its routine nor the relay is a precursor.
		outage := b.r.IntN(days)
		for d := -330; d < days; d += 30 {
			b.notice(d, "定期メンテナンスのお知らせ", nlp.Scheduled, b.score(0.7, 0.95), nlp.ReasonPretextMaint, nlp.ReasonFixedWindow)
		}
		wording := "決済代行会社の障害によりクレジットカード決済が一時ご利用いただけません。復旧次第お知らせいたします。"
		o := b.notice(outage, wording, nlp.Suspicious, b.score(0.6, 0.95), b.stopReasons(nlp.ReasonPretextFault)...)
		b.shared(o, wording, 5+b.r.IntN(20))
		if outage+1 < days {
			b.notice(outage+1, "カード決済復旧のお知らせ", nlp.Resumed, 0.9, nlp.ReasonResumed)
		}
		for d := 0; d < days; d++ {
			state := cardOffered
			if d == outage || d%30 == 0 {
				state = cardSuspended
			}
			b.dayState(d, "", "", state)
		}
	}, false},
	{"undated stop notice", true, func(b *builder, days int) {
		// The shop's notice gives no date: it is dated when first seen.
		o := b.notice(0, "クレジットカード決済停止のお知らせ", nlp.Suspicious, b.score(0.5, 0.98), b.stopReasons(nlp.ReasonPretextMaint)...)
		b.undate(o)
		b.c.FirstCrawl = o.Seen
		for d := 0; d < days; d++ {
			b.day(d, "", "", true)
		}
	}, false},
	{"card 停止中 at first sight", true, func(b *builder, days int) {
		// Added to the watch list after its card method was marked 停止中:
		// no earlier sighting of the card offered.
		for d := 0; d < days; d++ {
			b.dayState(d, "", "", cardSuspended)
		}
	}, true},
	{"never took cards", false, func(b *builder, days int) {
		// A shop of bank transfer and cash on delivery only, added on day 0.
		for d := 0; d < days; d++ {
			b.dayState(d, "", "", cardAbsent)
		}
	}, true},
	{"stale stop notice at import", false, func(b *builder, days int) {
		// Added on day 0 with a stop notice from a year ago still listed:
		// history, not a sudden stop.
		o := b.notice(0, "クレジットカード決済停止のお知らせ", nlp.Suspicious, b.score(0.6, 0.95), b.stopReasons(nlp.ReasonPretextMaint)...)
		b.redate(o, b.start.AddDate(-1, 0, -b.r.IntN(200)))
		for d := 0; d < days; d++ {
			b.day(d, "", "", true)
		}
	}, true},
	{"ordinary news", false, func(b *builder, days int) {
		b.notice(0, "夏季休業のお知らせ", nlp.Unrelated, 0.9)
		b.notice(2, "新商品入荷のお知らせ", nlp.Unrelated, 0.95)
		b.notice(4, "JCBカードがご利用いただけるようになりました", nlp.Unrelated, 0.8, nlp.ReasonBrandChange)
		for d := 0; d < days; d++ {
			b.day(d, "", "", true)
		}
	}, false},
}

// Generate makes n shops cycling through the scenarios, with seeded noise.
func Generate(n int, seed uint64) []Case {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	start := time.Date(2026, 4, 1, 0, 0, 0, 0, jst)
	platforms := []struct{ p, v string }{{"eccube2", "2.13.5"}, {"eccube2", "2.17.2"}, {"eccube4", "4.2.1"}, {"makeshop", ""}, {"colorme", ""}, {"shopify", ""}, {"unknown", ""}}
	out := make([]Case, 0, n)
	for i := range n {
		sc := scenarios[i%len(scenarios)]
		pl := platforms[r.IntN(len(platforms))]
		c := Case{Name: fmt.Sprintf("shop%03d", i), Scenario: sc.name, Suspicious: sc.suspicious,
			Platform: pl.p, Version: pl.v, Corroboration: map[string]int{}}
		b := &builder{r: r, start: start, c: &c}
		history := 30 + r.IntN(400)
		if sc.fresh {
			history = 0
		}
		for d := -history; d < 0; d++ {
			b.day(d, "", "", true)
		}
		days := 5 + r.IntN(60)
		sc.write(b, days)
		c.End = b.at(days - 1).Add(time.Hour)
		out = append(out, c)
	}
	return out
}

// Report is the judge's site-level record on a set of cases.
type Report struct {
	Sites, TP, FP, FN, TN int
	Precision, Recall     float64
	// FirstCrawl counts the suspicious shops whose signal was a notice, and
	// OnFirstCrawl those flagged on the first crawl that saw it.
	FirstCrawl, OnFirstCrawl int
	Misses                   []string // "shop007 (payment page only): missed"
}

// Evaluate judges every case at its end and at its first crawl.
func Evaluate(cases []Case) Report {
	var r Report
	for _, c := range cases {
		r.Sites++
		ctx := judge.Context{Now: c.End, Platform: c.Platform, PlatformVersion: c.Version, Corroboration: c.Corroboration}
		flagged := latestFlagged(judge.Assess(c.Obs, ctx))
		switch {
		case flagged && c.Suspicious:
			r.TP++
		case flagged:
			r.FP++
			r.Misses = append(r.Misses, fmt.Sprintf("%s (%s): false alarm", c.Name, c.Scenario))
		case c.Suspicious:
			r.FN++
			r.Misses = append(r.Misses, fmt.Sprintf("%s (%s): missed", c.Name, c.Scenario))
		default:
			r.TN++
		}
		if c.Suspicious && !c.FirstCrawl.IsZero() {
			r.FirstCrawl++
			ctx.Now = c.FirstCrawl.Add(time.Minute)
			if latestFlagged(judge.Assess(c.Obs, ctx)) {
				r.OnFirstCrawl++
			}
		}
	}
	r.Precision = ratio(r.TP, r.TP+r.FP)
	r.Recall = ratio(r.TP, r.TP+r.FN)
	slices.Sort(r.Misses)
	return r
}

func latestFlagged(eps []judge.Episode) bool {
	return len(eps) > 0 && eps[len(eps)-1].Status.Flagged()
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// The site-level targets.
const (
	TargetPrecision = 0.97
	TargetRecall    = 0.95
)

// Met reports whether the report meets every target: precision, recall, and
// every suspicious shop whose signal is a notice flagged on the first crawl
// that saw it.
func (r Report) Met() bool {
	return r.Precision >= TargetPrecision && r.Recall >= TargetRecall && r.OnFirstCrawl == r.FirstCrawl
}

// Scenarios is the number of scenarios Generate cycles through.
func Scenarios() int { return len(scenarios) }

// String prints the report as make eval shows it: each figure with its
// target and whether it is met.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "site-level judgement on %d synthetic shops (%d scenarios)\n", r.Sites, len(scenarios))
	fmt.Fprintf(&b, "  TP %d  FP %d  FN %d  TN %d\n", r.TP, r.FP, r.FN, r.TN)
	fmt.Fprintf(&b, "  precision %.3f  (target ≥ %.2f: %s)\n", r.Precision, TargetPrecision, met(r.Precision >= TargetPrecision))
	fmt.Fprintf(&b, "  recall    %.3f  (target ≥ %.2f: %s)\n", r.Recall, TargetRecall, met(r.Recall >= TargetRecall))
	fmt.Fprintf(&b, "  flagged on the first crawl after the first notice: %d/%d  (target: all: %s)\n",
		r.OnFirstCrawl, r.FirstCrawl, met(r.OnFirstCrawl == r.FirstCrawl))
	for _, m := range r.Misses {
		fmt.Fprintf(&b, "  %s\n", m)
	}
	return b.String()
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT MET"
}
