package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"maintwatch/crawler"
	"maintwatch/judge"
)

func episode(key string, status judge.Status, score float64, opened, updated time.Time) judge.Episode {
	return judge.Episode{
		Key: key, Status: status, Score: score, Opened: opened, Updated: updated,
		FirstFlagged: opened.Add(time.Hour),
		Factors:      []judge.Factor{{Name: "notice_label", Contribution: score, Detail: "突然の停止"}},
		Evidence: []judge.Observation{{ID: 7, Kind: judge.KindNotice, Seen: opened, URL: "https://x.example/n",
			SHA256: "abc", Text: "カード決済停止"}},
		History: []judge.Transition{{Status: status, At: opened.Add(time.Hour)}},
	}
}

func TestSaveEpisodesUpsertDelete(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	site := mustSites(t, db, 1)[0]
	a := episode("a", judge.Resolved, 0.4, t0, t0.Add(48*time.Hour))
	a.Closed = t0.Add(47 * time.Hour)
	b := episode("b", judge.Suspected, 0.7, t0.Add(72*time.Hour), t0.Add(73*time.Hour))
	if err := db.SaveEpisodes(ctx, site, []judge.Episode{b, a}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Episodes(ctx, EpisodeQuery{SiteID: site})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Key != "b" || got[1].Key != "a" {
		t.Fatalf("episodes = %+v", got)
	}
	if !reflect.DeepEqual(utcEpisode(got[1].Episode), utcEpisode(a)) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got[1].Episode, a)
	}
	if got[0].Site.ID != site || got[0].Site.Status != judge.Suspected || got[0].Site.Score != 0.7 {
		t.Errorf("episode's site = %+v", got[0].Site)
	}
	idB := got[0].ID

	// b escalates and a is no longer produced: b keeps its row, a goes.
	b.Status, b.Score, b.Updated = judge.Escalated, 0.9, t0.Add(96*time.Hour)
	b.LeadTime = 90 * 24 * time.Hour
	if err := db.SaveEpisodes(ctx, site, []judge.Episode{b}); err != nil {
		t.Fatal(err)
	}
	got, err = db.Episodes(ctx, EpisodeQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != idB || got[0].Status != judge.Escalated || got[0].LeadTime != b.LeadTime {
		t.Fatalf("after upsert = %+v", got)
	}
	s, _ := db.Site(ctx, site)
	if s.Status != judge.Escalated || s.Score != 0.9 || !reflect.DeepEqual(s.Factors, b.Factors) {
		t.Errorf("site = %+v", s)
	}

	// No episodes: the site's state is cleared.
	if err := db.SaveEpisodes(ctx, site, nil); err != nil {
		t.Fatal(err)
	}
	s, _ = db.Site(ctx, site)
	if s.Status != "" || s.Score != 0 || s.Factors != nil || count(t, db, "episodes") != 0 {
		t.Errorf("site after clearing = %+v", s)
	}

	if err := db.SaveEpisodes(ctx, site, []judge.Episode{a, a}); err == nil {
		t.Error("duplicate keys accepted")
	}
	if err := db.SaveEpisodes(ctx, 99, []judge.Episode{a}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown site error = %v", err)
	}
}

func utcEpisode(e judge.Episode) judge.Episode {
	e.Opened, e.FirstFlagged, e.Updated, e.Closed = e.Opened.UTC(), e.FirstFlagged.UTC(), e.Updated.UTC(), e.Closed.UTC()
	for i := range e.Evidence {
		e.Evidence[i] = normTimes(e.Evidence[i])
	}
	for i := range e.History {
		e.History[i].At = e.History[i].At.UTC()
	}
	return e
}

func TestEpisodesFilters(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	ids := mustSites(t, db, 3)
	for i, p := range []string{"eccube4", "makeshop", "eccube4"} {
		if _, err := db.SaveCrawl(ctx, CrawlRecord{SiteID: ids[i], At: t0, Platform: p,
			Fetches: []crawler.Fetch{}}); err != nil {
			t.Fatal(err)
		}
	}
	h := time.Hour
	must := func(site int64, eps ...judge.Episode) {
		t.Helper()
		if err := db.SaveEpisodes(ctx, site, eps); err != nil {
			t.Fatal(err)
		}
	}
	must(ids[0], episode("1a", judge.Resolved, 0.3, t0, t0.Add(1*h)), episode("1b", judge.Suspected, 0.6, t0.Add(2*h), t0.Add(5*h)))
	must(ids[1], episode("2a", judge.Escalated, 0.8, t0, t0.Add(3*h)))
	must(ids[2], episode("3a", judge.ConfirmedLeak, 0.95, t0, t0.Add(4*h)))

	for _, tc := range []struct {
		name string
		q    EpisodeQuery
		want []string
	}{
		{"all, newest update first", EpisodeQuery{}, []string{"1b", "3a", "2a", "1a"}},
		{"site", EpisodeQuery{SiteID: ids[0]}, []string{"1b", "1a"}},
		{"statuses", EpisodeQuery{Statuses: []judge.Status{judge.Suspected, judge.Escalated}}, []string{"1b", "2a"}},
		{"min score", EpisodeQuery{MinScore: 0.8}, []string{"3a", "2a"}},
		{"platform", EpisodeQuery{Platform: "eccube4"}, []string{"1b", "3a", "1a"}},
		{"since", EpisodeQuery{Since: t0.Add(3 * h)}, []string{"1b", "3a", "2a"}},
		{"limit", EpisodeQuery{Limit: 2}, []string{"1b", "3a"}},
		{"combined", EpisodeQuery{Platform: "eccube4", MinScore: 0.5, Limit: 1}, []string{"1b"}},
		{"none", EpisodeQuery{Platform: "shopify"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := db.Episodes(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, e := range got {
				keys = append(keys, e.Key)
			}
			if !reflect.DeepEqual(keys, tc.want) {
				t.Errorf("keys = %v, want %v", keys, tc.want)
			}
		})
	}
	s, _ := db.Site(ctx, ids[0])
	if s.Status != judge.Suspected || s.Score != 0.6 {
		t.Errorf("site status from the latest-opened episode = %s %v", s.Status, s.Score)
	}
}
