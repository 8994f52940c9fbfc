package judge

import (
	"testing"
	"time"

	"maintwatch/nlp"
)

// The classic precursor (NOTICES.md): メンテナンス on day 0, システム不具合 on
// day 1, an extension on day 60, the leak announcement on day 120.
func TestScenarioClassic(t *testing.T) {
	s := newSim(t)
	s.quiet(-420, 0) // 14 months of ordinary history
	s.notice(0, "クレジットカード決済一時停止のお知らせ（システムメンテナンスのため）", nlp.Suspicious, 0.92,
		nlp.ReasonCardStop, nlp.ReasonPretextMaint, nlp.ReasonOpenEnded, nlp.ReasonOtherMethods)
	s.notice(1, "システム不具合によるクレジットカード決済停止について", nlp.Suspicious, 0.9,
		nlp.ReasonCardStop, nlp.ReasonPretextFault, nlp.ReasonOpenEnded)
	s.notice(60, "クレジットカード決済停止期間延長のお知らせ", nlp.Suspicious, 0.85,
		nlp.ReasonCardStop, nlp.ReasonExtension, nlp.ReasonOpenEnded)
	s.notice(120, "不正アクセスによるお客様のクレジットカード情報流出に関するお詫びとお知らせ", nlp.Leak, 0.97,
		nlp.ReasonLeakTerms)
	for d := 0; d <= 125; d++ {
		s.banner(d, "", "")
		s.payment(d, true, true) // this shop never touched its payment page
		s.crawl(d)
	}

	seq := s.replay(-1, 125)
	got := firstDays(-1, seq)
	want := map[Status]int{Suspected: 0, Escalated: 1, ConfirmedLeak: 120}
	for st, d := range want {
		if got[st] != d {
			t.Errorf("%s first on day %d, want %d (sequence %s)", st, got[st], d, compress(-1, seq))
		}
	}
	if seq[0] != "" {
		t.Errorf("flagged before the first notice: %s", compress(-1, seq))
	}
	if _, ok := got[Resolved]; ok {
		t.Errorf("resolved although card payment never came back: %s", compress(-1, seq))
	}

	eps := s.final(125)
	if len(eps) != 1 {
		t.Fatalf("got %d episodes, want 1", len(eps))
	}
	e := eps[0]
	wantHistory(t, s, e, want, Suspected, Escalated, ConfirmedLeak)
	if e.LeadTime != 120*24*time.Hour {
		t.Errorf("lead time = %v, want 120 days", e.LeadTime)
	}
	if s.dayOf(e.FirstFlagged) != 0 || s.dayOf(e.Opened) != 0 {
		t.Errorf("opened %v first flagged %v, want day 0", e.Opened, e.FirstFlagged)
	}
	if e.Score != 1 {
		t.Errorf("score = %v, want 1 for a confirmed leak", e.Score)
	}
	for _, name := range []string{"notice_label", "suddenness", "pretext_shift", "extension", "leak_announcement", "duration"} {
		if factor(e, name) == nil {
			t.Errorf("factor %s missing:\n%s", name, Explain(e))
		}
	}
	if f := factor(e, "suddenness"); f != nil && f.Contribution <= 0 {
		t.Errorf("first open-ended stop after 14 months should raise the score: %+v", *f)
	}
	if len(e.Evidence) < 4 || e.Evidence[0].Kind != KindNotice || s.dayOf(e.Evidence[len(e.Evidence)-1].When()) != 120 {
		t.Errorf("evidence should run from the first notice to the announcement: %+v", e.Evidence)
	}
}

// A shop that posts fixed-window maintenance every month for a year is never
// flagged, even when the classifier once calls one of them suspicious with
// little confidence and the payment page shows the card down during one
// maintenance night.
func TestScenarioScheduledMonthly(t *testing.T) {
	s := newSim(t)
	s.quiet(-30, 0)
	for m := range 12 {
		d := m * 30
		reasons := []nlp.Reason{nlp.ReasonPretextMaint, nlp.ReasonFixedWindow, nlp.ReasonProviderNamed}
		if m == 6 {
			s.notice(d, "【定期】決済システムメンテナンスのお知らせ", nlp.Suspicious, 0.55, append(reasons, nlp.ReasonCardStop)...)
		} else {
			s.notice(d, "【定期】決済システムメンテナンスのお知らせ", nlp.Scheduled, 0.9, reasons...)
		}
	}
	for d := 0; d < 365; d++ {
		switch d % 30 {
		case 1: // the maintenance night: a banner and the card marked suspended, one cycle
			s.banner(d, "本日2:00〜6:00 クレジットカード決済はご利用いただけません", nlp.Scheduled)
			s.payment(d, false, true)
		default:
			s.banner(d, "", "")
			s.payment(d, true, true)
		}
		s.crawl(d)
	}
	seq := s.replay(0, 364)
	for i, st := range seq {
		if st != "" {
			t.Fatalf("flagged on day %d: %s", i, compress(0, seq))
		}
	}
}

// A short stop, then 再開: suspected on day 0, resolved on the resume day.
func TestScenarioShortStopResumed(t *testing.T) {
	s := newSim(t)
	s.quiet(-200, 0)
	s.notice(0, "クレジットカード決済の一時停止について", nlp.Suspicious, 0.88,
		nlp.ReasonCardStop, nlp.ReasonPretextMaint, nlp.ReasonOpenEnded)
	s.notice(4, "クレジットカード決済再開のお知らせ", nlp.Resumed, 0.93, nlp.ReasonResumed)
	for d := 0; d <= 10; d++ {
		s.banner(d, "", "")
		s.payment(d, true, true)
		s.crawl(d)
	}
	seq := s.replay(0, 10)
	if got, want := compress(0, seq), "0:suspected 4:resolved"; got != want {
		t.Fatalf("sequence %q, want %q", got, want)
	}
	eps := s.final(10)
	if len(eps) != 1 {
		t.Fatalf("got %d episodes, want 1", len(eps))
	}
	wantHistory(t, s, eps[0], map[Status]int{Suspected: 0, Resolved: 4}, Suspected, Resolved)
	if s.dayOf(eps[0].Closed) != 4 {
		t.Errorf("closed on %v, want day 4", eps[0].Closed)
	}
}

// A leak announcement with no earlier episode opens one as confirmed_leak.
func TestScenarioLeakOnly(t *testing.T) {
	s := newSim(t)
	s.quiet(-100, 0)
	s.notice(0, "不正アクセスによる個人情報漏えいに関するお詫び", nlp.Leak, 0.95, nlp.ReasonLeakTerms)
	s.quiet(0, 5)
	seq := s.replay(-2, 4)
	if got, want := compress(-2, seq), "-2:- 0:confirmed_leak"; got != want {
		t.Fatalf("sequence %q, want %q", got, want)
	}
	eps := s.final(4)
	if len(eps) != 1 {
		t.Fatalf("got %d episodes, want 1", len(eps))
	}
	e := eps[0]
	wantHistory(t, s, e, map[Status]int{ConfirmedLeak: 0}, ConfirmedLeak)
	if e.LeadTime != 0 || s.dayOf(e.FirstFlagged) != 0 {
		t.Errorf("lead time %v first flagged %v, want 0 and day 0", e.LeadTime, e.FirstFlagged)
	}
}

func factor(e Episode, name string) *Factor {
	for i := range e.Factors {
		if e.Factors[i].Name == name {
			return &e.Factors[i]
		}
	}
	return nil
}
