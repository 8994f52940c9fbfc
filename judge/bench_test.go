package judge

import (
	"testing"

	"maintwatch/nlp"
)

// BenchmarkAssessYear judges a site with a year of daily cycles (banner,
// payment page, crawl record) and a classic episode: the per-site cost of
// re-judging every site after each crawl.
func BenchmarkAssessYear(b *testing.B) {
	t := &testing.T{}
	s := newSim(t)
	s.quiet(-300, 0)
	s.notice(0, "クレジットカード決済一時停止のお知らせ", nlp.Suspicious, 0.9, nlp.ReasonCardStop, nlp.ReasonPretextMaint, nlp.ReasonOpenEnded)
	s.notice(1, "システム不具合について", nlp.Suspicious, 0.9, nlp.ReasonCardStop, nlp.ReasonPretextFault)
	s.quiet(0, 65)
	c := Context{Now: s.cycleAt(64).Add(1)}
	b.ReportAllocs()
	for b.Loop() {
		if eps := Assess(s.obs, c); len(eps) != 1 {
			b.Fatalf("%d episodes", len(eps))
		}
	}
	b.ReportMetric(float64(len(s.obs)), "observations")
}
