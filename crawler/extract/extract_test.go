package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

const top = "https://shop.example.jp/"

func TestPlatform(t *testing.T) {
	tests := []struct {
		html, platform, version string
	}{
		{`<script src="/js/eccube.js"></script><script src="/js/eccube.legacy.js"></script>`, PlatformECCUBE2, "2.13"},
		{`<script src="/js/eccube.js"></script>`, PlatformECCUBE2, "2.13+"},
		{`<script src="/js/win_op.js"></script>`, PlatformECCUBE2, "2.12-"},
		{`<meta name="eccube-csrf-token" content="x">`, PlatformECCUBE4, "4"},
		{`<img src="https://gigaplus.makeshop.jp/x/logo.png">`, PlatformMakeShop, ""},
		{`<img src="https://img21.shop-pro.jp/PA01/1.jpg">`, PlatformColorMe, ""},
		{`<link href="//x.jp/cdn/shop/t/5/assets/base.css">`, PlatformShopify, ""},
		{`<img src="https://baseec-img-mng.akamaized.net/images/x.png">`, PlatformBASE, ""},
		{`<script>window.STORES_JP = {}</script>`, PlatformSTORES, ""},
		{`<meta name="generator" content="WordPress 6.5.3"><link href="/wp-content/themes/a.css">`, PlatformWordPress, "6.5.3"},
		{`<meta name="generator" content="WooCommerce 8.9.1"><link href="/wp-content/x.css">`, PlatformWooCommerce, "8.9.1"},
		{`<link href="/wp-content/plugins/usc-e-shop/css/usces_default.css?ver=2.9.12">`, PlatformWelcart, "2.9.12"},
		// A WordPress blog that links to its BASE shop is still WordPress
		// only if it shows no BASE asset; a BASE image makes it BASE.
		{`<a href="https://example.thebase.in/">shop</a><link href="/wp-content/x.css">`, PlatformBASE, ""},
		{`<a href="/fs/honnomori/c/a">a</a><a href="/fs/honnomori/b">b</a><img src="/fs/honnomori/img/c.png">`, PlatformFutureShop, ""},
		{`<a href="/fs/x/">one link is not enough</a>`, PlatformUnknown, ""},
		{`<p>こんにちは</p>`, PlatformUnknown, ""},
	}
	for _, tt := range tests {
		r := Page(top, tt.html, ref)
		if r.Platform != tt.platform || r.PlatformVersion != tt.version {
			t.Errorf("%s: got %s %q, want %s %q", tt.html, r.Platform, r.PlatformVersion, tt.platform, tt.version)
		}
	}
}

func TestLinks(t *testing.T) {
	src := `<base href="/sub/">
<a href="news/">NEWS</a>
<a href="https://shop.example.jp/?mode=f1">フリーページ</a>
<a href="/whatsnew.html">更新</a>
<a href="/category/news/">カテゴリ</a>
<a href="/blogs/news">Blog</a>
<a href="/news/2026/card-stop">一部商品のお知らせを掲載しました、詳しくはこちらをご覧ください</a>
<a href="/help/tradelaw">表記</a>
<a href="/?mode=sk#payment">お支払い</a>
<a href="/pages/tokushoho">特商法</a>
<a href="/law">law</a>
<a href="/page.html">お支払い方法</a>
<a href="https://other.example.jp/news/">お知らせ</a>
<a href="javascript:void(0)">お知らせ</a>
<a href="mailto:a@b.jp">ご利用ガイド</a>
<a href="#top">お知らせ</a>
<a href="/items/1">新着情報</a>
<map name="m"><area shape="rect" coords="0,0,10,10" href="/oshirase.html" alt="お知らせ"><area href="/shiharai.html" alt="お支払い方法"></map>`
	want := map[string]LinkKind{
		"https://shop.example.jp/sub/news/":       LinkNews,
		"https://shop.example.jp/?mode=f1":        LinkNews,
		"https://shop.example.jp/whatsnew.html":   LinkNews,
		"https://shop.example.jp/category/news/":  LinkNews,
		"https://shop.example.jp/blogs/news":      LinkNews,
		"https://shop.example.jp/help/tradelaw":   LinkPayment,
		"https://shop.example.jp/?mode=sk":        LinkPayment,
		"https://shop.example.jp/pages/tokushoho": LinkPayment,
		"https://shop.example.jp/law":             LinkPayment,
		"https://shop.example.jp/page.html":       LinkPayment,
		"https://shop.example.jp/items/1":         LinkNews,
		"https://shop.example.jp/oshirase.html":   LinkNews,
		"https://shop.example.jp/shiharai.html":   LinkPayment,
	}
	got := map[string]LinkKind{}
	for _, l := range Page(top, src, ref).Links {
		got[l.URL] = l.Kind
	}
	for u, k := range want {
		if got[u] != k {
			t.Errorf("%s: got %q, want %q", u, got[u], k)
		}
	}
	for u := range got {
		if _, ok := want[u]; !ok {
			t.Errorf("unexpected link %s (%s)", u, got[u])
		}
	}
}

func TestSuspended(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"クレジットカード決済 ※現在停止中です", true},
		{"クレジットカード 一時停止しております", true},
		{"クレジットカード決済は休止しております。", true},
		{"ただいまクレジットカードはご利用いただけません。", true},
		{"システムメンテナンスのため、ご利用いただけません。", true},
		{"お取り扱いを停止しております", true},
		{"VISA・JCBがご利用いただけます。", false},
		{"※デビットカード・プリペイドカードは現在ご利用いただけません。", false},
		{"代金引換 ※離島はご利用いただけません。", false},
		{"クレジットカード決済を再開いたしました。", false},
		{"一時停止しておりましたクレジットカード決済を再開いたしました。", false},
		{"6月1日に再開しました。※ただし一部カードは現在停止中です。", true},
	}
	for _, tt := range tests {
		if got := suspended(tt.text); got != tt.want {
			t.Errorf("suspended(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestPaymentCommaList(t *testing.T) {
	src := `<table><tr><th>お支払い方法</th><td>クレジットカード(ただいまご利用いただけません)、銀行振込<br>代金引換</td></tr></table>`
	p := Page(top, src, ref).Payment
	if p == nil {
		t.Fatal("no payment")
	}
	var names []string
	for _, m := range p.Methods {
		names = append(names, m.Name)
	}
	if strings.Join(names, "|") != "クレジットカード(ただいまご利用いただけません)|銀行振込|代金引換" {
		t.Fatalf("methods %q", names)
	}
	if !p.CardOffered || !p.CardSuspended {
		t.Fatalf("card offered %v suspended %v, want both", p.CardOffered, p.CardSuspended)
	}
}

// A news list that mentions card payment is not a payment-methods page.
func TestPaymentNotFromNews(t *testing.T) {
	src := `<ul><li>2026.06.01 クレジットカード決済停止のお知らせ</li><li>2026.05.01 銀行振込口座変更のお知らせ</li></ul>`
	r := Page(top, src, ref)
	if r.Payment != nil {
		t.Fatalf("payment from news: %+v", r.Payment)
	}
	if len(r.Notices) != 2 {
		t.Fatalf("got %d notices, want 2", len(r.Notices))
	}
}

func TestBanners(t *testing.T) {
	src := `<div id="cookie-notice">当サイトはCookieを使用します。同意してください。</div>
<div class="important-notice">【重要】クレジットカード決済停止のお知らせ</div>
<p class="notice">※表示価格はすべて税込です</p>
<div id="modal-info" style="display:none">ただいまカード決済はご利用いただけません</div>
<p><font color="#FF0000">カード決済メンテナンス中</font></p>
<p><font color="red">SALE 50%OFF</font></p>
<p><span style="color: red !important">決済のご案内: 停止しています</span></p>
<marquee>システム障害のためカード決済を停止中</marquee>
<p class="txtRed">年末年始休業のお知らせ</p>
<p class="red">新商品入荷</p>`
	var got []string
	for _, b := range Page(top, src, ref).Banners {
		got = append(got, b.Text)
	}
	want := "【重要】クレジットカード決済停止のお知らせ|ただいまカード決済はご利用いただけません|カード決済メンテナンス中|決済のご案内: 停止しています|システム障害のためカード決済を停止中|年末年始休業のお知らせ"
	if strings.Join(got, "|") != want {
		t.Fatalf("banners %q, want %q", got, want)
	}
}

// A shop page that announces maintenance is not a maintenance page.
func TestMaintenanceNotOnShopPage(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<title>ショップ</title><h1>ショップ</h1><p>システムメンテナンス中のお知らせ</p><ul>`)
	for i := 0; i < 12; i++ {
		b.WriteString(`<li><a href="/items/1">商品</a></li>`)
	}
	b.WriteString(`</ul>`)
	if Page(top, b.String(), ref).Maintenance {
		t.Fatal("shop page taken for a maintenance page")
	}
}

func TestNoticeShapes(t *testing.T) {
	tests := []struct {
		name, html, title, body, date string
	}{
		{"dl pairs", `<dl><dt>2026/06/01</dt><dd><a href="/n/1">カード決済停止</a></dd><dt>2026/05/01</dt><dd>別件</dd></dl>`, "カード決済停止", "", "2026-06-01"},
		{"br lines", `<div>2026.06.01 カード決済停止<br>2026.05.01 別件<br></div>`, "カード決済停止", "", "2026-06-01"},
		{"table wareki", `<table><tr><td>令和８年６月１日</td><td><b>ｶｰﾄﾞ決済停止</b><br>当面の間停止します。</td></tr><tr><td>令和8年5月1日</td><td>別件</td></tr></table>`, "カード決済停止", "当面の間停止します。", "2026-06-01"},
		{"bracket date", `<ul><li>[2026/06/01] カード決済停止</li><li>[2026/05/01] 別件</li></ul>`, "カード決済停止", "", "2026-06-01"},
		{"yearless weekday", `<ul><li>6/1(月) カード決済停止</li><li>5/1(金) 別件</li></ul>`, "カード決済停止", "", "2026-06-01"},
		{"eccube2 without title dt", `<dl class="newslist"><dt>2026.06.01</dt><dd><a href="/user_data/a.php">カード決済停止</a><br>当面の間停止します。</dd></dl><dl class="newslist"><dt>2026.05.01</dt><dd>別件</dd></dl>`, "カード決済停止", "当面の間停止します。", "2026-06-01"},
		{"weekday after full date", `<ul><li>2026年6月1日（月）カード決済停止</li><li>2026年5月1日（金）別件</li></ul>`, "カード決済停止", "", "2026-06-01"},
		{"new badge", `<dl><dt>2026.06.01</dt><dd>カード決済停止 <span class="new">NEW!</span></dd><dt>2026.05.01</dt><dd>New Arrival 入荷</dd></dl>`, "カード決済停止", "", "2026-06-01"},
		{"kanji numerals", `<table><tr><td>令和八年六月一日</td><td>カード決済停止</td></tr><tr><td>令和八年五月一日</td><td>別件</td></tr></table>`, "カード決済停止", "", "2026-06-01"},
		{"br paragraphs", `<div>2026.06.01<br>カード決済停止<br>一行目<br>二行目<br>三行目<br>四行目<br>五行目<br>六行目<br><br>2026.05.01<br>別件<br></div>`, "カード決済停止", "一行目 二行目 三行目 四行目 五行目 六行目", "2026-06-01"},
		{"welcart archive", `<div class="post-li"><article class="post"><p><time datetime="2026-06-01T10:00:00+09:00">2026/06/01</time></p><div class="post-title"><a href="/n/1">カード決済停止</a></div><p>当面の間停止します。</p></article><article class="post"><p><time datetime="2026-05-01T10:00:00+09:00">2026/05/01</time></p><div class="post-title"><a href="/n/2">別件</a></div></article></div>`, "カード決済停止", "当面の間停止します。", "2026-06-01"},
		{"item inside its link", `<div><a href="/n/1"><dl><dt>2026.06.01</dt><dd>カード決済停止</dd></dl></a><a href="/n/2"><dl><dt>2026.05.01</dt><dd>別件</dd></dl></a></div>`, "カード決済停止", "", "2026-06-01"},
		{"date after title in brackets", `<ul><li>カード決済停止[2026年6月1日]</li><li>別件[2026年5月1日]</li></ul>`, "カード決済停止", "", "2026-06-01"},
		{"date after linked title on br lines", `<p>・<a href="/n/1">カード決済停止</a>（2026/6/1）<br>・<a href="/n/2">別件</a>（2026/5/1）<br></p>`, "カード決済停止", "", "2026-06-01"},
		{"date after title with a space", `<div>カード決済停止　2026.06.01<br>別件　2026.05.01<br></div>`, "カード決済停止", "", "2026-06-01"},
		{"bad date kept as text", `<ul><li>2026/02/30 カード決済停止</li><li>2026/05/01 別件</li></ul>`, "カード決済停止", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns := Page(top, tt.html, ref).Notices
			if len(ns) != 2 {
				t.Fatalf("got %d notices, want 2: %+v", len(ns), ns)
			}
			n := ns[0]
			date := ""
			if !n.Date.IsZero() {
				date = n.Date.Format("2006-01-02")
			}
			if n.Title != tt.title || n.Body != tt.body || date != tt.date {
				t.Fatalf("got %q %q %q, want %q %q %q", n.Title, n.Body, date, tt.title, tt.body, tt.date)
			}
		})
	}
}

// Deep nesting and huge inputs must finish and stay bounded. (Timings are
// in the benchmarks of hostile_bench_test.go.)
func TestHostileInputs(t *testing.T) {
	deep := strings.Repeat("<div>", 3000) + "2026.06.01 カード決済停止" + strings.Repeat("</div>", 3000)
	Page(top, deep, ref)
	Detail(top, deep, ref)
	lists := strings.Repeat("<ul><li>クレジットカード 2026.06.01 x", 3000)
	Page(top, lists, ref)
	Detail(top, lists, ref)
	tables := strings.Repeat("<table><tr><td>2026.06.01 お支払い方法", 1000)
	Page(top, tables, ref)

	// Past maxInput the page is cut on a rune boundary (Page on a 4 MiB
	// page is timed in BenchmarkPageHugeList, not here: race builds are slow).
	huge := strings.Repeat("あ", maxInput/3+10)
	if c := capped(huge); len(c) > maxInput || !utf8.ValidString(c) || len(c) < maxInput-3 {
		t.Fatalf("capped to %d bytes (valid %v), want just under %d", len(c), utf8.ValidString(c), maxInput)
	}
	many := strings.Repeat("<li>2026.06.01 <a href='/n'>お知らせ</a></li>", maxNotices+50)
	if r := Page(top, "<ul>"+many+"</ul>", ref); len(r.Notices) != maxNotices {
		t.Fatalf("%d notices, want the cap %d", len(r.Notices), maxNotices)
	}
}

// Dates that are not news items do not make notices.
func TestNoNoticeFromStrayDates(t *testing.T) {
	for _, src := range []string{
		`<footer><p>最終更新日: 2026年6月1日</p><p>Copyright 2026</p></footer>`,
		`<p>6月1日より営業時間が変わります。詳しくは店頭で。</p>`,
		`<ul><li>送料1/2キャンペーン実施中</li><li>3/4サイズ</li></ul>`,
		`<p>お問い合わせ TEL 0120-12-3456 (平日10:00〜17:00)</p>`,
		// A date after a label is the event's, not a post's.
		`<ul><li>新作バッグ 発売日 2026/07/01</li><li>夏の福袋 入荷予定 2026/07/10</li></ul>`,
		`<p>次回の入荷は2026年7月1日</p>`,
	} {
		if ns := Page(top, src, ref).Notices; len(ns) != 0 {
			t.Errorf("%s: got notices %+v", src, ns)
		}
	}
}

func TestDetailShapes(t *testing.T) {
	tests := []struct {
		name, html, title, date, bodyHas, bodyNot string
	}{
		{"title tag only", `<title>カード決済停止のお知らせ | ショップ</title><body><p>システム不具合のため停止します。</p></body>`,
			"カード決済停止のお知らせ", "", "システム不具合", ""},
		{"logo h1 in header div", `<div id="header"><h1>ショップ名</h1></div><div id="contents"><h2>カード決済停止</h2><p>2026.06.01</p><p>停止します。詳細は追ってお知らせします。</p></div><div id="footer">会社概要</div>`,
			"カード決済停止", "2026-06-01", "停止します。", "会社概要"},
		{"date in title is the event", `<div class="entry"><h1>6月10日(水)メンテナンスのお知らせ</h1><p>掲載日: 2026年6月1日</p><p>6月10日にメンテナンスを行います。</p></div>`,
			"6月10日(水)メンテナンスのお知らせ", "2026-06-01", "メンテナンスを行います", ""},
		{"no date", `<article><h1>お知らせ</h1><p>ただいまカード決済をご利用いただけません。</p></article>`,
			"お知らせ", "", "カード決済", ""},
		{"notice as a picture", `<main><h1>重要なお知らせ</h1><p><img src="n.jpg" alt="システム不具合のためクレジットカード決済を停止しております"></p><p><img src="spacer.gif" alt=""></p></main>`,
			"重要なお知らせ", "", "クレジットカード決済を停止", ""},
		{"nav dropped", `<nav><a href="/">トップ</a><a href="/news">お知らせ一覧</a></nav><main><h1>休業</h1><p>本日は休業いたします。よろしくお願いします。</p></main><aside>人気商品ランキング</aside>`,
			"休業", "", "本日は休業", "ランキング"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Detail("https://shop.example.jp/n/1", tt.html, ref)
			date := ""
			if !n.Date.IsZero() {
				date = n.Date.Format("2006-01-02")
			}
			if n.Title != tt.title || date != tt.date {
				t.Fatalf("title %q date %q, want %q %q", n.Title, date, tt.title, tt.date)
			}
			if !strings.Contains(n.Body, tt.bodyHas) || (tt.bodyNot != "" && strings.Contains(n.Body, tt.bodyNot)) {
				t.Fatalf("body %q: want %q, not %q", n.Body, tt.bodyHas, tt.bodyNot)
			}
			if n.URL != "https://shop.example.jp/n/1" {
				t.Fatalf("url %q", n.URL)
			}
		})
	}
}

// EC-CUBE 4 Help/tradelaw.twig: one <dl> per row in .ec-borderedDefs.
func TestPaymentTradelawDefs(t *testing.T) {
	tests := []struct {
		name, value              string
		methods                  int
		cardOffered, cardStopped bool
	}{
		{"card listed", `クレジットカード決済<br>銀行振込<br>代金引換`, 3, true, false},
		{"card removed", `銀行振込<br>代金引換`, 2, false, false},
		{"card stopped", `クレジットカード決済(現在停止中)、銀行振込、代金引換`, 3, true, true},
		{"remark line", `・クレジットカード<br>※ただいまシステムメンテナンスのためご利用いただけません<br>・銀行振込`, 2, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `<div class="ec-borderedDefs"><dl id="trade_term02"><dt>注文方法</dt><dd>インターネット</dd></dl>` +
				`<dl id="trade_term03"><dt>支払方法</dt><dd>` + tt.value + `</dd></dl>` +
				`<dl id="trade_term04"><dt>支払期限</dt><dd>銀行振込はご注文後7日以内</dd></dl></div>`
			p := Page(top, src, ref).Payment
			if p == nil {
				t.Fatal("no payment")
			}
			if len(p.Methods) != tt.methods || p.CardOffered != tt.cardOffered || p.CardSuspended != tt.cardStopped {
				t.Fatalf("got %+v", *p)
			}
		})
	}
}

// Items that all link to the same page link to a list, not to details.
func TestSharedDetailURLIsList(t *testing.T) {
	src := `<ul><li>2026.06.01 <a href="/news/">カード決済停止</a></li><li>2026.05.01 <a href="/news/">別件</a></li><li>2026.04.01 <a href="/news/7">三件目</a></li></ul>`
	r := Page(top, src, ref)
	if len(r.Notices) != 3 || r.Notices[0].DetailURL != "" || r.Notices[2].DetailURL != "https://shop.example.jp/news/7" {
		t.Fatalf("notices %+v", r.Notices)
	}
	kinds := map[string]LinkKind{}
	for _, l := range r.Links {
		kinds[l.URL] = l.Kind
	}
	if kinds["https://shop.example.jp/news/"] != LinkNews || kinds["https://shop.example.jp/news/7"] != LinkDetail {
		t.Fatalf("links %+v", r.Links)
	}
}

func TestDetailURLFromEnclosingLink(t *testing.T) {
	src := `<div><a href="/n/1"><dl><dt>2026.06.01</dt><dd>カード決済停止</dd></dl></a><a href="/n/2"><dl><dt>2026.05.01</dt><dd>別件</dd></dl></a></div>`
	ns := Page(top, src, ref).Notices
	if len(ns) != 2 || ns[0].DetailURL != "https://shop.example.jp/n/1" || ns[1].DetailURL != "https://shop.example.jp/n/2" {
		t.Fatalf("notices %+v", ns)
	}
}

// Category menus that name cards are not payment methods.
func TestPaymentNotFromMenus(t *testing.T) {
	src := `<ul><li><a href="/c/1">クレジットカードケース</a></li><li><a href="/c/2">コンビニ限定商品</a></li><li><a href="/c/3">代引き対象商品</a></li></ul>`
	if p := Page(top, src, ref).Payment; p != nil {
		t.Fatalf("payment from a menu: %+v", p)
	}
}

func TestNewBadge(t *testing.T) {
	for in, want := range map[string]string{"カード決済停止 NEW!": "カード決済停止", "New Arrival 入荷": "New Arrival 入荷", "NEWS": "NEWS"} {
		if got := stripDate(in, ""); got != want {
			t.Errorf("stripDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// Card-payment maintenance on a small page is a notice, not a maintenance
// page: the crawler stops walking a site that serves a maintenance page.
func TestMaintenanceNotForPaymentOnly(t *testing.T) {
	for _, src := range []string{
		`<title>ショップ</title><h1>クレジットカード決済メンテナンス中のお知らせ</h1><p>銀行振込はご利用いただけます。</p>`,
		`<title>ショップ</title><p>現在クレジットカード決済はメンテナンス中です。</p><a href="/items">商品</a>`,
	} {
		if Page(top, src, ref).Maintenance {
			t.Errorf("maintenance page: %s", src)
		}
	}
	if !Page(top, `<title>ショップ</title><p>ただいまメンテナンス中です。決済などすべての機能を停止しています。</p>`, ref).Maintenance {
		t.Error("site maintenance not seen")
	}
}

// WordPress's the_date() prints the date once per day: the second post of
// a day is still a notice, with its date unknown (read later from its page).
func TestUndatedSiblingPost(t *testing.T) {
	post := func(id, date, title string) string {
		d := ""
		if date != "" {
			d = `<time datetime="` + date + `">` + date + `</time>`
		}
		return `<article class="post-` + id + ` post type-post"><div class="entry-meta">` + d + `</div><h2 class="entry-title"><a href="/p/` + id + `">` + title + `</a></h2></article>`
	}
	src := `<main>` + post("3", "2026-06-10", "カード決済停止") + post("2", "", "配送遅延") + post("1", "2026-05-28", "父の日") + `</main>`
	ns := Page(top, src, ref).Notices
	if len(ns) != 3 || ns[1].Title != "配送遅延" || !ns[1].Date.IsZero() || ns[1].DetailURL != top+"p/2" {
		t.Fatalf("got %+v", ns)
	}
	// One dated item is not a list: an undated neighbour is not taken.
	src = `<main>` + post("3", "2026-06-10", "カード決済停止") + post("2", "", "配送遅延") + `</main>`
	if ns := Page(top, src, ref).Notices; len(ns) != 1 {
		t.Fatalf("got %d notices from one dated item: %+v", len(ns), ns)
	}
}

// A date heading over several posts dates each of them; over paragraphs
// it heads one notice.
func TestDateHeadingGroups(t *testing.T) {
	src := `<div><h2>2026年06月14日</h2><div class="a"><h3><a href="/d/2">カード決済停止</a></h3><p>停止中</p></div><div class="a"><h3><a href="/d/1">夏酒</a></h3></div><h2>2026年06月07日</h2><div class="a"><h3>試飲会</h3></div></div>`
	ns := Page(top, src, ref).Notices
	if len(ns) != 3 || ns[1].Title != "夏酒" || dateString(ns[1]) != "2026-06-14" {
		t.Fatalf("got %+v", ns)
	}
	src = `<div><h3>2026年06月14日</h3><p><a href="/i/1">商品A</a></p><p><a href="/i/2">商品B</a></p><h3>2026年06月07日</h3><p>別件</p></div>`
	if ns := Page(top, src, ref).Notices; len(ns) != 2 {
		t.Fatalf("paragraphs under a date split into %d notices: %+v", len(ns), ns)
	}
}
