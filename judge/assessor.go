package judge

import (
	"fmt"
	"time"

	"maintwatch/nlp"
)

// assessor walks one site's history in order, keeping the site's state (what
// its payment page, banner and notices said before) and its episodes.
type assessor struct {
	ctx Context
	now time.Time
	eps []*episode

	firstSeen time.Time
	scheduled []time.Time // dates of scheduled-maintenance notices
	stops     []stop      // earlier open-ended card stops

	// cardPages are the payment pages (by URL) that once offered the card:
	// a removal only counts on a page we saw offer it, so a shop moving its
	// guide to another URL (or the extractor reading another page) is not a
	// removal.
	cardPages      map[string]bool
	cardDown       bool // the payment page shows card removed while others stay
	cardDownCycles int
	cardDownObs    Observation

	bannerOn        bool
	bannerCycles    int
	bannerOffCycles int
	bannerObs       Observation

	downCycles int // consecutive cycles with the whole site down
	downObs    Observation
	downWorded bool // a cycle of the run showed a maintenance page, not only a bare 503

	// The episode each weak signal's current run fed, nil for a new run.
	bannerEp, cardEp, downEp *episode
}

// stop is an open-ended card stop notice, for suddenness later on.
type stop struct {
	at time.Time
	ep *episode
}

func newAssessor(c Context, now time.Time) *assessor {
	return &assessor{ctx: c, now: now, cardPages: map[string]bool{}}
}

// cur returns the episode new observations belong to, or nil.
func (a *assessor) cur() *episode {
	if n := len(a.eps); n > 0 && a.eps[n-1].current() {
		return a.eps[n-1]
	}
	return nil
}

// open starts an episode from its opening observation.
func (a *assessor) open(o Observation) *episode {
	e := &episode{opened: o.When()}
	e.addEvidence(o)
	if f, ok := platformFactor(a.ctx); ok {
		e.addFactor(f)
	}
	a.eps = append(a.eps, e)
	return e
}

// drop forgets an episode that never crossed the threshold and whose signal
// is gone: a weak signal seen once leaves no trace.
func (a *assessor) drop(e *episode) {
	if n := len(a.eps); n > 0 && a.eps[n-1] == e && !e.flagged() && e.status == "" {
		a.eps = a.eps[:n-1]
		var kept []stop
		for _, s := range a.stops {
			if s.ep != e {
				kept = append(kept, s)
			}
		}
		a.stops = kept
	}
}

// advance applies what the passing of time does by t: a suspension reaching
// 30 days is escalated on the day the mark is crossed.
func (a *assessor) advance(t time.Time) {
	e := a.cur()
	if e == nil || e.durMarked || e.status == ConfirmedLeak {
		return
	}
	mark := e.opened.Add(escalateAfter)
	if mark.After(t) {
		return
	}
	e.durMarked = true
	e.escalate = true
	if e.status == Suspected {
		e.transition(Escalated, mark)
	}
}

// observe applies one observation. Notices act at once; the other kinds are
// applied per crawl cycle in endCycle.
func (a *assessor) observe(o Observation) {
	if a.firstSeen.IsZero() || o.When().Before(a.firstSeen) {
		a.firstSeen = o.When()
	}
	if o.Kind == KindNotice {
		a.notice(o)
	}
}

// emit publishes every episode that was flagged at least once, each with
// its key (a second episode opened by the same wording on the same day gets
// a numbered suffix).
func (a *assessor) emit() []Episode {
	var out []Episode
	keys := map[string]int{}
	for _, e := range a.eps {
		if !e.flagged() {
			continue
		}
		p := e.publish(a.now)
		k := e.baseKey()
		keys[k]++
		if n := keys[k]; n > 1 {
			k = fmt.Sprintf("%s-%d", k, n)
		}
		p.Key = k
		out = append(out, p)
	}
	return out
}

func has(o Observation, r nlp.Reason) bool {
	for _, x := range o.Reasons {
		if x == r {
			return true
		}
	}
	return false
}
