package extract

import (
	"strings"
	"testing"
)

// Rules added for the third blind set, each with the case it must not
// over-reach into.

func TestBlind3NoticeRules(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string // "date title" per notice, date "" when unknown
	}{
		{"several one-line <dd> under one <dt> date are notices of that date",
			`<dl><dt>2026/06/10</dt><dd>カード決済を停止しております</dd><dd>口座番号が変わりました</dd><dt>2026/06/01</dt><dd>新商品を追加しました</dd></dl>`,
			[]string{"2026-06-10 カード決済を停止しております", "2026-06-10 口座番号が変わりました", "2026-06-01 新商品を追加しました"}},
		{"a linked title <dd> and an excerpt <dd> are one notice",
			`<dl><dt>2026/06/10</dt><dd class="t"><a href="/n/1">カード決済停止</a></dd><dd class="t">本日より停止します</dd><dt>2026/06/01</dt><dd class="t"><a href="/n/2">新商品</a></dd><dd class="t">追加しました</dd></dl>`,
			[]string{"2026-06-10 カード決済停止", "2026-06-01 新商品"}},
		{"rows under a rowspan date cell share its date",
			`<table><tr><th rowspan="2">2026.06.13</th><td><a href="/n/21">カード決済停止</a></td></tr><tr><td>夏季休業のご案内</td></tr>
			<tr><th>2026.06.02</th><td><a href="/n/19">新茶発売</a></td></tr></table>`,
			[]string{"2026-06-13 カード決済停止", "2026-06-13 夏季休業のご案内", "2026-06-02 新茶発売"}},
		{"an undated row without rowspan keeps its date unknown",
			`<table><tr><th>2026.06.13</th><td><a href="/n/21">カード決済停止</a></td></tr><tr><td><a href="/n/20">夏季休業のご案内</a></td></tr>
			<tr><th>2026.06.02</th><td><a href="/n/19">新茶発売</a></td></tr></table>`,
			[]string{"2026-06-13 カード決済停止", " 夏季休業のご案内", "2026-06-02 新茶発売"}},
		{"a phone number is no date",
			`<table><tr><th>販売業者</th><td>森田養蜂場</td></tr><tr><th>電話番号</th><td>0575-00-0000(受付時間 9時から17時)</td></tr><tr><th>所在地</th><td>岐阜県</td></tr></table>`,
			nil},
		{"a date that is no real day still opens a notice, its date unknown",
			`<ul><li>2026/02/30 休業のお知らせ</li><li>2026/05/01 新商品入荷</li></ul>`,
			[]string{" 休業のお知らせ", "2026-05-01 新商品入荷"}},
		{"a title cut short is read whole from the title attribute; an image link from it",
			`<ul><li><span>2026年6月12日</span><a href="/n/3" title="クレジットカード決済の一時停止と代替のお支払い方法について">クレジットカード決済の一時停止と代替の…</a></li>
			<li><span>2026年6月1日</span><a href="/n/2" title="ギフト特集を公開しました"><img src="/b.jpg" alt=""></a></li>
			<li><span>2026年5月25日</span><a href="/n/1" title="詳細ページへ">送料改定のお知らせ</a></li></ul>`,
			[]string{"2026-06-12 クレジットカード決済の一時停止と代替のお支払い方法について", "2026-06-01 ギフト特集を公開しました", "2026-05-25 送料改定のお知らせ"}},
	}
	for _, tt := range tests {
		got := dateTitles(Page(top, tt.html, ref))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestBlind3NoticeBodies(t *testing.T) {
	tests := []struct {
		name, html          string
		title, body, detail string // of the first notice
	}{
		{"the <dd> after a titled <dt> is its body, with its detail link",
			`<dl class="newslist"><div><dt><span class="date">2026/06/12</span> <span class="news_title">カード決済休止</span></dt><dd>当面の間休止します。<br><a href="/user_data/card">詳しくはこちら</a></dd></div>
			<div><dt><span class="date">2026/06/05</span> <span class="news_title">予約開始</span></dt><dd>承ります。</dd></div></dl>`,
			"カード決済休止", "当面の間休止します。", top + "user_data/card"},
		{"the blocks after a wrapped dated heading are its body",
			`<div><div class="mod"><h2>2026.6.12 カード決済の一時停止について</h2></div><div class="mod"><p>当面の間停止します。</p></div><div class="mod"><hr></div>
			<div class="mod"><h2>2026.6.2 予約販売を再開しました</h2></div><div class="mod"><p>毎週金曜日の発送です。</p></div></div>`,
			"カード決済の一時停止について", "当面の間停止します。", ""},
		{"a category badge beside a known title is no body",
			`<div class="list"><article class="item"><a href="/n/128/"><div class="meta"><time datetime="2026-06-12">2026.06.12</time><span class="item__cat">重要なお知らせ</span></div><h2 class="item__title">カード決済の停止について</h2></a></article>
			<article class="item"><a href="/n/127/"><div class="meta"><time datetime="2026-06-08">2026.06.08</time><span class="item__cat">新商品</span></div><h2 class="item__title">父の日のアレンジメント</h2></a></article></div>`,
			"カード決済の停止について", "", top + "n/128/"},
	}
	for _, tt := range tests {
		r := Page(top, tt.html, ref)
		if len(r.Notices) == 0 {
			t.Errorf("%s: no notices", tt.name)
			continue
		}
		if n := r.Notices[0]; n.Title != tt.title || n.Body != tt.body || n.DetailURL != tt.detail {
			t.Errorf("%s: got %q / %q / %q, want %q / %q / %q", tt.name, n.Title, n.Body, n.DetailURL, tt.title, tt.body, tt.detail)
		}
	}
}

func TestBlind3PaymentRules(t *testing.T) {
	tests := []struct {
		name, html string
		methods    int
		stopped    bool
	}{
		{"a ※ row under the card row is the card's note",
			`<table><tr><th>クレジットカード</th><td>一括払いのみ</td></tr><tr><td colspan="2"><span style="color:#e00">※現在クレジットカード決済は停止しております。</span></td></tr>
			<tr><th>銀行振込</th><td>前払い</td></tr><tr><th>代金引換</th><td>手数料330円</td></tr></table>`,
			3, true},
		{"a ※ row that stops nothing leaves the card offered",
			`<table><tr><th>クレジットカード</th><td>一括払いのみ</td></tr><tr><td colspan="2">※カード名義はご本人様に限ります。</td></tr>
			<tr><th>銀行振込</th><td>前払い</td></tr></table>`,
			2, false},
		{"method names drawn as images are read from their alt",
			`<h2><img src="c.png" alt="クレジットカード決済"></h2><p>一括払いのみ</p><h2><img src="b.png" alt="銀行振込"></h2><p>前払い</p><h2><img src="s.png" alt="送料について"></h2><p>全国一律</p>`,
			2, false},
	}
	for _, tt := range tests {
		r := Page(top+"guide.html", tt.html, ref)
		if r.Payment == nil {
			t.Errorf("%s: no payment methods", tt.name)
			continue
		}
		if len(r.Payment.Methods) != tt.methods || r.Payment.CardSuspended != tt.stopped {
			t.Errorf("%s: %d methods, card suspended %v; want %d, %v (%+v)", tt.name, len(r.Payment.Methods), r.Payment.CardSuspended, tt.methods, tt.stopped, r.Payment.Methods)
		}
		if len(r.Banners) > 0 {
			t.Errorf("%s: a method's note read as a banner: %+v", tt.name, r.Banners)
		}
	}
}

func TestBlind3BannerRules(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string
	}{
		{"block editor red", `<p class="has-text-color has-vivid-red-color">【重要】クレジットカード決済が一時ご利用いただけません。</p>`,
			[]string{"【重要】クレジットカード決済が一時ご利用いただけません。"}},
		{"block editor red that warns of nothing", `<p class="has-vivid-red-color">夏の新作が入荷しました</p>`, nil},
		{"scrolling text, its loop copy left out",
			`<div class="scrolling-text"><div><span>ただいまクレジットカード決済がご利用いただけません。</span></div><div aria-hidden="true"><span>ただいまクレジットカード決済がご利用いただけません。</span></div></div>`,
			[]string{"ただいまクレジットカード決済がご利用いただけません。"}},
		{"a sticker is no ticker", `<div class="sticker">カード決済</div>`, nil},
	}
	for _, tt := range tests {
		r := Page(top, tt.html, ref)
		var got []string
		for _, b := range r.Banners {
			got = append(got, b.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestLinkTextOverPath(t *testing.T) {
	tests := []struct {
		href, text string
		kind       LinkKind
	}{
		{"/info", "特定商取引法表示", LinkPayment},
		{"/guide/news.html", "お知らせ", LinkNews},
		{"/info.html", "会社概要", LinkNews}, // no telling text: the path decides
		{"/guide/", "ご利用ガイド", LinkPayment},
	}
	for _, tt := range tests {
		r := Page(top, `<a href="`+tt.href+`">`+tt.text+`</a>`, ref)
		if len(r.Links) != 1 || r.Links[0].Kind != tt.kind {
			t.Errorf("%s %s: got %+v, want %s", tt.href, tt.text, r.Links, tt.kind)
		}
	}
}

func TestECCUBE3IsNotECCUBE2(t *testing.T) {
	tests := []struct {
		html, platform string
	}{
		{`<link rel="stylesheet" href="/html/template/default/css/style.min.css?v=3.0.18"><script src="/html/template/default/js/eccube.js?v=3.0.18"></script><div id="news_area"></div>`, PlatformUnknown},
		{`<link rel="stylesheet" href="/user_data/packages/default/css/import.css"><script src="/js/eccube.js"></script>`, PlatformECCUBE2},
		{`<script src="/html/template/default/assets/js/function.js"></script>`, PlatformECCUBE4},
	}
	for _, tt := range tests {
		if r := Page(top, tt.html, ref); r.Platform != tt.platform {
			t.Errorf("%s: platform %s, want %s", tt.html, r.Platform, tt.platform)
		}
	}
}
