package demoweb

import (
	"sort"
	"time"
)

// shop is everything needed to render one shop's pages at any time.
type shop struct {
	pub      *Shop
	name     string
	genre    *genre
	var_     int // wording variant: picks notice texts, banner and layout details
	platform string
	charset  string
	// metaOnly: the Content-Type header says just text/html and the charset is
	// only in a <meta http-equiv> tag, as on hand-made and old shops.
	metaOnly bool
	others   []string // payment methods besides card
	cardName string
	robots   string
	scenario Scenario
	start    time.Time
	items    []item // sorted by date, oldest first
	markup   *markup
	now      func() time.Time
	inject   bool
}

// spec describes a shop before it is built.
type spec struct {
	Name     string
	Genre    int
	Var      int
	Platform string
	Charset  string
	MetaOnly bool
	Scenario Scenario
	Start    time.Time
	Robots   string // "" picks the platform's usual robots.txt
	// Inject adds script payloads to the card-stop notices (hostile web):
	// the page escapes them, so the extracted text carries them literally.
	Inject bool
}

func newShop(sp spec, now func() time.Time) *shop {
	s := &shop{
		name:     sp.Name,
		genre:    &genres[sp.Genre%len(genres)],
		var_:     sp.Var,
		platform: sp.Platform,
		charset:  sp.Charset,
		metaOnly: sp.MetaOnly,
		others:   pick(otherMethods, sp.Var),
		cardName: pick(cardMethodNames, sp.Var/3),
		scenario: sp.Scenario,
		start:    sp.Start,
		markup:   markupFor(sp.Platform),
		now:      now,
		inject:   sp.Inject,
	}
	s.robots = sp.Robots
	if s.robots == "" {
		s.robots = s.markup.robots()
	}
	s.items = s.timeline()
	s.pub = &Shop{
		Name:     sp.Name,
		Platform: sp.Platform,
		Charset:  sp.Charset,
		Scenario: sp.Scenario,
		Start:    sp.Start,
	}
	sc, st := sp.Scenario, sp.Start
	s.pub.Suspicious = func(t time.Time) bool { return suspiciousAt(sc, st, t) }
	return s
}

// timeline lays out the shop's news: ordinary items before and after Start
// and the scenario's own notices on their days.
func (s *shop) timeline() []item {
	at := func(d int) time.Time { return s.start.Add(time.Duration(d) * day) }
	v := s.var_
	var its []item
	add := func(k kind, vr, d int, ref time.Time) {
		its = append(its, item{Kind: k, Var: vr, Date: at(d), Ref: ref})
	}
	// Ordinary news, spaced differently per shop so pages do not change in
	// lockstep across the web.
	ordinary := []kind{kProduct, kShipping, kHoliday, kCampaign, kDelay, kProduct, kNewMethod, kCampaign}
	offs := []int{-160, -115, -83, -52, -27, -9, 17, 38, 66, 95}
	for i, k := range ordinary {
		if (i+v)%4 == 3 && k != kProduct {
			continue // not every shop posts every kind
		}
		add(k, v+i, offs[(i+v%3)%len(offs)]+v%5, time.Time{})
	}
	switch s.scenario {
	case Classic:
		add(kSuspend, v, 0, at(0))
		add(kFault, v, classicFaultDay, at(0))
		add(kExtend, v, classicExtendDay, at(0))
		add(kLeak, v, classicLeakDay, at(0))
	case Resumed:
		add(kOutage, v, 0, at(0))
		add(kResume, v, resumeDay, at(0))
	case Scheduled:
		add(kScheduled, v, 0, at(scheduledAhead))
	case MonthlyMaintenance:
		for d := -3 * monthlyEvery; d <= 5*monthlyEvery; d += monthlyEvery {
			add(kMonthly, v, d, at(d+7))
		}
	case ProviderWide:
		its = append(its, item{Kind: kProvider, Date: at(0), Ref: at(providerAhead)})
	case LeakOnly:
		add(kLeak, v, 0, at(-90))
	case PhishingWarning:
		add(kPhishing, v, 0, time.Time{})
	case FraudPolicy:
		add(kFraud, v, 0, time.Time{})
	}
	sort.SliceStable(its, func(i, j int) bool { return its[i].Date.Before(its[j].Date) })
	for i := range its {
		its[i].ID = 101 + i
	}
	return its
}

// state is what the shop shows at one moment.
type state struct {
	Items         []item // visible, newest first
	Banner        string // urgent bar text, "" when none
	CardSuspended bool   // the payment page marks card payment 停止中
	CardRemoved   bool   // the payment page no longer lists card payment
	Down          bool   // every page is a maintenance page
	Modified      time.Time
}

var cardBanners = []string{
	"ただいまクレジットカード決済がご利用いただけません",
	"現在クレジットカード決済を停止しております。銀行振込・代金引換をご利用ください。",
	"【お知らせ】クレジットカードでのお支払いは只今ご利用いただけません",
}

func (s *shop) stateAt(t time.Time) state {
	at := func(d int) time.Time { return s.start.Add(time.Duration(d) * day) }
	st := state{Modified: at(-200)}
	seen := func(x time.Time) bool {
		if t.Before(x) {
			return false
		}
		if x.After(st.Modified) {
			st.Modified = x
		}
		return true
	}
	for i := len(s.items) - 1; i >= 0; i-- {
		if it := s.items[i]; seen(it.Date) {
			st.Items = append(st.Items, it)
		}
	}
	switch s.scenario {
	case BannerOnly:
		if seen(at(0)) {
			st.Banner = pick(cardBanners, s.var_)
		}
	case PaymentOnly:
		// Half the shops mark the card entry 停止中, the others silently
		// drop it from the list.
		if s.var_%2 == 1 {
			st.CardRemoved = seen(at(0))
		} else {
			st.CardSuspended = seen(at(0))
		}
	case SiteDown:
		st.Down = seen(at(0))
	case Classic:
		// Half of the classic shops also mark the payment page a day later.
		st.CardSuspended = s.var_%2 == 1 && seen(at(classicFaultDay))
	case Resumed:
		if s.var_%2 == 1 && seen(at(0)) {
			st.CardSuspended = !seen(at(resumeDay))
		}
	}
	return st
}
