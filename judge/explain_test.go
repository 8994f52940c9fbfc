package judge

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"maintwatch/nlp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// The explanation of the classic episode, checked against a golden file
// (go test ./judge -run Explain -update rewrites it).
func TestExplainGolden(t *testing.T) {
	s := newSim(t)
	s.ctx = Context{Platform: "eccube2", PlatformVersion: "2.13.1"}
	s.quiet(-420, 0)
	s.notice(0, "クレジットカード決済一時停止のお知らせ（システムメンテナンスのため）", nlp.Suspicious, 0.92,
		nlp.ReasonCardStop, nlp.ReasonPretextMaint, nlp.ReasonOpenEnded, nlp.ReasonOtherMethods)
	s.notice(1, "システム不具合によるクレジットカード決済停止について", nlp.Suspicious, 0.9,
		nlp.ReasonCardStop, nlp.ReasonPretextFault, nlp.ReasonOpenEnded)
	s.notice(60, "クレジットカード決済停止期間延長のお知らせ", nlp.Suspicious, 0.85,
		nlp.ReasonCardStop, nlp.ReasonExtension, nlp.ReasonOpenEnded)
	for d := 0; d <= 125; d++ {
		s.banner(d, "", "")
		s.payment(d, d < 3, true)
		s.crawl(d)
	}
	s.notice(120, "不正アクセスによるお客様のクレジットカード情報流出に関するお詫びとお知らせ", nlp.Leak, 0.97, nlp.ReasonLeakTerms)
	eps := s.final(125)
	if len(eps) != 1 {
		t.Fatalf("got %d episodes, want 1", len(eps))
	}
	got := Explain(eps[0])
	path := filepath.Join("testdata", "explain_classic.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("Explain differs from %s:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
	for _, f := range eps[0].Factors {
		if !strings.Contains(got, f.Name) {
			t.Errorf("factor %s not explained", f.Name)
		}
	}
}

func TestExplainStatuses(t *testing.T) {
	for _, tc := range []struct {
		e    Episode
		want []string
	}{
		{Episode{Key: "k1", Status: Resolved}, []string{"k1", "resolved"}},
		{Episode{Key: "k2", Status: ConfirmedLeak, LeadTime: 0}, []string{"confirmed leak", "lead time: 0 days"}},
		{Episode{Key: "k3", Status: Suspected, Factors: []Factor{{"banner", 0.25, "top-page banner\nsays"}}}, []string{"+0.250 banner", "top-page banner says"}},
	} {
		got := Explain(tc.e)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("Explain(%s) lacks %q:\n%s", tc.e.Key, w, got)
			}
		}
	}
}
