package nlp

import (
	"regexp"
	"strings"
)

// reEnglishWindow: an English time window ("from 2:00 a.m. to 6:00 a.m.",
// "1:00-3:00 JST", "between 1am and 3am"), which ipa splits into pieces the
// token scanner in window.go cannot join (a . m .).
var reEnglishWindow = regexp.MustCompile(`\b\d{1,2}(:\d{2})?\s*(a\.?m\.?|p\.?m\.?)?\s*(to|until|till|and|-|–|~)\s*\d{1,2}(:\d{2})?\s*(a\.?m\.?|p\.?m\.?|jst)?`)

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
	if m := reEnglishWindow.FindString(low); m != "" && (strings.Contains(m, ":") || strings.Contains(m, "m") || strings.Contains(m, "jst")) {
		// a colon, am/pm or JST says these are times, not "1 to 3 items"
		f.window.fixed, f.window.point = true, true
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
			f.leakAccess = f.leakAccess || !containsAny(low, englishLeakPurpose)
		}
	}
}
