package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"maintwatch/crawler"
	"maintwatch/judge"
	"maintwatch/nlp"
)

// jpWords are shop-page words; pages built from them compress roughly like
// real Japanese shop HTML (markup repeats, text does not).
var jpWords = strings.Fields(`新着 商品 入荷 送料 無料 セール 開催 お知らせ 営業日 休業 ご注文 発送 配送 会員 登録
	ポイント 特典 キャンペーン 限定 数量 予約 受付 終了 開始 価格 改定 お客様 いつも ご利用 ありがとう ございます
	クレジットカード 決済 銀行振込 代金引換 コンビニ 後払い 返品 交換 規約 店舗 営業 時間 年末年始 夏季 休暇
	メンテナンス 障害 復旧 完了 予定 本日 より 当面 の間 停止 再開 いたします しております 詳細 こちら カテゴリー`)

// shopPage renders a page of about size bytes: a fixed template around
// items whose words are drawn from rng.
func shopPage(rng *rand.Rand, title string, size int) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>` + title +
		`</title><link rel="stylesheet" href="/css/style.css"></head><body><header class="site-header"><nav><ul>` +
		`<li><a href="/">ホーム</a></li><li><a href="/news/">お知らせ</a></li><li><a href="/guide/">ご利用ガイド</a></li></ul></nav></header><main>`)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `<div class="item"><a href="/products/detail/%d"><img src="/upload/%d.jpg" alt=""><p class="name">`, rng.IntN(9000), rng.IntN(9000))
		for range 8 + rng.IntN(8) {
			b.WriteString(jpWords[rng.IntN(len(jpWords))])
		}
		fmt.Fprintf(&b, `</p><p class="price">%d円(税込)</p></a></div>`+"\n", 500+rng.IntN(20000))
	}
	b.WriteString(`</main><footer>Copyright © shop. All rights reserved.</footer></body></html>`)
	return b.String()
}

// dailyCrawl is one shop's day: the top page changes daily (new arrivals),
// the news page weekly with one new notice, the payment page never.
func dailyCrawl(site int64, day int) CrawlRecord {
	at := t0.Add(time.Duration(day) * 24 * time.Hour)
	top := fmt.Sprintf("https://shop%d.example/", site)
	rng := rand.New(rand.NewPCG(uint64(site), uint64(day)))
	f := []crawler.Fetch{page(top, crawler.KindTop, at, shopPage(rng, "トップ", 40000))}
	week := rand.New(rand.NewPCG(uint64(site), uint64(day/7)+1e6))
	news := page(top+"news/", crawler.KindNews, at, shopPage(week, "お知らせ", 15000))
	pay := rand.New(rand.NewPCG(uint64(site), 2e6))
	f = append(f, news, page(top+"guide/", crawler.KindPayment, at, shopPage(pay, "ご利用ガイド", 12000)))
	f = append(f, crawler.Fetch{URL: top + "robots.txt", Kind: crawler.KindRobots, FetchedAt: at, Status: 200,
		Body: []byte("User-agent: *\nDisallow: /cart/\n")})
	rec := CrawlRecord{SiteID: site, At: at, Platform: "eccube4", Result: "ok", Fetches: f,
		Observations: []judge.Observation{{Kind: judge.KindCrawl}, {Kind: judge.KindPayment, URL: top + "guide/", CardAvailable: true, OtherMethods: true}}}
	if day%7 == 0 {
		rec.Notices = []NoticeRecord{notice(top+fmt.Sprintf("news/%d", day), fmt.Sprintf("%d日のお知らせ", day),
			strings.Repeat("いつもご利用いただきありがとうございます。", 5), news.SHA256, at, nlp.Unrelated)}
	}
	return rec
}

// BenchmarkSaveCrawl: one shop's daily cycle (4 fetches, 67 KB of new or
// repeated bodies) per op, on a file database.
func BenchmarkSaveCrawl(b *testing.B) {
	ctx := context.Background()
	db := mustOpen(b)
	ids := mustSites(b, db, 50)
	recs := make([]CrawlRecord, 0, 64)
	for i := range cap(recs) {
		recs = append(recs, dailyCrawl(ids[i%len(ids)], i/len(ids)))
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		rec := recs[i%len(recs)]
		rec.At = rec.At.Add(time.Duration(i) * time.Second)
		if _, err := db.SaveCrawl(ctx, rec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkThirtyDays stores 30 daily crawls of 200 shops, then prunes
// snapshots older than 7 days, and reports the database size before and
// after (MB) and the snapshot compression ratio. Run it alone:
//
//	go test -run '^$' -bench ThirtyDays -benchtime 1x ./store/
func BenchmarkThirtyDays(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		db, err := Open(ctx, filepath.Join(b.TempDir(), "month.db"))
		if err != nil {
			b.Fatal(err)
		}
		ids := mustSites(b, db, 200)
		for day := range 30 {
			for _, id := range ids {
				if _, err := db.SaveCrawl(ctx, dailyCrawl(id, day)); err != nil {
					b.Fatal(err)
				}
			}
		}
		st, err := db.Stats(ctx)
		if err != nil {
			b.Fatal(err)
		}
		n, err := db.PruneSnapshots(ctx, t0.Add(23*24*time.Hour))
		if err != nil {
			b.Fatal(err)
		}
		after, err := db.Stats(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(st["db_bytes"])/1e6, "MB-30days")
		b.ReportMetric(float64(st["snapshot_raw_bytes"])/float64(st["snapshot_bytes"]), "gzip-ratio")
		b.ReportMetric(float64(after["snapshot_bytes"])/1e6, "MB-snapshots-kept-7d")
		b.ReportMetric(float64(n), "snapshots-pruned")
		b.ReportMetric(float64(st["fetches"]), "fetches")
		db.Close()
	}
}
