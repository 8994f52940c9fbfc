// Package judge decides, from one site's timeline of observations, whether the
// site shows the leak precursor: a sudden, persistent card-payment suspension.
// It is pure: the same observations and context always give the same
// episodes, so a whole history can be replayed with an injected clock.
package judge

import (
	"strings"
	"time"

	"maintwatch/nlp"
)

// Kind is what an observation saw.
type Kind string

const (
	KindNotice   Kind = "notice"   // a news notice (first sighting only)
	KindBanner   Kind = "banner"   // the top page's urgent banner(s), one per fresh parse of the top page; empty Text = no banner
	KindPayment  Kind = "payment"  // the payment-methods page, one per fresh parse
	KindSiteDown Kind = "sitedown" // the whole site answered 503 or a maintenance page this cycle (also when that page answered 304: the cycle carries it); none in a cycle the site answered = back up
	KindFetchErr Kind = "fetcherr" // the site could not be crawled this cycle (network, timeout ...)
	KindNoNews   Kind = "nonews"   // extraction failure: a site that used to yield notices yielded none
	KindCrawl    Kind = "crawl"    // the site was crawled this cycle (one per cycle): lets the judge count cycles
)

// Observation is one dated thing maintwatch saw on a site.
type Observation struct {
	ID   int64     `json:"id,omitempty"` // the store's id; 0 before storing
	Kind Kind      `json:"kind"`
	Seen time.Time `json:"seen"`          // when maintwatch saw it (crawl time)
	Date time.Time `json:"date,omitzero"` // the date the page states, zero when none
	URL  string    `json:"url,omitempty"` // the page it was read from
	// SHA256 is the hex hash of the raw body of the page it was read from, so
	// evidence pages can link the stored snapshot (added by the store helper;
	// the store fills it from NoticeRecord.FetchSHA256 when empty).
	SHA256  string       `json:"sha256,omitempty"`
	Title   string       `json:"title,omitempty"`
	Text    string       `json:"text,omitempty"` // the excerpt shown as evidence
	Label   nlp.Label    `json:"label,omitempty"`
	Score   float64      `json:"score,omitempty"`
	Reasons []nlp.Reason `json:"reasons,omitempty"`
	// Payment observations: the card method is offered and not marked
	// suspended; other methods (振込, 代引 ...) are offered.
	CardAvailable bool `json:"card_available,omitempty"`
	OtherMethods  bool `json:"other_methods,omitempty"`
	// CardSuspended: the page lists the card method and marks it stopped
	// (停止中, 一時停止, ただいまご利用いただけません). Unlike a card method
	// merely absent, this counts even on the first sighting of the page: a
	// page that never offered cards does not write 停止中 next to one.
	// (Added in session 2, issue 5.)
	CardSuspended bool `json:"card_suspended,omitempty"`
	// Fingerprint identifies the wording across sites (hash of normalised
	// text), so that a provider's notice relayed by many shops is recognised.
	Fingerprint string `json:"fingerprint,omitempty"`
}

// SiteDownUnworded starts the text of a sitedown observation whose 503 page
// says nothing of maintenance (the crawler's SiteReport.Unworded): the
// server fails, and only the length of the run makes it a signal.
const SiteDownUnworded = "site answers 503 and its page says nothing of maintenance"

// unworded reports a sitedown observation of a 503 page with no word of
// maintenance.
func (o Observation) unworded() bool {
	return o.Kind == KindSiteDown && strings.HasPrefix(o.Text, SiteDownUnworded)
}

// When is the observation's effective date: the stated date when there is
// one and it is not after the sighting, else the sighting.
func (o Observation) When() time.Time {
	if !o.Date.IsZero() && !o.Date.After(o.Seen) {
		return o.Date
	}
	return o.Seen
}

// Status of an episode. The values are part of the feed contract.
type Status string

const (
	Suspected     Status = "suspected"
	Escalated     Status = "escalated"
	ConfirmedLeak Status = "confirmed_leak"
	Resolved      Status = "resolved"
)

// Flagged reports whether a status names the site in public.
func (s Status) Flagged() bool { return s == Suspected || s == Escalated || s == ConfirmedLeak }

// Factor is one named contribution to an episode's score.
type Factor struct {
	Name         string  `json:"name"`         // stable code, e.g. "notice_label", "suddenness"
	Contribution float64 `json:"contribution"` // signed, added to the score before clamping
	Detail       string  `json:"detail"`       // one line a person can read
}

// Transition records when an episode reached a status.
type Transition struct {
	Status Status    `json:"status"`
	At     time.Time `json:"at"`
}

// Episode is one suspension of card payment on one site, from its first
// suspicious signal to its resolution or the leak announcement.
type Episode struct {
	// Key is stable for the life of the episode (derived from its opening
	// observation), so feeds can give it a permanent id.
	Key          string        `json:"key"`
	Status       Status        `json:"status"`
	Score        float64       `json:"score"`                  // in [0, 1]
	Opened       time.Time     `json:"opened"`                 // effective date of the first suspicious signal
	FirstFlagged time.Time     `json:"first_flagged,omitzero"` // when the score first crossed the flag threshold (zero: never flagged)
	Updated      time.Time     `json:"updated"`                // last change of status or evidence
	Closed       time.Time     `json:"closed,omitzero"`        // resolution date
	LeadTime     time.Duration `json:"lead_time,omitempty"`    // leak announcement − first flagged, for confirmed leaks
	Factors      []Factor      `json:"factors"`
	Evidence     []Observation `json:"evidence"` // the observations that support it, oldest first
	History      []Transition  `json:"history"`
}

// Context is what the judge needs beyond the site's own observations.
type Context struct {
	Now             time.Time
	Platform        string
	PlatformVersion string
	// Corroboration maps an observation fingerprint to the number of distinct
	// sites (this one included) that showed the same wording within a day of
	// it. Missing means 1.
	Corroboration map[string]int
}
