package web

import (
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"maintwatch/crawler"
	"maintwatch/feeds"
	"maintwatch/feeds/digest"
	"maintwatch/judge"
	"maintwatch/store"
)

// The real store satisfies every consumer-side interface.
var (
	_ Source        = (*store.DB)(nil)
	_ feeds.Source  = (*store.DB)(nil)
	_ digest.Source = (*store.DB)(nil)
)

// TestRealStore runs the server on a SQLite store: a crawl with a Shift_JIS
// page, an episode that later escalates, and checks feeds, the site page and
// the snapshot end to end, including that the item id survives the update.
func TestRealStore(t *testing.T) {
	ctx := t.Context()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.AddSites(ctx, []store.SiteInput{{URL: "https://shop.example.jp/", Name: "テスト商店"}}); err != nil {
		t.Fatal(err)
	}
	sites, err := db.Sites(ctx)
	if err != nil || len(sites) != 1 {
		t.Fatalf("sites: %v %v", sites, err)
	}
	id := sites[0].ID
	at := time.Date(2026, 5, 20, 3, 0, 0, 0, time.UTC)
	body := []byte("<html><body>\x83J\x81[\x83h<script>alert(1)</script></body></html>")
	sum := sha256.Sum256(body)
	sha := hex.EncodeToString(sum[:])
	obs := judge.Observation{Kind: judge.KindNotice, Seen: at, URL: "https://shop.example.jp/news/1",
		Title: "カード決済停止のお知らせ", Text: "システムメンテナンスのため当面の間カード決済を停止いたします。", SHA256: sha}
	if _, err := db.SaveCrawl(ctx, store.CrawlRecord{SiteID: id, At: at, Platform: "ec-cube", Result: "ok",
		Fetches: []crawler.Fetch{{URL: obs.URL, Kind: crawler.KindDetail, FetchedAt: at, Status: 200,
			ContentType: "text/html; charset=Shift_JIS", Charset: "shift_jis", Body: body, Readable: true}},
		Observations: []judge.Observation{obs}}); err != nil {
		t.Fatal(err)
	}
	ep := judge.Episode{Key: "k1", Status: judge.Suspected, Score: 0.8, Opened: at, FirstFlagged: at, Updated: at,
		Factors:  []judge.Factor{{Name: "notice_label", Contribution: 0.6, Detail: "suspicious"}},
		Evidence: []judge.Observation{obs}, History: []judge.Transition{{Status: judge.Suspected, At: at}}}
	if err := db.SaveEpisodes(ctx, id, []judge.Episode{ep}); err != nil {
		t.Fatal(err)
	}
	now := at.Add(72 * time.Hour)
	ts := httptest.NewServer(NewServer(db, ServerOptions{Now: func() time.Time { return now }, Logger: slog.New(slog.DiscardHandler)}))
	t.Cleanup(ts.Close)

	resp, rss := get(t, ts, "/feed.rss", nil)
	f, err := gofeed.NewParser().ParseString(rss)
	if err != nil || len(f.Items) != 1 {
		t.Fatalf("rss: %v, %d items", err, len(f.Items))
	}
	etag, guid := resp.Header.Get("ETag"), f.Items[0].GUID
	if want := "テスト商店 — suspected — card payment stopped for 3 days"; f.Items[0].Title != want {
		t.Errorf("title %q", f.Items[0].Title)
	}
	if again, _ := get(t, ts, "/feed.rss", map[string]string{"If-None-Match": etag}); again.StatusCode != 304 {
		t.Errorf("unchanged store: %d, want 304", again.StatusCode)
	}

	resp, page := get(t, ts, "/sites/1", nil)
	for _, want := range []string{"テスト商店", "当面の間カード決済を停止", "shift_jis", "HTTP 200", "/snapshots/" + sha} {
		if !strings.Contains(page, want) {
			t.Errorf("site page lacks %q", want)
		}
	}
	resp, raw := get(t, ts, "/snapshots/"+sha, nil)
	if resp.StatusCode != 200 || raw != string(body) || resp.Header.Get("Content-Security-Policy") != "default-src 'none'; sandbox" {
		t.Errorf("snapshot: %d, %q", resp.StatusCode, raw)
	}

	ep.Status, ep.Updated = judge.Escalated, at.Add(48*time.Hour)
	ep.History = append(ep.History, judge.Transition{Status: judge.Escalated, At: ep.Updated})
	if err := db.SaveEpisodes(ctx, id, []judge.Episode{ep}); err != nil {
		t.Fatal(err)
	}
	resp, rss = get(t, ts, "/feed.rss", map[string]string{"If-None-Match": etag})
	f, err = gofeed.NewParser().ParseString(rss)
	if resp.StatusCode != 200 || err != nil || len(f.Items) != 1 {
		t.Fatalf("after escalation: %d %v", resp.StatusCode, err)
	}
	if f.Items[0].GUID != guid || !strings.Contains(f.Items[0].Title, "escalated") {
		t.Errorf("after escalation: id %q (was %q), title %q", f.Items[0].GUID, guid, f.Items[0].Title)
	}
}
