package nlp

import "strings"

// english.go: English mixed into a notice ("credit card payments are
// temporarily unavailable", "until further notice"). kagome leaves English
// words as unknown tokens, so these are lower-cased substring rules
// (englishRules in rules.go).

// english applies the English phrases to a lower-cased sentence.
func english(low string, f *facts) {
	hasASCII := false
	for i := 0; i < len(low); i++ {
		if c := low[i]; c >= 'a' && c <= 'z' {
			hasASCII = true
			break
		}
	}
	if !hasASCII {
		return
	}
	card := strings.Contains(low, "card") || strings.Contains(low, "payment")
	negated := false
	for _, n := range englishNegations {
		if strings.Contains(low, n) {
			negated = true
		}
	}
	for _, r := range englishRules {
		if !strings.Contains(low, r.phrase) {
			continue
		}
		switch r.reason {
		case ReasonCardStop:
			if card {
				f.stops = append(f.stops, stopMention{subj: subjCard, negated: negated, aspect: aspectOngoing})
				f.hasCard = true
			}
		case ReasonOpenEnded:
			f.openEnded = true
		case ReasonPretextMaint:
			f.pretextMaint = true
		case ReasonPretextFault:
			f.pretextFault = true
		case ReasonResumed:
			f.resumed = true
		case ReasonOtherMethods:
			f.otherMethods = true
		case ReasonLeakTerms:
			f.leakAccess = true
		}
	}
}
