package extract

import (
	"strings"
	"testing"
)

// Rules added for the second blind set, each with the case it must not
// over-reach into.

func TestStruckPaymentMethod(t *testing.T) {
	tests := []struct {
		name, html string
		suspended  bool
	}{
		{"label struck", `<dl><dt><del>クレジットカード決済</del></dt><dd>VISA・JCB</dd><dt>銀行振込</dt><dd>前払い</dd></dl>`, true},
		{"style line-through", `<table><tr><th><span style="text-decoration: line-through">クレジットカード</span></th><td>VISA</td></tr><tr><th>代金引換</th><td>手数料330円</td></tr></table>`, true},
		{"one brand struck", `<dl><dt>クレジットカード決済 <s>JCB</s></dt><dd>VISA</dd><dt>銀行振込</dt><dd>前払い</dd></dl>`, false},
		{"plain", `<dl><dt>クレジットカード決済</dt><dd>VISA</dd><dt>銀行振込</dt><dd>前払い</dd></dl>`, false},
	}
	for _, tt := range tests {
		r := Page(top+"guide.html", tt.html, ref)
		if r.Payment == nil {
			t.Errorf("%s: no payment methods", tt.name)
			continue
		}
		if r.Payment.CardSuspended != tt.suspended {
			t.Errorf("%s: card suspended %v, want %v (%+v)", tt.name, r.Payment.CardSuspended, tt.suspended, r.Payment.Methods)
		}
		if tt.suspended && !strings.Contains(r.Payment.Methods[0].Text, struckMark) {
			t.Errorf("%s: evidence text %q does not say it is struck", tt.name, r.Payment.Methods[0].Text)
		}
	}
}

func TestBlind2NoticeRules(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string // "date title" per notice, date "" when unknown
	}{
		{"updated time is not a second post",
			`<ul><li><time datetime="2026-06-10">2026.06.10</time> <time class="updated" datetime="2026-06-14">2026.06.14</time> <a href="/n/1">送料改定のお知らせ</a></li>
			<li><time datetime="2026-05-01">2026.05.01</time> <a href="/n/2">新商品入荷</a></li></ul>`,
			[]string{"2026-06-10 送料改定のお知らせ", "2026-05-01 新商品入荷"}},
		{"section heading over one dated paragraph is not its title",
			`<h2>お知らせ</h2><p>2026.06.01</p><p>臨時休業いたします</p>`,
			[]string{"2026-06-01 臨時休業いたします"}},
		{"heading before each date",
			`<div><h4>臨時休業</h4><p>2026.06.01</p><p>本文</p><h4>新商品</h4><p>2026.05.01</p><p>本文</p></div>`,
			[]string{"2026-06-01 臨時休業", "2026-05-01 新商品"}},
		{"author beside the date is not the title",
			`<div class="list"><div class="card"><h3><a href="/b/1">梅雨のお手入れ</a></h3><div class="meta"><time datetime="2026-06-03">2026年6月3日</time><span>店長</span></div></div>
			<div class="card"><h3><a href="/b/2">新色のご案内</a></h3><div class="meta"><time datetime="2026-05-03">2026年5月3日</time><span>店長</span></div></div></div>`,
			[]string{"2026-06-03 梅雨のお手入れ", "2026-05-03 新色のご案内"}},
		{"a category badge link before the title link is not the title",
			`<ul><li><span>2026.06.01</span><a href="/news/category/info">お知らせ</a><a href="/news/101">カード決済停止について</a></li>
			<li><span>2026.05.20</span><a href="/news/category/item">新商品</a><a href="/news/100">夏物入荷</a></li></ul>`,
			[]string{"2026-06-01 カード決済停止について", "2026-05-20 夏物入荷"}},
		{"WordPress rel=category link in the meta is not the title",
			`<main><article class="post"><div class="meta"><time datetime="2026-06-10T10:00:00+09:00">2026年6月10日</time> <a href="/c/n/" rel="category tag">お知らせ</a></div><h2 class="entry-title"><a href="/2026/06/10/a/">カード決済メンテナンス</a></h2></article>
			<article class="post"><div class="meta"><time datetime="2026-06-01T10:00:00+09:00">2026年6月1日</time> <a href="/c/n/" rel="category tag">お知らせ</a></div><h2 class="entry-title"><a href="/2026/06/01/b/">新商品</a></h2></article></main>`,
			[]string{"2026-06-10 カード決済メンテナンス", "2026-06-01 新商品"}},
		{"UP and 更新 after the date are not the title",
			`<ul><li>2026/06/01 UP カード決済について</li><li>2026年5月1日(金)更新　新商品</li><li>2026.04.01 更新情報を追加</li></ul>`,
			[]string{"2026-06-01 カード決済について", "2026-05-01 新商品", "2026-04-01 更新情報を追加"}},
		{"customer reviews are not notices, a news preview is",
			`<div class="reviews"><div class="review"><p>2026/06/01</p><p>山田様</p><p>カードが使えませんでした</p></div><div class="review"><p>2026/05/20</p><p>佐藤様</p></div></div>
			<ul class="news-preview"><li>2026.06.10 臨時休業</li><li>2026.05.10 新商品</li></ul>`,
			[]string{"2026-06-10 臨時休業", "2026-05-10 新商品"}},
		{"a badge inside a wrapping link is not in the title",
			`<ul><li><a href="/n/1"><time>2026.06.01</time><span class="news__label">お知らせ</span><p>カード決済停止</p></a></li><li><a href="/n/2"><time>2026.05.01</time><span class="cat">新商品</span><p>夏物入荷</p></a></li></ul>`,
			[]string{"2026-06-01 カード決済停止", "2026-05-01 夏物入荷"}},
		{"NEW beside the date is not a title",
			`<dl><dt>2026.06.01<span class="new">NEW</span></dt><dd>カード決済停止</dd><dt>2026.05.01</dt><dd>GW休業</dd></dl>`,
			[]string{"2026-06-01 カード決済停止", "2026-05-01 GW休業"}},
		{"year and day in separate elements",
			`<ul><li><a href="/n/1"><div class="date"><span>2026</span><span>06.01</span></div><div>カード決済停止</div></a></li><li><a href="/n/2"><div class="date"><span>2026</span><span>05.01</span></div><div>GW休業</div></a></li></ul>`,
			[]string{"2026-06-01 カード決済停止", "2026-05-01 GW休業"}},
		{"a lone year beside a price is not a date",
			`<ul><li><span>2026</span><span>1.5</span> 倍ポイント</li></ul>`,
			nil},
		{"unreadable year-less date opens an item, unknown",
			`<ul><li>2026.06.10 営業日変更</li><li>6月2日(水) 見学会について</li><li>2026.05.10 新商品</li></ul>`,
			[]string{"2026-06-10 営業日変更", " 見学会について", "2026-05-10 新商品"}},
		{"unreadable year-less date in a sentence is not an item",
			`<ul><li>2026.06.10 営業日変更</li><li>2026.05.10 新商品</li></ul><p>6月2日(水)から営業時間を変更します</p>`,
			[]string{"2026-06-10 営業日変更", "2026-05-10 新商品"}},
	}
	for _, tt := range tests {
		got := dateTitles(Page(top, tt.html, ref))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestPaymentLinkText(t *testing.T) {
	tests := []struct {
		text string
		pay  bool
	}{
		{"お支払い・送料", true},
		{"送料とお支払い", true},
		{"お支払について", true},
		{"お支払い完了メールが届かない", false},
		{"ショッピングのご案内", true},
		{"ご利用案内", true},
		{"お買い物の流れ", true},
		{"ご注文について", true},
		{"店舗のご案内", false},
	}
	for _, tt := range tests {
		r := Page(top, `<a href="/p1.html">`+tt.text+`</a>`, ref)
		got := len(r.Links) == 1 && r.Links[0].Kind == LinkPayment
		if got != tt.pay {
			t.Errorf("%q: payment link %v, want %v (%+v)", tt.text, got, tt.pay, r.Links)
		}
	}
}

func TestInfoBoxBanner(t *testing.T) {
	tests := []struct {
		html   string
		banner bool
	}{
		{`<div id="info"><p>【重要】カード決済メンテナンスのため、クレジットカードはご利用いただけません</p></div><h2>新商品</h2>`, true},
		{`<div class="info_area">システム障害のため現在ご注文を停止しています</div>`, true},
		// A greeting that points to the news is not a banner, nor is the
		// shop's address block.
		{`<div class="info-box">いつもご利用ありがとうございます。最新のお知らせはこちらをご覧ください。</div>`, false},
		{`<div class="shopinfo">営業日カレンダー クレジットカード決済がご利用いただけます</div>`, false},
	}
	for _, tt := range tests {
		r := Page(top, tt.html, ref)
		if got := len(r.Banners) > 0; got != tt.banner {
			t.Errorf("%s: banner %v, want %v (%+v)", tt.html, got, tt.banner, r.Banners)
		}
	}
}

func TestPaymentLineBlocksAndNotes(t *testing.T) {
	tests := []struct {
		name, html string
		methods    int
		stopped    bool
	}{
		{"heading line in a paragraph",
			`<p><strong>支払方法</strong><br>クレジットカード、PayPal、Amazon Pay、コンビニ決済</p>`, 4, false},
		{"bulleted lines with a remark",
			`<h2>お支払い方法</h2><p>■クレジットカード決済<br>VISA・JCB<br>※ただいまシステムメンテナンスのため、ご利用いただけません。<br><br>■銀行振込<br>三菱UFJ銀行<br>■代金引換<br>手数料330円</p>`, 3, true},
		{"note under the list stops the card method",
			`<h2>お支払い方法</h2><ul><li>クレジットカード</li><li>銀行振込</li><li>代金引換</li></ul><p>※現在、クレジットカード決済はシステム不具合のため停止しております。</p>`, 3, true},
		{"note about one brand does not",
			`<h2>お支払い方法</h2><ul><li>クレジットカード</li><li>銀行振込</li><li>代金引換</li></ul><p>※現在、JCBカードはご利用いただけません。</p>`, 3, false},
		{"note about debit cards does not",
			`<h2>お支払い方法</h2><ul><li>クレジットカード</li><li>銀行振込</li></ul><p>※デビットカードはご利用いただけません。</p>`, 2, false},
		{"a news paragraph is not a method list",
			`<p>クレジットカード決済を停止しております。<br>銀行振込、代金引換はご利用いただけます。</p>`, 0, false},
	}
	for _, tt := range tests {
		r := Page(top+"guide.html", tt.html, ref)
		n, stopped := 0, false
		if r.Payment != nil {
			n, stopped = len(r.Payment.Methods), r.Payment.CardSuspended
		}
		if n != tt.methods || stopped != tt.stopped {
			t.Errorf("%s: %d methods, card stopped %v; want %d, %v (%+v)", tt.name, n, stopped, tt.methods, tt.stopped, r.Payment)
		}
	}
}

func TestDatedHeadingBody(t *testing.T) {
	r := Page(top, `<div class="news"><h3>2026.06.01 重要なお知らせ</h3><p>カード決済を停止しております。</p><p>銀行振込はご利用いただけます。</p><h3>2026.05.01 GW休業</h3><p>休みます</p></div>`, ref)
	if len(r.Notices) != 2 {
		t.Fatalf("%d notices: %+v", len(r.Notices), r.Notices)
	}
	if n := r.Notices[0]; n.Title != "重要なお知らせ" || n.Body != "カード決済を停止しております。 銀行振込はご利用いただけます。" {
		t.Errorf("first notice %q / %q", n.Title, n.Body)
	}
	if n := r.Notices[1]; n.Title != "GW休業" || n.Body != "休みます" {
		t.Errorf("second notice %q / %q", n.Title, n.Body)
	}
}

func TestDetailKeepsParagraphs(t *testing.T) {
	n := Detail(top+"blog/2026/06/09/1", `<html><body><header><a href="/">店</a></header><div class="blogDetail"><p class="date">2026/06/09 18:30</p><h2>カード決済がご利用いただけない件について</h2><div class="body"><p>現在、一部のお客様でクレジットカード決済がエラーとなる不具合が発生しております。</p><p>復旧まで銀行振込かコンビニ決済をご利用ください。</p></div></div><footer>Powered by BASE</footer></body></html>`, ref)
	if !strings.Contains(n.Body, "不具合が発生しております") || !strings.Contains(n.Body, "銀行振込かコンビニ決済") {
		t.Errorf("body %q lost a paragraph", n.Body)
	}
	if dateString(n) != "2026-06-09" {
		t.Errorf("date %q", dateString(n))
	}
}
