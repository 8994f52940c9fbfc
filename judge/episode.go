package judge

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// episode is the judge's working copy of an Episode. status "" means open
// but below the threshold: internal, never emitted unless it crosses later.
type episode struct {
	opened       time.Time
	status       Status
	firstFlagged time.Time
	closed       time.Time
	confirmedAt  time.Time
	leadTime     time.Duration
	history      []Transition
	evidence     []Observation

	// noticeFactors are the factors of the strongest notice so far: a shop
	// re-posting its notice does not double the score.
	noticeFactors []Factor
	noticeNet     float64
	// extra holds the episode-level factors in the order they appeared.
	extra []Factor

	noticeHolds  bool // an uncorroborated suspicious notice keeps it open until card payment is back
	noticeStrong bool // and one of them reached the threshold on its own
	sawMaint     bool // an earlier notice gave メンテナンス as the pretext
	banner       bool // the banner signal was part of it
	payment      bool // the payment-page signal was part of it
	siteDown     bool // the whole-site maintenance signal was part of it
	escalate     bool // a reason to escalate has been seen (applied once flagged)
	durMarked    bool // the 30-day mark has been handled
	cardBack     bool // confirmed, then card payment came back: new signals open a new episode
}

// current reports whether new observations belong to this episode.
func (e *episode) current() bool {
	if e.status == Resolved {
		return false
	}
	return !(e.status == ConfirmedLeak && e.cardBack)
}

func (e *episode) flagged() bool { return !e.firstFlagged.IsZero() }

// score sums every factor known before duration, clamped to [0, 1].
func (e *episode) score() float64 {
	s := e.noticeNet
	for _, f := range e.extra {
		s += f.Contribution
	}
	return clamp01(s)
}

func clamp01(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return math.Max(0, math.Min(1, x))
}

// addFactor records an episode-level factor once per name: the first
// occurrence explains when and why it started to count.
func (e *episode) addFactor(f Factor) bool {
	for _, g := range e.extra {
		if g.Name == f.Name {
			return false
		}
	}
	e.extra = append(e.extra, f)
	return true
}

func (e *episode) addEvidence(o Observation) {
	for _, x := range e.evidence {
		if sameObs(x, o) {
			return
		}
	}
	e.evidence = append(e.evidence, o)
}

func sameObs(a, b Observation) bool {
	return a.Kind == b.Kind && a.Seen.Equal(b.Seen) && a.ID == b.ID && a.URL == b.URL && a.Text == b.Text && a.Title == b.Title
}

func (e *episode) transition(s Status, at time.Time) {
	if n := len(e.history); n > 0 && at.Before(e.history[n-1].At) {
		at = e.history[n-1].At // never record a status before the one it follows
	}
	e.status = s
	e.history = append(e.history, Transition{Status: s, At: at})
}

// update moves the episode up after a change at time at: suspected when the
// score crosses the threshold, escalated when a reason to escalate is known.
func (e *episode) update(at time.Time) {
	if !e.durMarked && !e.opened.Add(escalateAfter).After(at) {
		// Flagged only after the 30-day mark (a signal first seen long
		// ago): it escalates when it is flagged.
		e.durMarked, e.escalate = true, true
	}
	if e.status == "" && e.score() >= FlagThreshold && e.strong() {
		e.firstFlagged = at
		e.transition(Suspected, at)
	}
	if e.status == Suspected && e.escalate {
		e.transition(Escalated, at)
	}
}

// strong reports whether the episode rests on more than signals seen once:
// a stop notice of the shop's own that reaches the threshold by itself, a
// story that changed (pretext shift, extension), a signal that persisted
// over cycles, or a banner stating an open-ended card stop (the shop's own
// words, as strong as a notice). Weak things seen once do not add up to
// naming a shop: a banner and the payment page during a glitch, or a routine
// maintenance notice the classifier half-believed plus the card greyed out
// that night.
func (e *episode) strong() bool {
	if e.noticeStrong {
		return true
	}
	for _, f := range e.extra {
		switch f.Name {
		case "persistence", "pretext_shift", "extension", "banner_wording":
			return true
		}
	}
	return false
}

// confirm records a leak announcement.
func (e *episode) confirm(o Observation) {
	at := o.When()
	if e.status == ConfirmedLeak {
		e.addEvidence(o)
		return
	}
	if !e.flagged() {
		e.firstFlagged = at
	}
	e.leadTime = at.Sub(e.firstFlagged)
	e.confirmedAt = at
	e.addFactor(Factor{Name: "leak_announcement", Contribution: wLeak,
		Detail: fmt.Sprintf("leak announcement %s: %s", day(at), quote(o))})
	e.addEvidence(o)
	e.transition(ConfirmedLeak, at)
}

// baseKey derives the episode's key from the first observation we saw of
// it (by sighting time, not stated date): a notice read later but dated
// earlier can join an episode, or even become its first dated signal,
// without changing the key a feed has already published.
func (e *episode) baseKey() string {
	first := e.evidence[0]
	for _, o := range e.evidence[1:] {
		if c := o.Seen.Compare(first.Seen); c < 0 || c == 0 && compareObs(o, first) < 0 {
			first = o
		}
	}
	return episodeKey(first)
}

// resolve closes a flagged episode: card payment is back.
func (e *episode) resolve(at time.Time, why string) {
	e.closed = at
	e.addFactor(Factor{Name: "resolved", Contribution: 0, Detail: fmt.Sprintf("%s: %s", day(at), why)})
	e.transition(Resolved, at)
}

// durationFactor is the contribution of days suspended, up to end.
func (e *episode) durationFactor(end time.Time) (Factor, bool) {
	if !e.flagged() || end.Before(e.opened) {
		return Factor{}, false
	}
	days := int(end.Sub(e.opened) / (24 * time.Hour))
	if days < 1 {
		return Factor{}, false
	}
	c := math.Min(float64(days)*wDurationPerDay, wDurationCap)
	d := fmt.Sprintf("the stop has lasted %d days (since %s)", days, day(e.opened))
	if end.Sub(e.opened) >= escalateAfter {
		d += "; 30 days reached on " + day(e.opened.Add(escalateAfter))
	}
	return Factor{Name: "duration", Contribution: round3(c), Detail: d}, true
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// episode turns the working copy into the published Episode as of now.
func (e *episode) publish(now time.Time) Episode {
	end := now
	switch {
	case e.status == Resolved:
		end = e.closed
	case e.status == ConfirmedLeak:
		end = e.confirmedAt
	}
	factors := make([]Factor, 0, len(e.noticeFactors)+len(e.extra)+1)
	factors = append(factors, e.noticeFactors...)
	factors = append(factors, e.extra...)
	if f, ok := e.durationFactor(end); ok {
		factors = append(factors, f)
	}
	var sum float64
	for _, f := range factors {
		sum += f.Contribution
	}
	ev := slices.Clone(e.evidence)
	slices.SortStableFunc(ev, func(x, y Observation) int { return x.When().Compare(y.When()) })
	if len(ev) > evidenceCap {
		// Keep the opening observation and the latest ones.
		ev = append([]Observation{ev[0]}, ev[len(ev)-evidenceCap+1:]...)
	}
	updated := e.opened
	for _, t := range e.history {
		if t.At.After(updated) {
			updated = t.At
		}
	}
	for _, o := range ev {
		if w := o.When(); w.After(updated) {
			updated = w
		}
	}
	return Episode{
		Status:       e.status,
		Score:        round3(clamp01(sum)),
		Opened:       e.opened,
		FirstFlagged: e.firstFlagged,
		Updated:      updated,
		Closed:       e.closed,
		LeadTime:     e.leadTime,
		Factors:      factors,
		Evidence:     ev,
		History:      append([]Transition(nil), e.history...),
	}
}
