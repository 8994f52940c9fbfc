package demoweb

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

func generate(t *testing.T, n int, seed int64, c *clock) *Web {
	t.Helper()
	w, err := Generate(n, seed, t0, c.Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	return w
}

func TestGenerateDeterministic(t *testing.T) {
	c := newClock(t0.Add(30 * day))
	a, b := generate(t, 100, 7, c), generate(t, 100, 7, c)
	other := generate(t, 100, 8, c)
	same := 0
	for i := range a.Shops {
		x, y := a.Shops[i], b.Shops[i]
		if x.Name != y.Name || x.Platform != y.Platform || x.Charset != y.Charset || x.Scenario != y.Scenario || !x.Start.Equal(y.Start) {
			t.Fatalf("shop %d differs between runs: %+v vs %+v", i, x, y)
		}
		if x.URL == y.URL {
			t.Fatalf("shop %d: two webs share %s", i, x.URL)
		}
		if i < 10 {
			if bx, by := get(t, x.URL, nil).body, get(t, y.URL, nil).body; string(bx) != string(by) {
				t.Errorf("shop %d: top page differs between runs", i)
			}
		}
		if o := other.Shops[i]; o.Name == x.Name && o.Scenario == x.Scenario {
			same++
		}
	}
	if same > 20 {
		t.Errorf("seeds 7 and 8 agree on %d of 100 shops: seed unused?", same)
	}
}

func TestGenerateMix(t *testing.T) {
	c := newClock(t0)
	w := generate(t, 200, 1, c)
	count := map[Scenario]int{}
	plat, cs := map[string]int{}, map[string]int{}
	names := map[string]bool{}
	var providerDays = map[time.Time]bool{}
	startDays := map[time.Time]bool{}
	for _, s := range w.Shops {
		count[s.Scenario]++
		plat[s.Platform]++
		cs[s.Charset]++
		if names[s.Name] {
			t.Errorf("duplicate name %s", s.Name)
		}
		names[s.Name] = true
		if s.Start.Before(t0) || !s.Start.Before(t0.Add(GenerateWindowDays*day)) {
			t.Errorf("%s: start %v outside the window", s.Name, s.Start)
		}
		if s.Scenario == ProviderWide {
			providerDays[s.Start] = true
		}
		if s.Scenario.SuspiciousType() {
			startDays[s.Start] = true
		}
	}
	for _, sc := range Scenarios {
		if count[sc] == 0 {
			t.Errorf("scenario %s missing", sc)
		}
	}
	susp := 0
	for sc, k := range count {
		if sc.SuspiciousType() {
			susp += k
		}
	}
	if share := float64(susp) / 200; share < 0.13 || share > 0.17 {
		t.Errorf("suspicious-type share %.3f, want about 0.15", share)
	}
	if count[ProviderWide] < 10 || len(providerDays) != 1 {
		t.Errorf("provider_wide: %d shops on %d days, want >= 10 on one day", count[ProviderWide], len(providerDays))
	}
	if len(startDays) < 10 {
		t.Errorf("suspicious shops start on only %d distinct days", len(startDays))
	}
	if len(plat) < 6 {
		t.Errorf("%d platforms: %v", len(plat), plat)
	}
	for _, x := range []string{"utf-8", "shift_jis", "euc-jp"} {
		if cs[x] == 0 {
			t.Errorf("no %s shop", x)
		}
	}
}

var localHref = regexp.MustCompile(`href="(/[^"#]*|\./|[a-z]+\.html|\?[^"#]*)(?:#[^"]*)?"`)

// TestGenerateEveryPageRenders walks every shop's same-site pages (60 shops:
// every scenario, markup and charset) at two
// moments: before and after the scenarios' notices. It catches a template or
// an encoding failure in any variant.
func TestGenerateEveryPageRenders(t *testing.T) {
	c := newClock(t0)
	w := generate(t, 60, 3, c)
	for _, at := range []time.Time{t0, t0.Add(200 * day)} {
		c.Set(at)
		pages := 0
		for _, s := range w.Shops {
			seen := map[string]bool{}
			queue := []string{""}
			for len(queue) > 0 && len(seen) < 40 {
				p := queue[0]
				queue = queue[1:]
				if seen[p] {
					continue
				}
				seen[p] = true
				r := get(t, s.URL+p, nil)
				if s.Scenario == SiteDown && !at.Before(s.Start) {
					if p == "" && !strings.Contains(decode(t, s.Charset, r.body), "中") {
						t.Errorf("%s: site_down page says nothing", s.Name)
					}
					continue
				}
				if r.status == http.StatusNotFound {
					continue // links to products, cart ... that a demo shop does not serve
				}
				if r.status != http.StatusOK {
					t.Fatalf("%s %s: status %d: %s", s.Name, p, r.status, r.body)
				}
				pages++
				text := decode(t, s.Charset, r.body)
				for _, m := range localHref.FindAllStringSubmatch(text, -1) {
					h := strings.TrimPrefix(strings.TrimPrefix(m[1], "/"), "./")
					if !seen[h] && !strings.Contains(h, "cart") && !strings.Contains(h, "mypage") {
						queue = append(queue, h)
					}
				}
			}
		}
		if pages < 3*len(w.Shops)/2 {
			t.Errorf("only %d pages rendered for %d shops", pages, len(w.Shops))
		}
	}
}

// TestGenerateReplayTurnsShopsOnDifferentDays checks the replay property the
// evaluation relies on.
func TestGenerateReplayTurnsShopsOnDifferentDays(t *testing.T) {
	c := newClock(t0)
	w := generate(t, 100, 5, c)
	firstDay := map[int]int{}
	for _, s := range w.Shops {
		for d := 0; d < GenerateWindowDays+2; d++ {
			if s.Suspicious(t0.Add(time.Duration(d)*day + time.Hour)) {
				firstDay[d]++
				break
			}
		}
	}
	if len(firstDay) < 5 {
		t.Errorf("shops turn suspicious on %d distinct days: %v", len(firstDay), firstDay)
	}
}

func TestGenerateProviderWideIdenticalAndPaymentVariants(t *testing.T) {
	c := newClock(t0)
	w := generate(t, 300, 2, c)
	var provider []*Shop
	removed, marked := 0, 0
	for _, s := range w.Shops {
		if !s.Start.After(t0) {
			t.Errorf("%s starts on the replay's first day", s.Name)
		}
		switch s.Scenario {
		case ProviderWide:
			provider = append(provider, s)
		case PaymentOnly:
			c.Set(s.Start)
			page := decode(t, s.Charset, get(t, s.URL, nil).body)
			pay := decode(t, s.Charset, get(t, s.URL+paymentLink(t, page), nil).body)
			switch {
			case strings.Contains(pay, "停止中"):
				marked++
			case !strings.Contains(pay, "ｸﾚｼﾞｯﾄ") && !strings.Contains(pay, "クレジットカード"):
				removed++
			default:
				t.Errorf("%s: payment page neither marks nor drops the card on day 0", s.Name)
			}
		}
	}
	if removed == 0 || marked == 0 {
		t.Errorf("payment_only variants: %d removed, %d marked", removed, marked)
	}
	c.Set(provider[0].Start)
	const title = "決済代行会社のシステムメンテナンスに伴うクレジットカード決済一時停止のお知らせ"
	for _, s := range provider {
		// The same words on every shop (hand-made pages write カタカナ half-width).
		if txt := newsText(t, s); !strings.Contains(txt, "株式会社ミライ決済サービス") || !strings.Contains(txt, hankaku.Replace(title)) && !strings.Contains(txt, title) {
			t.Errorf("%s: provider notice missing on its day", s.Name)
		}
	}
}

// newsText reads the shop's top page and its news list if it has one.
func newsText(t *testing.T, s *Shop) string {
	t.Helper()
	text := decode(t, s.Charset, get(t, s.URL, nil).body)
	for _, p := range []string{"news/", "blogs/news", "?mode=f1", "whatsnew.html"} {
		if r := get(t, s.URL+p, nil); r.status == http.StatusOK {
			text += decode(t, s.Charset, r.body)
		}
	}
	return text
}
