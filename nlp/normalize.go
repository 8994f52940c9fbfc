package nlp

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// sentence is one unit the rules read: a line, a sentence ending in 。！？!?,
// or a 【heading】.
type sentence struct {
	text string // NFKC-normalised, trimmed
	low  string // text with ASCII lower-cased (English phrases, brand names)
	toks []tok  // nil until tokenized (only candidate sentences are)
}

var (
	// Whole elements whose content is never notice text.
	reScriptStyle = regexp.MustCompile(`(?is)<(script|style|noscript|template)\b[^>]*>.*?</(script|style|noscript|template)\s*>`)
	reComment     = regexp.MustCompile(`(?s)<!--.*?-->`)
	// Block-level tags end a line: a notice laid out in <p>/<br>/<li> keeps its
	// sentence boundaries after the tags are gone.
	reBlockTag = regexp.MustCompile(`(?i)</?(br|p|div|li|ul|ol|tr|td|th|h[1-6]|dt|dd|table|section|article|header|footer)\b[^>]*>`)
	reTag      = regexp.MustCompile(`</?[a-zA-Z][^<>]*>`)
)

// cleanText turns whatever the crawler or a user handed us (HTML remnants,
// entities, invalid UTF-8, full-width and half-width forms) into NFKC text.
func cleanText(raw string) string {
	s := raw
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	if strings.IndexByte(s, '<') >= 0 {
		s = reScriptStyle.ReplaceAllString(s, " ")
		s = reComment.ReplaceAllString(s, " ")
		s = reBlockTag.ReplaceAllString(s, "\n")
		s = reTag.ReplaceAllString(s, " ")
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	// NFKC: ｸﾚｼﾞｯﾄｶｰﾄﾞ → クレジットカード, ２：００ → 2:00, （水） → (水), ～ → ~.
	s = norm.NFKC.String(s)
	// Control characters (other than newline and tab) only confuse the splitter.
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return '\n'
		case r < 0x20 || r == 0x7f || r == utf8.RuneError || (r >= 0x80 && r < 0xa0):
			return ' '
		case r == '\u3000':
			return ' '
		}
		return r
	}, s)
	return s
}

// splitSentences cuts normalised text at 。！？!? and newlines. A 【heading】
// stays at the front of its line (【日時】6月10日 2:00〜6:00 is one unit), so the
// window and the word naming it are read together. English sentences end at ". " (a period followed by space), so
// decimals and times such as 2.5 or 10.00 are not split.
func splitSentences(s string) []sentence {
	var out []sentence
	var b strings.Builder
	flush := func() {
		t := strings.TrimSpace(b.String())
		b.Reset()
		if t == "" {
			return
		}
		// Very long runs without punctuation (menus, footers) are cut so one
		// sentence never costs the tokenizer more than a few hundred runes.
		for utf8.RuneCountInString(t) > maxSentenceRunes {
			cut := byteOffsetOfRune(t, maxSentenceRunes)
			out = append(out, newSentence(t[:cut]))
			t = strings.TrimSpace(t[cut:])
		}
		if t != "" {
			out = append(out, newSentence(t))
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '\n':
			flush()
			continue
		case '。', '!', '?', '！', '？':
			b.WriteRune(r)
			flush()
			continue
		case '.':
			b.WriteRune(r)
			// "2:00 a.m. to 6:00 a.m." is one sentence: a.m. / p.m. end no sentence.
			ampm := i >= 3 && rs[i-2] == '.' && (rs[i-1] == 'm' || rs[i-1] == 'M') &&
				(rs[i-3] == 'a' || rs[i-3] == 'p' || rs[i-3] == 'A' || rs[i-3] == 'P')
			if !ampm && i+1 < len(rs) && (rs[i+1] == ' ' || rs[i+1] == '\t') {
				flush()
			}
			continue
		}
		b.WriteRune(r)
	}
	flush()
	return out
}

const maxSentenceRunes = 400

func byteOffsetOfRune(s string, n int) int {
	i := 0
	for off := range s {
		if i == n {
			return off
		}
		i++
	}
	return len(s)
}

func newSentence(t string) sentence {
	return sentence{text: t, low: asciiLower(t)}
}
