package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"maintwatch/crawler"
	"maintwatch/crawler/extract"
	"maintwatch/judge"
	"maintwatch/nlp"
)

var t0 = time.Date(2026, 5, 1, 9, 0, 0, 123456789, time.UTC)

func mustOpen(tb testing.TB) *DB {
	tb.Helper()
	return mustOpenPath(tb, filepath.Join(tb.TempDir(), "w.db"))
}

func mustOpenPath(tb testing.TB, path string) *DB {
	tb.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Error(err)
		}
	})
	return db
}

// mustSites adds n sites https://shopN.example/ and returns their ids.
func mustSites(tb testing.TB, db *DB, n int) []int64 {
	tb.Helper()
	ctx := context.Background()
	var in []SiteInput
	for i := range n {
		in = append(in, SiteInput{URL: fmt.Sprintf("https://shop%d.example/", i+1), Name: fmt.Sprintf("ショップ%d", i+1)})
	}
	if _, err := db.AddSites(ctx, in); err != nil {
		tb.Fatal(err)
	}
	ids := make([]int64, n)
	for i := range n {
		s, err := db.SiteByURL(ctx, in[i].URL)
		if err != nil {
			tb.Fatal(err)
		}
		ids[i] = s.ID
	}
	return ids
}

// page builds a 200 fetch of body.
func page(url string, kind crawler.PageKind, at time.Time, body string) crawler.Fetch {
	return crawler.Fetch{
		URL: url, Kind: kind, FetchedAt: at, Status: 200, ContentType: "text/html; charset=UTF-8",
		ETag: `"` + hashHex([]byte(body))[:8] + `"`, SHA256: hashHex([]byte(body)), Body: []byte(body),
		Charset: "utf-8", Readable: true,
		Links: []extract.Link{{URL: url + "news/", Kind: extract.LinkNews}},
	}
}

// notice builds a NoticeRecord read from the page with hash sum.
func notice(url, title, body, sum string, date time.Time, label nlp.Label) NoticeRecord {
	return NoticeRecord{
		Notice:      extract.Notice{URL: url, Date: date, DateText: date.Format("2006年1月2日"), Title: title, Body: body},
		FetchSHA256: sum,
		Result: nlp.Result{Label: label, Score: 0.9,
			Evidence: []nlp.Evidence{{Text: body, Reason: nlp.ReasonCardStop}}},
		Observation: judge.Observation{URL: url, Date: date, Title: title, Text: body, Label: label, Score: 0.9,
			Reasons: []nlp.Reason{nlp.ReasonCardStop}, Fingerprint: "fp-" + title},
	}
}

func count(tb testing.TB, db *DB, table string) int {
	tb.Helper()
	var n int
	if err := db.r.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

func rawQuery(tb testing.TB, db *sql.DB, q string) string {
	tb.Helper()
	var s string
	if err := db.QueryRow(q).Scan(&s); err != nil {
		tb.Fatal(err)
	}
	return s
}

func wantErrContains(tb testing.TB, err error, sub string) {
	tb.Helper()
	if err == nil || !strings.Contains(err.Error(), sub) {
		tb.Fatalf("error = %v, want one containing %q", err, sub)
	}
}

// cycle builds site's i-th crawl: a new news page body and two new notices.
func cycle(site int64, i int) CrawlRecord {
	at := t0.Add(time.Duration(i) * time.Minute)
	u := fmt.Sprintf("https://shop%d.example/news/", site)
	f := page(u, crawler.KindNews, at, fmt.Sprintf("<ul><li>%d-1</li><li>%d-2</li></ul>%s", i, i, strings.Repeat("お知らせ", 50)))
	return CrawlRecord{
		SiteID: site, At: at, Platform: "eccube4", Result: "ok",
		Fetches: []crawler.Fetch{f},
		Notices: []NoticeRecord{
			notice(u+fmt.Sprint(i, "-1"), fmt.Sprintf("お知らせ %d-1", i), "カード決済を停止しております。", f.SHA256, at, nlp.Suspicious),
			notice(u+fmt.Sprint(i, "-2"), fmt.Sprintf("お知らせ %d-2", i), "営業日のご案内", f.SHA256, at, nlp.Unrelated),
		},
		Observations: []judge.Observation{{Kind: judge.KindCrawl}},
	}
}
