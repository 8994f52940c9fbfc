package nlp

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"testing"
)

// loadSet reads an evaluation file from testdata; ok is false when absent.
func loadSet(t *testing.T, name string) (items []Item, ok bool) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, err = LoadItems(f)
	if err != nil {
		t.Fatal(err)
	}
	return items, true
}

// recordedMacroF1 reads the first line of testdata/macro_f1.txt.
func recordedMacroF1(t *testing.T) float64 {
	t.Helper()
	b, err := os.ReadFile("testdata/macro_f1.txt")
	if err != nil {
		t.Fatalf("read recorded macro-F1: %v", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	v, err := strconv.ParseFloat(strings.TrimSpace(line), 64)
	if err != nil {
		t.Fatalf("parse recorded macro-F1 %q: %v", line, err)
	}
	return v
}

func TestCorpusMacroF1(t *testing.T) {
	items, ok := loadSet(t, "corpus.jsonl")
	if !ok {
		t.Skip("nlp/testdata/corpus.jsonl is absent: no corpus to score against")
	}
	want := recordedMacroF1(t)
	rep := Evaluate(newTestClassifier(t), items)
	var buf bytes.Buffer
	rep.Format(&buf, "corpus")
	t.Log("\n" + buf.String())
	if got := rep.Classifier.MacroF1; got < want-0.02 {
		t.Errorf("corpus macro-F1 = %.3f, more than 0.02 below the recorded %.3f", got, want)
	}
	if rep.Classifier.MacroF1 <= rep.Baseline.MacroF1 {
		t.Errorf("classifier macro-F1 %.3f does not beat the keyword baseline %.3f", rep.Classifier.MacroF1, rep.Baseline.MacroF1)
	}
}

// The development set is what the rules were built on: it must stay
// (almost) perfect, and it has every label.
func TestDevSet(t *testing.T) {
	items, ok := loadSet(t, "dev.jsonl")
	if !ok {
		t.Fatal("testdata/dev.jsonl missing")
	}
	seen := map[Label]int{}
	for _, it := range items {
		seen[it.Label]++
	}
	for _, l := range Labels {
		if seen[l] == 0 {
			t.Errorf("dev set has no %s", l)
		}
	}
	rep := Evaluate(newTestClassifier(t), items)
	if rep.Classifier.MacroF1 < 0.97 {
		var buf bytes.Buffer
		rep.Format(&buf, "dev")
		t.Errorf("dev macro-F1 %.3f < 0.97\n%s", rep.Classifier.MacroF1, buf.String())
	}
}

func TestScoresOf(t *testing.T) {
	m := newConfusion()
	// 3 suspicious: 2 right, 1 called unrelated; 1 unrelated called suspicious.
	m[0][0], m[0][4], m[4][0], m[4][4] = 2, 1, 1, 6
	s := scoresOf(m)
	if p := s.PerLabel[0].Precision; p != 2.0/3 {
		t.Errorf("precision = %v, want 2/3", p)
	}
	if r := s.PerLabel[0].Recall; r != 2.0/3 {
		t.Errorf("recall = %v, want 2/3", r)
	}
	wantMacro := (2.0/3 + 6.0/7) / 2 // only labels that occur count
	if d := s.MacroF1 - wantMacro; d > 1e-9 || d < -1e-9 {
		t.Errorf("macro-F1 = %v, want %v", s.MacroF1, wantMacro)
	}
	if s.Accuracy != 0.8 {
		t.Errorf("accuracy = %v, want 0.8", s.Accuracy)
	}
}

func TestLoadItemsErrors(t *testing.T) {
	for _, in := range []string{`{"id":"a","label":"nope","text":"x"}`, `{"id":`} {
		if _, err := LoadItems(strings.NewReader(in)); err == nil {
			t.Errorf("LoadItems(%q): no error", in)
		}
	}
	items, err := LoadItems(strings.NewReader("\n" + `{"id":"a","label":"resumed","text":"x"}` + "\n\n"))
	if err != nil || len(items) != 1 {
		t.Fatalf("LoadItems = %v, %v", items, err)
	}
}

func TestBaseline(t *testing.T) {
	cases := []struct {
		text string
		want Label
	}{
		{"システムメンテナンスのため、カード決済を停止しております。", Suspicious},
		{"不具合によりクレジットカード決済を一時停止中", Suspicious},
		{"カード決済を停止しております。", Unrelated},
		{"メンテナンスのお知らせ。サイトを休止します。", Unrelated},
	}
	for _, tc := range cases {
		if got := Baseline(tc.text); got != tc.want {
			t.Errorf("Baseline(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestReportFormat(t *testing.T) {
	items := []Item{{ID: "1", Label: Suspicious, Text: "当面の間、クレジットカード決済を停止いたします。"}, {ID: "2", Label: Unrelated, Text: "新商品のお知らせ"}}
	rep := Evaluate(newTestClassifier(t), items)
	var buf bytes.Buffer
	rep.Format(&buf, "tiny")
	sc := bufio.NewScanner(&buf)
	found := false
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "macro-F1") {
			found = true
		}
	}
	if !found {
		t.Errorf("no macro-F1 line in:\n%s", buf.String())
	}
}
