package judge

import (
	"testing"

	"maintwatch/nlp"
)

// A banner that is the precursor notice itself (the classifier calls it a
// suspicious suspension, with a card-stop sentence and no end date) flags on
// its first cycle, as the same words in the news would, and is resolved like
// any banner once it has been gone two cycles.
func TestScenarioBannerStatingOpenEndedStop(t *testing.T) {
	const text = "ただいまシステムメンテナンスのため、当面の間クレジットカードでのお支払いを停止しております。"
	s := newSim(t)
	s.quiet(-40, 0)
	for d := 0; d <= 8; d++ {
		if d < 5 {
			s.add(Observation{Kind: KindBanner, Seen: s.cycleAt(d), URL: "https://shop.example/", Text: text,
				Label: nlp.Suspicious, Score: 0.95, Reasons: []nlp.Reason{nlp.ReasonCardStop, nlp.ReasonOpenEnded},
				Fingerprint: fingerprintOf(text)})
		} else {
			s.banner(d, "", "")
		}
		s.payment(d, true, true)
		s.crawl(d)
	}
	seq := s.replay(0, 8)
	if got, want := compress(0, seq), "0:suspected 6:resolved"; got != want {
		t.Fatalf("sequence %q, want %q", got, want)
	}
	e := s.final(8)[0]
	if factor(e, "banner_wording") == nil {
		t.Errorf("banner_wording factor expected:\n%s", Explain(e))
	}
}

// The banner's wording counts only when it states an open-ended stop: a card
// stop with no word on its end, or with a fixed window, waits for the second
// cycle like any weak signal; one cycle of it flags nothing.
func TestScenarioBannerWordingNeedsOpenEnd(t *testing.T) {
	for _, reasons := range [][]nlp.Reason{
		{nlp.ReasonCardStop},
		{nlp.ReasonCardStop, nlp.ReasonOpenEnded, nlp.ReasonFixedWindow},
		{nlp.ReasonOpenEnded},
	} {
		s := newSim(t)
		s.quiet(-40, 0)
		s.add(Observation{Kind: KindBanner, Seen: s.cycleAt(0), URL: "https://shop.example/", Text: stopBanner,
			Label: nlp.Suspicious, Score: 0.9, Reasons: reasons, Fingerprint: fingerprintOf(stopBanner)})
		s.payment(0, true, true)
		s.crawl(0)
		s.quiet(1, 6)
		if got := compress(0, s.replay(0, 5)); got != "0:-" {
			t.Errorf("reasons %v: sequence %q, want never flagged", reasons, got)
		}
	}
}
