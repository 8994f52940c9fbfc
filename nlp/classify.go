package nlp

import (
	"strings"

	"github.com/ikawaha/kagome/v2/tokenizer"
)

// Classifier labels shop notices. It is safe for concurrent use: it holds
// only the shared, read-only tokenizer.
type Classifier struct {
	tok *tokenizer.Tokenizer
}

// New returns a classifier on the process-wide kagome tokenizer (ipa
// dictionary), loading the dictionary on first use.
func New() (*Classifier, error) {
	t, err := loadTokenizer()
	if err != nil {
		return nil, err
	}
	return &Classifier{tok: t}, nil
}

// Classify labels one notice (title and body, plain text or HTML remnants).
func (c *Classifier) Classify(text string) Result {
	return c.classify(text, true)
}

// classify runs the pipeline; prefilter=false tokenizes every sentence (only
// for the test that proves the prefilter loses nothing).
func (c *Classifier) classify(text string, prefilter bool) Result {
	sents := splitSentences(cleanText(text))
	var cand []bool
	if prefilter {
		cand = candidates(sents)
	} else {
		cand = make([]bool, len(sents))
		for i := range cand {
			cand[i] = true
		}
	}
	n := notice{sents: sents, facts: make([]facts, len(sents))}
	for i := range sents {
		if !cand[i] {
			n.facts[i] = skimmed(&sents[i])
			continue
		}
		sents[i].toks = tokenize(c.tok, sents[i].text)
		n.facts[i] = analyze(&sents[i])
	}
	return n.decide()
}

// candidates marks the sentences worth tokenizing: those containing a
// prefilter anchor, plus lines with a digit next to one (a 【日時】 line under
// a maintenance sentence). Everything else (menus, product text) is skipped.
func candidates(sents []sentence) []bool {
	hit := make([]bool, len(sents))
	for i := range sents {
		hit[i] = hasAnchor(sents[i].low)
	}
	return expandToWindows(sents, hit)
}

// expandToWindows adds the lines with a digit within two sentences of a hit:
// the 【日時】 line under メンテナンスのお知らせ.
func expandToWindows(sents []sentence, hit []bool) []bool {
	cand := make([]bool, len(sents))
	for i := range sents {
		if hit[i] {
			cand[i] = true
			continue
		}
		if !hasDigit(sents[i].text) {
			continue
		}
		for d := -2; d <= 2; d++ {
			if j := i + d; j >= 0 && j < len(sents) && hit[j] {
				cand[i] = true
				break
			}
		}
	}
	return cand
}

func containsAny(s string, subs []string) bool {
	for _, a := range subs {
		if strings.Contains(s, a) {
			return true
		}
	}
	return false
}

// skimmed gives a sentence that is not tokenized the two facts that matter
// beyond it: the notice names a card, and other methods are offered.
func skimmed(s *sentence) facts {
	var f facts
	f.hasCard = strings.Contains(s.low, "クレジット") || strings.Contains(s.low, "card") ||
		strings.Contains(s.low, "カード") && !containsAny(s.text, []string{"ギフトカード", "ポイントカード", "メッセージカード", "会員カード"})
	f.otherMethods = containsAny(s.low, otherMethodAnchors)
	return f
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// notice is the per-call working state.
type notice struct {
	sents []sentence
	facts []facts
	ev    []Evidence
	seen  map[string]bool
}

func (n *notice) add(i int, r Reason) {
	if n.seen == nil {
		n.seen = map[string]bool{}
	}
	key := string(r) + "\x00" + n.sents[i].text
	if n.seen[key] {
		return
	}
	n.seen[key] = true
	n.ev = append(n.ev, Evidence{Text: n.sents[i].text, Reason: r})
}
