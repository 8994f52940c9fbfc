package judge

import (
	"testing"

	"maintwatch/nlp"
)

// paymentPage adds day d's payment-page observation as the cycle records it
// from the extractor: the card offered, marked 停止中 on its own line, or not
// listed at all; bank transfer and cash on delivery always stay.
func (s *sim) paymentPage(d int, state string) {
	o := Observation{Kind: KindPayment, Seen: s.cycleAt(d), URL: "https://shop.example/guide/payment", OtherMethods: true}
	switch state {
	case "offered":
		o.Text, o.CardAvailable = "お支払い方法: クレジットカード / 銀行振込 / 代金引換", true
	case "suspended":
		o.Text, o.CardSuspended = "お支払い方法: クレジットカード (停止中) / 銀行振込 / 代金引換", true
	case "absent":
		o.Text = "お支払い方法: 銀行振込 / 代金引換"
	default:
		s.t.Fatalf("unknown payment state %q", state)
	}
	s.add(o)
}

// A shop first seen with its card method already marked 停止中 (added to the
// watch list after the stop began) shows the signal from its first cycle:
// flagged on the second, resolved when the card method is offered again.
// The same page that simply lists no card method is never a signal.
func TestScenarioCardSuspendedAtFirstSight(t *testing.T) {
	tests := []struct {
		name  string
		state func(d int) string
		want  string
	}{
		{"marked 停止中 from the first sighting", func(d int) string {
			if d >= 7 {
				return "offered"
			}
			return "suspended"
		}, "0:- 1:suspected 7:resolved"},
		{"never offered a card", func(int) string { return "absent" }, "0:-"},
		// Marked once (a maintenance night) then offered: a glitch.
		{"marked 停止中 on one cycle", func(d int) string {
			if d == 0 {
				return "suspended"
			}
			return "offered"
		}, "0:-"},
		// First seen without a card, later 停止中: the mark is what counts.
		{"absent then marked 停止中", func(d int) string {
			if d < 3 {
				return "absent"
			}
			return "suspended"
		}, "0:- 4:suspected"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newSim(t)
			for d := 0; d <= 9; d++ {
				s.banner(d, "", "")
				s.paymentPage(d, tc.state(d))
				s.crawl(d)
			}
			if got := compress(0, s.replay(0, 9)); got != tc.want {
				t.Fatalf("sequence %q, want %q", got, tc.want)
			}
		})
	}
}

// The card method marked 停止中 at first sight next to an explicit stop
// notice: two sources agree on the first day, which escalates at once (as a
// card removed a few days after the notice escalates on that day).
func TestScenarioCardSuspendedAtFirstSightWithNotice(t *testing.T) {
	s := newSim(t)
	s.notice(0, "クレジットカード決済一時停止のお知らせ", nlp.Suspicious, 0.85, nlp.ReasonCardStop, nlp.ReasonPretextMaint)
	for d := 0; d <= 3; d++ {
		s.banner(d, "", "")
		s.paymentPage(d, "suspended")
		s.crawl(d)
	}
	if got, want := compress(0, s.replay(0, 3)), "0:escalated"; got != want {
		t.Fatalf("sequence %q, want %q", got, want)
	}
	e := s.final(3)[0]
	if factor(e, "payment_page") == nil || factor(e, "two_sources") == nil {
		t.Errorf("payment_page and two_sources factors expected:\n%s", Explain(e))
	}
}
