package nlp

import (
	"testing"
	"unicode/utf8"
)

func newTestClassifier(tb testing.TB) *Classifier {
	tb.Helper()
	c, err := New()
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return c
}

// labelCase is one notice with the label and the reasons it must carry.
type labelCase struct {
	name    string
	text    string
	want    Label
	reasons []Reason
}

func runLabelCases(t *testing.T, cases []labelCase) {
	t.Helper()
	c := newTestClassifier(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := c.Classify(tc.text)
			if got.Label != tc.want {
				t.Fatalf("label = %s (%.2f, %v), want %s", got.Label, got.Score, got.Evidence, tc.want)
			}
			if got.Score < 0 || got.Score > 1 {
				t.Errorf("score %v outside [0,1]", got.Score)
			}
			for _, r := range tc.reasons {
				if !got.Has(r) {
					t.Errorf("missing reason %s in %v", r, got.Evidence)
				}
			}
			for _, e := range got.Evidence {
				if !utf8.ValidString(e.Text) || e.Text == "" {
					t.Errorf("bad evidence text %q", e.Text)
				}
			}
		})
	}
}

func TestClassifyMainPatterns(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"open-ended maintenance stop",
			"現在、決済システムのメンテナンスのため、クレジットカード決済を一時停止しております。再開時期につきましては決定次第お知らせいたします。銀行振込・代金引換はご利用いただけます。",
			Suspicious, []Reason{ReasonCardStop, ReasonPretextMaint, ReasonOpenEnded, ReasonOtherMethods}},
		{"scheduled window",
			"システムメンテナンスのお知らせ\n【日時】2026年6月10日(水) 2:00〜6:00\n作業中はクレジットカード決済がご利用いただけません。",
			Scheduled, []Reason{ReasonFixedWindow}},
		{"resumed",
			"システム不具合により停止しておりましたクレジットカード決済は、本日10時に再開いたしました。",
			Resumed, []Reason{ReasonResumed}},
		{"leak",
			"不正アクセスによるお客様のクレジットカード情報流出に関するお詫びとお知らせ\n第三者調査機関による調査の結果、最大1,234件のカード情報が漏えいした可能性があることが判明いたしました。",
			Leak, []Reason{ReasonLeakTerms}},
		{"negated stop", "当店ではクレジットカード決済を停止しておりません。", Unrelated, []Reason{ReasonNegated}},
	})
}
