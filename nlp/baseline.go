package nlp

import "strings"

// Baseline is the plain keyword rule the classifier is compared against: a
// notice is suspicious when メンテナンス or 不具合 occurs near both カード and
// 停止 (within baselineReach runes either side), otherwise unrelated. It
// knows no negation, no windows and no resumption; it exists only so
// `make eval` can show what the token rules add.
func Baseline(text string) Label {
	s := []rune(cleanText(text))
	for _, kw := range [][]rune{[]rune("メンテナンス"), []rune("不具合")} {
		for p := 0; p+len(kw) <= len(s); p++ {
			if !hasRunePrefix(s[p:], kw) {
				continue
			}
			lo, hi := max(0, p-baselineReach), min(len(s), p+len(kw)+baselineReach)
			near := string(s[lo:hi])
			if strings.Contains(near, "カード") && strings.Contains(near, "停止") {
				return Suspicious
			}
		}
	}
	return Unrelated
}

const baselineReach = 60

func hasRunePrefix(s, prefix []rune) bool {
	for i, r := range prefix {
		if s[i] != r {
			return false
		}
	}
	return true
}
