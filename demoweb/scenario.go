package demoweb

import "time"

// Scenario is the story a shop's pages tell over time. The truths are in the
// package comment (doc.go) and in suspiciousAt.
type Scenario string

const (
	Classic            Scenario = "classic"
	Scheduled          Scenario = "scheduled"
	Resumed            Scenario = "resumed"
	Ordinary           Scenario = "ordinary"
	BannerOnly         Scenario = "banner_only"
	PaymentOnly        Scenario = "payment_only"
	SiteDown           Scenario = "site_down"
	MonthlyMaintenance Scenario = "monthly_maintenance"
	ProviderWide       Scenario = "provider_wide"
	LeakOnly           Scenario = "leak_only"
	PhishingWarning    Scenario = "phishing_warning"
	FraudPolicy        Scenario = "fraud_policy"
)

// Scenarios lists every scenario, in a fixed order.
var Scenarios = []Scenario{
	Classic, Scheduled, Resumed, Ordinary, BannerOnly, PaymentOnly, SiteDown,
	MonthlyMaintenance, ProviderWide, LeakOnly, PhishingWarning, FraudPolicy,
}

// SuspiciousType reports whether the scenario makes a shop suspicious at some
// point of its story.
func (s Scenario) SuspiciousType() bool {
	switch s {
	case Classic, Resumed, BannerOnly, PaymentOnly, SiteDown, LeakOnly:
		return true
	}
	return false
}

const day = 24 * time.Hour

// Scenario day offsets, shared by the timelines and the truths so they
// cannot drift apart.
const (
	classicFaultDay  = 1
	classicExtendDay = 45
	classicLeakDay   = 120
	resumeDay        = 3
	scheduledAhead   = 7  // the window is this many days after the notice
	providerAhead    = 5  // provider_wide: window this many days after posting
	monthlyEvery     = 28 // monthly_maintenance: one notice every 28 days
	weakSignalDays   = 1  // banner/payment/site-down need two daily cycles
)

// suspiciousAt is the ground truth: should a careful watcher that crawls the
// shop daily flag it at t?
func suspiciousAt(s Scenario, start, t time.Time) bool {
	at := func(d int) time.Time { return start.Add(time.Duration(d) * day) }
	switch s {
	case Classic, LeakOnly:
		// An explicit open-ended card stop (classic) or a leak announcement
		// (leak_only) flags at once; neither story ever resolves.
		return !t.Before(start)
	case Resumed:
		return !t.Before(start) && t.Before(at(resumeDay))
	case BannerOnly, PaymentOnly, SiteDown:
		// Signals outside the news are weak: seen on one cycle they do not
		// flag; seen on the next daily cycle they do.
		return !t.Before(at(weakSignalDays))
	}
	return false
}
