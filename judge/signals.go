package judge

import (
	"fmt"
	"strings"

	"maintwatch/nlp"
)

// endCycle applies one crawl cycle's signals outside the news: the banner,
// the payment page and whole-site maintenance. They are weak: a signal
// counts once per cycle it is in effect, and flags on its second cycle.
// A page not re-parsed this cycle (304, unchanged) keeps its last state; a
// cycle where the site was down or unreachable says nothing about them.
func (a *assessor) endCycle(c cycle) {
	a.advance(c.end)
	readable := c.siteDown == nil && !c.fetchErr
	at := c.last

	// Whole-site maintenance. The crawl cycle records a sitedown
	// observation on every cycle the maintenance page persists, also when
	// the page answered 304 and was not re-read (cycle.stillDown), so a
	// cycle without one in which the site answered means it is back. A
	// cycle in which it could not be reached says nothing either way.
	switch {
	case c.siteDown != nil:
		if a.downCycles == 0 {
			a.downObs, a.downEp, a.downWorded = *c.siteDown, nil, false
		}
		a.downCycles++
		if !c.siteDown.unworded() {
			a.downWorded = true
		}
	case readable:
		a.downCycles = 0
	}

	if readable {
		a.bannerCycle(c)
		a.paymentCycle(c)
	}

	e := a.cur()
	if e != nil && e.status == ConfirmedLeak {
		if a.cardBackAt(c) {
			e.cardBack = true
		}
		return
	}
	// Card method back on the payment page: the strongest sign card
	// payment is back, whatever opened the episode.
	if e != nil && e.payment && c.payment != nil && !a.cardDown && c.payment.CardAvailable {
		if e.flagged() {
			e.addEvidence(*c.payment)
			e.resolve(c.payment.When(), "the card method is back on the payment page")
		} else {
			a.drop(e)
		}
		e = nil
	}

	// Open or feed the episode with the signals in effect. A signal run
	// that belonged to an episode now closed (a resumption notice while the
	// banner stays up) does not reopen one: only a new run does.
	persist := 0
	if a.bannerOn && a.bannerCycles > 0 && a.claim(&a.bannerEp, e) {
		e = a.weak(e, a.bannerObs, a.sighting(c, c.banner), "banner", wBanner, fmt.Sprintf("top-page banner says card payment is unavailable (%s): %s", day(a.bannerObs.When()), quote(a.bannerObs)))
		a.bannerEp, e.banner = e, true
		persist = max(persist, a.bannerCycles)
		if bannerStatesStop(a.bannerObs) {
			e.addFactor(Factor{Name: "banner_wording", Contribution: wBannerWording,
				Detail: "the banner itself states an open-ended card stop (classifier: suspicious, card stop, no end date)"})
		}
	}
	if a.cardDown && a.cardDownCycles > 0 && a.claim(&a.cardEp, e) {
		e = a.weak(e, a.cardDownObs, a.sighting(c, c.payment), "payment_page", wPayment, fmt.Sprintf("payment page %s: card method removed or suspended, other methods stay (%s)", day(a.cardDownObs.When()), a.cardDownObs.Text))
		a.cardEp = e
		if !e.payment {
			e.payment = true
			if e.noticeHolds {
				a.twoSources(e, a.cardDownObs)
			}
		}
		persist = max(persist, a.cardDownCycles)
	}
	if a.downCycles > 0 && a.downCounts(c) && a.claim(&a.downEp, e) {
		e = a.weak(e, a.downObs, a.sighting(c, c.siteDown), "site_down", wSiteDown, fmt.Sprintf("whole site in maintenance (503 or メンテナンス中 page) since %s", day(a.downObs.When())))
		a.downEp, e.siteDown = e, true
		persist = max(persist, a.downCycles)
	}
	if e == nil {
		return
	}
	if persist >= persistCycles {
		if e.addFactor(Factor{Name: "persistence", Contribution: wPersistence,
			Detail: fmt.Sprintf("signal outside the news seen on %d crawl cycles (%s)", persist, day(at.When()))}) {
			// The second sighting itself, when the page was re-read.
			switch {
			case a.bannerOn && c.banner != nil:
				e.addEvidence(*c.banner)
			case a.cardDown && c.payment != nil:
				e.addEvidence(*c.payment)
			case c.siteDown != nil:
				e.addEvidence(*c.siteDown)
			}
		}
	}
	a.resolveWeak(e, c)
	if e.current() {
		e.update(a.trigger(c).When())
	}
}

// downCounts: the current run of down cycles is a signal. A メンテナンス中
// page (200 or 503) is one at once; bare 503s with no word of maintenance
// are a server failing, as a 500 or a timeout is, until the run has lasted
// bareDownAfter: a shop closed for weeks is the pattern, a server broken for
// some days is not.
func (a *assessor) downCounts(c cycle) bool {
	return a.downWorded || !c.end.Before(a.downObs.When().Add(bareDownAfter))
}

// weak adds a weak signal to the current episode, opening one with the
// run's first sighting if needed. Joining an existing episode, it brings the
// current cycle's sighting: an older one attached late would change which
// observation of the episode was seen first, and so its published key.
func (a *assessor) weak(e *episode, start, current Observation, name string, w float64, detail string) *episode {
	f := Factor{Name: name, Contribution: w, Detail: detail}
	if e == nil {
		e = a.open(start)
		e.addFactor(f)
		return e
	}
	if e.addFactor(f) {
		e.addEvidence(current)
	}
	return e
}

// sighting is the cycle's own sighting of a signal, or its crawl record when
// the page was not re-read.
func (a *assessor) sighting(c cycle, o *Observation) Observation {
	if o != nil {
		return *o
	}
	return a.trigger(c)
}

// claim reports whether a weak signal's current run may feed episode e:
// the run is new, or already part of e (nil: the one the run will open).
func (a *assessor) claim(owner **episode, e *episode) bool {
	if *owner == nil {
		return true
	}
	return *owner == e && e != nil
}

// resolveWeak closes an episode held only by weak signals once they are gone:
// the banner gone for goneCycles cycles, the site back up, the card method
// back. An uncorroborated notice holds an episode until a resumption notice
// or the payment page says card payment is back.
func (a *assessor) resolveWeak(e *episode, c cycle) {
	if !e.banner && !e.payment && !e.siteDown {
		return // nothing weak to wait for
	}
	if e.noticeHolds || a.cardDown || a.downCycles > 0 {
		return
	}
	if a.bannerOn {
		return
	}
	if !e.flagged() {
		// A weak signal seen once and gone: never flagged, leaves no trace.
		if !e.noticeFactorsOnly() {
			a.drop(e)
		}
		return
	}
	if e.banner && a.bannerOffCycles < goneCycles {
		return
	}
	why := "the signals outside the news are gone"
	switch {
	case e.banner:
		why = fmt.Sprintf("the banner has been gone for %d cycles", a.bannerOffCycles)
	case e.siteDown:
		why = "the site is back up"
	}
	t := a.trigger(c)
	e.addEvidence(t)
	e.resolve(t.When(), why)
}

// noticeFactorsOnly: the episode was opened by a (corroborated) notice, not
// by a weak signal; it stays internal until a resumption notice.
func (e *episode) noticeFactorsOnly() bool {
	return len(e.noticeFactors) > 0 && !e.banner && !e.payment && !e.siteDown
}

// trigger is the observation that stands for a cycle: its crawl record when
// there is one, else its last observation.
func (a *assessor) trigger(c cycle) Observation {
	if c.crawl != nil {
		return *c.crawl
	}
	return c.last
}

func (a *assessor) cardBackAt(c cycle) bool {
	return c.payment != nil && c.payment.CardAvailable
}

// bannerCycle updates the banner state from a readable cycle.
func (a *assessor) bannerCycle(c cycle) {
	if c.banner != nil {
		// The same banner wording on 3 or more shops within a day is a
		// payment provider's outage relayed by its shops, as for notices.
		on := bannerSuspicious(*c.banner) && a.relayedBy(*c.banner) < 3
		if on && !a.bannerOn {
			a.bannerCycles, a.bannerEp = 0, nil
			a.bannerObs = *c.banner
		}
		a.bannerOn = on
	}
	if a.bannerOn {
		a.bannerCycles++
		a.bannerOffCycles = 0
	} else {
		a.bannerOffCycles++
		a.bannerCycles = 0
	}
}

// relayedBy is how many shops showed the observation's wording within a
// day (1 when unknown).
func (a *assessor) relayedBy(o Observation) int {
	if n := a.ctx.Corroboration[o.Fingerprint]; o.Fingerprint != "" && n > 1 {
		return n
	}
	return 1
}

// paymentCycle updates the payment-page state from a readable cycle.
// Removal only counts against an earlier observation of the same page that
// offered the card: a shop that never took cards has nothing to remove. A
// card method the page itself marks 停止中 counts from the first sighting:
// the page says the card was taken and is stopped now.
func (a *assessor) paymentCycle(c cycle) {
	if p := c.payment; p != nil {
		switch {
		case p.CardAvailable:
			a.cardPages[p.URL] = true
			a.cardDown = false
		case p.OtherMethods && (a.cardPages[p.URL] || p.CardSuspended):
			if !a.cardDown {
				a.cardDownCycles, a.cardEp = 0, nil
				a.cardDownObs = *p
			}
			a.cardDown = true
		default:
			// No card and nothing else: a broken page, not a signal.
			a.cardDown = false
		}
	}
	if a.cardDown {
		a.cardDownCycles++
	} else {
		a.cardDownCycles = 0
	}
}

// bannerSuspicious: the classifier calls the banner suspicious, or it says
// card payment is unavailable and the classifier did not call it planned
// work, a resumption or a leak.
func bannerSuspicious(o Observation) bool {
	if strings.TrimSpace(o.Text) == "" {
		return false
	}
	switch o.Label {
	case nlp.Suspicious:
		return true
	case nlp.Scheduled, nlp.Resumed, nlp.Leak:
		return false
	}
	return has(o, nlp.ReasonCardStop) || cardUnavailable(o.Text)
}

// bannerStatesStop: the banner is the precursor notice in a bar, in the
// shop's own words: the classifier calls it a suspicious suspension and its
// evidence holds both a card-stop sentence and no end date (当面の間,
// 再開時期は未定). Such a banner is as strong as the same words in the news,
// so it need not wait for a second cycle. (A banner merely saying cards are
// unavailable, or relayed by 3 or more shops, is not this: see bannerCycle.)
func bannerStatesStop(o Observation) bool {
	return o.Label == nlp.Suspicious && has(o, nlp.ReasonCardStop) && has(o, nlp.ReasonOpenEnded) &&
		!has(o, nlp.ReasonFixedWindow) && !has(o, nlp.ReasonPastReport) && !has(o, nlp.ReasonNegated)
}

// cardUnavailable spots the few ways a banner says card payment cannot be
// used: a card word and a stop word in the same short text.
func cardUnavailable(s string) bool {
	card := false
	for _, w := range []string{"クレジット", "カード決済", "カード払い", "ｸﾚｼﾞｯﾄ", "credit card"} {
		if strings.Contains(strings.ToLower(s), w) {
			card = true
			break
		}
	}
	if !card {
		return false
	}
	for _, w := range []string{"停止", "休止", "中止", "ご利用いただけません", "ご利用できません", "利用できません", "使用できません", "お受けできません", "unavailable", "suspended"} {
		if strings.Contains(strings.ToLower(s), w) {
			return true
		}
	}
	return false
}

// platformFactor is the small context bonus for old EC-CUBE 2.x.
func platformFactor(c Context) (Factor, bool) {
	if !strings.EqualFold(c.Platform, "eccube2") {
		return Factor{}, false
	}
	if v := c.PlatformVersion; v != "" && versionAtMost(v, 2, 13) {
		return Factor{Name: "platform", Contribution: wECCUBE2Old,
			Detail: fmt.Sprintf("EC-CUBE %s (2.13 or older): the platform most card-form tampering leaks came from", v)}, true
	}
	d := "EC-CUBE 2.x: the platform most card-form tampering leaks came from"
	if c.PlatformVersion != "" {
		d = fmt.Sprintf("EC-CUBE %s: the platform most card-form tampering leaks came from", c.PlatformVersion)
	}
	return Factor{Name: "platform", Contribution: wECCUBE2, Detail: d}, true
}

// versionAtMost reads "2.13.5", "2.12", "v2.11.0-p1" and reports whether it
// is at most major.minor. An unreadable version is not old.
func versionAtMost(v string, major, minor int) bool {
	v = strings.TrimPrefix(strings.TrimSpace(strings.ToLower(v)), "v")
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return false
	}
	ma, ok1 := leadingInt(parts[0])
	mi, ok2 := leadingInt(parts[1])
	if !ok1 || !ok2 {
		return false
	}
	return ma < major || ma == major && mi <= minor
}

func leadingInt(s string) (int, bool) {
	n, digits := 0, 0
	for _, r := range s {
		if r < '0' || r > '9' || digits >= 6 {
			break
		}
		n = n*10 + int(r-'0')
		digits++
	}
	return n, digits > 0
}
