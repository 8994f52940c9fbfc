package judge

import (
	"cmp"
	"slices"
	"time"
)

// Assess judges one site from its whole observation history and returns its
// episodes, oldest first. Only episodes that were flagged at least once (and
// confirmed leaks) are returned; a weak signal that came and went leaves no
// trace. Observations may come in any order; those sighted after c.Now are
// ignored, so a history can be replayed day by day with the same input.
// The result depends only on obs and c: no clock, no I/O.
func Assess(obs []Observation, c Context) []Episode {
	return replay(obs, c).emit()
}

// replay applies the whole history and returns the judge's working state,
// unflagged episodes included (tests read their scores).
func replay(obs []Observation, c Context) *assessor {
	now := c.Now
	var sorted []Observation
	for _, o := range obs {
		if !now.IsZero() && o.Seen.After(now) {
			continue
		}
		sorted = append(sorted, o)
	}
	slices.SortStableFunc(sorted, compareObs)
	if now.IsZero() {
		for _, o := range sorted {
			if o.Seen.After(now) {
				now = o.Seen
			}
		}
	}

	a := newAssessor(c, now)
	cyc := groupCycles(sorted)
	next := 0 // index of the first cycle not yet ended
	for _, o := range sorted {
		// A cycle ends once every observation of it has been applied:
		// the first observation after its last sighting closes it.
		for next < len(cyc) && cyc[next].end.Before(o.When()) {
			a.endCycle(cyc[next])
			next++
		}
		a.advance(o.When())
		a.observe(o)
	}
	for ; next < len(cyc); next++ {
		a.endCycle(cyc[next])
	}
	a.advance(now)
	return a
}

// compareObs orders observations by effective date, then store id, then
// every other field, so the order never depends on the input order.
func compareObs(x, y Observation) int {
	// Cheap keys first and one at a time: this runs n log n times per site
	// on every judgement.
	if c := x.When().Compare(y.When()); c != 0 {
		return c
	}
	if c := cmp.Compare(x.ID, y.ID); c != 0 {
		return c
	}
	if c := cmp.Compare(kindRank(x.Kind), kindRank(y.Kind)); c != 0 {
		return c
	}
	return cmp.Or(
		x.Seen.Compare(y.Seen),
		cmp.Compare(x.URL, y.URL),
		cmp.Compare(x.Title, y.Title),
		cmp.Compare(x.Text, y.Text),
		cmp.Compare(x.Fingerprint, y.Fingerprint),
		cmp.Compare(string(x.Label), string(y.Label)),
		cmp.Compare(x.Score, y.Score),
		cmp.Compare(boolRank(x.CardAvailable), boolRank(y.CardAvailable)),
		cmp.Compare(boolRank(x.OtherMethods), boolRank(y.OtherMethods)),
		cmp.Compare(boolRank(x.CardSuspended), boolRank(y.CardSuspended)),
		slices.Compare(x.Reasons, y.Reasons),
		cmp.Compare(x.SHA256, y.SHA256),
	)
}

// kindRank puts what a cycle read before the crawl record that closes it.
func kindRank(k Kind) int {
	switch k {
	case KindNotice:
		return 0
	case KindBanner:
		return 1
	case KindPayment:
		return 2
	case KindSiteDown:
		return 3
	case KindFetchErr:
		return 4
	case KindNoNews:
		return 5
	case KindCrawl:
		return 6
	}
	return 7
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// cycle is one crawl cycle of the site: the non-notice observations sighted
// within cycleGap of each other. Notices are not part of cycles: their
// effective date is the date they state, not when we read them.
type cycle struct {
	members  []int // indexes into the sorted observations
	end      time.Time
	banner   *Observation // the last banner observation of the cycle
	payment  *Observation
	siteDown *Observation
	fetchErr bool
	crawl    *Observation
	last     Observation // the last observation: the cycle's clock
}

func groupCycles(sorted []Observation) []cycle {
	var idx []int
	for i, o := range sorted {
		if o.Kind != KindNotice {
			idx = append(idx, i)
		}
	}
	// Non-notice observations have When() == Seen unless a Date was set:
	// group them by sighting time.
	slices.SortStableFunc(idx, func(a, b int) int { return sorted[a].Seen.Compare(sorted[b].Seen) })
	var out []cycle
	var start time.Time
	for _, i := range idx {
		o := sorted[i]
		if len(out) == 0 || o.Seen.Sub(start) > cycleGap {
			out = append(out, cycle{})
			start = o.Seen
		}
		c := &out[len(out)-1]
		c.members = append(c.members, i)
	}
	for k := range out {
		c := &out[k]
		slices.Sort(c.members) // back to processing order
		for _, i := range c.members {
			o := &sorted[i]
			if w := o.When(); w.After(c.end) {
				c.end = w
			}
			c.last = *o
			switch o.Kind {
			case KindBanner:
				c.banner = o
			case KindPayment:
				c.payment = o
			case KindSiteDown:
				c.siteDown = o
			case KindFetchErr:
				c.fetchErr = true
			case KindCrawl:
				c.crawl = o
			}
		}
	}
	return out
}
