package demoweb

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Generated web parameters.
const (
	// GenerateWindowDays: scenario day 0s are spread over this many days from
	// Generate's start, so a daily replay sees shops turn on different days.
	GenerateWindowDays = 60
)

// mix is the share of each non-ordinary scenario in a generated web; the rest
// is ordinary. The suspicious types add up to 15%.
var mix = []struct {
	s     Scenario
	share float64
}{
	{Classic, 0.05},
	{Resumed, 0.02},
	{BannerOnly, 0.02},
	{PaymentOnly, 0.02},
	{SiteDown, 0.02},
	{LeakOnly, 0.02},
	{Scheduled, 0.10},
	{MonthlyMaintenance, 0.07},
	{ProviderWide, 0.08},
	{PhishingWarning, 0.04},
	{FraudPolicy, 0.04},
}

// platformShare weighs markups roughly as small Japanese shops run them, old
// EC-CUBE 2 first.
var platformShare = []struct {
	p     string
	share float64
}{
	{PlatformECCUBE2, 0.30}, {PlatformECCUBE4, 0.20}, {PlatformWordPress, 0.15},
	{PlatformColorMe, 0.12}, {PlatformShopify, 0.13}, {PlatformUnknown, 0.10},
}

// Generate serves n shops with the scenarios of mix, deterministic for a
// seed (names, markups, charsets, scenarios, day 0s and page bodies; only the
// ports differ between runs). Every scenario appears at least once when n is
// at least the number of scenarios. Day 0s fall in [start+1 day, start+60 days),
// except provider_wide: all of those post the same notice on one day.
func Generate(n int, seed int64, start time.Time, now func() time.Time) (*Web, error) {
	if n < 1 {
		return nil, fmt.Errorf("demoweb: generate %d shops: need at least one", n)
	}
	return startShops(generateSpecs(n, seed, start), now)
}

func generateSpecs(n int, seed int64, start time.Time) []spec {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6d61696e74776174)) // "maintwat"
	scen := make([]Scenario, 0, n)
	for _, m := range mix {
		k := int(math.Round(m.share * float64(n)))
		if k == 0 && n >= len(Scenarios) {
			k = 1
		}
		for i := 0; i < k && len(scen) < n; i++ {
			scen = append(scen, m.s)
		}
	}
	for len(scen) < n {
		scen = append(scen, Ordinary)
	}
	rng.Shuffle(len(scen), func(i, j int) { scen[i], scen[j] = scen[j], scen[i] })

	providerDay := 1 + rng.IntN(GenerateWindowDays-1)
	used := map[string]bool{}
	specs := make([]spec, n)
	for i := range specs {
		g := rng.IntN(len(genres))
		name := ""
		for try := 0; name == "" || used[name]; try++ {
			name = fmt.Sprintf("%s %s%s", pick(places, rng.IntN(len(places))), pick(houses, rng.IntN(len(houses))), genres[g].noun)
			if try > 20 {
				name = fmt.Sprintf("%s %d号店", name, i+1)
			}
		}
		used[name] = true
		p := weighted(rng, platformShare)
		cs, metaOnly := charsetFor(rng, p)
		// Day 0 is never the replay's first day, so a daily replay from start
		// has seen every shop before its story begins (a removed card method
		// is only a signal against a page that listed it).
		d := 1 + rng.IntN(GenerateWindowDays-1)
		if scen[i] == ProviderWide {
			d = providerDay
		}
		sp := spec{
			Name: name, Genre: g, Var: rng.IntN(60), Platform: p, Charset: cs, MetaOnly: metaOnly,
			Scenario: scen[i], Start: start.Add(time.Duration(d) * day),
		}
		if rng.IntN(10) == 0 {
			sp.Robots = "User-agent: *\nDisallow:\n"
		}
		specs[i] = sp
	}
	return specs
}

func weighted(rng *rand.Rand, w []struct {
	p     string
	share float64
}) string {
	x := rng.Float64()
	for _, e := range w {
		if x < e.share {
			return e.p
		}
		x -= e.share
	}
	return w[len(w)-1].p
}

// charsetFor picks an encoding the platform really serves: EC-CUBE 4 and
// Shopify only UTF-8; old EC-CUBE 2 and カラーミー shops often EUC-JP;
// hand-made pages mostly Shift_JIS with the charset only in a meta tag.
func charsetFor(rng *rand.Rand, p string) (cs string, metaOnly bool) {
	x := rng.IntN(100)
	switch p {
	case PlatformECCUBE2:
		if x < 25 {
			return "euc-jp", x < 8
		}
	case PlatformColorMe:
		if x < 30 {
			return "euc-jp", false
		}
	case PlatformUnknown:
		switch {
		case x < 70:
			return "shift_jis", true
		case x < 85:
			return "euc-jp", true
		}
	case PlatformWordPress:
		if x < 5 {
			return "shift_jis", false
		}
	}
	return "utf-8", false
}
