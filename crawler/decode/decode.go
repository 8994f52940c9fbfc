// Package decode turns the raw bytes of a fetched page into UTF-8 text,
// whatever Japanese encoding the shop used and whatever its server claims.
//
// colly never reads <meta charset> and trusts a lying Content-Type header, so
// the crawler decodes bodies itself: golang.org/x/net/html/charset finds the
// declared encoding (BOM, header, <meta> prescan), a wider prescan catches a
// <meta> past byte 1024, and every result is checked. When the declaration is
// wrong (a header saying UTF-8 over Shift_JIS bytes is common on shared hosts)
// the Japanese encodings are tried and the most plausible text wins. Text that
// is still mojibake is reported as ErrUnreadable, so it is never classified.
package decode

import (
	"bytes"
	"cmp"
	"errors"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// ErrUnreadable means no encoding turns the body into plausible text.
var ErrUnreadable = errors.New("decode: body decodes to mojibake in every candidate encoding")

// Charset names returned by HTML (WHATWG names, lower case).
const (
	UTF8      = "utf-8"
	ShiftJIS  = "shift_jis" // WHATWG Shift_JIS is Microsoft's CP932 / Windows-31J: ①, ～ (U+FF5E) decode as Windows authors meant
	EUCJP     = "euc-jp"
	ISO2022JP = "iso-2022-jp"
)

// HTML decodes body to UTF-8. contentType is the response's Content-Type
// header (may be empty). It returns the text as decoded (no normalisation),
// the name of the charset used, and ErrUnreadable (with the best attempt's
// charset) when the text is still mojibake.
func HTML(body []byte, contentType string) (text string, cs string, err error) {
	if len(body) == 0 {
		return "", UTF8, nil
	}
	// A byte order mark is the one declaration that is never wrong.
	if enc, name, ok := bomEncoding(body); ok {
		return check(decodeWith(enc, name, body))
	}
	// ISO-2022-JP is 7-bit, so it passes the UTF-8 check below; its escape
	// sequences give it away.
	if hasISO2022Escapes(body) {
		return check(decodeWith(japanese.ISO2022JP, ISO2022JP, body))
	}

	// UTF-16 without a BOM: markup is ASCII, so every other byte is NUL,
	// which no ASCII-compatible page has. Only the byte order is inferred;
	// the result is checked like any other.
	if enc, name, ok := utf16Order(body); ok {
		return check(decodeWith(enc, name, body))
	}

	if utf8.Valid(body) {
		// Fast path, most pages: valid UTF-8 needs no <meta> prescan. Non-ASCII
		// bytes that happen to form valid UTF-8 are, for any real amount of
		// Shift_JIS or EUC-JP text, vanishingly unlikely, so a <meta> naming
		// another charset is a copied template; only a header naming one gets
		// a contest.
		hdr := headerCharset(contentType)
		if !hasNonASCII(body) {
			return string(body), cmp.Or(hdr, UTF8), nil
		}
		best := decodeWith(nil, UTF8, body)
		if hdr != "" && hdr != UTF8 {
			if enc := lookup(hdr); enc != nil {
				if c := decodeWith(enc, hdr, body); c.score > best.score {
					best = c
				}
			}
		}
		return check(best)
	}

	declared := declaredCharsets(body, contentType)
	// Not UTF-8. Try what the page declares first; accept it when it decodes
	// cleanly into Japanese-looking text, otherwise let the candidates compete.
	tried := map[string]bool{}
	var cands []candidate
	for _, name := range declared {
		if name == UTF8 || tried[name] {
			continue
		}
		tried[name] = true
		enc := lookup(name)
		if enc == nil {
			continue
		}
		c := decodeWith(enc, name, body)
		if c.clean() {
			return c.text, c.name, nil
		}
		cands = append(cands, c)
	}
	for _, name := range []string{ShiftJIS, EUCJP} {
		if !tried[name] {
			tried[name] = true
			cands = append(cands, decodeWith(lookup(name), name, body))
		}
	}
	cands = append(cands, decodeWith(nil, UTF8, body))
	// EUC-JP's structure is strict (every high byte in an A1–FE pair, or
	// after SS2/SS3), and Shift_JIS text almost never satisfies it: its kana
	// leads 0x82/0x83 are not EUC-JP lead bytes. So EUC-JP that decodes
	// without a single bad byte is EUC-JP, even when Shift_JIS also reads it
	// as (nonsense) kanji, as it does with EUC-JP half-width katakana.
	for _, c := range cands {
		if c.name == EUCJP && c.repl == 0 && c.odd == 0 && c.nonASCII >= 4 {
			return check(c)
		}
	}
	best := cands[0]
	for _, c := range cands[1:] {
		if c.score > best.score {
			best = c
		}
	}
	return check(best)
}

func check(c candidate) (string, string, error) {
	if !c.plausible() {
		return c.text, c.name, ErrUnreadable
	}
	return c.text, c.name, nil
}

// headerCharset is the normalised charset parameter of a Content-Type.
func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		return normalize(params["charset"])
	}
	return ""
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

func hasISO2022Escapes(b []byte) bool {
	return bytes.Contains(b, []byte("\x1b$B")) || bytes.Contains(b, []byte("\x1b$@")) || bytes.Contains(b, []byte("\x1b(J"))
}

func bomEncoding(b []byte) (encoding.Encoding, string, bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8BOM, UTF8, true
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be", true
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le", true
	}
	return nil, "", false
}

// aliases covers labels Japanese sites use that the WHATWG list lacks.
var aliases = map[string]string{
	"cp932":          ShiftJIS,
	"windows-932":    ShiftJIS,
	"ms_kanji":       ShiftJIS,
	"shift_jisx0213": ShiftJIS,
	"shift_jis-2004": ShiftJIS,
	"x-sjis-open":    ShiftJIS,
	"sjis-open":      ShiftJIS,
	"sjis-win":       ShiftJIS,
	"eucjp":          EUCJP,
	"euc_jp":         EUCJP,
	"eucjp-win":      EUCJP,
	"eucjp-ms":       EUCJP,
	"euc-jp-ms":      EUCJP,
	"euc-jis-2004":   EUCJP,
	"x-euc":          EUCJP,
	"utf8":           UTF8,
}

// normalize maps a charset label to a WHATWG name, or "" when unknown.
func normalize(label string) string {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	if label == "" {
		return ""
	}
	if n, ok := aliases[label]; ok {
		return n
	}
	if _, name := charset.Lookup(label); name != "" {
		return name
	}
	return ""
}

// lookup returns the decoder for a normalised name; nil means UTF-8.
func lookup(name string) encoding.Encoding {
	switch name {
	case UTF8:
		return nil
	case ShiftJIS:
		return japanese.ShiftJIS
	case EUCJP:
		return japanese.EUCJP
	case ISO2022JP:
		return japanese.ISO2022JP
	}
	enc, _ := charset.Lookup(name)
	return enc
}

// declaredCharsets lists, in order of authority, the charsets the header and
// the document declare (normalised, deduplicated).
func declaredCharsets(body []byte, contentType string) []string {
	var out []string
	add := func(label string) {
		n := normalize(label)
		if n == "" {
			return
		}
		for _, o := range out {
			if o == n {
				return
			}
		}
		out = append(out, n)
	}
	add(headerCharset(contentType))
	// x/net/html/charset prescans the first 1024 bytes as the HTML spec says;
	// certain=false with a name means it found a <meta> there.
	if _, name, _ := charset.DetermineEncoding(body, "text/html"); name != "" && name != "windows-1252" {
		add(name)
	}
	// Shops put long <script> and <style> blocks before the <meta>: look
	// further than the spec's 1024 bytes.
	add(prescanMeta(body, 64<<10))
	return out
}

// utf16Order recognises BOM-less UTF-16 by where the NUL bytes fall in the
// first 4 KiB: at odd offsets for little-endian ("<" is 3C 00), at even
// ones for big-endian.
func utf16Order(b []byte) (encoding.Encoding, string, bool) {
	n := min(len(b), 4096) &^ 1
	if n < 16 {
		return nil, "", false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*4 >= pairs && even*10 < odd:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", true
	case even*4 >= pairs && odd*10 < even:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", true
	}
	return nil, "", false
}
