// Package nlp reads Japanese shop notices and decides whether one announces a
// sudden card-payment suspension, planned maintenance, a resumption, a leak, or
// nothing of interest, and says which sentences decided it.
package nlp

// Label is the classifier's verdict on one notice. The values are part of the
// command-line contract (shared CONTRACT.md) and must not change.
type Label string

const (
	// Suspicious: card payment stopped suddenly, open-ended or with a
	// maintenance / fault pretext.
	Suspicious Label = "suspicious_suspension"
	// Scheduled: planned maintenance with a fixed window, including a payment
	// provider's.
	Scheduled Label = "scheduled_maintenance"
	// Resumed: card payment resumed or restored.
	Resumed Label = "resumed"
	// Leak: an official announcement of a card-data leak or unauthorised access.
	Leak Label = "leak_announcement"
	// Unrelated: any other shop news.
	Unrelated Label = "unrelated"
)

// Labels lists every label in a fixed order (for reports and validation).
var Labels = []Label{Suspicious, Scheduled, Resumed, Leak, Unrelated}

// Reason is a code naming why a sentence counted as evidence.
type Reason string

const (
	ReasonCardStop      Reason = "CARD_STOP"               // card payment stopped / unavailable
	ReasonPretextMaint  Reason = "PRETEXT_MAINTENANCE"     // メンテナンス given as the cause
	ReasonPretextFault  Reason = "PRETEXT_FAULT"           // システム不具合 / 障害 given as the cause
	ReasonOpenEnded     Reason = "OPEN_ENDED"              // 当面の間, 再開時期未定, 決定次第 ...
	ReasonStartsNow     Reason = "STARTS_NOW"              // 本日より, 現在 ...
	ReasonOtherMethods  Reason = "OTHER_METHODS_AVAILABLE" // 銀行振込 / 代金引換 still offered
	ReasonNewCardOnly   Reason = "NEW_CARD_ENTRY_ONLY"     // only new card entry stops
	ReasonFixedWindow   Reason = "FIXED_WINDOW"            // a start and an end time
	ReasonProviderNamed Reason = "PROVIDER_NAMED"          // a payment provider or component is named
	ReasonQuantified    Reason = "QUANTIFIED_IMPACT"       // 最大10分間, 瞬断, 数秒
	ReasonResumed       Reason = "RESUMED"                 // 再開いたしました, 復旧
	ReasonLeakTerms     Reason = "LEAK_TERMS"              // 情報流出, 漏えい, 不正アクセス, 第三者調査機関
	ReasonNegated       Reason = "NEGATED"                 // 停止しておりません
	ReasonExtension     Reason = "EXTENSION"               // the stop is extended (延長)
	ReasonPastReport    Reason = "PAST_REPORT"             // reports an earlier stop, now over
	ReasonFraudPolicy   Reason = "FRAUD_POLICY"            // 不正注文 / 3Dセキュア / phishing warning
	ReasonBrandChange   Reason = "BRAND_CHANGE"            // a card brand added or dropped with notice
)

// Evidence is one sentence that decided a verdict.
type Evidence struct {
	Text   string `json:"text"`
	Reason Reason `json:"reason"`
}

// Result is the classifier's answer for one notice.
type Result struct {
	Label    Label      `json:"label"`
	Score    float64    `json:"score"` // in [0, 1]: confidence in Label
	Evidence []Evidence `json:"evidence"`
}

// Has reports whether any evidence carries the reason.
func (r Result) Has(reason Reason) bool {
	for _, e := range r.Evidence {
		if e.Reason == reason {
			return true
		}
	}
	return false
}
