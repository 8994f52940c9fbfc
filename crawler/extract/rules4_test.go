package extract

import (
	"strings"
	"testing"
)

// Rules added for the fourth blind set, each with the case it must not
// over-reach into.

func TestBlind4NoticeRules(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string // "date title" per notice, date "" when unknown
	}{
		{"a comment-count link beside the date names no post: the heading does",
			`<div class="list"><div class="item"><h2><a href="/blogs/news/a">カード決済メンテナンス</a></h2><p class="d"><span>June 12, 2026</span> • <a href="/blogs/news/a#comments">0 comments</a></p></div>
			<div class="item"><h2><a href="/blogs/news/b">新作スツール</a></h2><p class="d"><span>Jun 4, 2026</span> • <a href="/blogs/news/b#comments">2 comments</a></p></div></div>`,
			[]string{"2026-06-12 カード決済メンテナンス", "2026-06-04 新作スツール"}},
		{"a link that only speaks of comments in its title is still a title",
			`<ul><li>2026.06.12 <a href="/n/2">お客様のコメントをご紹介します</a></li><li>2026.06.01 <a href="/n/1">新商品</a></li></ul>`,
			[]string{"2026-06-12 お客様のコメントをご紹介します", "2026-06-01 新商品"}},
		{"short cells before the date cell are a category column",
			`<table><tr><td class="cat">SHOP</td><td>'26.06.12</td><td>カード決済停止中</td></tr><tr><td>重要</td><td>'26.06.05</td><td>夏季休業のご案内</td></tr></table>`,
			[]string{"2026-06-12 カード決済停止中", "2026-06-05 夏季休業のご案内"}},
		{"a long first cell is no category: it stays in the title",
			`<table><tr><td>クレジットカード決済停止のお知らせと今後について</td><td>2026.06.12</td><td>更新しました</td></tr><tr><td>夏季休業のご案内と発送予定について</td><td>2026.06.05</td><td>掲載しました</td></tr></table>`,
			[]string{"2026-06-12 クレジットカード決済停止のお知らせと今後について 更新しました", "2026-06-05 夏季休業のご案内と発送予定について 掲載しました"}},
		{"bold lines before dates alone on their lines are the titles",
			`<div><b>カード決済の休止について</b><br>2026/6/11(木)<br>当面の間休止します。<hr><strong>通販再開</strong><br>2026/6/5(金)<br>再開しました。<hr></div>`,
			[]string{"2026-06-11 カード決済の休止について", "2026-06-05 通販再開"}},
		{"a bold word inside a sentence line is no title line",
			`<div>ご注文は<b>お電話で</b><br>2026/6/11(木)<br>臨時休業いたします。<hr>お問い合わせは<b>メールで</b><br>2026/6/5(金)<br>通販を再開しました。<hr></div>`,
			[]string{"2026-06-11 臨時休業いたします。", "2026-06-05 通販を再開しました。"}},
		{"a run of dated items after separator marks is split",
			`<marquee>2026.06.12 カード決済一時停止のお知らせ ★ 2026.06.06 麦みその予約開始 ◆ 2026.05.30 送料改定</marquee>`,
			[]string{"2026-06-12 カード決済一時停止のお知らせ", "2026-06-06 麦みその予約開始", "2026-05-30 送料改定"}},
		{"a dated clause after a mark that opens a sentence is not an item",
			`<ul><li>2026.06.12 価格改定のお知らせ ★ 2026年7月1日より新価格</li><li>2026.06.01 新商品入荷</li></ul>`,
			[]string{"2026-06-12 価格改定のお知らせ ★ 2026年7月1日より新価格", "2026-06-01 新商品入荷"}},
	}
	for _, tt := range tests {
		got := dateTitles(Page(top, tt.html, ref))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestBlind4TickerBanner(t *testing.T) {
	r := Page(top, `<table><tr><td><marquee><font color="white">2026.06.12 カード決済一時停止のお知らせ ★ 2026.06.06 麦みその予約開始</font></marquee></td></tr></table><p>本文</p>`, ref)
	if len(r.Banners) != 1 || !strings.Contains(r.Banners[0].Text, "カード決済一時停止") || len(r.Notices) != 2 {
		t.Errorf("ticker of news items: banners %+v, %d notices", r.Banners, len(r.Notices))
	}
	// A news list that does not scroll stays news only.
	r = Page(top, `<ul class="news"><li>2026.06.12 カード決済一時停止のお知らせ</li><li>2026.06.06 麦みその予約開始</li></ul>`, ref)
	if len(r.Banners) != 0 || len(r.Notices) != 2 {
		t.Errorf("plain list: banners %+v, %d notices", r.Banners, len(r.Notices))
	}
}

func TestBlind4Links(t *testing.T) {
	page := `<h2>NEWS</h2><iframe src="news.html"></iframe>
	<div class="box"><h3>お知らせ</h3><div><iframe src="/frames/latest.html"></iframe></div></div>
	<h2>アクセス</h2><iframe src="map.html"></iframe>
	<iframe src="/whatsnew.html"></iframe>
	<h2>お知らせ</h2><iframe src="/img/news.jpg"></iframe>
	<h2>NEWS</h2><iframe src="https://other.example.com/news.html"></iframe>
	<iframe src="/cal.html" title="営業日カレンダー"></iframe>
	<a href="/blogs/journal">読みもの</a> <a href="/blogs/journal/card-stop">カード決済停止</a>
	<a href="/shopping/">お買いものについて</a> <a href="/kaimono/">お買いもの</a>`
	r := Page(top, page, ref)
	got := map[string]LinkKind{}
	for _, l := range r.Links {
		got[strings.TrimPrefix(l.URL, strings.TrimSuffix(top, "/"))] = l.Kind
	}
	want := map[string]LinkKind{"/news.html": LinkNews, "/frames/latest.html": LinkNews, "/whatsnew.html": LinkNews,
		"/blogs/journal": LinkNews, "/shopping/": LinkPayment}
	for u, k := range want {
		if got[u] != k {
			t.Errorf("%s: %q, want %q", u, got[u], k)
		}
	}
	for _, u := range []string{"/map.html", "/img/news.jpg", "/cal.html", "/blogs/journal/card-stop", "/kaimono/"} {
		if k, ok := got[u]; ok && k != LinkDetail {
			t.Errorf("%s read as %q", u, k)
		}
	}
	for u := range got {
		if strings.Contains(u, "other.example.com") {
			t.Errorf("another site's frame: %s", u)
		}
	}
}

func TestBlind4BylineDate(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"a posting label anywhere in the byline gives the date",
			`<main><h1>カード決済についてのお詫び</h1><div class="meta">投稿者:店長 カテゴリー:お知らせ 投稿日:2026年6月9日</div><p>現在クレジットカードがご利用いただけません。</p></main>`,
			"2026-06-09"},
		{"the posting date wins over the update date in one byline",
			`<main><h1>カード決済についてのお詫び</h1><div class="meta">最終更新日:2026年6月12日 投稿日:2026年6月9日</div><p>現在クレジットカードがご利用いただけません。</p></main>`,
			"2026-06-09"},
		{"an event's date after another label is no posting date",
			`<main><h1>新作発売のお知らせ</h1><div class="meta">作家:山田 発売日:2026年7月1日</div><p>新作を発売します。</p></main>`,
			""},
	}
	for _, tt := range tests {
		n := Detail(top+"news/1", `<html><body>`+tt.html+`</body></html>`, ref)
		if got := dateString(n); got != tt.want {
			t.Errorf("%s: date %q, want %q", tt.name, got, tt.want)
		}
	}
}
