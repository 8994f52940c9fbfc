package store

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"maintwatch/judge"
	"maintwatch/nlp"
)

var corrQuery = CorroborationQuery{
	Kinds:  []judge.Kind{judge.KindNotice, judge.KindBanner},
	Labels: []nlp.Label{nlp.Suspicious, nlp.Scheduled},
	Window: 24 * time.Hour,
}

// perFingerprint is what the crawl cycle computed before the batched query:
// for each site, each selected wording in store order, one Corroboration
// query at the first observation's effective date.
func perFingerprint(tb testing.TB, db *DB, sites []int64, q CorroborationQuery) map[int64]map[string]int {
	tb.Helper()
	ctx := context.Background()
	kinds, labels := map[judge.Kind]bool{}, map[nlp.Label]bool{}
	for _, k := range q.Kinds {
		kinds[k] = true
	}
	for _, l := range q.Labels {
		labels[l] = true
	}
	out := map[int64]map[string]int{}
	for _, s := range sites {
		obs, err := db.Observations(ctx, s)
		if err != nil {
			tb.Fatal(err)
		}
		for _, o := range obs {
			if o.Fingerprint == "" || !kinds[o.Kind] || !labels[o.Label] {
				continue
			}
			if _, ok := out[s][o.Fingerprint]; ok {
				continue
			}
			m, err := db.Corroboration(ctx, []string{o.Fingerprint}, o.When(), q.Window)
			if err != nil {
				tb.Fatal(err)
			}
			if out[s] == nil {
				out[s] = map[string]int{}
			}
			out[s][o.Fingerprint] = m[o.Fingerprint]
		}
	}
	return out
}

// The batched query gives exactly what one query per wording per site gave,
// on a random history of wordings shared by shops, notices dated before,
// after and long before their sighting, every kind and label, and times
// with nanoseconds (bounds are inclusive to the nanosecond).
func TestCorroborationBySiteMatchesPerFingerprint(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	ids := mustSites(t, db, 12)
	r := rand.New(rand.NewPCG(5, 8))
	kinds := []judge.Kind{judge.KindNotice, judge.KindBanner, judge.KindPayment, judge.KindCrawl}
	labels := []nlp.Label{nlp.Suspicious, nlp.Scheduled, nlp.Resumed, nlp.Unrelated, ""}
	fps := []string{"A", "B", "C", "D", "E", ""}
	base := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	var saved []judge.Observation
	for day := range 20 {
		for _, site := range ids {
			var obs []judge.Observation
			for range r.IntN(4) {
				seen := base.Add(time.Duration(day)*24*time.Hour + time.Duration(r.Int64N(int64(6*time.Hour))))
				o := judge.Observation{Kind: kinds[r.IntN(len(kinds))], Seen: seen, Label: labels[r.IntN(len(labels))],
					Fingerprint: fps[r.IntN(len(fps))]}
				switch r.IntN(4) {
				case 0: // dated a few hours to days before the sighting
					o.Date = seen.Add(-time.Duration(r.Int64N(int64(72 * time.Hour))))
				case 1: // dated after it: When() is the sighting
					o.Date = seen.Add(time.Duration(r.Int64N(int64(48 * time.Hour))))
				case 2: // exactly a window away from an earlier observation
					if len(saved) > 0 {
						o.Date = saved[r.IntN(len(saved))].When().Add(24 * time.Hour)
					}
				}
				obs = append(obs, o)
				saved = append(saved, o)
			}
			if _, err := db.SaveCrawl(ctx, CrawlRecord{SiteID: site, At: base.AddDate(0, 0, day), Observations: obs}); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := perFingerprint(t, db, ids, corrQuery)
	got, err := db.CorroborationBySite(ctx, corrQuery)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("the random history selected no wording: the test proves nothing")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("batched:\n%v\nper fingerprint:\n%v", got, want)
	}

	// Limited to some sites: the same answer for them, nothing for others.
	some := ids[:3]
	got, err = db.CorroborationBySite(ctx, CorroborationQuery{Kinds: corrQuery.Kinds, Labels: corrQuery.Labels, Window: corrQuery.Window, SiteIDs: some})
	if err != nil {
		t.Fatal(err)
	}
	if w := perFingerprint(t, db, some, corrQuery); !reflect.DeepEqual(got, w) {
		t.Errorf("limited to %v: got %v, want %v", some, got, w)
	}
}

// The window's bounds keep the stored nanoseconds: an observation one
// nanosecond outside does not count, one exactly on the bound does, also
// when the fraction would round up to the next second in milliseconds.
func TestCorroborationBySiteBoundsToTheNanosecond(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	ids := mustSites(t, db, 4)
	at := time.Date(2026, 5, 1, 9, 0, 0, 999_600_000, time.UTC)
	day := 24 * time.Hour
	save := func(site int64, o judge.Observation) {
		t.Helper()
		if _, err := db.SaveCrawl(ctx, CrawlRecord{SiteID: site, At: o.Seen, Observations: []judge.Observation{o}}); err != nil {
			t.Fatal(err)
		}
	}
	save(ids[0], judge.Observation{Kind: judge.KindNotice, Seen: at, Label: nlp.Suspicious, Fingerprint: "A"})
	save(ids[1], judge.Observation{Kind: judge.KindBanner, Seen: at.Add(day), Fingerprint: "A"})                   // on the upper bound
	save(ids[2], judge.Observation{Kind: judge.KindCrawl, Seen: at.Add(-day), Fingerprint: "A"})                   // on the lower bound
	save(ids[3], judge.Observation{Kind: judge.KindBanner, Seen: at.Add(day + time.Nanosecond), Fingerprint: "A"}) // just outside
	save(ids[3], judge.Observation{Kind: judge.KindNotice, Seen: at, Label: nlp.Unrelated, Fingerprint: "B"})      // not selected
	save(ids[3], judge.Observation{Kind: judge.KindNotice, Seen: at, Label: nlp.Scheduled, Fingerprint: ""})       // no wording
	got, err := db.CorroborationBySite(ctx, corrQuery)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[int64]map[string]int{ids[0]: {"A": 3}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// Kinds and labels select the wordings; a site's own wording counts it.
	got, err = db.CorroborationBySite(ctx, CorroborationQuery{Kinds: []judge.Kind{judge.KindNotice}, Labels: []nlp.Label{nlp.Unrelated}, Window: day})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[int64]map[string]int{ids[3]: {"B": 1}}; !reflect.DeepEqual(got, want) {
		t.Errorf("unrelated notices: got %v, want %v", got, want)
	}
	if got, err := db.CorroborationBySite(ctx, CorroborationQuery{Kinds: corrQuery.Kinds, Labels: corrQuery.Labels, Window: day, SiteIDs: []int64{}}); err != nil || len(got) != 0 {
		t.Errorf("no sites: got %v, %v", got, err)
	}
}
