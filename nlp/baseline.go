package nlp

import "strings"

// Baseline is the plain keyword rule the classifier is compared against: a
// notice is suspicious when メンテナンス or 不具合 occurs near both カード and
// 停止 (within baselineReach runes either side), otherwise unrelated. It
// knows no negation, no windows and no resumption; it exists only so
// `make eval` can show what the token rules add.
func Baseline(text string) Label {
	s := []rune(cleanText(text))
	str := string(s)
	for _, kw := range []string{"メンテナンス", "不具合"} {
		off := 0
		for {
			k := strings.Index(str[off:], kw)
			if k < 0 {
				break
			}
			pos := len([]rune(str[:off+k]))
			lo, hi := max(0, pos-baselineReach), min(len(s), pos+baselineReach)
			near := string(s[lo:hi])
			if strings.Contains(near, "カード") && strings.Contains(near, "停止") {
				return Suspicious
			}
			off += k + len(kw)
		}
	}
	return Unrelated
}

const baselineReach = 60
