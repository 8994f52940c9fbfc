package blindweb

import (
	"fmt"
	"strings"
)

// render returns every page of shop s on day d, keyed by path (and query),
// with the shop living under root ("/" or "/shop/").
func render(s *shop, d int, root string) map[string]page {
	switch s.plat {
	case eccube2:
		return renderECCube2(s, d, root)
	case eccube4:
		return renderECCube4(s, d, root)
	case makeshop:
		return renderMakeShop(s, d, root)
	case colorme:
		return renderColorMe(s, d, root)
	case futureshop:
		return renderFutureShop(s, d, root)
	case shopify:
		return renderShopify(s, d, root)
	case base:
		return renderBase(s, d, root)
	case stores:
		return renderStores(s, d, root)
	case wordpress:
		return renderWordPress(s, d, root)
	default:
		return renderLegacy(s, d, root)
	}
}

// payMethods renders the payment-methods list in one of a few markups.
func payMethods(st payState, style string) string {
	type m struct{ name, note string }
	card := m{"クレジットカード決済", "VISA / Mastercard / JCB / AMERICAN EXPRESS / Diners Club がご利用いただけます。ご注文確定と同時に決済が完了します。"}
	switch st {
	case payCardStopped:
		card = m{"クレジットカード決済（停止中）", "ただいまクレジットカード決済はご利用いただけません。"}
	}
	ms := []m{card,
		{"銀行振込（前払い）", "ご注文後7日以内に指定口座へお振込みください。振込手数料はお客様のご負担となります。"},
		{"代金引換", "商品お届け時に配達員へお支払いください。代引手数料330円。"},
		{"コンビニ決済", "セブン-イレブン、ローソン、ファミリーマートでお支払いいただけます。"},
		{"PayPay", "PayPayアプリでお支払いいただけます。"},
	}
	if st == payCardRemoved {
		ms = ms[1:]
	}
	if st == payPayPayOff {
		ms[4] = m{"PayPay（一時停止中）", "現在PayPay決済はご利用いただけません。"}
	}
	var b strings.Builder
	switch style {
	case "dl":
		b.WriteString("<dl class=\"payment\">\n")
		for _, x := range ms {
			fmt.Fprintf(&b, "<dt>%s</dt><dd>%s</dd>\n", esc(x.name), esc(x.note))
		}
		b.WriteString("</dl>\n")
	case "table":
		b.WriteString("<table class=\"payment\" border=\"1\">\n")
		for _, x := range ms {
			fmt.Fprintf(&b, "<tr><th>%s</th><td>%s</td></tr>\n", esc(x.name), esc(x.note))
		}
		b.WriteString("</table>\n")
	case "h3":
		for _, x := range ms {
			fmt.Fprintf(&b, "<h3>%s</h3>\n<p>%s</p>\n", esc(x.name), esc(x.note))
		}
	default:
		b.WriteString("<ul class=\"payment-list\">\n")
		for _, x := range ms {
			fmt.Fprintf(&b, "<li><strong>%s</strong><br>%s</li>\n", esc(x.name), esc(x.note))
		}
		b.WriteString("</ul>\n")
	}
	return b.String()
}

func doc(s *shop, title, head, body string) string {
	return "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n" + metaCharset(s.cs) +
		"\n<title>" + esc(title) + "</title>\n" + head + "</head>\n<body>\n" + body + "\n</body>\n</html>\n"
}

func xhtmlDoc(s *shop, title, head, body string) string {
	return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">` +
		"\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ja\" xml:lang=\"ja\">\n<head>\n" + metaCharset(s.cs) +
		"\n<title>" + esc(title) + "</title>\n" + head + "</head>\n<body>\n" + body + "\n</body>\n</html>\n"
}

func products(root string, n int, pat string) string {
	var b strings.Builder
	b.WriteString("<ul class=\"items\">\n")
	names := []string{"手織りコースター", "有田焼 豆皿", "国産ひのき まな板", "今治タオル フェイス", "南部鉄器 急須", "信楽焼 マグカップ"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a> <span class=\"price\">¥%d</span></li>\n",
			root+fmt.Sprintf(pat, 100+i), names[i%len(names)], 1200+i*350)
	}
	b.WriteString("</ul>\n")
	return b.String()
}

func bannerHTML(s *shop, d int, class string) string {
	var b strings.Builder
	for _, t := range s.bannersOn(d) {
		fmt.Fprintf(&b, "<div class=\"%s\"><p>%s</p></div>\n", class, esc(t))
	}
	return b.String()
}

// ---- EC-CUBE 2.x: news inline on the top page, dl.newslist ----

func renderECCube2(s *shop, d int, root string) map[string]page {
	head := `<script type="text/javascript" src="` + root + `js/eccube.js"></script>
<link rel="alternate" type="application/rss+xml" title="RSS" href="` + root + `rss/index.php" />
`
	var news strings.Builder
	news.WriteString(`<div id="news_area"><h2><img src="` + root + `user_data/packages/default/img/title/tit_bloc_news.png" alt="新着情報" /></h2>
<div class="block_body"><div class="news_contents">
`)
	pages := map[string]page{}
	for _, n := range s.visibleNotices(d) {
		t := dayTime(n.day)
		title := esc(n.title)
		if n.body != "" && len(n.body) > 300 {
			u := fmt.Sprintf("%suser_data/news%d.php", root, s.noticeID(n))
			title = `<a href="` + u + `" target="_blank">` + title + `</a>`
			pages[strings.TrimSuffix(u, "")] = page{html: xhtmlDoc(s, n.title+"｜"+s.name, head, `<div id="undercolumn"><h2 class="title">`+esc(n.title)+`</h2><p class="date">`+dKanji0(t)+`</p>`+paras(n.body, false)+n.raw+`</div>`)}
		}
		fmt.Fprintf(&news, "<dl class=\"newslist\">\n<dt>%s</dt>\n<dt>%s</dt>\n<dd class=\"mini\">%s%s</dd>\n</dl>\n",
			dKanji0(t), title, paras(n.body, true), n.raw)
	}
	news.WriteString("</div></div></div>\n")
	top := `<div id="container"><div id="header"><h1><a href="` + root + `">` + esc(s.name) + `</a></h1>
<ul id="header_navi"><li><a href="` + root + `mypage/login.php">MYページ</a></li><li><a href="` + root + `cart/">カゴの中を見る</a></li></ul></div>
` + bannerHTML(s, d, "information") + `<div id="main_column">
<h2>おすすめ商品</h2>
` + products(root, 4, "products/detail.php?product_id=%d") + news.String() + `</div>
<div id="footer"><ul><li><a href="` + root + `abouts/">当サイトについて</a></li>
<li><a href="` + root + `order/">特定商取引に関する法律</a></li><li><a href="` + root + `user_data/guide.php">ご利用ガイド</a></li>
<li><a href="` + root + `contact/">お問い合わせ</a></li></ul></div></div>`
	pages[root] = page{html: xhtmlDoc(s, s.name+" / TOPページ", head, top)}
	pages[root+"order/"] = page{html: xhtmlDoc(s, s.name+" / 特定商取引に関する法律", head,
		`<div id="undercolumn"><h2 class="title">特定商取引に関する法律</h2><table summary="特定商取引に関する法律">
<tr><th>販売業者</th><td>`+esc(s.name)+`</td></tr><tr><th>商品代金以外の必要料金</th><td>送料、代引手数料</td></tr>
<tr><th>お支払方法</th><td>`+payMethods(s.payOn(d), "ul")+`</td></tr></table></div>`)}
	pages[root+"user_data/guide.php"] = page{html: xhtmlDoc(s, s.name+" / ご利用ガイド", head,
		`<div id="undercolumn"><h2 class="title">ご利用ガイド</h2><h3>ご注文方法</h3><p>商品をカゴに入れ、ご購入手続きへお進みください。</p><h3>お支払い方法について</h3>`+payMethods(s.payOn(d), "dl")+`<h3>送料について</h3><p>全国一律660円（税込）。</p></div>`)}
	return pages
}

// ---- EC-CUBE 4.x: ec-newsRole, descriptions inline, "詳しくはこちら" ----

func renderECCube4(s *shop, d int, root string) map[string]page {
	head := `<meta name="eccube-csrf-token" content="x9Kk2lQ">
<link rel="stylesheet" href="` + root + `html/template/default/assets/css/style.css">
`
	pages := map[string]page{}
	var news strings.Builder
	news.WriteString(`<div class="ec-newsRole"><div class="ec-secHeading"><span class="ec-secHeading__en">NEWS</span><span class="ec-secHeading__line"></span><span class="ec-secHeading__ja">新着情報</span></div>
<div class="ec-newsRole__news">
`)
	for _, n := range s.visibleNotices(d) {
		t := dayTime(n.day)
		more := ""
		if n.body != "" && len(n.body) > 200 {
			u := fmt.Sprintf("%suser_data/info_%d", root, s.noticeID(n))
			more = `<a href="` + u + `">詳しくはこちら</a>`
			pages[u] = page{html: doc(s, n.title+" | "+s.name, head, `<div class="ec-layoutRole"><div class="ec-pageHeader"><h1>`+esc(n.title)+`</h1></div><div class="ec-role"><p class="date">`+dSlash(t)+`</p>`+paras(n.body, false)+n.raw+`</div></div>`)}
		}
		fmt.Fprintf(&news, `<div class="ec-newsRole__newsItem">
<div class="ec-newsRole__newsHeading"><div class="ec-newsRole__newsDate">%s</div>
<div class="ec-newsRole__newsColumn"><div class="ec-newsRole__newsTitle">%s</div>
<div class="ec-newsRole__newsClose"><a class="ec-newsRole__newsCloseBtn"><i class="fas fa-angle-down"></i></a></div></div></div>
<div class="ec-newsRole__newsDescription">%s%s %s</div>
</div>
`, dSlash(t), esc(n.title), paras(n.body, true), n.raw, more)
	}
	news.WriteString("</div></div>\n")
	bn := ""
	for _, t := range s.bannersOn(d) {
		bn += `<div class="ec-headerNaviRole__notice ec-alert-warning"><div class="ec-alert-warning__text">` + esc(t) + `</div></div>` + "\n"
	}
	top := `<div class="ec-layoutRole"><header class="ec-layoutRole__header"><div class="ec-headerRole"><div class="ec-headerTitle"><a href="` + root + `">` + esc(s.name) + `</a></div></div>
<div class="ec-headerNaviRole"><a href="` + root + `mypage/login">ログイン</a> <a href="` + root + `cart">カート</a></div></header>
` + bn + `<div class="ec-layoutRole__contents"><main class="ec-layoutRole__main">
<div class="ec-sliderRole"><img src="` + root + `html/user_data/assets/img/top/img_hero_pc01.jpg" alt="季節の新作"></div>
` + products(root, 5, "products/detail/%d") + news.String() + `</main></div>
<footer class="ec-layoutRole__footer"><ul class="ec-footerNavi"><li class="ec-footerNavi__link"><a href="` + root + `help/about">当サイトについて</a></li>
<li class="ec-footerNavi__link"><a href="` + root + `help/privacy">プライバシーポリシー</a></li>
<li class="ec-footerNavi__link"><a href="` + root + `help/tradelaw">特定商取引法表記</a></li>
<li class="ec-footerNavi__link"><a href="` + root + `help/guide">ご利用ガイド</a></li>
<li class="ec-footerNavi__link"><a href="` + root + `contact">お問い合わせ</a></li></ul></footer></div>`
	pages[root] = page{html: doc(s, s.name+" / TOPページ", head, top)}
	pages[root+"help/guide"] = page{html: doc(s, s.name+" / ご利用ガイド", head, `<div class="ec-layoutRole"><div class="ec-pageHeader"><h1>ご利用ガイド</h1></div><div class="ec-off1Grid"><div class="ec-off1Grid__cell">
<h2>お支払いについて</h2>`+payMethods(s.payOn(d), "dl")+`<h2>配送について</h2><p>ご注文から3営業日以内に発送いたします。</p></div></div></div>`)}
	pages[root+"help/tradelaw"] = page{html: doc(s, s.name+" / 特定商取引法表記", head, `<div class="ec-layoutRole"><div class="ec-pageHeader"><h1>特定商取引法表記</h1></div><div class="ec-borderedDefs">
<dl><dt>販売業者</dt><dd>`+esc(s.name)+`</dd></dl><dl><dt>支払方法</dt><dd>ご利用ガイドをご覧ください。</dd></dl></div></div>`)}
	return pages
}

// ---- MakeShop: hand-made list on the top page, detail free pages ----

func renderMakeShop(s *shop, d int, root string) map[string]page {
	head := `<script src="https://gigaplus.makeshop.jp/` + s.key + `/js/common.js"></script>
<script>var MakeShop_TopSearch = {};</script>
`
	pages := map[string]page{}
	var news strings.Builder
	news.WriteString(`<div id="topNews"><h2 class="ttl">お知らせ</h2><ul class="newsList">` + "\n")
	for _, n := range s.visibleNotices(d) {
		t := dayTime(n.day)
		if n.body == "" {
			fmt.Fprintf(&news, "<li><span class=\"date\">%s</span> <span class=\"title\">%s</span></li>\n", dDot(t), esc(n.title))
			continue
		}
		u := fmt.Sprintf("%sview/page/news%d", root, s.noticeID(n))
		fmt.Fprintf(&news, "<li><span class=\"date\">%s</span> <a href=\"%s\">%s</a></li>\n", dDot(t), u, esc(n.title))
		pages[u] = page{html: doc(s, esc(s.name)+" "+n.title, head, `<div id="M_freepage"><div class="freeTitle">`+esc(n.title)+`</div><div class="freeDate">`+dDot(t)+`</div><div class="freeBody">`+paras(n.body, true)+n.raw+`</div></div>
<p><a href="`+root+`">トップページへ戻る</a></p>`)}
	}
	news.WriteString("</ul></div>\n")
	bn := ""
	for _, t := range s.bannersOn(d) {
		bn += `<div id="headInfo"><marquee>` + esc(t) + `</marquee></div>` + "\n"
	}
	top := `<div id="wrapper"><div id="header"><h1><a href="` + root + `">` + esc(s.name) + `</a></h1><a href="` + root + `shop/basket.html">カートを見る</a></div>
` + bn + `<div id="contents">` + products(root, 6, "shopdetail/%d/") + news.String() + `</div>
<div id="footer"><a href="` + root + `view/guide">ショッピングガイド</a> | <a href="` + root + `shop/law.html">特定商取引法に基づく表記</a> | <a href="` + root + `shop/privacy.html">個人情報保護方針</a></div></div>`
	pages[root] = page{html: doc(s, s.name, head, top)}
	pages[root+"view/guide"] = page{html: doc(s, "ショッピングガイド - "+s.name, head, `<div id="M_guide"><h2>ショッピングガイド</h2><h3 class="gTitle">お支払い方法</h3>`+payMethods(s.payOn(d), "table")+`<h3 class="gTitle">配送・送料</h3><p>ヤマト運輸にてお届けします。</p></div>`)}
	pages[root+"shop/law.html"] = page{html: doc(s, "特定商取引法に基づく表記 - "+s.name, head, `<h2>特定商取引法に基づく表記</h2><table><tr><th>販売事業者</th><td>`+esc(s.name)+`</td></tr><tr><th>お支払い方法</th><td>ショッピングガイドをご確認ください</td></tr></table>`)}
	return pages
}

// ---- カラーミーショップ: ?mode=f1 news, ?mode=sk payment ----

func renderColorMe(s *shop, d int, root string) map[string]page {
	head := `<script>var Colorme = {"shop_id":"` + s.key + `"};</script>
<link rel="stylesheet" href="https://img21.shop-pro.jp/tmpl_js/86/common.css">
`
	pages := map[string]page{}
	var info strings.Builder
	var list strings.Builder
	vis := s.visibleNotices(d)
	for i, n := range vis {
		t := dayTime(n.day)
		if i < 3 {
			fmt.Fprintf(&info, "<li>%s　<a href=\"%s?mode=f1#n%d\">%s</a></li>\n", dSlash(t), root, s.noticeID(n), esc(n.title))
		}
		fmt.Fprintf(&list, "<div class=\"info_item\" id=\"n%d\"><h3>%s　%s</h3>\n<div class=\"info_body\">%s%s</div></div>\n<hr>\n",
			s.noticeID(n), dSlash(t), esc(n.title), paras(n.body, true), n.raw)
	}
	bn := ""
	for _, t := range s.bannersOn(d) {
		bn += `<p class="header_info" style="color:#c00;font-weight:bold">` + esc(t) + `</p>` + "\n"
	}
	top := `<div id="header"><h1 class="shop_name"><a href="` + root + `">` + esc(s.name) + `</a></h1>
<a href="https://` + s.key + `.shop-pro.jp/cart/proxy/basket?shop_id=` + s.key + `">カートを見る</a></div>
` + bn + `<div id="main">` + products(root, 5, "?pid=%d") + `
<div class="information"><h2>インフォメーション</h2><ul>` + info.String() + `</ul><p><a href="` + root + `?mode=f1">お知らせ一覧</a></p></div></div>
<div id="side"><ul><li><a href="` + root + `?mode=cate&cbid=2468&csid=0">うつわ</a></li><li><a href="` + root + `?mode=grp&gid=11">新商品</a></li></ul></div>
<div id="footer"><a href="` + root + `?mode=sk#payment">お支払い方法について</a> | <a href="` + root + `?mode=sk">特定商取引法に基づく表記</a> | <a href="` + root + `?mode=privacy">プライバシーポリシー</a></div>`
	pages[root] = page{html: doc(s, s.name, head, top)}
	pages[root+"?mode=f1"] = page{html: doc(s, "お知らせ - "+s.name, head, `<div id="main"><h2>お知らせ</h2>`+list.String()+`</div>`)}
	pages[root+"?mode=sk"] = page{html: doc(s, "特定商取引法に基づく表記 - "+s.name, head, `<div id="main"><h2>特定商取引法に基づく表記</h2>
<table class="tokutei"><tr><th>販売業者</th><td>`+esc(s.name)+`</td></tr></table>
<h3 id="payment">お支払い方法</h3>`+payMethods(s.payOn(d), "h3")+`<h3 id="delivery">配送方法・送料について</h3><p>ゆうパック 800円</p></div>`)}
	return pages
}

// ---- futureshop: /f/ free pages for news and guide ----

func renderFutureShop(s *shop, d int, root string) map[string]page {
	head := `<link rel="stylesheet" href="/fs-static/` + s.key + `/css/style.css">
`
	pages := map[string]page{}
	var list strings.Builder
	var topList strings.Builder
	for i, n := range s.visibleNotices(d) {
		t := dayTime(n.day)
		entry := esc(n.title)
		if n.body != "" {
			u := fmt.Sprintf("%sf/news_%d", root, s.noticeID(n))
			entry = `<a href="` + u + `">` + entry + `</a>`
			pages[u] = page{html: doc(s, n.title+"｜"+s.name, head, `<div class="fs-l-main"><article class="fs-c-news"><time>`+dDot(t)+`</time><h1 class="fs-c-heading">`+esc(n.title)+`</h1><div class="fs-c-news__body">`+paras(n.body, false)+n.raw+`</div></article></div>`)}
		}
		row := fmt.Sprintf("<li class=\"fs-c-newsList__item\"><span class=\"fs-c-newsList__date\">%s</span><span class=\"fs-c-newsList__title\">%s</span></li>\n", dDot(t), entry)
		list.WriteString(row)
		if i < 4 {
			topList.WriteString(row)
		}
	}
	top := `<div class="fs-l-page"><header class="fs-l-header"><a href="` + root + `">` + esc(s.name) + `</a> <a href="` + root + `fs/` + s.key + `/p/cart">カート</a></header>
` + bannerHTML(s, d, "fs-c-headerNotice") + `<main class="fs-l-main">` + products(root, 4, "fs/"+s.key+"/item%d") + `
<section class="fs-p-news"><h2>INFORMATION</h2><ul class="fs-c-newsList">` + topList.String() + `</ul><a href="` + root + `f/news">一覧を見る</a></section></main>
<footer><a href="` + root + `f/guide">ご利用ガイド</a> <a href="` + root + `f/tokutei">特定商取引法に基づく表示</a></footer></div>`
	pages[root] = page{html: doc(s, s.name, head, top)}
	pages[root+"f/news"] = page{html: doc(s, "お知らせ一覧｜"+s.name, head, `<div class="fs-l-main"><h1>お知らせ一覧</h1><ul class="fs-c-newsList">`+list.String()+`</ul></div>`)}
	pages[root+"f/guide"] = page{html: doc(s, "ご利用ガイド｜"+s.name, head, `<div class="fs-l-main"><h1>ご利用ガイド</h1><h2>お支払い方法</h2>`+payMethods(s.payOn(d), "dl")+`</div>`)}
	pages[root+"f/tokutei"] = page{html: doc(s, "特定商取引法に基づく表示｜"+s.name, head, `<div class="fs-l-main"><h1>特定商取引法に基づく表示</h1><p>販売業者：`+esc(s.name)+`</p></div>`)}
	return pages
}

// ---- Shopify: /blogs/news, announcement bar, /pages/guide ----

func renderShopify(s *shop, d int, root string) map[string]page {
	head := `<link rel="stylesheet" href="//` + s.key + `.myshopify.com/cdn/shop/t/3/assets/base.css">
<script>window.Shopify = window.Shopify || {}; Shopify.shop = "` + s.key + `.myshopify.com"; Shopify.theme = {"name":"Dawn"};</script>
`
	bar := ""
	if bs := s.bannersOn(d); len(bs) > 0 {
		bar = `<div class="shopify-section announcement-bar-section"><div class="announcement-bar" role="region"><p class="announcement-bar__message h5"><span>` + esc(bs[0]) + `</span></p></div></div>` + "\n"
	} else {
		bar = `<div class="shopify-section announcement-bar-section"><div class="announcement-bar" role="region"><p class="announcement-bar__message h5"><span>5,500円以上のご購入で送料無料</span></p></div></div>` + "\n"
	}
	header := bar + `<header class="header"><a href="` + root + `" class="header__heading-link">` + esc(s.name) + `</a>
<nav><a href="` + root + `collections/all">すべての商品</a> <a href="` + root + `blogs/news">ニュース</a> <a href="` + root + `cart">カート</a></nav></header>
`
	footer := `<footer class="footer"><ul><li><a href="` + root + `pages/guide">ご利用ガイド</a></li><li><a href="` + root + `policies/legal-notice">特定商取引法に基づく表記</a></li><li><a href="` + root + `policies/refund-policy">返金ポリシー</a></li></ul></footer>`
	pages := map[string]page{}
	var cards strings.Builder
	var topCards strings.Builder
	for i, n := range s.visibleNotices(d) {
		t := dayTime(n.day)
		handle := fmt.Sprintf("%sblogs/news/post-%d", root, s.noticeID(n))
		card := fmt.Sprintf(`<div class="article-card"><h3 class="article-card__title"><a href="%s" class="full-unstyled-link">%s</a></h3>
<div class="article-card__info"><span class="circle-divider"><time datetime="%sT01:00:00Z">%s</time></span></div></div>
`, handle, esc(n.title), t.Format("2006-01-02"), dKanji(t))
		cards.WriteString(card)
		if i < 3 {
			topCards.WriteString(card)
		}
		body := n.body
		if body == "" {
			body = " "
		}
		pages[handle] = page{html: doc(s, n.title+" – "+s.name, head, header+`<main><article class="article-template"><header class="page-width"><h1 class="article-template__title">`+esc(n.title)+`</h1><span class="circle-divider"><time datetime="`+t.Format("2006-01-02")+`T01:00:00Z">`+dKanji(t)+`</time></span></header>
<div class="article-template__content page-width rte">`+paras(body, false)+n.raw+`</div></article></main>`+footer)}
	}
	pages[root] = page{html: doc(s, s.name, head, header+`<main><div class="shopify-section"><h2>おすすめ</h2>`+products(root, 4, "products/item-%d")+`</div>
<div class="shopify-section section-blog"><h2 class="blog__title">ニュース</h2><div class="blog__posts">`+topCards.String()+`</div><a href="`+root+`blogs/news">すべて表示</a></div></main>`+footer)}
	pages[root+"blogs/news"] = page{html: doc(s, "ニュース – "+s.name, head+`<link rel="alternate" type="application/atom+xml" title="Feed" href="`+root+`blogs/news.atom">`+"\n", header+`<main><h1>ニュース</h1><div class="blog-articles">`+cards.String()+`</div></main>`+footer)}
	pages[root+"pages/guide"] = page{html: doc(s, "ご利用ガイド – "+s.name, head, header+`<main><div class="rte"><h1>ご利用ガイド</h1><h2>お支払い方法</h2>`+payMethods(s.payOn(d), "ul")+`</div></main>`+footer)}
	pages[root+"policies/legal-notice"] = page{html: doc(s, "特定商取引法に基づく表記 – "+s.name, head, header+`<main><div class="shopify-policy__body"><h1>特定商取引法に基づく表記</h1><p>販売業者: `+esc(s.name)+`</p><p>支払方法: クレジットカード、銀行振込、代金引換、コンビニ決済、PayPay</p></div></main>`+footer)}
	return pages
}

// ---- BASE: /blog, /blog/YYYY/MM/DD/id, /law ----

func renderBase(s *shop, d int, root string) map[string]page {
	head := `<link rel="stylesheet" href="https://basefile.akamaized.net/` + s.key + `/style.css">
`
	pages := map[string]page{}
	var list strings.Builder
	for _, n := range s.visibleNotices(d) {
		t := dayTime(n.day)
		u := fmt.Sprintf("%sblog/%s/%d", root, t.Format("2006/01/02"), 4400000+s.noticeID(n))
		body := n.body
		if body == "" {
			body = " "
		}
		fmt.Fprintf(&list, `<li class="blog-item"><a href="%s"><p class="blog-date">%s</p><h2 class="blog-title">%s</h2><p class="blog-excerpt">%s</p></a></li>
`, u, dBase(t), esc(n.title), esc(firstRunes(strings.ReplaceAll(n.body, "\n", " "), 40)))
		pages[u] = page{html: doc(s, n.title+" | "+s.name, head, `<div class="blog-detail"><p class="blog-date">`+dBase(t)+`</p><h1 class="blog-title">`+esc(n.title)+`</h1><div class="blog-body">`+paras(body, true)+n.raw+`</div></div>
<p class="powered">Powered by BASE</p>`)}
	}
	top := `<header><h1><a href="` + root + `">` + esc(s.name) + `</a></h1><nav><a href="` + root + `">HOME</a> <a href="` + root + `blog">BLOG</a> <a href="` + root + `about">ABOUT</a> <a href="` + root + `inquiry">CONTACT</a></nav></header>
` + bannerHTML(s, d, "shop-notice") + `<main><ul class="item-list">` + strings.ReplaceAll(products(root, 6, "items/%d"), "<ul class=\"items\">", "") + `</main>
<footer><a href="` + root + `law">特定商取引法に基づく表記</a> <a href="` + root + `privacy">プライバシーポリシー</a><p class="powered">Powered by BASE</p></footer>`
	pages[root] = page{html: doc(s, s.name, head, top)}
	pages[root+"blog"] = page{html: doc(s, "BLOG | "+s.name, head, `<header><a href="`+root+`">`+esc(s.name)+`</a></header><main><ul class="blog-list">`+list.String()+`</ul></main>`)}
	pages[root+"law"] = page{html: doc(s, "特定商取引法に基づく表記 | "+s.name, head, `<main><h1>特定商取引法に基づく表記</h1><dl><dt>事業者の名称</dt><dd>`+esc(s.name)+`</dd><dt>お支払方法</dt><dd>`+payMethods(s.payOn(d), "ul")+`</dd></dl></main>`)}
	return pages
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// ---- STORES: /news list with YYYY.MM.DD, /news/id detail ----

func renderStores(s *shop, d int, root string) map[string]page {
	head := `<script>window.STORES_JP = {"store":"` + s.key + `"};</script>
`
	pages := map[string]page{}
	var list strings.Builder
	for _, n := range s.visibleNotices(d) {
		t := dayTime(n.day)
		u := fmt.Sprintf("%snews/%x", root, 0x5f00+s.noticeID(n))
		fmt.Fprintf(&list, `<a class="c-news-list__item" href="%s"><div class="c-news-list__date">%s</div><div class="c-news-list__title">%s</div></a>
`, u, dDot(t), esc(n.title))
		body := n.body
		if body == "" {
			body = " "
		}
		pages[u] = page{html: doc(s, n.title+" | "+s.name, head, `<div class="c-news-detail"><div class="c-news-detail__date">`+dDot(t)+`</div><h1 class="c-news-detail__title">`+esc(n.title)+`</h1><div class="c-news-detail__body">`+paras(body, false)+n.raw+`</div></div>`)}
	}
	top := `<header class="c-header"><a class="c-header__logo" href="` + root + `">` + esc(s.name) + `</a><a href="` + root + `cart">CART</a></header>
` + bannerHTML(s, d, "c-notice-bar") + `<main>` + products(root, 5, "items/6a%d") + `<a href="` + root + `news">NEWS</a></main>
<footer class="c-footer"><a href="` + root + `tokushoho">特定商取引法に基づく表記</a><a href="` + root + `privacy">プライバシーポリシー</a><a href="` + root + `inquiry">お問い合わせ</a></footer>`
	pages[root] = page{html: doc(s, s.name, head, top)}
	pages[root+"news"] = page{html: doc(s, "NEWS | "+s.name, head, `<main><h1>NEWS</h1><div class="c-news-list">`+list.String()+`</div></main>`)}
	pages[root+"tokushoho"] = page{html: doc(s, "特定商取引法に基づく表記 | "+s.name, head, `<main><h1>特定商取引法に基づく表記</h1><table><tr><th>販売事業者名</th><td>`+esc(s.name)+`</td></tr><tr><th>代金の支払方法</th><td>`+payMethods(s.payOn(d), "ul")+`</td></tr></table></main>`)}
	return pages
}

// ---- WordPress (WooCommerce): /news/ posts, article.post ----

func renderWordPress(s *shop, d int, root string) map[string]page {
	head := `<meta name="generator" content="WordPress 6.7.1">
<meta name="generator" content="WooCommerce 9.5.1">
<link rel="stylesheet" href="` + root + `wp-content/themes/storefront/style.css">
<link rel="alternate" type="application/rss+xml" href="` + root + `feed/">
`
	nav := `<header id="masthead" class="site-header"><p class="site-title"><a href="` + root + `">` + esc(s.name) + `</a></p>
<nav class="main-navigation"><ul><li><a href="` + root + `shop/">ショップ</a></li><li><a href="` + root + `news/">お知らせ</a></li><li><a href="` + root + `cart/">カート</a></li></ul></nav></header>
`
	foot := `<footer class="site-footer"><a href="` + root + `guide/">お支払い・配送について</a> | <a href="` + root + `tokushoho/">特定商取引法に基づく表記</a></footer>`
	pages := map[string]page{}
	var arts strings.Builder
	var side strings.Builder
	for i, n := range s.visibleNotices(d) {
		t := dayTime(n.day)
		u := fmt.Sprintf("%snews/info-%d/", root, s.noticeID(n))
		body := n.body
		if body == "" {
			body = " "
		}
		fmt.Fprintf(&arts, `<article class="post type-post status-publish category-news"><header class="entry-header"><h2 class="entry-title"><a href="%s" rel="bookmark">%s</a></h2>
<time class="entry-date published" datetime="%sT10:00:00+09:00">%s</time></header>
<div class="entry-summary"><p>%s</p></div></article>
`, u, esc(n.title), t.Format("2006-01-02"), dKanji(t), esc(firstRunes(strings.ReplaceAll(n.body, "\n", ""), 50)))
		if i < 5 {
			fmt.Fprintf(&side, "<li><a href=\"%s\">%s</a> <span class=\"post-date\">%s</span></li>\n", u, esc(n.title), dKanji(t))
		}
		pages[u] = page{html: doc(s, n.title+" – "+s.name, head, nav+`<main id="main"><article class="post type-post status-publish"><header class="entry-header"><h1 class="entry-title">`+esc(n.title)+`</h1>
<time class="entry-date published" datetime="`+t.Format("2006-01-02")+`T10:00:00+09:00">`+dKanji(t)+`</time></header><div class="entry-content">`+paras(body, false)+n.raw+`</div></article></main>`+foot)}
	}
	pages[root] = page{html: doc(s, s.name+" – 公式オンラインストア", head, nav+bannerHTML(s, d, "site-notice")+`<main id="main"><section><h2>新着商品</h2>`+products(root, 4, "product/item-%d/")+`</section>
<aside class="widget widget_recent_entries"><h2 class="widget-title">最近の投稿</h2><ul>`+side.String()+`</ul></aside></main>`+foot)}
	pages[root+"news/"] = page{html: doc(s, "お知らせ – "+s.name, head, nav+`<main id="main"><h1 class="page-title">カテゴリー: お知らせ</h1>`+arts.String()+`</main>`+foot)}
	pages[root+"guide/"] = page{html: doc(s, "お支払い・配送について – "+s.name, head, nav+`<main id="main"><article class="page"><h1 class="entry-title">お支払い・配送について</h1><div class="entry-content"><h2>お支払い方法</h2>`+payMethods(s.payOn(d), "h3")+`<h2>配送について</h2><p>佐川急便でお届けします。</p></div></article></main>`+foot)}
	pages[root+"tokushoho/"] = page{html: doc(s, "特定商取引法に基づく表記 – "+s.name, head, nav+`<main id="main"><h1>特定商取引法に基づく表記</h1><p>販売業者：`+esc(s.name)+`</p></main>`+foot)}
	return pages
}

// ---- hand-made legacy: tables, whatsnew.html with every notice inline ----

func renderLegacy(s *shop, d int, root string) map[string]page {
	pages := map[string]page{}
	var rows strings.Builder
	for _, n := range s.visibleNotices(d) {
		t := dayTime(n.day)
		date := dWareki(t)
		if s.noticeID(n)%2 == 0 {
			date = dFull(t)
		}
		fmt.Fprintf(&rows, "<tr><td valign=\"top\" nowrap><font size=\"2\">%s</font></td><td><font size=\"2\"><b>%s</b><br>\n%s%s</font></td></tr>\n",
			date, esc(n.title), paras(n.body, true), n.raw)
	}
	bn := ""
	for _, t := range s.bannersOn(d) {
		bn += `<tr><td colspan="2" align="center"><font color="red"><b>` + esc(t) + `</b></font></td></tr>` + "\n"
	}
	head := `<meta name="keywords" content="` + esc(s.name) + `,通販">` + "\n"
	old := func(title, body string) string {
		return "<html>\n<head>\n" + metaCharset(s.cs) + "\n<title>" + esc(title) + "</title>\n" + head + "</head>\n<body bgcolor=\"#FFFFF0\">\n" + body + "\n</body>\n</html>\n"
	}
	top := `<table width="760" border="0" cellpadding="4" cellspacing="0" align="center">
<tr><td colspan="2"><img src="` + root + `img/logo.gif" alt="` + esc(s.name) + `"></td></tr>
` + bn + `<tr><td width="160" valign="top"><a href="` + root + `index.html">トップ</a><br><a href="` + root + `whatsnew.html">新着情報</a><br><a href="` + root + `syouhin.html">商品一覧</a><br><a href="` + root + `kounyu.html">ご購入方法</a><br><a href="` + root + `cart/cart.cgi">買い物かご</a></td>
<td valign="top"><font size="3">いらっしゃいませ。` + esc(s.name) + `のホームページへようこそ。</font><br><br>
<a href="` + root + `whatsnew.html"><font color="#0000FF">≫ 新着情報はこちら</font></a></td></tr></table>`
	pages[root] = page{html: old(s.name, top)}
	pages[root+"index.html"] = pages[root]
	pages[root+"whatsnew.html"] = page{html: old("新着情報 - "+s.name, `<table width="760" border="1" cellpadding="6" cellspacing="0" align="center"><tr><td colspan="2" bgcolor="#CCCC99"><b>新着情報</b></td></tr>
`+rows.String()+`</table><p align="center"><a href="`+root+`">トップへ戻る</a></p>`)}
	pages[root+"kounyu.html"] = page{html: old("ご購入方法 - "+s.name, `<table width="760" align="center"><tr><td><b>■お支払い方法</b><br>`+payMethods(s.payOn(d), "table")+`<br><b>■送料</b><br>全国一律800円</td></tr></table>`)}
	pages[root+"syouhin.html"] = page{html: old("商品一覧 - "+s.name, products(root, 6, "syouhin/%d.html"))}
	return pages
}
