package nlp

import (
	"strings"
	"unicode/utf8"
)

// prefilter.go: the cheap scan that decides which sentences get tokenized.
// Instead of one strings.Contains per anchor (~150 passes over each
// sentence), one pass over the runes looks each rune up in a bitset of
// anchor first runes and only then compares the anchors starting with it.

type anchorKind uint8

const (
	kindStrong   anchorKind = 1 << iota // a rule word that can fire on its own
	kindCard                            // the card or a payment
	kindCardStop                        // unavailability, with a card word
)

type anchorTable struct {
	first  [1 << 16 / 64]uint64 // bitset of first runes (BMP)
	byRune map[rune][]anchor
}

type anchor struct {
	text string
	kind anchorKind
}

var anchors = buildAnchorTable()

func buildAnchorTable() *anchorTable {
	t := &anchorTable{byRune: map[rune][]anchor{}}
	add := func(list []string, k anchorKind) {
		for _, a := range list {
			r, _ := utf8.DecodeRuneInString(a)
			if r >= 1<<16 {
				continue
			}
			t.first[r>>6] |= 1 << (r & 63)
			t.byRune[r] = append(t.byRune[r], anchor{a, k})
		}
	}
	add(strongAnchors, kindStrong)
	add(cardAnchors, kindCard)
	add(cardStopAnchors, kindCardStop)
	return t
}

// hasAnchor reports whether a lower-cased sentence can matter: a strong
// anchor, or a card word together with a stop-ish marker.
func hasAnchor(low string) bool {
	var seen anchorKind
	for i, r := range low {
		if r >= 1<<16 || anchors.first[r>>6]&(1<<(r&63)) == 0 {
			continue
		}
		for _, a := range anchors.byRune[r] {
			if seen&a.kind == 0 && strings.HasPrefix(low[i:], a.text) {
				seen |= a.kind
			}
		}
		if seen&kindStrong != 0 || seen&(kindCard|kindCardStop) == kindCard|kindCardStop {
			return true
		}
	}
	return false
}
