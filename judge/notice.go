package judge

import (
	"fmt"
	"time"

	"maintwatch/nlp"
)

// notice applies one news notice at its effective date.
func (a *assessor) notice(o Observation) {
	at := o.When()
	e := a.cur()
	switch o.Label {
	case nlp.Leak:
		if e == nil {
			e = a.open(o)
			a.earlierStop(e, o)
		}
		e.confirm(o)
	case nlp.Resumed:
		a.resumed(e, o)
	case nlp.Suspicious:
		a.suspicious(e, o)
	case nlp.Scheduled:
		a.scheduled = append(a.scheduled, at)
		if e != nil && e.status != ConfirmedLeak {
			// A follow-up in an open episode may carry a fixed new end
			// date and still extend the stop or change its pretext.
			a.followUp(e, o, false)
			e.update(at)
		}
	}
}

// resumed: card payment is back.
func (a *assessor) resumed(e *episode, o Observation) {
	if e == nil {
		return
	}
	switch {
	case e.status == ConfirmedLeak:
		e.cardBack = true
		e.addEvidence(o)
	case e.flagged():
		e.addEvidence(o)
		e.resolve(o.When(), "resumption notice: "+quote(o))
	default:
		a.drop(e)
	}
}

// earlierStop notes, on an episode opened by a leak announcement, the
// closed episode that preceded it: the stop the announcement most likely
// explains (shops often resume card payment through another provider
// before announcing). Its lead time stays 0 as the episode's own, but the
// detail gives the lead over the earlier flag for the track record.
func (a *assessor) earlierStop(e *episode, o Observation) {
	for i := len(a.eps) - 2; i >= 0; i-- {
		p := a.eps[i]
		if p.flagged() {
			lead := int(o.When().Sub(p.firstFlagged) / (24 * time.Hour))
			e.addFactor(Factor{Name: "earlier_episode", Contribution: 0,
				Detail: fmt.Sprintf("earlier card stop first flagged %s (episode %s, %s %s): announced %d days later", day(p.firstFlagged), p.baseKey(), p.status, day(p.closed), lead)})
			return
		}
	}
}

// suspicious applies a notice the classifier calls a sudden suspension.
func (a *assessor) suspicious(e *episode, o Observation) {
	at := o.When()
	if e == nil && stale(o) {
		return // history from before we watched: see wStale
	}
	if e == nil {
		e = a.open(o)
	} else {
		e.addEvidence(o)
	}
	if e.status == ConfirmedLeak {
		return
	}
	factors, net, corroborated := a.noticeFactors(e, o)
	if len(e.noticeFactors) == 0 || net > e.noticeNet {
		e.noticeFactors, e.noticeNet = factors, net
	}
	if !corroborated && !stale(o) {
		e.noticeHolds = true
		if net >= FlagThreshold {
			e.noticeStrong = true
		}
		if has(o, nlp.ReasonOpenEnded) || has(o, nlp.ReasonCardStop) {
			a.stops = append(a.stops, stop{at: at, ep: e})
		}
		if e.payment {
			a.twoSources(e, o)
		}
	}
	a.followUp(e, o, true)
	e.update(at)
}

// followUp applies what a later notice in an open episode can say: the
// pretext changed (メンテナンス → システム不具合) or the stop is extended.
func (a *assessor) followUp(e *episode, o Observation, suspicious bool) {
	first := len(e.evidence) > 0 && sameObs(e.evidence[0], o)
	if e.sawMaint && !first && has(o, nlp.ReasonPretextFault) {
		if e.addFactor(Factor{Name: "pretext_shift", Contribution: wPretextShift,
			Detail: fmt.Sprintf("pretext changed from メンテナンス to システム不具合 on %s: %s", day(o.When()), quote(o))}) {
			e.escalate = true
			e.addEvidence(o)
		}
	}
	if has(o, nlp.ReasonPretextMaint) && (suspicious || e.flagged()) {
		e.sawMaint = true
	}
	if has(o, nlp.ReasonExtension) && !first {
		if e.addFactor(Factor{Name: "extension", Contribution: wExtension,
			Detail: fmt.Sprintf("the stop was extended on %s: %s", day(o.When()), quote(o))}) {
			e.escalate = true
			e.addEvidence(o)
		}
	}
}

// twoSources escalates when the notice and the payment page agree.
func (a *assessor) twoSources(e *episode, o Observation) {
	if e.addFactor(Factor{Name: "two_sources", Contribution: wTwoSources,
		Detail: fmt.Sprintf("notice and payment page agree on %s: card stopped, other methods offered", day(o.When()))}) {
		e.escalate = true
	}
}

// noticeFactors scores one suspicious notice: the classifier's verdict,
// what its reasons say, suddenness against the site's history, and
// corroboration across shops.
func (a *assessor) noticeFactors(e *episode, o Observation) ([]Factor, float64, bool) {
	at := o.When()
	score := clamp01(o.Score)
	base := wNoticeBase + wNoticeScore*score
	fs := []Factor{{Name: "notice_label", Contribution: round3(base),
		Detail: fmt.Sprintf("%s notice %s (classifier %.2f): %s", o.Label, day(at), score, quote(o))}}
	if len(o.Reasons) > 0 && !has(o, nlp.ReasonCardStop) && !has(o, nlp.ReasonNewCardOnly) {
		fs = append(fs, Factor{Name: "no_card_stop", Contribution: round3(-base * (1 - noCardStopKeep)),
			Detail: "the classifier's evidence holds no sentence stopping card payment (fraud policy or warning?)"})
	}
	type rule struct {
		r      nlp.Reason
		name   string
		w      float64
		detail string
	}
	for _, r := range []rule{
		{nlp.ReasonOpenEnded, "open_ended", wOpenEnded, "no end date: resumption deferred (再開時期未定 / 当面の間)"},
		{nlp.ReasonOtherMethods, "other_methods", wOtherMethods, "only card payment stops; other methods stay"},
		{nlp.ReasonNewCardOnly, "new_card_only", wNewCardOnly, "only new card entry stops: typical of a tampered card form"},
		{nlp.ReasonFixedWindow, "fixed_window", wFixedWindow, "states a start and an end time: planned work"},
		{nlp.ReasonProviderNamed, "provider_named", wProviderNamed, "names the payment provider or component"},
		{nlp.ReasonQuantified, "quantified_impact", wQuantified, "quantifies the impact (最大10分間, 瞬断): planned work"},
		{nlp.ReasonPastReport, "past_report", wPastReport, "reports a stop that is already over"},
		{nlp.ReasonNegated, "negated", wNegated, "says card payment is not stopped (停止しておりません)"},
	} {
		if has(o, r.r) {
			fs = append(fs, Factor{Name: r.name, Contribution: r.w, Detail: r.detail})
		}
	}
	if stale(o) {
		fs = append(fs, Factor{Name: "stale", Contribution: wStale,
			Detail: fmt.Sprintf("dated %s but first seen %s: an old stop, card payment has likely resumed since", day(o.Date), day(o.Seen))})
	}
	if f, ok := a.suddenness(e, o); ok {
		fs = append(fs, f)
	}
	var raw float64
	for _, f := range fs {
		raw += f.Contribution
	}
	n := a.relayedBy(o)
	keep := corroborationKeep(n)
	if keep < 1 && raw > 0 {
		d := round3(-raw * (1 - keep))
		detail := fmt.Sprintf("same wording on %d shops within a day: a payment provider's maintenance", n)
		if n == 2 {
			detail = "same wording on one other shop within a day: perhaps a shared template"
		}
		fs = append(fs, Factor{Name: "corroboration", Contribution: d, Detail: detail})
		raw += d
	}
	return fs, raw, n >= 3
}

// suddenness compares a notice with the site's own history.
func (a *assessor) suddenness(e *episode, o Observation) (Factor, bool) {
	at := o.When()
	for i := len(a.stops) - 1; i >= 0; i-- {
		s := a.stops[i]
		if s.ep != e && !s.at.After(at) {
			return Factor{Name: "suddenness", Contribution: 0,
				Detail: fmt.Sprintf("not the first card stop of this shop: an earlier one on %s", day(s.at))}, true
		}
	}
	open := has(o, nlp.ReasonOpenEnded)
	routine := 0
	for _, t := range a.scheduled {
		if !t.After(at) && at.Sub(t) <= routineLookback {
			routine++
		}
	}
	span := at.Sub(a.firstSeen)
	switch {
	case !open && routine >= routineNotices:
		return Factor{Name: "suddenness", Contribution: wRoutine,
			Detail: fmt.Sprintf("routine for this shop: %d scheduled maintenance notices in the last %s", routine, months(min(span, routineLookback)))}, true
	case open && span >= suddenHistory:
		return Factor{Name: "suddenness", Contribution: wSuddenFirst,
			Detail: fmt.Sprintf("first open-ended card stop in %s of history", months(span))}, true
	case open:
		return Factor{Name: "suddenness", Contribution: wSuddenShort,
			Detail: fmt.Sprintf("first open-ended card stop, but only %d days of history", int(span/(24*time.Hour)))}, true
	}
	return Factor{}, false
}

func months(d time.Duration) string {
	days := int(d / (24 * time.Hour))
	if days < 60 {
		return fmt.Sprintf("%d days", days)
	}
	return fmt.Sprintf("%d months", days/30)
}

// stale reports a notice dated long before we first saw it.
func stale(o Observation) bool {
	return !o.Date.IsZero() && o.Seen.Sub(o.Date) > staleAfter
}
