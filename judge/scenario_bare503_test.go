package judge

import (
	"testing"
)

func (s *sim) bareDown(d int) {
	s.add(Observation{Kind: KindSiteDown, Seen: s.cycleAt(d), URL: "https://shop.example/",
		Text: SiteDownUnworded + ": top page: HTTP 503 Service Unavailable"})
}

// A week of bare 503s (the page says nothing of maintenance) is a server
// failing, not a shop closed: never flagged, and no episode is left.
func TestScenarioBare503ForAWeek(t *testing.T) {
	s := newSim(t)
	s.quiet(-30, 0)
	for d := 0; d <= 12; d++ {
		if d < 7 {
			s.bareDown(d)
		} else {
			s.banner(d, "", "")
			s.payment(d, true, true)
		}
		s.crawl(d)
	}
	if got := compress(0, s.replay(0, 12)); got != "0:-" {
		t.Fatalf("sequence %q, want never flagged", got)
	}
	if eps := s.final(12); len(eps) != 0 {
		t.Fatalf("%d episodes left, want none", len(eps))
	}
}

// Bare 503s for weeks count from bareDownAfter on; the episode opens at the
// first bare 503 and is resolved when the site is back.
func TestScenarioBare503ForWeeks(t *testing.T) {
	s := newSim(t)
	s.quiet(-30, 0)
	for d := 0; d <= 25; d++ {
		if d < 22 {
			s.bareDown(d)
		} else {
			s.banner(d, "", "")
			s.payment(d, true, true)
		}
		s.crawl(d)
	}
	if got, want := compress(0, s.replay(0, 25)), "0:- 14:suspected 22:resolved"; got != want {
		t.Fatalf("sequence %q, want %q", got, want)
	}
	if e := s.final(25)[0]; s.dayOf(e.Opened) != 0 {
		t.Errorf("opened on day %d, want day 0 (the first 503)", s.dayOf(e.Opened))
	}
}

// A bare 503 followed by a メンテナンス中 page: the run is worded from then on
// and flags on its second cycle as any whole-site maintenance.
func TestScenarioBare503ThenMaintenancePage(t *testing.T) {
	s := newSim(t)
	s.quiet(-30, 0)
	s.bareDown(0)
	s.crawl(0)
	for d := 1; d <= 4; d++ {
		s.siteDown(d)
		s.crawl(d)
	}
	if got, want := compress(0, s.replay(0, 4)), "0:- 1:suspected"; got != want {
		t.Fatalf("sequence %q, want %q", got, want)
	}
}
