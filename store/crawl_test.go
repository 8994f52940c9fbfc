package store

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"maintwatch/crawler"
	"maintwatch/judge"
	"maintwatch/nlp"
)

func TestSaveCrawlRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	site := mustSites(t, db, 1)[0]
	const top = "https://shop1.example/"
	body := "<html><body>" + strings.Repeat("<p>クレジットカード決済を一時停止しております。</p>", 200) + "</body></html>"
	f := page(top, crawler.KindTop, t0, body)
	stop := notice(top+"news/1", "クレジットカード決済停止のお知らせ", "システムメンテナンスのため当面の間停止しております。",
		f.SHA256, time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC), nlp.Suspicious)
	news := notice(top+"news/2", "送料改定のお知らせ", "送料を改定いたします。", f.SHA256, time.Time{}, nlp.Unrelated)
	state := judge.Observation{Kind: judge.KindPayment, URL: top + "guide/", CardAvailable: false, OtherMethods: true,
		Text: "クレジットカード決済(停止中)"}
	rec := CrawlRecord{
		SiteID: site, At: t0, Platform: "eccube4", PlatformVersion: "4.2", Result: "ok",
		Fetches:      []crawler.Fetch{f, {URL: top + "robots.txt", Kind: crawler.KindRobots, FetchedAt: t0, Status: 404, ErrKind: crawler.ErrHTTP, Err: "404 Not Found"}},
		Notices:      []NoticeRecord{stop, news},
		Observations: []judge.Observation{state, {Kind: judge.KindCrawl}},
	}
	got, err := db.SaveCrawl(ctx, rec)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID == 0 || got[1].ID == 0 || got[0].Title != stop.Title ||
		got[0].SHA256 != f.SHA256 || got[0].Kind != judge.KindNotice || !got[0].Seen.Equal(t0) {
		t.Fatalf("new notices = %+v", got)
	}

	// The same cycle again, one notice re-spaced and full-width: nothing new.
	at2 := t0.Add(6 * time.Hour)
	rec2 := rec
	rec2.At = at2
	f2 := f
	f2.FetchedAt = at2
	rec2.Fetches = []crawler.Fetch{f2}
	again := stop
	again.Title = "  クレジットカード決済停止の　お知らせ "
	rec2.Notices = []NoticeRecord{again, news}
	rec2.Observations = []judge.Observation{{Kind: judge.KindCrawl}}
	rec2.Platform = "" // unknown this time: the stored one stays
	got2, err := db.SaveCrawl(ctx, rec2)
	if err != nil {
		t.Fatal(err)
	}
	if len(got2) != 0 {
		t.Fatalf("re-seen notices stored again: %+v", got2)
	}
	for table, want := range map[string]int{"notices": 2, "classifications": 2, "snapshots": 1, "fetches": 3, "observations": 5} {
		if n := count(t, db, table); n != want {
			t.Errorf("%s = %d, want %d", table, n, want)
		}
	}

	s, err := db.Site(ctx, site)
	if err != nil {
		t.Fatal(err)
	}
	if s.Platform != "eccube4" || s.PlatformVersion != "4.2" || !s.LastCrawl.Equal(at2) || s.LastResult != "ok" || s.NoticesSeen != 2 {
		t.Errorf("site after crawls = %+v", s)
	}

	obs, err := db.Observations(ctx, site)
	if err != nil {
		t.Fatal(err)
	}
	if len(obs) != 5 {
		t.Fatalf("observations = %d", len(obs))
	}
	for i := 1; i < len(obs); i++ {
		if obs[i].Seen.Before(obs[i-1].Seen) || (obs[i].Seen.Equal(obs[i-1].Seen) && obs[i].ID < obs[i-1].ID) {
			t.Fatalf("observations out of order at %d", i)
		}
	}
	want := stop.Observation
	want.ID, want.Kind, want.Seen, want.SHA256 = got[0].ID, judge.KindNotice, t0, f.SHA256
	if !reflect.DeepEqual(normTimes(obs[0]), normTimes(want)) {
		t.Errorf("observation round trip:\n got %+v\nwant %+v", obs[0], want)
	}
	if obs[2].Kind != judge.KindPayment || obs[2].CardAvailable || !obs[2].OtherMethods || !obs[2].Seen.Equal(t0) {
		t.Errorf("state observation = %+v", obs[2])
	}

	// Snapshot: deduplicated, compressed, exact bytes back.
	snap, err := db.Snapshot(ctx, strings.ToUpper(f.SHA256))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(snap.Body, []byte(body)) || snap.Size != len(body) || snap.Charset != "utf-8" ||
		!snap.FirstSeen.Equal(t0) || snap.ContentType != f.ContentType {
		t.Errorf("snapshot = %+v (body %d bytes)", snap, len(snap.Body))
	}
	var stored int
	if err := db.r.QueryRow("SELECT length(body) FROM snapshots").Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored*5 > len(body) {
		t.Errorf("snapshot stored in %d bytes for %d: not compressed", stored, len(body))
	}
	if _, err := db.Snapshot(ctx, strings.Repeat("0", 64)); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown snapshot error = %v", err)
	}

	// Fetches: newest first, body-less, fields intact.
	fs, err := db.Fetches(ctx, site, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 3 || !fs[0].FetchedAt.Equal(at2) || fs[0].SHA256 != f.SHA256 || fs[0].Charset != "utf-8" ||
		fs[0].Status != 200 || !reflect.DeepEqual(fs[0].Links, f.Links) || fs[0].Body != nil {
		t.Errorf("fetches = %+v", fs)
	}
	if fs, _ := db.Fetches(ctx, site, 1); len(fs) != 1 {
		t.Errorf("limit 1 gave %d", len(fs))
	}
	byURL, err := db.FetchesByURL(ctx, top+"robots.txt", 10)
	if err != nil || len(byURL) != 1 || byURL[0].Status != 404 || byURL[0].ErrKind != crawler.ErrHTTP || byURL[0].Err != "404 Not Found" {
		t.Errorf("FetchesByURL = %+v, %v", byURL, err)
	}

	// Classification stored with the notice.
	var label string
	var score float64
	var ev string
	if err := db.r.QueryRow(`SELECT c.label, c.score, c.evidence FROM classifications c JOIN notices n ON n.id = c.notice_id
		WHERE n.title = ?`, stop.Title).Scan(&label, &score, &ev); err != nil {
		t.Fatal(err)
	}
	if label != string(nlp.Suspicious) || score != 0.9 || !strings.Contains(ev, "CARD_STOP") {
		t.Errorf("classification = %s %v %s", label, score, ev)
	}
}

// normTimes puts times in UTC so DeepEqual compares instants.
func normTimes(o judge.Observation) judge.Observation {
	o.Seen, o.Date = o.Seen.UTC(), o.Date.UTC()
	return o
}

func TestSaveCrawlAtomic(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	site := mustSites(t, db, 1)[0]
	good := page("https://shop1.example/", crawler.KindTop, t0, "<p>ok</p>")
	bad := page("https://shop1.example/news/", crawler.KindNews, t0, "<p>news</p>")
	bad.SHA256 = strings.Repeat("ab", 32) // not the body's hash
	_, err := db.SaveCrawl(ctx, CrawlRecord{SiteID: site, At: t0, Result: "ok",
		Fetches: []crawler.Fetch{good, bad},
		Notices: []NoticeRecord{notice("https://shop1.example/n", "t", "b", good.SHA256, t0, nlp.Unrelated)}})
	wantErrContains(t, err, "is not the hash of the body")
	for _, table := range []string{"fetches", "snapshots", "notices", "observations"} {
		if n := count(t, db, table); n != 0 {
			t.Errorf("%s = %d after a failed SaveCrawl", table, n)
		}
	}
	if _, err := db.SaveCrawl(ctx, CrawlRecord{SiteID: 42, At: t0}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown site error = %v", err)
	}
}

func TestNoticeHash(t *testing.T) {
	a := NoticeHash("カード決済停止のお知らせ", "本日より 停止 しております")
	for _, same := range [][2]string{
		{" カード決済停止のお知らせ ", "本日より\n停止\tしております"},
		{"ｶｰﾄﾞ決済停止のお知らせ", "本日より　停止　しております"},
	} {
		if NoticeHash(same[0], same[1]) != a {
			t.Errorf("NoticeHash(%q, %q) differs", same[0], same[1])
		}
	}
	if NoticeHash("カード決済停止のお知らせ本日より", "停止しております") == NoticeHash("カード決済停止のお知らせ", "本日より停止しております") {
		t.Error("title/body boundary ignored")
	}
}

func TestPrior(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	site := mustSites(t, db, 1)[0]
	const u = "https://shop1.example/news/"
	if _, ok, err := db.Prior(ctx, u); ok || err != nil {
		t.Fatalf("Prior of an unknown URL = %v, %v", ok, err)
	}
	first := page(u, crawler.KindNews, t0, "<p>v1</p>")
	first.LastModified = "Fri, 01 May 2026 09:00:00 GMT"
	// A later 304 whose server resent no Last-Modified, then a failed fetch.
	nm := crawler.Fetch{URL: u, Kind: crawler.KindNews, FetchedAt: t0.Add(time.Hour), Status: 304, ETag: first.ETag, NotModified: true}
	failed := crawler.Fetch{URL: u, Kind: crawler.KindNews, FetchedAt: t0.Add(2 * time.Hour), Status: 503, ErrKind: crawler.ErrMaintenance}
	for _, f := range []crawler.Fetch{first, nm, failed} {
		if _, err := db.SaveCrawl(ctx, CrawlRecord{SiteID: site, At: f.FetchedAt, Fetches: []crawler.Fetch{f}}); err != nil {
			t.Fatal(err)
		}
	}
	p, ok, err := db.Prior(ctx, u)
	if err != nil || !ok {
		t.Fatalf("Prior = %v, %v", ok, err)
	}
	want := crawler.Prior{ETag: first.ETag, LastModified: first.LastModified, SHA256: first.SHA256, Links: first.Links}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("Prior = %+v, want %+v", p, want)
	}
	// A new 200 body replaces everything, even with no validators.
	second := page(u, crawler.KindNews, t0.Add(3*time.Hour), "<p>v2</p>")
	second.ETag, second.Links = "", nil
	if _, err := db.SaveCrawl(ctx, CrawlRecord{SiteID: site, At: second.FetchedAt, Fetches: []crawler.Fetch{second}}); err != nil {
		t.Fatal(err)
	}
	p, _, _ = db.Prior(ctx, u)
	if !reflect.DeepEqual(p, crawler.Prior{SHA256: second.SHA256}) {
		t.Errorf("Prior after a new body = %+v", p)
	}
}

func TestCorroboration(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	ids := mustSites(t, db, 4)
	at := t0
	day := 24 * time.Hour
	save := func(site int64, o judge.Observation) {
		t.Helper()
		if _, err := db.SaveCrawl(ctx, CrawlRecord{SiteID: site, At: o.Seen, Observations: []judge.Observation{o}}); err != nil {
			t.Fatal(err)
		}
	}
	save(ids[0], judge.Observation{Kind: judge.KindBanner, Seen: at, Fingerprint: "A"})
	save(ids[0], judge.Observation{Kind: judge.KindBanner, Seen: at.Add(time.Hour), Fingerprint: "A"}) // same site twice
	save(ids[1], judge.Observation{Kind: judge.KindBanner, Seen: at.Add(-day), Fingerprint: "A"})      // edge: inclusive
	save(ids[2], judge.Observation{Kind: judge.KindBanner, Seen: at.Add(5 * day), Date: at.Add(2 * time.Hour), Fingerprint: "A"})
	save(ids[3], judge.Observation{Kind: judge.KindBanner, Seen: at.Add(3 * day), Fingerprint: "A"}) // outside
	save(ids[3], judge.Observation{Kind: judge.KindBanner, Seen: at, Fingerprint: "B"})
	got, err := db.Corroboration(ctx, []string{"A", "B", "C", "", "A"}, at, day)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"A": 3, "B": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("Corroboration = %v, want %v", got, want)
	}
}

func TestFetchesByFinalURL(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	site := mustSites(t, db, 1)[0]
	f := page("https://shop1.example/info?id=3", crawler.KindDetail, t0, "<p>詳細</p>")
	f.FinalURL = "https://shop1.example/news/3"
	g := page("https://shop1.example/news/3", crawler.KindDetail, t0.Add(time.Hour), "<p>詳細2</p>")
	if _, err := db.SaveCrawl(ctx, CrawlRecord{SiteID: site, At: t0, Fetches: []crawler.Fetch{f, g}}); err != nil {
		t.Fatal(err)
	}
	got, err := db.FetchesByURL(ctx, "https://shop1.example/news/3", 0)
	if err != nil || len(got) != 2 || got[0].URL != g.URL || got[1].FinalURL != f.FinalURL {
		t.Errorf("by final URL = %+v, %v", got, err)
	}
	got, _ = db.FetchesByURL(ctx, "https://shop1.example/info?id=3", 0)
	if len(got) != 1 {
		t.Errorf("by requested URL = %d fetches", len(got))
	}
	if got, _ := db.FetchesByURL(ctx, "", 0); len(got) != 0 {
		t.Errorf("empty URL matched %d fetches", len(got))
	}
}
