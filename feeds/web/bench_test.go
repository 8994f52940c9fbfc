package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"maintwatch/crawler"
	"maintwatch/feeds"
	"maintwatch/judge"
	"maintwatch/store"
)

// benchStore is a real SQLite store of n flagged sites, each with a notice,
// its fetch and one suspected episode.
func benchStore(b *testing.B, n int) (*store.DB, time.Time) {
	b.Helper()
	ctx := b.Context()
	db, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	in := make([]store.SiteInput, n)
	for i := range in {
		in[i] = store.SiteInput{URL: fmt.Sprintf("https://shop%d.example.jp/", i), Name: fmt.Sprintf("テスト商店%d", i)}
	}
	if _, err := db.AddSites(ctx, in); err != nil {
		b.Fatal(err)
	}
	sites, err := db.Sites(ctx)
	if err != nil {
		b.Fatal(err)
	}
	at := time.Date(2026, 5, 20, 3, 0, 0, 0, time.UTC)
	for i, s := range sites {
		u := s.URL + "news/1"
		body := []byte(fmt.Sprintf("<html><body>%d: システムメンテナンスのため当面の間カード決済を停止いたします。</body></html>", i))
		sum := sha256.Sum256(body)
		obs := judge.Observation{Kind: judge.KindNotice, Seen: at, URL: u, Title: "カード決済停止のお知らせ",
			Text: "システムメンテナンスのため当面の間カード決済を停止いたします。銀行振込・代金引換はご利用いただけます。", SHA256: hex.EncodeToString(sum[:])}
		if _, err := db.SaveCrawl(ctx, store.CrawlRecord{SiteID: s.ID, At: at, Platform: "ec-cube", Result: "ok",
			Fetches: []crawler.Fetch{{URL: u, Kind: crawler.KindDetail, FetchedAt: at, Status: 200,
				ContentType: "text/html; charset=utf-8", Charset: "utf-8", Body: body, Readable: true}},
			Observations: []judge.Observation{obs}}); err != nil {
			b.Fatal(err)
		}
		ep := judge.Episode{Key: fmt.Sprintf("k%d", i), Status: judge.Suspected, Score: 0.8, Opened: at, FirstFlagged: at, Updated: at,
			Factors:  []judge.Factor{{Name: "notice_label", Contribution: 0.6, Detail: "suspicious"}},
			Evidence: []judge.Observation{obs}, History: []judge.Transition{{Status: judge.Suspected, At: at}}}
		if err := db.SaveEpisodes(ctx, s.ID, []judge.Episode{ep}); err != nil {
			b.Fatal(err)
		}
	}
	return db, at.Add(72 * time.Hour)
}

// BenchmarkServeFeed: the feed handler answering plain GETs over a real store
// of 100 flagged sites, against building and rendering the same feed from
// episodes already in memory (the store read and HTTP excluded), timed in the
// same iterations. ratio = served req/s ÷ in-memory renders/s.
func BenchmarkServeFeed(b *testing.B) {
	db, now := benchStore(b, 100)
	srv := NewServer(db, ServerOptions{BaseURL: "http://127.0.0.1:8080", Now: func() time.Time { return now }, Logger: slog.New(slog.DiscardHandler)})
	eps, err := feeds.Load(b.Context(), db, feeds.Query{})
	if err != nil || len(eps) == 0 {
		b.Fatalf("%d episodes, %v", len(eps), err)
	}
	for _, format := range []string{"rss", "json"} {
		b.Run(format, func(b *testing.B) {
			var served, rendered time.Duration
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/feed."+format, nil))
				if rec.Code != http.StatusOK || rec.Body.Len() == 0 {
					b.Fatalf("/feed.%s: %d", format, rec.Code)
				}
				t1 := time.Now()
				var buf bytes.Buffer
				if err := feeds.Render(&buf, format, feeds.Build(eps, feeds.Options{BaseURL: "http://127.0.0.1:8080", Now: now})); err != nil {
					b.Fatal(err)
				}
				served += t1.Sub(t0)
				rendered += time.Since(t1)
			}
			b.ReportMetric(float64(b.N)/served.Seconds(), "req/s")
			b.ReportMetric(float64(b.N)/rendered.Seconds(), "renders/s")
			b.ReportMetric(rendered.Seconds()/served.Seconds(), "ratio")
		})
	}
}
