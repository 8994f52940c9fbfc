package decode

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

// eucJP-ms writes the IBM extensions JIS X 0212 lacks as 0x8F 0xF3F3 to
// 0x8F 0xF4FE (髙 is 0x8F 0xF4 0xFB, the IBM ㈱ 0x8F 0xF4 0xAB); they must
// read as those characters, with or without a declared charset, while
// genuine JIS X 0212 triples and everything else read as before.
func TestEUCJPMSIBMRows(t *testing.T) {
	enc := func(s string) []byte { return encode(t, japanese.EUCJP, s) }
	taka := []byte{0x8F, 0xF4, 0xFB}
	kabu := []byte{0x8F, 0xF4, 0xAB}
	roman := []byte{0x8F, 0xF3, 0xF3} // ⅰ, the first of the rows
	body := bytes.Join([][]byte{
		enc(page("EUC-JP", "")), enc("<p>"), taka, enc("橋こんにゃく店 配送業者を"), kabu, enc("北関東運輸に変更 "), roman,
		enc(" ①入荷 "), enc(notice), enc("</p>"),
	}, nil)
	for _, ct := range []string{"text/html; charset=EUC-JP", "text/html"} {
		text, cs, err := HTML(body, ct)
		if err != nil || cs != EUCJP {
			t.Fatalf("%q: charset %q err %v", ct, cs, err)
		}
		for _, want := range []string{"髙橋こんにゃく店", "配送業者を㈱北関東運輸", "ⅰ ①入荷", notice} {
			if !strings.Contains(text, want) {
				t.Errorf("%q: %q lacks %q", ct, text, want)
			}
		}
		if strings.ContainsRune(text, '\uFFFD') {
			t.Errorf("%q: replacement character in %q", ct, text)
		}
	}
	// A real JIS X 0212 character (丂, 0x8F 0xB0 0xA1) is untouched, and a
	// triple outside the IBM rows (0x8F 0xF5 0xA1, user-defined) is still
	// unreadable, not guessed.
	got, err := decodeEUCJP([]byte{0x8F, 0xB0, 0xA1, 'a', 0x8F, 0xF5, 0xA1, 'b', 0x8F, 0xF3, 0xA1, 'c'})
	if err != nil {
		t.Fatal(err)
	}
	if want := "丂a\uFFFDb\uFFFDc"; got != want {
		t.Errorf("decodeEUCJP = %q, want %q", got, want)
	}
	if r, ok := eucJPMSRune(0xF4, 0xFE); !ok || r != '黑' {
		t.Errorf("last of the rows = %q %v", r, ok)
	}
}
