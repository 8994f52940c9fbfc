package judge

import (
	"strings"
	"testing"

	"maintwatch/nlp"
)

const stopBanner = "【重要】現在クレジットカード決済はご利用いただけません。銀行振込・代金引換をご利用ください。"

// Banner only: one cycle does not flag, the second does; the banner then
// disappears for two cycles and the episode is resolved on the second.
func TestScenarioBannerOnly(t *testing.T) {
	s := newSim(t)
	s.quiet(-60, 0)
	for d := 0; d <= 12; d++ {
		switch {
		case d < 8:
			s.banner(d, stopBanner, nlp.Suspicious)
		default:
			s.banner(d, "", "")
		}
		s.payment(d, true, true)
		s.crawl(d)
	}
	seq := s.replay(0, 12)
	if got, want := compress(0, seq), "0:- 1:suspected 9:resolved"; got != want {
		t.Fatalf("sequence %q, want %q", got, want)
	}
	eps := s.final(12)
	if len(eps) != 1 {
		t.Fatalf("got %d episodes, want 1", len(eps))
	}
	e := eps[0]
	wantHistory(t, s, e, map[Status]int{Suspected: 1, Resolved: 9}, Suspected, Resolved)
	if s.dayOf(e.Opened) != 0 {
		t.Errorf("opened on day %d, want day 0 (the first sighting)", s.dayOf(e.Opened))
	}
	if factor(e, "banner") == nil || factor(e, "persistence") == nil {
		t.Errorf("banner and persistence factors expected:\n%s", Explain(e))
	}
}

// A banner classified as unrelated but saying card payment is unavailable
// still counts; a top page answered 304 keeps the banner up (no banner
// observation that cycle, only the crawl record).
func TestScenarioBannerUnchangedPage(t *testing.T) {
	s := newSim(t)
	s.quiet(-10, 0)
	s.banner(0, stopBanner, nlp.Unrelated)
	s.crawl(0)
	s.crawl(1) // top page 304: the banner is still there
	s.crawl(2)
	seq := s.replay(0, 2)
	if got, want := compress(0, seq), "0:- 1:suspected"; got != want {
		t.Fatalf("sequence %q, want %q", got, want)
	}
}

// A banner seen on one cycle only never flags and leaves no episode.
func TestScenarioBannerOnce(t *testing.T) {
	s := newSim(t)
	s.quiet(-10, 0)
	s.banner(0, stopBanner, nlp.Suspicious)
	s.payment(0, true, true)
	s.crawl(0)
	s.quiet(1, 10)
	seq := s.replay(0, 9)
	if got := compress(0, seq); got != "0:-" {
		t.Fatalf("sequence %q, want never flagged", got)
	}
}

// Payment page only: the card method marked suspended while bank transfer
// and cash on delivery stay. Flag on the second cycle, resolve when the card
// method is back.
func TestScenarioPaymentOnly(t *testing.T) {
	s := newSim(t)
	s.quiet(-30, 0)
	for d := 0; d <= 9; d++ {
		s.banner(d, "", "")
		s.payment(d, d >= 6, true)
		s.crawl(d)
	}
	seq := s.replay(0, 9)
	if got, want := compress(0, seq), "0:- 1:suspected 6:resolved"; got != want {
		t.Fatalf("sequence %q, want %q", got, want)
	}
	e := s.final(9)[0]
	if factor(e, "payment_page") == nil {
		t.Errorf("payment_page factor expected:\n%s", Explain(e))
	}
}

// A shop whose payment page never offered a card has nothing to remove.
func TestScenarioPaymentNeverOfferedCard(t *testing.T) {
	s := newSim(t)
	for d := 0; d <= 9; d++ {
		s.payment(d, false, true)
		s.crawl(d)
	}
	if got := compress(0, s.replay(0, 9)); got != "0:-" {
		t.Fatalf("sequence %q, want never flagged", got)
	}
}

// Whole-site 503 for weeks: suspected after the second cycle, escalated on
// the day the 30-day mark is crossed (a shop closed for a month is the
// "メンテナンス中 for months" pattern), resolved when the site is back.
func TestScenarioSiteDownForWeeks(t *testing.T) {
	s := newSim(t)
	s.quiet(-30, 0)
	for d := 0; d <= 45; d++ {
		if d < 42 {
			s.siteDown(d)
		} else {
			s.banner(d, "", "")
			s.payment(d, true, true)
		}
		s.crawl(d)
	}
	seq := s.replay(0, 45)
	if got, want := compress(0, seq), "0:- 1:suspected 30:escalated 42:resolved"; got != want {
		t.Fatalf("sequence %q, want %q", got, want)
	}
	e := s.final(45)[0]
	wantHistory(t, s, e, map[Status]int{Suspected: 1, Escalated: 30, Resolved: 42}, Suspected, Escalated, Resolved)
}

// A site down on one cycle is a glitch.
func TestScenarioSiteDownOnce(t *testing.T) {
	s := newSim(t)
	s.quiet(-5, 0)
	s.siteDown(0)
	s.crawl(0)
	s.quiet(1, 5)
	if got := compress(0, s.replay(0, 4)); got != "0:-" {
		t.Fatalf("sequence %q, want never flagged", got)
	}
}

// The same provider notice on ten shops the same day (and its resumption
// the next day) never flags any of them.
func TestScenarioProviderNoticeOnTenShops(t *testing.T) {
	s := newSim(t)
	s.quiet(-90, 0)
	n := s.notice(0, "決済代行会社の障害によりクレジットカード決済が現在ご利用いただけません。復旧次第お知らせいたします。", nlp.Suspicious, 0.9,
		nlp.ReasonCardStop, nlp.ReasonPretextFault, nlp.ReasonOpenEnded, nlp.ReasonOtherMethods)
	s.ctx.Corroboration = map[string]int{n.Fingerprint: 10}
	s.notice(1, "クレジットカード決済復旧のお知らせ", nlp.Resumed, 0.9, nlp.ReasonResumed)
	s.quiet(0, 5)
	if got := compress(0, s.replay(0, 4)); got != "0:-" {
		t.Fatalf("sequence %q, want never flagged", got)
	}
	// Without the other shops, the same notice flags at once.
	s.ctx.Corroboration = nil
	if got := compress(0, s.replay(0, 4)); got != "0:suspected 1:resolved" {
		t.Fatalf("alone: sequence %q, want 0:suspected 1:resolved", got)
	}
}

// Phishing warnings and fraud-order policies share the vocabulary and never
// flag, even when the classifier slips and calls one suspicious with no
// card-stop sentence.
func TestScenarioFraudPolicyAndPhishing(t *testing.T) {
	s := newSim(t)
	s.quiet(-30, 0)
	s.notice(0, "当店を装った偽サイト・フィッシングメールにご注意ください", nlp.Unrelated, 0.9, nlp.ReasonFraudPolicy)
	s.notice(3, "クレジットカードの不正利用防止のため3Dセキュアを導入しました", nlp.Unrelated, 0.85, nlp.ReasonFraudPolicy)
	s.notice(6, "不正注文への対応について（クレジットカード）", nlp.Suspicious, 0.6, nlp.ReasonFraudPolicy, nlp.ReasonPretextMaint)
	s.quiet(0, 10)
	if got := compress(0, s.replay(0, 9)); got != "0:-" {
		t.Fatalf("sequence %q, want never flagged", got)
	}
}

// A resolved episode stays closed: a new stop later opens a new episode
// with a new key, and the old one keeps its key.
func TestScenarioSecondEpisode(t *testing.T) {
	s := newSim(t)
	s.quiet(-100, 0)
	s.notice(0, "クレジットカード決済停止のお知らせ", nlp.Suspicious, 0.9, nlp.ReasonCardStop, nlp.ReasonOpenEnded)
	s.notice(3, "クレジットカード決済再開のお知らせ", nlp.Resumed, 0.9, nlp.ReasonResumed)
	s.notice(50, "システム障害によるクレジットカード決済停止について", nlp.Suspicious, 0.9, nlp.ReasonCardStop, nlp.ReasonOpenEnded, nlp.ReasonPretextFault)
	s.quiet(0, 60)
	before := s.final(10)
	after := s.final(59)
	if len(before) != 1 || len(after) != 2 {
		t.Fatalf("got %d then %d episodes, want 1 then 2", len(before), len(after))
	}
	if before[0].Key != after[0].Key || after[0].Key == after[1].Key {
		t.Errorf("keys %q, %q / %q: want the first kept and a new one", before[0].Key, after[0].Key, after[1].Key)
	}
	if after[0].Status != Resolved || after[1].Status != Suspected {
		t.Errorf("statuses %s, %s; want resolved, suspected", after[0].Status, after[1].Status)
	}
	if f := factor(after[1], "suddenness"); f == nil || f.Contribution != 0 {
		t.Errorf("the second stop is not the first in this shop's history: %+v", f)
	}
}

// A leak announced after a stop that was already resolved opens its own
// confirmed episode and names the earlier stop.
func TestScenarioLeakAfterResolvedStop(t *testing.T) {
	s := newSim(t)
	s.quiet(-100, 0)
	s.notice(0, "クレジットカード決済停止のお知らせ", nlp.Suspicious, 0.9, nlp.ReasonCardStop, nlp.ReasonOpenEnded)
	s.notice(20, "クレジットカード決済再開のお知らせ", nlp.Resumed, 0.9, nlp.ReasonResumed)
	s.notice(150, "クレジットカード情報流出に関するお詫び", nlp.Leak, 0.95, nlp.ReasonLeakTerms)
	s.quiet(0, 151)
	eps := s.final(150)
	if len(eps) != 2 || eps[1].Status != ConfirmedLeak || factor(eps[1], "earlier_episode") == nil {
		t.Fatalf("want a resolved stop and a confirmed leak naming it, got %d episodes", len(eps))
	}
	if d := factor(eps[1], "earlier_episode").Detail; !strings.Contains(d, eps[0].Key) || !strings.Contains(d, "150 days later") {
		t.Errorf("earlier_episode detail %q should name %s and the 150-day lead", d, eps[0].Key)
	}
}

// Notice and payment page together: two independent sources escalate.
func TestScenarioNoticeAndPaymentPage(t *testing.T) {
	s := newSim(t)
	s.quiet(-60, 0)
	s.notice(0, "クレジットカード決済一時停止のお知らせ", nlp.Suspicious, 0.85, nlp.ReasonCardStop, nlp.ReasonPretextMaint)
	for d := 0; d <= 5; d++ {
		s.banner(d, "", "")
		s.payment(d, d < 2, true)
		s.crawl(d)
	}
	if got, want := compress(0, s.replay(0, 5)), "0:suspected 2:escalated"; got != want {
		t.Fatalf("sequence %q, want %q", got, want)
	}
}

// Platform context is never enough alone, and the corroboration thresholds
// hold on an old EC-CUBE too.
func TestScenarioPlatformNeverAlone(t *testing.T) {
	s := newSim(t)
	s.ctx = Context{Platform: "eccube2", PlatformVersion: "2.12.6"}
	s.quiet(-30, 0)
	s.banner(0, stopBanner, nlp.Suspicious)
	s.crawl(0)
	n := s.notice(2, "決済サービスの障害によりカード決済を停止しております", nlp.Suspicious, 0.95, nlp.ReasonCardStop, nlp.ReasonOpenEnded, nlp.ReasonNewCardOnly)
	s.ctx.Corroboration = map[string]int{n.Fingerprint: 5}
	s.quiet(1, 6)
	if got := compress(0, s.replay(0, 5)); got != "0:-" {
		t.Fatalf("sequence %q, want never flagged", got)
	}
}

// A shop imported with a years-old stop notice still in its news list is not
// flagged for it; a stop notice seen within days of its date is.
func TestScenarioStaleNoticeAtImport(t *testing.T) {
	s := newSim(t)
	o := s.notice(0, "クレジットカード決済停止のお知らせ", nlp.Suspicious, 0.9, nlp.ReasonCardStop, nlp.ReasonOpenEnded, nlp.ReasonPretextMaint)
	s.obs[len(s.obs)-1].Date = o.Date.AddDate(-2, 0, 0) // the page states a date two years back
	s.quiet(0, 5)
	if got := compress(0, s.replay(0, 4)); got != "0:-" {
		t.Fatalf("sequence %q, want never flagged", got)
	}
	s.obs[0].Date = o.Date.AddDate(0, 0, -3)
	if got := compress(0, s.replay(0, 4)); got != "0:suspected" {
		t.Fatalf("fresh notice: sequence %q, want 0:suspected", got)
	}
}

// A banner and the payment page both saying card payment is unavailable on
// one cycle only (a glitch) do not flag: weak signals need two cycles.
func TestScenarioTwoWeakSignalsOnce(t *testing.T) {
	s := newSim(t)
	s.quiet(-30, 0)
	s.banner(0, stopBanner, nlp.Suspicious)
	s.payment(0, false, true)
	s.crawl(0)
	s.quiet(1, 4)
	if got := compress(0, s.replay(0, 3)); got != "0:-" {
		t.Fatalf("sequence %q, want never flagged", got)
	}
}

// A routine maintenance notice the classifier half-believed, plus the card
// greyed out on the payment page that night only: nothing strong, nothing
// persistent, never flagged.
func TestScenarioRoutineSlipWithCardGreyedOut(t *testing.T) {
	s := newSim(t)
	s.ctx = Context{Platform: "eccube2", PlatformVersion: "2.13.0"}
	s.quiet(-200, 0)
	for m := 1; m <= 6; m++ {
		s.notice(-30*m, "定期メンテナンスのお知らせ", nlp.Scheduled, 0.9, nlp.ReasonFixedWindow, nlp.ReasonPretextMaint)
	}
	s.notice(0, "定期メンテナンスのお知らせ", nlp.Suspicious, 0.65, nlp.ReasonCardStop, nlp.ReasonFixedWindow, nlp.ReasonPretextMaint)
	s.banner(0, "", "")
	s.payment(0, false, true)
	s.crawl(0)
	s.quiet(1, 4)
	if got := compress(0, s.replay(0, 3)); got != "0:-" {
		t.Fatalf("sequence %q, want never flagged", got)
	}
}

// The payment guide moved to another URL that lists no card: not a removal
// (the card was never seen offered there).
func TestScenarioPaymentPageMoved(t *testing.T) {
	s := newSim(t)
	s.quiet(-30, 0)
	for d := 0; d <= 4; d++ {
		s.add(Observation{Kind: KindPayment, Seen: s.cycleAt(d), URL: "https://shop.example/law", Text: "お支払い方法: 銀行振込 / 代金引換",
			OtherMethods: true})
		s.crawl(d)
	}
	if got := compress(0, s.replay(0, 4)); got != "0:-" {
		t.Fatalf("sequence %q, want never flagged", got)
	}
}

// The judge does not guess whole-site maintenance: the crawl cycle records a
// sitedown observation on every cycle the maintenance page persists (also
// across 304s), so a cycle the site answered without one means it is back,
// and a cycle it could not be reached changes nothing.
func TestScenarioSiteDownNeedsObservationEachCycle(t *testing.T) {
	tests := []struct {
		name string
		day  func(s *sim, d int)
		want string
	}{
		{"sitedown each cycle, then crawl records only", func(s *sim, d int) {
			if d < 5 {
				s.siteDown(d)
			}
			s.crawl(d)
		}, "0:- 1:suspected 5:resolved"},
		{"sitedown once, then crawl records only", func(s *sim, d int) {
			if d == 0 {
				s.siteDown(d)
			}
			s.crawl(d)
		}, "0:-"},
		{"a fetch error between two sitedown cycles", func(s *sim, d int) {
			switch {
			case d == 1:
				s.add(Observation{Kind: KindFetchErr, Seen: s.cycleAt(d), URL: "https://shop.example/", Text: "timeout"})
			case d < 5:
				s.siteDown(d)
			}
			s.crawl(d)
		}, "0:- 2:suspected 5:resolved"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newSim(t)
			s.quiet(-10, 0)
			for d := 0; d <= 6; d++ {
				tc.day(s, d)
			}
			if got := compress(0, s.replay(0, 6)); got != tc.want {
				t.Fatalf("sequence %q, want %q", got, tc.want)
			}
		})
	}
}

// A payment provider's outage banner shown by many shops for two cycles
// flags none of them; the same banner on this shop alone does.
func TestScenarioProviderBannerOnManyShops(t *testing.T) {
	s := newSim(t)
	s.quiet(-10, 0)
	for d := 0; d < 3; d++ {
		s.banner(d, stopBanner, nlp.Suspicious)
		s.payment(d, true, true)
		s.crawl(d)
	}
	s.ctx.Corroboration = map[string]int{fingerprintOf(stopBanner): 12}
	if got := compress(0, s.replay(0, 2)); got != "0:-" {
		t.Fatalf("relayed by 12 shops: sequence %q, want never flagged", got)
	}
	s.ctx.Corroboration = nil
	if got := compress(0, s.replay(0, 2)); got != "0:- 1:suspected" {
		t.Fatalf("alone: sequence %q, want 0:- 1:suspected", got)
	}
}

// A notice read days after the banner but dated before it joins the flagged
// episode: its key, already in the feeds, does not change.
func TestScenarioBackdatedNoticeKeepsKey(t *testing.T) {
	s := newSim(t)
	s.quiet(-10, 0)
	for d := 0; d < 6; d++ {
		s.banner(d, stopBanner, nlp.Suspicious)
		s.payment(d, true, true)
		s.crawl(d)
	}
	before := s.final(3)
	o := s.notice(4, "クレジットカード決済停止のお知らせ", nlp.Suspicious, 0.9, nlp.ReasonCardStop, nlp.ReasonOpenEnded)
	s.obs[len(s.obs)-1].Date = o.Date.AddDate(0, 0, -5) // dated the day before the banner
	after := s.final(5)
	if len(before) != 1 || len(after) != 1 {
		t.Fatalf("got %d then %d episodes, want 1 and 1", len(before), len(after))
	}
	if before[0].Key != after[0].Key {
		t.Errorf("key changed from %q to %q", before[0].Key, after[0].Key)
	}
	if s.dayOf(after[0].Opened) != -1 {
		t.Errorf("opened on day %d, want -1 (the notice's date)", s.dayOf(after[0].Opened))
	}
}
