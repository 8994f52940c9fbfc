package nlp

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestCleanText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"ｸﾚｼﾞｯﾄｶｰﾄﾞ決済", "クレジットカード決済"},
		{"２：００〜６：００（水）", "2:00〜6:00(水)"},
		{"<p>停止&amp;再開</p><script>alert('停止')</script>", "停止&再開"},
		{"a<br>b", "a\nb"},
		{"bad\xffutf8", "bad utf8"},
	}
	for _, tc := range cases {
		got := strings.TrimSpace(cleanText(tc.in))
		if got != tc.want {
			t.Errorf("cleanText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	got := splitSentences("【重要】カード決済停止のお知らせ\n現在停止中です。再開は未定です!Card payments are unavailable. We apologise. 2.5 stays")
	var texts []string
	for _, s := range got {
		texts = append(texts, s.text)
	}
	want := []string{"【重要】カード決済停止のお知らせ", "現在停止中です。", "再開は未定です!", "Card payments are unavailable.", "We apologise.", "2.5 stays"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("split = %q\nwant    %q", texts, want)
	}
	long := strings.Repeat("あ", 3*maxSentenceRunes)
	for _, s := range splitSentences(long) {
		if n := utf8.RuneCountInString(s.text); n > maxSentenceRunes {
			t.Errorf("sentence of %d runes exceeds the cap", n)
		}
	}
}

func TestScanWindow(t *testing.T) {
	tk, err := loadTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		in                 string
		fixed, start, dura bool
	}{
		{"2026年6月10日(水) 2:00〜6:00", true, false, false},
		{"午前2時から午前6時まで", true, false, false},
		{"6/20 1:00-5:00", true, false, false},
		{"6月10日より当面の間", false, true, false},
		{"6:00まで", true, false, false},
		{"最大10分間", false, false, true},
		{"深夜1時より約3時間", true, false, true},
		{"from 2:00 to 4:00", true, false, false},
		{"価格は3,980円です", false, false, false},
	}
	for _, tc := range cases {
		w := scanWindow(tokenize(tk, cleanText(tc.in)))
		if w.fixed != tc.fixed || w.startOnly != tc.start || w.duration != tc.dura {
			t.Errorf("scanWindow(%q) = %+v, want fixed=%v start=%v duration=%v", tc.in, w, tc.fixed, tc.start, tc.dura)
		}
	}
}

func TestPrefilterSkipsUnrelatedLines(t *testing.T) {
	sents := splitSentences("新作のTシャツが入荷しました\n価格は3,980円です\nシステム不具合のため停止しております\n送料は全国一律660円\n会社概要\nお問い合わせ")
	cand := candidates(sents)
	want := []bool{false, true, true, true, false, false} // digit lines next to a hit are read
	for i := range want {
		if cand[i] != want[i] {
			t.Errorf("candidate[%d] (%q) = %v, want %v", i, sents[i].text, cand[i], want[i])
		}
	}
}

// One classifier (and one tokenizer) shared by goroutines: run with -race.
func TestConcurrentClassify(t *testing.T) {
	c := newTestClassifier(t)
	texts := []string{
		"システム不具合のため、当面の間クレジットカード決済を停止しております。",
		"6月10日 2:00〜6:00 メンテナンスのためカード決済を停止いたします。",
		"クレジットカード決済を再開いたしました。",
	}
	want := []Label{Suspicious, Scheduled, Resumed}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				k := (i + g) % len(texts)
				if got := c.Classify(texts[k]).Label; got != want[k] {
					t.Errorf("goroutine %d: %s, want %s", g, got, want[k])
					return
				}
			}
		}()
	}
	wg.Wait()
	c2, err := New()
	if err != nil || c2.tok != c.tok {
		t.Errorf("New did not share the tokenizer: %v", err)
	}
}

// The prefilter must never change a verdict: classify every evaluation
// notice with and without it and compare labels.
func TestPrefilterLossless(t *testing.T) {
	c := newTestClassifier(t)
	for _, name := range []string{"dev.jsonl", "corpus.jsonl", "blind.jsonl"} {
		items, ok := loadSet(t, name)
		if !ok {
			continue
		}
		for _, it := range items {
			fast, full := c.classify(it.Text, true), c.classify(it.Text, false)
			if fast.Label != full.Label {
				t.Errorf("%s %s: prefilter gives %s, full tokenizing %s", name, it.ID, fast.Label, full.Label)
			}
		}
	}
}

func TestIPABaseFormIndex(t *testing.T) {
	tk, err := loadTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range tk.Tokenize("停止しておりませんでした。再開いたしました") {
		want, _ := k.BaseForm()
		got, _ := k.FeatureAt(ipaBaseFormIndex)
		if got != want {
			t.Errorf("%s: FeatureAt(%d) = %q, BaseForm = %q", k.Surface, ipaBaseFormIndex, got, want)
		}
	}
}

// TestLexiconSkipLossless: skipping the tokens that are in no lexicon gives
// the same facts, sentence by sentence, as looking every token up in every
// list, on the evaluation sets and the page mix.
func TestLexiconSkipLossless(t *testing.T) {
	c := newTestClassifier(t)
	texts := benchMix(t)
	for _, name := range []string{"dev.jsonl", "corpus.jsonl", "blind.jsonl"} {
		items, _ := loadSet(t, name)
		for _, it := range items {
			texts = append(texts, it.Text)
		}
	}
	checked := 0
	for _, text := range texts {
		for _, s := range splitSentences(cleanText(text)) {
			s.toks = tokenize(c.tok, s.text)
			fast, full := analyzeTokens(&s, true), analyzeTokens(&s, false)
			if !reflect.DeepEqual(fast, full) {
				t.Errorf("%q:\nskip: %+v\nfull: %+v", s.text, fast, full)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d sentences checked", checked)
	}
}
