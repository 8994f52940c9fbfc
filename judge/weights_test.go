package judge

import (
	"testing"

	"maintwatch/nlp"
)

// rawScore judges s on day d and returns the latest episode's score, flagged
// or not (-1 when no episode is open or kept).
func rawScore(s *sim, d int) float64 {
	c := s.ctx
	c.Now = s.cycleAt(d).Add(1)
	a := replay(s.obs, c)
	if len(a.eps) == 0 {
		return -1
	}
	return a.eps[len(a.eps)-1].publish(c.Now).Score
}

// Each case builds a baseline history and the same history with one thing
// changed, and states whether the change must raise or lower the score.
// The baseline is a mild notice (classifier 0.5, card stop only) so that
// neither score is clamped.
func TestWeightDirections(t *testing.T) {
	type setup func(s *sim)
	mild := func(reasons ...nlp.Reason) setup {
		return func(s *sim) {
			s.notice(0, "カード決済について", nlp.Suspicious, 0.5, append([]nlp.Reason{nlp.ReasonCardStop}, reasons...)...)
		}
	}
	history := func(days int) setup { return func(s *sim) { s.quiet(-days, 0) } }
	scheduled := func(s *sim) {
		for m := 1; m <= 3; m++ {
			s.notice(-30*m, "定期メンテナンスのお知らせ", nlp.Scheduled, 0.9, nlp.ReasonFixedWindow)
		}
	}
	corroborated := func(n int) setup {
		return func(s *sim) {
			o := s.obs[len(s.obs)-1]
			s.ctx.Corroboration = map[string]int{o.Fingerprint: n}
		}
	}
	platform := func(p, v string) setup {
		return func(s *sim) { s.ctx.Platform, s.ctx.PlatformVersion = p, v }
	}
	banner := func(s *sim) { s.banner(0, stopBanner, nlp.Suspicious) }
	cases := []struct {
		name       string
		base, with []setup
		day        int
		raise      bool
	}{
		{"open-ended raises", []setup{history(60), mild()}, []setup{history(60), mild(nlp.ReasonOpenEnded)}, 0, true},
		{"other methods raise", []setup{history(60), mild()}, []setup{history(60), mild(nlp.ReasonOtherMethods)}, 0, true},
		{"new card entry only raises", []setup{history(60), mild()}, []setup{history(60), mild(nlp.ReasonNewCardOnly)}, 0, true},
		{"fixed window lowers", []setup{history(60), mild()}, []setup{history(60), mild(nlp.ReasonFixedWindow)}, 0, false},
		{"quantified impact lowers", []setup{history(60), mild()}, []setup{history(60), mild(nlp.ReasonQuantified)}, 0, false},
		{"past report lowers", []setup{history(60), mild()}, []setup{history(60), mild(nlp.ReasonPastReport)}, 0, false},
		{"negation lowers", []setup{history(60), mild()}, []setup{history(60), mild(nlp.ReasonNegated)}, 0, false},
		{"provider named lowers", []setup{history(60), mild()}, []setup{history(60), mild(nlp.ReasonProviderNamed)}, 0, false},
		{"no card-stop sentence lowers", []setup{history(60), mild()}, []setup{history(60), func(s *sim) {
			s.notice(0, "カード決済について", nlp.Suspicious, 0.5, nlp.ReasonFraudPolicy)
		}}, 0, false},
		{"classifier confidence raises", []setup{history(60), mild()}, []setup{history(60), func(s *sim) {
			s.notice(0, "カード決済について", nlp.Suspicious, 0.7, nlp.ReasonCardStop)
		}}, 0, true},
		{"long history makes an open-ended stop more sudden", []setup{history(5), mild(nlp.ReasonOpenEnded)}, []setup{history(200), mild(nlp.ReasonOpenEnded)}, 0, true},
		{"routine scheduled maintenance lowers", []setup{history(120), mild()}, []setup{history(120), scheduled, mild()}, 0, false},
		{"corroboration by 3 shops lowers", []setup{history(60), mild()}, []setup{history(60), mild(), corroborated(3)}, 0, false},
		{"corroboration by 5 lowers more than by 3", []setup{history(60), mild(), corroborated(3)}, []setup{history(60), mild(), corroborated(5)}, 0, false},
		{"eccube2 raises", []setup{history(60), mild()}, []setup{platform("eccube2", "2.17.1"), history(60), mild()}, 0, true},
		{"eccube 2.13 raises more than 2.17", []setup{platform("eccube2", "2.17.1"), history(60), mild()}, []setup{platform("eccube2", "2.13.5"), history(60), mild()}, 0, true},
		{"other platforms add nothing", []setup{history(60), mild()}, []setup{platform("shopify", ""), history(60), mild()}, 0, true},
		{"a banner too raises", []setup{history(60), mild()}, []setup{history(60), mild(), banner}, 0, true},
		{"pretext shift raises", []setup{history(60), mild(nlp.ReasonPretextMaint), func(s *sim) {
			s.notice(1, "続報", nlp.Suspicious, 0.5, nlp.ReasonCardStop)
		}}, []setup{history(60), mild(nlp.ReasonPretextMaint), func(s *sim) {
			s.notice(1, "続報", nlp.Suspicious, 0.5, nlp.ReasonCardStop, nlp.ReasonPretextFault)
		}}, 1, true},
		{"extension raises", []setup{history(60), mild(), func(s *sim) {
			s.notice(1, "続報", nlp.Suspicious, 0.5, nlp.ReasonCardStop)
		}}, []setup{history(60), mild(), func(s *sim) {
			s.notice(1, "続報", nlp.Suspicious, 0.5, nlp.ReasonCardStop, nlp.ReasonExtension)
		}}, 1, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, w := newSim(t), newSim(t)
			for _, f := range tc.base {
				f(b)
			}
			for _, f := range tc.with {
				f(w)
			}
			sb, sw := rawScore(b, tc.day), rawScore(w, tc.day)
			if sb < 0 || sw < 0 || sb >= 1 || sw >= 1 {
				t.Fatalf("scores %.3f, %.3f: want both in [0, 1) so the comparison means something", sb, sw)
			}
			other := tc.name == "other platforms add nothing"
			switch {
			case other && sw != sb:
				t.Errorf("score %.3f → %.3f, want unchanged", sb, sw)
			case !other && tc.raise && !(sw > sb):
				t.Errorf("score %.3f → %.3f, want higher", sb, sw)
			case !other && !tc.raise && !(sw < sb):
				t.Errorf("score %.3f → %.3f, want lower", sb, sw)
			}
		})
	}
}

// The score rises with the days suspended, up to the cap, once flagged; an
// episode below the threshold gains nothing from time alone.
func TestDurationRisesCapped(t *testing.T) {
	s := newSim(t)
	s.quiet(-60, 0)
	s.notice(0, "カード決済停止", nlp.Suspicious, 0.5, nlp.ReasonCardStop, nlp.ReasonOpenEnded)
	s.quiet(0, 200)
	prev := -1.0
	for _, d := range []int{0, 5, 10, 20} {
		sc := rawScore(s, d)
		if !(sc > prev) {
			t.Fatalf("day %d score %.3f not above %.3f", d, sc, prev)
		}
		prev = sc
	}
	if a, b := rawScore(s, 100), rawScore(s, 199); a != b {
		t.Errorf("duration not capped: %.3f on day 100, %.3f on day 199", a, b)
	}

	u := newSim(t)
	u.quiet(-60, 0)
	u.notice(0, "カード決済停止", nlp.Suspicious, 0.5, nlp.ReasonCardStop, nlp.ReasonFixedWindow)
	u.quiet(0, 100)
	if a, b := rawScore(u, 0), rawScore(u, 99); a != b || a >= FlagThreshold {
		t.Errorf("unflagged episode: %.3f on day 0, %.3f on day 99: want equal and below threshold", a, b)
	}
}

// The invariants the weights promise, checked on the numbers themselves.
func TestWeightInvariants(t *testing.T) {
	// An explicit card stop notice flags at once, even at modest
	// classifier confidence and with no history.
	if got := wNoticeBase + wNoticeScore*0.5; got < FlagThreshold {
		t.Errorf("card stop notice at confidence 0.5 scores %.3f < threshold", got)
	}
	// Planned work does not, nor a routine one.
	if got := wNoticeBase + wNoticeScore + wFixedWindow + wRoutine; got >= FlagThreshold {
		t.Errorf("routine fixed-window notice scores %.3f", got)
	}
	// One weak signal alone, even on an old EC-CUBE, does not flag.
	for _, w := range []float64{wBanner, wPayment, wSiteDown} {
		if w+wECCUBE2Old >= FlagThreshold {
			t.Errorf("weak signal %.2f + platform flags alone", w)
		}
		if w+wPersistence < FlagThreshold {
			t.Errorf("weak signal %.2f seen twice does not flag", w)
		}
	}
	// The strongest notice relayed by 3 (or 5) shops cannot flag alone.
	strongest := wNoticeBase + wNoticeScore + wOpenEnded + wOtherMethods + wNewCardOnly + wSuddenFirst
	for _, n := range []int{3, 5} {
		if got := strongest*corroborationKeep(n) + wECCUBE2Old; got >= FlagThreshold {
			t.Errorf("corroborated by %d: %.3f flags alone", n, got)
		}
	}
	if corroborationKeep(1) != 1 || corroborationKeep(0) != 1 {
		t.Error("an uncorroborated notice must keep its full weight")
	}
}

func TestVersionAtMost(t *testing.T) {
	for _, tc := range []struct {
		v    string
		want bool
	}{
		{"2.13.5", true}, {"2.13", true}, {"2.11.0-p1", true}, {"v2.12.6", true}, {"1.9", true},
		{"2.17.1", false}, {"2.14", false}, {"4.2", false}, {"2", false}, {"", false}, {"x.y", false},
	} {
		if got := versionAtMost(tc.v, 2, 13); got != tc.want {
			t.Errorf("versionAtMost(%q) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

func TestCardUnavailable(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{stopBanner, true},
		{"クレジットカード決済を一時停止しております", true},
		{"Credit card payment is temporarily unavailable", true},
		{"送料無料キャンペーン実施中", false},
		{"クレジットカード各社ご利用いただけます", false},
		{"年末年始の営業を休止いたします", false},
	} {
		if got := cardUnavailable(tc.s); got != tc.want {
			t.Errorf("cardUnavailable(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
