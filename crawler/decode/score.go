package decode

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
)

// candidate is one attempt at decoding a body, with the character-class
// counts that say whether it reads as Japanese or as mojibake.
type candidate struct {
	name  string
	text  string
	score int

	nonASCII int // runes >= U+0080
	repl     int // U+FFFD, C1 controls, undecodable bytes
	japanese int // hiragana, katakana, kanji, CJK punctuation, full-width forms
	hiragana int
	odd      int // classes mojibake produces and Japanese shop text rarely has
	halfKana int
	neutral  int
}

// decodeWith decodes body with enc (nil: UTF-8, invalid bytes replaced).
func decodeWith(enc encoding.Encoding, name string, body []byte) candidate {
	var text string
	if enc == nil {
		text = validUTF8(body)
	} else if name == EUCJP {
		t, err := decodeEUCJP(body)
		if err != nil {
			t = validUTF8(body)
		}
		text = t
	} else {
		b, err := enc.NewDecoder().Bytes(body)
		if err != nil {
			// x/text's Japanese decoders replace bad bytes instead of failing;
			// an error here means a broken stream, so fall back to replacement.
			text = validUTF8(body)
		} else {
			text = string(b)
		}
	}
	c := candidate{name: name, text: text}
	c.count()
	return c
}

// validUTF8 replaces every invalid byte with U+FFFD. (strings.ToValidUTF8
// folds a whole run into one, which would hide a body of garbage.)
func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		sb.WriteRune(r) // RuneError for an invalid byte, n == 1
		b = b[n:]
	}
	return sb.String()
}

func (c *candidate) count() {
	for _, r := range c.text {
		if r < 0x80 {
			continue
		}
		c.nonASCII++
		switch {
		case r == utf8.RuneError, r < 0xA0: // replacement, C1 control (Shift_JIS 0x80 decodes to U+0080)
			c.repl++
		case r >= 0x3040 && r <= 0x309F:
			c.hiragana++
			c.japanese++
		case r >= 0x30A0 && r <= 0x30FF, // katakana
			r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
			r >= 0x3000 && r <= 0x303F, // CJK punctuation
			r >= 0xFF01 && r <= 0xFF5E, // full-width ASCII
			r >= 0x2460 && r <= 0x24FF: // circled numbers (CP932 row 13)
			c.japanese++
		case r >= 0xFF61 && r <= 0xFF9F:
			// Half-width katakana: old shops use it (ｸﾚｼﾞｯﾄ), but EUC-JP read
			// as Shift_JIS turns into streams of it. Weighed lightly.
			c.halfKana++
		case r >= 0xC0 && r <= 0xFF, // Latin-1 letters: Japanese read as windows-1252
			r >= 0xE000 && r <= 0xF8FF, // private use
			r >= 0xAC00 && r <= 0xD7AF, // Hangul
			r >= 0x3400 && r <= 0x4DBF, // CJK extension A
			r >= 0xF900 && r <= 0xFAFF: // CJK compatibility ideographs
			c.odd++
		default: // symbols, arrows, ©, emoji ...
			c.neutral++
		}
	}
	// Hiragana is the strongest sign of real Japanese: mojibake almost never
	// produces runs of it.
	c.score = 3*c.hiragana + c.japanese - 4*c.odd - 8*c.repl - c.halfKana
}

// clean: a declared encoding that decodes without a single bad byte into
// text that is not mojibake is taken as is.
func (c candidate) clean() bool {
	return c.repl == 0 && c.plausible() && (c.nonASCII < 16 || c.hiragana > 0 || c.japanese*2 > c.nonASCII)
}

// plausible: few replacements and few odd characters among the non-ASCII
// ones. Short texts get the benefit of the doubt on character classes.
func (c candidate) plausible() bool {
	if c.nonASCII == 0 {
		return true
	}
	if c.repl > 3 && c.repl*20 > c.nonASCII { // more than 5 % unreadable bytes
		return false
	}
	if c.nonASCII >= 16 && c.odd*3 > c.nonASCII {
		return false
	}
	if c.nonASCII >= 64 && c.japanese == 0 && c.hiragana == 0 {
		// Lots of non-ASCII text and not one Japanese character: on a
		// Japanese shop that is a wrong decode, not a foreign page.
		return c.neutral*2 > c.nonASCII
	}
	return true
}
