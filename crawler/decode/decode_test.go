package decode

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

func everyOther(b []byte) []byte {
	var out []byte
	for i := 1; i < len(b); i += 2 {
		out = append(out, b[i])
	}
	return out
}

const notice = "【重要】クレジットカード決済の一時停止について。平素より当店をご利用いただき誠にありがとうございます。" +
	"システムメンテナンスのため、クレジットカード決済を停止しております。銀行振込・代金引換はご利用いただけます。"

func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func page(metaCharset, body string) string {
	head := "<html><head><title>ショップ</title>"
	if metaCharset != "" {
		head += `<meta http-equiv="Content-Type" content="text/html; charset=` + metaCharset + `">`
	}
	return head + "</head><body><p>" + body + "</p></body></html>"
}

func TestHTML(t *testing.T) {
	sjis := japanese.ShiftJIS
	euc := japanese.EUCJP
	longScript := "<script>" + strings.Repeat("var a = 1; // padding\n", 100) + "</script>"
	tests := []struct {
		name        string
		body        []byte
		contentType string
		wantCharset string
		wantText    string // substring expected in the output
	}{
		{"sjis header", encode(t, sjis, page("", notice)), "text/html; charset=Shift_JIS", ShiftJIS, notice},
		{"sjis meta only", encode(t, sjis, page("Shift_JIS", notice)), "text/html", ShiftJIS, notice},
		{"sjis meta5 charset attr", encode(t, sjis, `<html><head><meta charset="shift_jis"></head><body>`+notice), "", ShiftJIS, notice},
		{"sjis meta past 1024 bytes", encode(t, sjis, "<html><head>"+longScript+`<meta charset="x-sjis"></head><body>`+notice), "text/html", ShiftJIS, notice},
		{"sjis nowhere", encode(t, sjis, page("", notice)), "text/html", ShiftJIS, notice},
		{"sjis no content type", encode(t, sjis, page("", notice)), "", ShiftJIS, notice},
		{"sjis header lies utf-8", encode(t, sjis, page("", notice)), "text/html; charset=UTF-8", ShiftJIS, notice},
		{"sjis header lies latin1", encode(t, sjis, page("", notice)), "text/html; charset=iso-8859-1", ShiftJIS, notice},
		{"cp932 label", encode(t, sjis, page("", notice)), "text/html; charset=cp932", ShiftJIS, notice},
		// CP932 extensions, raw bytes: ① is 0x8740 (NEC row 13), ～ is 0x8160,
		// which CP932 maps to U+FF5E FULLWIDTH TILDE.
		{"cp932 circled and tilde", append(encode(t, sjis, page("windows-31j", notice)), []byte("\x87\x40\x82\xcc\x93\xfa\x81\x60\x87\x41")...), "text/html", ShiftJIS, "①の日～②"},
		{"eucjp header", encode(t, euc, page("", notice)), "text/html; charset=EUC-JP", EUCJP, notice},
		{"eucjp meta only", encode(t, euc, page("EUC-JP", notice)), "text/html", EUCJP, notice},
		{"eucjp nowhere", encode(t, euc, page("", notice)), "", EUCJP, notice},
		{"eucjp header lies utf-8", encode(t, euc, page("", notice)), "text/html; charset=utf-8", EUCJP, notice},
		{"eucjp meta lies shift_jis", encode(t, euc, page("Shift_JIS", notice)), "text/html", EUCJP, notice},
		{"eucjp label x-euc-jp", encode(t, euc, page("x-euc-jp", notice)), "", EUCJP, notice},
		{"iso-2022-jp", encode(t, japanese.ISO2022JP, page("", notice)), "text/html", ISO2022JP, notice},
		{"utf-8 bom", append([]byte("\xEF\xBB\xBF"), page("", notice)...), "text/html; charset=Shift_JIS", UTF8, notice},
		{"utf-8 header", []byte(page("", notice)), "text/html; charset=utf-8", UTF8, notice},
		{"utf-8 nowhere", []byte(page("", notice)), "", UTF8, notice},
		{"utf-8 header lies shift_jis", []byte(page("", notice)), "text/html; charset=Shift_JIS", UTF8, notice},
		{"utf-8 meta lies euc-jp", []byte(page("EUC-JP", notice)), "text/html", UTF8, notice},
		{"utf-8 stray byte", []byte(page("", notice+"\xff"+notice)), "text/html; charset=utf-8", UTF8, notice},
		{"half-width katakana euc-jp nowhere", encode(t, euc, page("", "ｸﾚｼﾞｯﾄｶｰﾄﾞ ｺﾝﾋﾞﾆ決済 ﾃﾞﾋﾞｯﾄｶｰﾄﾞ ｷｬﾝﾍﾟｰﾝ ｾｰﾙ ｵｽｽﾒ")), "", EUCJP, "ｸﾚｼﾞｯﾄｶｰﾄﾞ ｺﾝﾋﾞﾆ決済"},
		{"half-width katakana sjis nowhere", encode(t, sjis, page("", "ｸﾚｼﾞｯﾄｶｰﾄﾞ ｺﾝﾋﾞﾆ決済 ﾃﾞﾋﾞｯﾄｶｰﾄﾞ ｷｬﾝﾍﾟｰﾝ ｾｰﾙ ｵｽｽﾒ")), "", ShiftJIS, "ｸﾚｼﾞｯﾄｶｰﾄﾞ ｺﾝﾋﾞﾆ決済"},
		{"kanji only sjis nowhere", encode(t, sjis, "<p>重要 決済停止 銀行振込 代金引換 営業日 年末年始</p>"), "", ShiftJIS, "決済停止"},
		{"kanji only euc-jp nowhere", encode(t, euc, "<p>重要 決済停止 銀行振込 代金引換 営業日 年末年始</p>"), "", EUCJP, "決済停止"},
		{"half-width katakana sjis", encode(t, sjis, page("Shift_JIS", "ｸﾚｼﾞｯﾄｶｰﾄﾞ決済は停止中です。")), "", ShiftJIS, "ｸﾚｼﾞｯﾄｶｰﾄﾞ決済は停止中です。"},
		{"ascii", []byte(page("", "Card payment suspended.")), "text/html", UTF8, "Card payment suspended."},
		{"empty", nil, "text/html", UTF8, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, cs, err := HTML(tt.body, tt.contentType)
			if err != nil {
				t.Fatalf("HTML: %v (charset %s)", err, cs)
			}
			if cs != tt.wantCharset {
				t.Errorf("charset = %q, want %q", cs, tt.wantCharset)
			}
			if !strings.Contains(text, tt.wantText) {
				t.Errorf("text does not contain %q:\n%.300s", tt.wantText, text)
			}
			if !utf8.ValidString(text) {
				t.Error("output is not valid UTF-8")
			}
		})
	}
}

// Encodings beyond the common cases: CP932 extensions, JIS X 0212 in
// EUC-JP, a BOM against a <meta>, a label nobody knows, UTF-16.
func TestHTMLEdges(t *testing.T) {
	body := page("", notice)
	u16 := func(order unicode.Endianness, bom unicode.BOMPolicy) []byte {
		return encode(t, unicode.UTF16(order, bom), body)
	}
	tests := []struct {
		name        string
		body        []byte
		contentType string
		wantCharset string
		wantText    string
	}{
		// CP932: ① 0x8740, ㈱ 0x878A (NEC row 13), ～ 0x8160 read as U+FF5E
		// FULLWIDTH TILDE (CP932), not U+301C WAVE DASH (JIS): NFKC later
		// makes it "~", so ranges read the same either way.
		{"cp932 circled, kabu, tilde", append(encode(t, japanese.ShiftJIS, page("Shift_JIS", notice)), []byte("\x87\x40\x87\x8a\x81\x60")...), "", ShiftJIS, "①㈱\uff5e"},
		// EUC-JP three-byte JIS X 0212 (SS3 0x8F): 丂 is 8F B0 A1.
		{"euc-jp jis x 0212", append(encode(t, japanese.EUCJP, page("", notice)), []byte("\x8f\xb0\xa1\xa4\xa2")...), "", EUCJP, "丂あ"},
		{"utf-8 bom over a shift_jis meta", append([]byte("\xEF\xBB\xBF"), page("Shift_JIS", notice)...), "", UTF8, notice},
		{"unknown label in header, sjis bytes", encode(t, japanese.ShiftJIS, body), "text/html; charset=x-mac-japanese-2", ShiftJIS, notice},
		{"unknown label in meta, euc bytes", encode(t, japanese.EUCJP, page("x-unheard-of", notice)), "", EUCJP, notice},
		{"utf-16le bom", u16(unicode.LittleEndian, unicode.UseBOM), "text/html; charset=Shift_JIS", "utf-16le", notice},
		{"utf-16be bom", u16(unicode.BigEndian, unicode.UseBOM), "", "utf-16be", notice},
		{"utf-16le no bom, no label", u16(unicode.LittleEndian, unicode.IgnoreBOM), "text/html", "utf-16le", notice},
		{"utf-16be no bom, header says utf-16", u16(unicode.BigEndian, unicode.IgnoreBOM), "text/html; charset=utf-16", "utf-16be", notice},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, cs, err := HTML(tt.body, tt.contentType)
			if err != nil {
				t.Fatalf("HTML: %v (charset %s)", err, cs)
			}
			if cs != tt.wantCharset || !strings.Contains(text, tt.wantText) {
				t.Fatalf("charset %q text %.200q, want %q with %q", cs, text, tt.wantCharset, tt.wantText)
			}
		})
	}
}

func TestHTMLUnreadable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(r.IntN(256))
	}
	// UTF-8 text run through a Shift_JIS → UTF-8 converter twice over: what a
	// misconfigured CMS serves. No candidate reads it back.
	double := []byte(strings.ToValidUTF8(string(encode(t, japanese.ShiftJIS, notice)), "\uFFFD"))
	tests := []struct {
		name        string
		body        []byte
		contentType string
	}{
		{"random bytes", garbage, "text/html"},
		{"invalid bytes declared utf-8", bytes.Repeat([]byte{0x85, 0x86, 0xfe, 0x80, 0xa0}, 400), "text/html; charset=utf-8"},
		{"random bytes declared sjis", garbage, "text/html; charset=Shift_JIS"},
		{"replacement-char soup", double, "text/html; charset=utf-8"},
		// UTF-16 text cut to every other byte (a broken proxy): NULs gone,
		// no candidate reads it.
		{"utf-16 halves", everyOther(encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), strings.Repeat(notice, 4))), "text/html"},
		{"latin1 letters", []byte(strings.Repeat("Ã£Â\u0081Â\u0082Ã©", 40)), "text/html; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, _, err := HTML(tt.body, tt.contentType)
			if !errors.Is(err, ErrUnreadable) {
				t.Fatalf("err = %v, want ErrUnreadable; text %.120q", err, text)
			}
		})
	}
}

func TestPrescanMeta(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<meta charset="EUC-JP">`, "EUC-JP"},
		{`<META HTTP-EQUIV="content-type" CONTENT="text/html;charset=Shift_JIS">`, "Shift_JIS"},
		{`<meta http-equiv="Content-Type" content="text/html; charset=x-sjis;">`, "x-sjis"},
		{`<body><meta charset="euc-jp">`, ""},
		{`<meta name="description" content="charset=none">`, ""},
		{`no markup at all`, ""},
	}
	for _, tt := range tests {
		if got := prescanMeta([]byte(tt.in), 1<<16); got != tt.want {
			t.Errorf("prescanMeta(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(page("Shift_JIS", notice)), "text/html")
	f.Add(encode(f, japanese.ShiftJIS, page("", notice)), "text/html; charset=utf-8")
	f.Add(encode(f, japanese.EUCJP, page("EUC-JP", notice)), "")
	f.Add([]byte("\xEF\xBB\xBF\x82\xa0"), "text/html; charset=\"")
	f.Add([]byte("\x1b$B$\"\x1b(B"), "text/plain; charset=unknown-8bit")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		text, _, err := HTML(body, contentType)
		if err != nil && !errors.Is(err, ErrUnreadable) {
			t.Fatalf("unexpected error %v", err)
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 out: %q", text)
		}
	})
}
