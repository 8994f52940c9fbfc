package nlp

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// FuzzClassify: arbitrary bytes, invalid UTF-8 and hostile HTML never panic,
// always give a valid label, a score in [0,1] and valid UTF-8 evidence.
func FuzzClassify(f *testing.F) {
	seeds := []string{
		"",
		"システム不具合のため、当面の間クレジットカード決済を停止しております。",
		"【日時】6月10日(水) 2:00〜6:00",
		"\xff\xfe停止\x00しておりません\x80",
		"<p>カード<br>決済&#x505C;止&bogus;</p><script>",
		"ｸﾚｼﾞｯﾄｶｰﾄﾞ　２：００〜",
		"〜〜〜:::///まで から より",
		"Credit card payments are temporarily unavailable until further notice.",
		"不正アクセスによるクレジットカード情報流出に関するお詫び 第三者調査機関 最大1,234件",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r := c.Classify(string(b))
		if !slices.Contains(Labels, r.Label) {
			t.Fatalf("invalid label %q", r.Label)
		}
		if !(r.Score >= 0 && r.Score <= 1) {
			t.Fatalf("score %v outside [0,1]", r.Score)
		}
		if r.Evidence == nil {
			t.Fatal("nil evidence (JSON would print null)")
		}
		for _, e := range r.Evidence {
			if !utf8.ValidString(e.Text) || e.Reason == "" {
				t.Fatalf("bad evidence %+v", e)
			}
		}
		if bl := Baseline(string(b)); bl != Suspicious && bl != Unrelated {
			t.Fatalf("baseline label %q", bl)
		}
	})
}
