package judge

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"maintwatch/nlp"
)

var fuzzStart = time.Date(2026, 1, 5, 0, 0, 0, 0, jst)

// decodeHistory turns fuzz bytes into a site history: 4 bytes per
// observation (kind and day, label, reasons bitmask, flags). Cycles are at
// 06:00 on their day; notices state the day's date (or none).
func decodeHistory(data []byte) ([]Observation, Context) {
	kinds := []Kind{KindNotice, KindBanner, KindPayment, KindSiteDown, KindFetchErr, KindNoNews, KindCrawl}
	labels := append([]nlp.Label{""}, nlp.Labels...)
	reasons := []nlp.Reason{nlp.ReasonCardStop, nlp.ReasonPretextMaint, nlp.ReasonPretextFault, nlp.ReasonOpenEnded,
		nlp.ReasonFixedWindow, nlp.ReasonExtension, nlp.ReasonOtherMethods, nlp.ReasonNewCardOnly}
	texts := []string{"", stopBanner, "クレジットカード決済停止のお知らせ", "定期メンテナンス", "送料改定"}
	var obs []Observation
	c := Context{Corroboration: map[string]int{}}
	if len(data) > 0 && data[0]%3 == 0 {
		c.Platform, c.PlatformVersion = "eccube2", "2.13.1"
	}
	for i := 0; i+4 <= len(data); i += 4 {
		b := data[i : i+4]
		day := int(b[0] >> 3) // 0..31
		o := Observation{
			ID:    int64(i/4 + 1),
			Kind:  kinds[int(b[0]&7)%len(kinds)],
			Seen:  fuzzStart.AddDate(0, 0, day*2).Add(6 * time.Hour),
			Label: labels[int(b[1])%len(labels)],
			Score: float64(b[1]>>3) / 31,
			URL:   "https://shop.example/",
			Text:  texts[int(b[3]>>4)%len(texts)],
		}
		for k, r := range reasons {
			if b[2]&(1<<k) != 0 {
				o.Reasons = append(o.Reasons, r)
			}
		}
		o.CardAvailable = b[3]&1 != 0
		o.OtherMethods = b[3]&2 != 0
		if o.Kind == KindNotice {
			if b[3]&4 != 0 {
				o.Date = fuzzStart.AddDate(0, 0, day*2)
			}
			o.Title = o.Text
			o.Fingerprint = fingerprintOf(o.Text + string(rune('a'+b[3]&3)))
			if b[3]&8 != 0 {
				c.Corroboration[o.Fingerprint] = int(b[1]%12) + 1
			}
		}
		obs = append(obs, o)
	}
	return obs, c
}

var validStatus = map[Status]int{Suspected: 1, Escalated: 2, ConfirmedLeak: 3, Resolved: 4}

func checkEpisodes(t *testing.T, eps []Episode) {
	t.Helper()
	keys := map[string]bool{}
	for _, e := range eps {
		if keys[e.Key] {
			t.Fatalf("duplicate key %q", e.Key)
		}
		keys[e.Key] = true
		if math.IsNaN(e.Score) || e.Score < 0 || e.Score > 1 {
			t.Fatalf("score %v out of [0, 1]", e.Score)
		}
		if validStatus[e.Status] == 0 {
			t.Fatalf("invalid status %q", e.Status)
		}
		if e.FirstFlagged.IsZero() || e.FirstFlagged.Before(e.Opened) {
			t.Fatalf("first flagged %v, opened %v", e.FirstFlagged, e.Opened)
		}
		if len(e.History) == 0 || e.History[len(e.History)-1].Status != e.Status {
			t.Fatalf("history %v does not end in status %s", e.History, e.Status)
		}
		for i, tr := range e.History {
			if validStatus[tr.Status] == 0 {
				t.Fatalf("invalid status %q in history", tr.Status)
			}
			if i > 0 && (tr.At.Before(e.History[i-1].At) || validStatus[tr.Status] <= validStatus[e.History[i-1].Status]) {
				t.Fatalf("history goes backwards: %v", e.History)
			}
		}
		if e.Status == ConfirmedLeak && e.LeadTime < 0 {
			t.Fatalf("negative lead time %v", e.LeadTime)
		}
		if len(e.Evidence) == 0 || len(e.Evidence) > evidenceCap {
			t.Fatalf("%d evidence observations", len(e.Evidence))
		}
		for i := 1; i < len(e.Evidence); i++ {
			if e.Evidence[i].When().Before(e.Evidence[i-1].When()) {
				t.Fatalf("evidence not oldest first: %v then %v", e.Evidence[i-1].When(), e.Evidence[i].When())
			}
		}
		for _, f := range e.Factors {
			if math.IsNaN(f.Contribution) || math.IsInf(f.Contribution, 0) || f.Name == "" || f.Detail == "" {
				t.Fatalf("bad factor %+v", f)
			}
		}
		if Explain(e) == "" {
			t.Fatal("empty explanation")
		}
	}
}

// FuzzAssess: any history judges without panic into valid episodes; the
// input order does not matter; replaying the history day by day gives each
// flagged episode the same key, opening and first-flag date it has at the
// end, and a history that is a prefix of its final one.
func FuzzAssess(f *testing.F) {
	f.Add([]byte{0x00, 0x22, 0x09, 0x24, 0x08, 0x22, 0x0c, 0x24, 0xf0, 0x1c, 0x01, 0x04})
	f.Add([]byte{0x01, 0x02, 0x00, 0x10, 0x09, 0x02, 0x00, 0x10, 0x11, 0x02, 0x00, 0x10})
	f.Add([]byte{0x02, 0x00, 0x00, 0x03, 0x0a, 0x00, 0x00, 0x02, 0x12, 0x00, 0x00, 0x02, 0x1a, 0x00, 0x00, 0x03})
	f.Add([]byte{0x03, 0, 0, 0, 0x0b, 0, 0, 0, 0x13, 0, 0, 0, 0x1e, 0, 0, 0})
	f.Fuzz(fuzzBody)
}

func fuzzBody(t *testing.T, data []byte) {
	{
		if len(data) > 400 {
			data = data[:400]
		}
		obs, c := decodeHistory(data)
		end := fuzzStart.AddDate(0, 0, 70)
		c.Now = end
		eps := Assess(obs, c)
		checkEpisodes(t, eps)

		shuffled := slices.Clone(obs)
		rand.New(rand.NewPCG(uint64(len(data)), 7)).Shuffle(len(shuffled), func(i, j int) {
			shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
		})
		if again := Assess(shuffled, c); !reflect.DeepEqual(again, eps) {
			t.Fatalf("input order changed the result:\n%v\n%v", eps, again)
		}

		for _, e := range eps {
			pc := c
			// After that day's cycle (06:00 JST): every observation of the
			// day is in, none of the next.
			y, m, d := e.FirstFlagged.In(jst).Date()
			pc.Now = time.Date(y, m, d, 7, 0, 0, 0, jst)
			var found *Episode
			for _, p := range Assess(obs, pc) {
				if p.Key == e.Key {
					found = &p
				}
			}
			if found == nil {
				t.Fatalf("episode %s missing when replayed on %v", e.Key, pc.Now)
			}
			if !found.Opened.Equal(e.Opened) || !found.FirstFlagged.Equal(e.FirstFlagged) {
				t.Fatalf("episode %s opened/flagged %v/%v on replay, %v/%v at the end", e.Key, found.Opened, found.FirstFlagged, e.Opened, e.FirstFlagged)
			}
			if len(found.History) > len(e.History) || !reflect.DeepEqual(found.History, e.History[:len(found.History)]) {
				t.Fatalf("episode %s history %v on replay, %v at the end", e.Key, found.History, e.History)
			}
		}
	}
}

// Judging the same history twice, or in another order, gives the same keys.
func TestKeysStableAcrossRuns(t *testing.T) {
	s := newSim(t)
	s.quiet(-30, 0)
	s.notice(0, "クレジットカード決済停止のお知らせ", nlp.Suspicious, 0.9, nlp.ReasonCardStop, nlp.ReasonOpenEnded)
	s.quiet(0, 10)
	a := s.final(9)
	slices.Reverse(s.obs)
	for i := range s.obs {
		s.obs[i].ID = 0 // not stored yet: keys must not depend on store ids
	}
	b := s.final(9)
	if len(a) != 1 || len(b) != 1 || a[0].Key != b[0].Key {
		t.Fatalf("keys differ: %v / %v", a, b)
	}
	if want := "2026-05-24-"; a[0].Key[:len(want)] != want {
		t.Errorf("key %q should start with the opening day", a[0].Key)
	}
}
