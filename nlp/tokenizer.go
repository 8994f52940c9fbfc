package nlp

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// The one tokenizer of the process. kagome's Tokenizer is safe for concurrent
// use (it pools its lattices per Analyze call), and loading a dictionary costs
// close to a second and ~100 MB, so every Classifier shares this one.
//
// Why ipa and not uni: ipa loads about 4× lighter (≈0.8 s and ≈110 MB resident
// after GC, against ≈3 s and ≈420 MB for uni) and splits the notice vocabulary
// the intuitive way: クレジットカード and メンテナンス stay one token, 停止しております
// is 停止/し/て/おり/ます with base forms する/おる, and 漏えい is one noun.
// uni would split クレジット/カード and 不/具合, which only makes the rules longer.
//
// No user dictionary: every phrase the rules need is either one ipa token
// (メンテナンス, 漏えい, 後払い) or a short sequence the rules read with base
// forms (カード/決済, 一時/停止, 停止/し/て/おり/ます). The few compounds ipa
// splits and the rules want whole (第三者調査機関, 3Dセキュア, 個人情報保護委員会)
// are matched as substrings of the normalised sentence, which is exact and
// keeps the tokens (and so negation and aspect) as the dictionary gives them.
var (
	sharedOnce     sync.Once
	sharedTok      *tokenizer.Tokenizer
	sharedErr      error
	sharedLoadTime time.Duration
)

func loadTokenizer() (*tokenizer.Tokenizer, error) {
	sharedOnce.Do(func() {
		start := time.Now()
		t, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
		if err != nil {
			sharedErr = fmt.Errorf("nlp: load kagome ipa tokenizer: %w", err)
			return
		}
		sharedTok = t
		sharedLoadTime = time.Since(start)
	})
	return sharedTok, sharedErr
}

// DictLoadTime reports how long the shared dictionary took to load (zero before
// the first New).
func DictLoadTime() time.Duration {
	loadTokenizer() //nolint:errcheck // only forces the load; the error is New's to report
	return sharedLoadTime
}

// ipaBaseFormIndex is where the ipa dictionary keeps the base form among a
// known token's features (品詞, 細分類1-3, 活用型, 活用形, 基本形, 読み, 発音);
// TestIPABaseFormIndex checks it against BaseForm().
const ipaBaseFormIndex = 6

// tok is the part of a kagome token the rules look at.
type tok struct {
	surf string // surface, ASCII lower-cased
	base string // base form (surface when the dictionary has none), ASCII lower-cased
	pos1 string // 名詞, 動詞, 助動詞, 助詞, 記号 ...
	pos2 string // 一般, 数, 非自立, 接続助詞 ...
}

// tokenize runs kagome on one sentence and drops whitespace tokens, which
// carry no meaning for the rules and would break adjacency (English words are
// separated by spaces).
func tokenize(t *tokenizer.Tokenizer, s string) []tok {
	ks := t.Tokenize(s)
	out := make([]tok, 0, len(ks))
	for _, k := range ks {
		if k.Class == tokenizer.DUMMY {
			continue
		}
		// FeatureAt reads the dictionary in place; POS() and BaseForm()
		// would build a feature slice per token.
		p1, _ := k.FeatureAt(0)
		p2, _ := k.FeatureAt(1)
		if p2 == "空白" || strings.TrimSpace(k.Surface) == "" {
			continue
		}
		surf := asciiLower(k.Surface)
		base := surf
		if k.Class == tokenizer.KNOWN {
			if bf, ok := k.FeatureAt(ipaBaseFormIndex); ok && bf != "" && bf != "*" {
				base = asciiLower(bf)
			}
		}
		out = append(out, tok{surf: surf, base: base, pos1: p1, pos2: p2})
	}
	return out
}

// asciiLower lower-cases ASCII letters only (brand names, English phrases),
// leaving every other rune alone.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
