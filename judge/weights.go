package judge

import "time"

// Every number the judge uses lives here, each with the real-world pattern it
// stands for (shared NOTICES.md and PEERS.md §4 sum up those patterns). A
// factor's contribution is added to the episode's score, which is clamped to
// [0, 1]; an episode is flagged once the score reaches FlagThreshold.
//
// The weights are set so that:
//   - an explicit open-ended card stop notice flags on its own, at once;
//   - one weak signal (banner, payment page, site down) seen in one cycle does
//     not flag, and the same signal on a second cycle does; except a banner
//     that states an open-ended card stop in the shop's own words, which
//     counts as the notice it is;
//   - a notice relayed by ≥ 3 shops the same day cannot flag on its own, and
//     platform context never can.

// FlagThreshold is the score at which a site is named in public. Half-way:
// one strong signal or one persistent weak signal, never a single weak one.
const FlagThreshold = 0.5

// Notices: the classifier's verdict is the backbone of the score.
const (
	// wNoticeBase: a notice the classifier calls suspicious_suspension is the
	// precursor's usual form (sudden card stop with a pretext). With
	// wNoticeScore, any such notice with a card-stop sentence reaches the
	// threshold at confidence 0.5: the shop's own words flag it on the first
	// crawl; only the discounts below (planned work, routine, relayed by
	// other shops, stale, no card-stop sentence) hold it back.
	wNoticeBase = 0.35
	// wNoticeScore scales with the classifier's confidence: 0.9 adds 0.27.
	wNoticeScore = 0.30
	// wOpenEnded: 再開時期未定 / 当面の間 / 決定次第: no end date is the mark of
	// a stop the shop did not plan (NOTICES.md, precursor point 2).
	wOpenEnded = 0.10
	// wOtherMethods: only card stops while 銀行振込 / 代引 go on (point 4).
	wOtherMethods = 0.05
	// wNewCardOnly: only new card entry stops, stored cards still work:
	// typical of a tampered card form (point 5).
	wNewCardOnly = 0.10
	// wFixedWindow: a start and an end time is scheduled work, even when the
	// classifier still called the notice suspicious.
	wFixedWindow = -0.15
	// wProviderNamed: naming the payment provider or component is what
	// planned maintenance does; the precursor names none (point 3).
	wProviderNamed = -0.10
	// wQuantified: 最大10分間 / 瞬断 / 数秒: planned work quantifies its
	// impact; the precursor gives no figures (point 6).
	wQuantified = -0.10
	// wPastReport: the notice reports a stop that is over (昨日…停止して
	// おりました); wNegated: 停止しておりません. Second line of defence when
	// the classifier still says suspicious.
	wPastReport = -0.25
	wNegated    = -0.25
	// wStale: a stop notice dated long before we first saw it (a shop
	// imported with an old notice still listed) is history, not a sudden
	// stop: card payment has most likely resumed without a new notice.
	// Enough to keep it from flagging alone.
	wStale     = -0.35
	staleAfter = 60 * 24 * time.Hour
	// noCardStopKeep: a "suspicious" notice whose evidence has no card-stop
	// sentence (fraud policy, phishing warning) keeps only this share.
	noCardStopKeep = 0.5
)

// Suddenness against the site's own history.
const (
	// wSuddenFirst: the first open-ended card stop in a long history is what
	// the human watchers react to.
	wSuddenFirst = 0.10
	// wSuddenShort: first open-ended stop, but we have watched the shop too
	// briefly to call it out of character.
	wSuddenShort = 0.05
	// suddenHistory is how much history makes "first in its history" mean
	// something.
	suddenHistory = 30 * 24 * time.Hour
	// wRoutine: a shop that posts fixed-window maintenance every month is not
	// suspicious for posting another (NOTICES.md: 毎月第2木曜日).
	wRoutine = -0.20
	// routineNotices scheduled notices within routineLookback make a routine.
	routineNotices  = 2
	routineLookback = 400 * 24 * time.Hour
)

// Escalation within an episode.
const (
	// wPretextShift: メンテナンス on day 0, システム不具合 a day later: the
	// story changes because there was no maintenance (point 7).
	wPretextShift = 0.15
	// wExtension: the stop is extended weeks later (point 7).
	wExtension = 0.10
	// wTwoSources: the notice and the payment page agree: two independent
	// sources (the shop's words and its checkout configuration).
	wTwoSources = 0.10
	// wDurationPerDay / wDurationCap: real cases stay stopped for weeks to
	// months; a flagged stop grows more serious each day, up to the cap.
	// Duration only adds to an episode already flagged: time alone never
	// names a shop.
	wDurationPerDay = 0.005
	wDurationCap    = 0.15
	// escalateAfter: a suspension lasting this long is escalated on the
	// day the mark is crossed.
	escalateAfter = 30 * 24 * time.Hour
)

// Signals outside the news: weak alone, strong when they persist.
const (
	// wBanner: a top-page bar saying card payment is unavailable.
	wBanner = 0.25
	// wBannerWording: a banner that states the precursor itself (the
	// classifier calls it suspicious, with a card-stop sentence and no end
	// date) flags on its first cycle, as the same words in the news would:
	// with wBanner it reaches the threshold.
	wBannerWording = 0.25
	// wPayment: the card method removed or marked 停止中 on the payment page
	// while other methods stay.
	wPayment = 0.25
	// wSiteDown: the whole site behind a メンテナンス中 page or 503; some
	// leaking shops stay so for months, but so does a shop being rebuilt.
	// Decision: suspected on its second cycle like any weak signal, escalated
	// on the day it has lasted escalateAfter (a month-long closure is the
	// "メンテナンス中 for months" pattern), resolved the first cycle the site
	// answers again.
	wSiteDown = 0.25
	// bareDownAfter: a run of 503s whose page says nothing of maintenance
	// counts as the site-down signal only once it has lasted this long; a
	// week-long outage of a shop's server is common, a closure lasts months.
	bareDownAfter = 14 * 24 * time.Hour
	// wPersistence: a weak signal seen on persistCycles crawl cycles is no
	// longer a glitch (PEERS.md §4.5: at least two consecutive sightings).
	wPersistence  = 0.30
	persistCycles = 2
	// goneCycles: a banner must be gone this many cycles before we believe
	// card payment is back (a banner can flicker with page caching).
	goneCycles = 2
	// cycleGap: observations whose sighting times lie within this span of
	// the first one form one crawl cycle (a site's pages are fetched within
	// minutes; cycles are hours apart).
	cycleGap = time.Hour
)

// Context.
const (
	// wECCUBE2: EC-CUBE 2.x is the platform most leaks of this kind came
	// from; wECCUBE2Old for 2.13 and older (end of support, the known
	// tampered-payment-form cases). Small: never enough alone.
	wECCUBE2    = 0.05
	wECCUBE2Old = 0.08
	// wLeak: an official leak announcement is the confirmation itself.
	wLeak = 1.0
)

// corroborationKeep is the share of a notice's contribution kept when the
// same wording appeared on n shops within a day: the same notice on many
// shops the same day is a payment provider's maintenance (NOTICES.md).
// At 3 and more a notice cannot flag a site alone; at 5 it barely counts.
func corroborationKeep(n int) float64 {
	switch {
	case n >= 5:
		return 0.1
	case n >= 3:
		return 0.4
	case n == 2:
		// Two shops can share a template by chance.
		return 0.85
	default:
		return 1
	}
}

// evidenceCap bounds the observations kept as an episode's evidence: the
// opening one and the most recent others.
const evidenceCap = 10
