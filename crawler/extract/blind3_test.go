package extract

import "testing"

// The third blind set (testdata/blind3/) was written in session 4 without
// reading the extractor's source, from PLATFORMS.md and what the platforms'
// public themes print, unlike the tuning fixtures and both earlier blind
// sets: an EC-CUBE 3 top (Twig, #news_area dl.newslist with span.date and
// span.news_title in <dt>, the comment and 詳しくはこちら in <dd>), a MakeShop
// creator-mode top whose dates sit inside the link text and whose banner is a
// <div role="alert">, an おちゃのこネット news <table> whose date cell spans
// two rows (served as windows-31j, CP932-only ①, ㈱ and ～), an FC2 page
// whose <dl> has several <dd> under one date (charset x-sjis in <meta>,
// ｸﾚｼﾞｯﾄ in half-width katakana), a Yahoo!ショッピング-like store page whose
// titles are cut short with the whole title only in the title attribute (one
// link holds only an image), UTF-8 with a BOM and no charset anywhere, an
// aishipR news list paginated with category and monthly archive links, an
// ecbeing top with a <p class="attention"> banner (and an "image is
// illustrative" attention that is none), a Jimdo page whose dates are inside
// the headings, a WordPress block theme top with wp-block-latest-posts (date
// after the title, excerpts, read-more links) and a red paragraph banner, a
// Shopify Dawn top with featured-blog article cards and a scrolling-text
// marquee repeated for the loop, a futureshop top whose year is a separate
// span (<span class="year">2026</span><span>.06.12</span>), a legacy top
// whose news is only a link お知らせ一覧はこちら (Shift_JIS under a header
// saying ISO-8859-1, a red promo line that is no banner), a payment guide
// <table> whose card row is followed by a row 「※現在クレジットカード決済は
// 停止しております」 (Shift_JIS, meta only), a payment page whose method
// names are images with alt text (EUC-JP, charset only in <meta charset>),
// and an ISO-2022-JP 特商法 page whose card line is commented out.
//
// Platforms with no constant of their own (EC-CUBE 3, おちゃのこネット, FC2,
// Yahoo!ショッピング, aishipR, ecbeing, Jimdo) are expected as unknown: a
// careful reader does not name another platform.
//
// Expectations were written by hand from each page before the first run; the
// first-run figures are in testdata/blind3/README.md.
var blind3Cases = []blindCase{
	{file: "eccube3_news_area.html", url: "https://kobayashi-noen.example.jp/", contentType: "text/html; charset=UTF-8", platform: PlatformUnknown,
		notices: []blindNotice{{"2026-06-12", "クレジットカード決済休止のお知らせ"}, {"2026-06-05", "さくらんぼ(佐藤錦)の予約受付を開始しました"},
			{"2026-05-21", "ゆうパック料金改定に伴う送料変更について"}, {"2026-04-28", "連休中の出荷について"}},
		links: []Link{{"https://kobayashi-noen.example.jp/help/guide", LinkPayment}, {"https://kobayashi-noen.example.jp/help/tradelaw", LinkPayment},
			{"https://kobayashi-noen.example.jp/user_data/card_kyushi", LinkDetail}}},
	{file: "makeshop_creator_linkdate.html", url: "https://www.irohaya-tenugui.jp/", contentType: "text/html; charset=UTF-8", platform: PlatformMakeShop,
		notices: []blindNotice{{"2026-06-11", "クレジットカード決済のご利用停止について"}, {"2026-06-03", "注染手ぬぐい「金魚」入荷しました"},
			{"2026-05-20", "ラッピングサービス変更のお知らせ"}, {"2026-05-02", "母の日ギフトの受付は終了しました"}},
		banners: []string{"決済システムのメンテナンスに伴い、現在クレジットカード決済がご利用いただけません"},
		links: []Link{{"https://www.irohaya-tenugui.jp/view/page/news", LinkNews}, {"https://www.irohaya-tenugui.jp/view/guide", LinkPayment},
			{"https://www.irohaya-tenugui.jp/view/company", LinkPayment}, {"https://www.irohaya-tenugui.jp/view/page/news-0611", LinkDetail}}},
	{file: "ochanoko_news_rowspan_win31j.html", url: "https://saryo-midori.ocnk.net/", contentType: "text/html; charset=windows-31j", platform: PlatformUnknown,
		notices: []blindNotice{{"2026-06-13", "【重要】クレジットカード決済一時停止のお知らせ"}, {"2026-06-13", "夏季休業日のご案内(8/13~8/16)"},
			{"2026-06-02", "1新茶セット 2水出し煎茶ティーバッグ 販売開始しました"}, {"2026-05-18", "運送会社変更のお知らせ((株)西濃運輸から佐川急便へ)"}},
		links: []Link{{"https://saryo-midori.ocnk.net/news", LinkNews}, {"https://saryo-midori.ocnk.net/help", LinkPayment},
			{"https://saryo-midori.ocnk.net/info", LinkPayment}, {"https://saryo-midori.ocnk.net/news/detail/21", LinkDetail}}},
	{file: "fc2_dl_multidd_xsjis.html", url: "http://kamome-zakka.example.jp/", contentType: "text/html", platform: PlatformUnknown,
		notices: []blindNotice{{"2026-06-10", "クレジットカード決済を一時停止しております"}, {"2026-06-10", "ゆうちょ振替の口座番号が変わりました"},
			{"2026-06-01", "あじさい柄のハンカチを追加しました"}, {"2026-05-15", "ホームページを引っ越しました"}},
		links: []Link{{"http://kamome-zakka.example.jp/guide.html", LinkPayment}}},
	{file: "yahoo_store_titleattr_bom.html", url: "https://store.shopping.yahoo.co.jp/umiyama-kobo/", contentType: "text/html", platform: PlatformUnknown,
		notices: []blindNotice{{"2026-06-12", "【重要】クレジットカード決済の一時停止と代替のお支払い方法について"}, {"2026-06-01", "お中元ギフト特集ページを公開しました"},
			{"2026-05-25", "北海道・沖縄・離島への配送料金改定のお知らせ(6月1日ご注文分より)"}},
		links: []Link{{"https://store.shopping.yahoo.co.jp/umiyama-kobo/guide.html", LinkPayment},
			{"https://store.shopping.yahoo.co.jp/umiyama-kobo/news-card.html", LinkDetail}}},
	{file: "aishipr_news_paginated.html", url: "https://www.hana-akari.jp/news/", contentType: "text/html; charset=UTF-8", platform: PlatformUnknown,
		notices: []blindNotice{{"2026-06-12", "クレジットカード決済の取扱い停止について"}, {"2026-06-08", "父の日に贈るブルーのアレンジメント"},
			{"2026-05-29", "6月の発送休業日"}, {"2026-05-14", "メールマガジン配信システム移行のお知らせ"}, {"2026-04-30", "5月の発送休業日"}},
		links: []Link{{"https://www.hana-akari.jp/guide/", LinkPayment}, {"https://www.hana-akari.jp/law/", LinkPayment},
			{"https://www.hana-akari.jp/news/detail/128/", LinkDetail}}},
	{file: "ecbeing_top_attention.html", url: "https://www.yamatoya-shingu.co.jp/shop/default.aspx", contentType: "text/html; charset=utf-8", platform: PlatformUnknown,
		notices: []blindNotice{{"2026-06-12", "【重要】クレジットカード決済一時停止のお知らせ"}, {"2026-06-04", "「接触冷感 敷きパッド」再入荷のお知らせ"},
			{"2026-05-27", "羽毛ふとんリフォーム 受付期間のご案内"}},
		banners: []string{"ただいまシステムメンテナンスのため、クレジットカード決済を一時停止しております"},
		links: []Link{{"https://www.yamatoya-shingu.co.jp/shop/topics/topicslist.aspx", LinkNews}, {"https://www.yamatoya-shingu.co.jp/shop/pages/payment.aspx", LinkPayment},
			{"https://www.yamatoya-shingu.co.jp/shop/pages/law.aspx", LinkPayment},
			{"https://www.yamatoya-shingu.co.jp/shop/topics/topicsdetail.aspx?topics=312", LinkDetail}}},
	{file: "jimdo_news_heading_date.html", url: "https://www.kinoka-pan.com/news/", contentType: "text/html; charset=UTF-8", platform: PlatformUnknown,
		notices: []blindNotice{{"2026-06-12", "カード決済の一時停止について"}, {"2026-06-02", "食パンの予約販売を再開しました"},
			{"2026-05-20", "「よもぎあんぱん」期間限定で登場"}},
		links: []Link{{"https://www.kinoka-pan.com/tokushoho/", LinkPayment}}},
	{file: "wp_latest_posts_block.html", url: "https://utsuwabiyori.jp/", contentType: "text/html; charset=UTF-8", platform: PlatformWordPress,
		notices: []blindNotice{{"2026-06-11", "クレジットカード決済一時停止のお詫び"}, {"2026-06-06", "藍釉の小鉢が焼き上がりました"},
			{"2026-05-24", "クラフトフェアまつもと出展のお知らせ"}},
		banners: []string{"決済代行会社のシステム障害により、クレジットカード決済が一時ご利用いただけません"},
		links: []Link{{"https://utsuwabiyori.jp/category/news/", LinkNews}, {"https://utsuwabiyori.jp/guide/", LinkPayment},
			{"https://utsuwabiyori.jp/tokushoho/", LinkPayment}, {"https://utsuwabiyori.jp/2026/06/11/card-payment/", LinkDetail}}},
	{file: "shopify_dawn_marquee.html", url: "https://shiosai-gaen.jp/", contentType: "text/html; charset=utf-8", platform: PlatformShopify,
		notices: []blindNotice{{"2026-06-11", "クレジットカード決済停止のお知らせ"}, {"2026-06-03", "チランジア・キセログラフィカ入荷"},
			{"2026-05-22", "夏季の発送についてのお願い"}},
		banners: []string{"ただいまクレジットカード決済がご利用いただけません"},
		links: []Link{{"https://shiosai-gaen.jp/blogs/news", LinkNews}, {"https://shiosai-gaen.jp/pages/guide", LinkPayment},
			{"https://shiosai-gaen.jp/policies/legal-notice", LinkPayment}, {"https://shiosai-gaen.jp/blogs/news/card-payment-suspended", LinkDetail}}},
	{file: "futureshop_omni_splitdate.html", url: "https://www.wazara.jp/", contentType: "text/html; charset=UTF-8", platform: PlatformFutureShop,
		notices: []blindNotice{{"2026-06-12", "カード決済の一時停止につきまして"}, {"2026-06-05", "「涼のうつわ」特集を公開しました"},
			{"2026-05-30", "店舗改装のため6/22〜6/24は出荷をお休みします"}, {"2026-05-11", "ポイント制度リニューアルのお知らせ"}},
		links: []Link{{"https://www.wazara.jp/fs/wazara/c/information", LinkNews}, {"https://www.wazara.jp/fs/wazara/c/shoppingguide", LinkPayment},
			{"https://www.wazara.jp/fs/wazara/c/tokusho", LinkPayment}, {"https://www.wazara.jp/fs/wazara/c/info_card", LinkDetail}}},
	{file: "legacy_top_newslink_latin1.html", url: "http://www.tsuchiya-miso.example.jp/", contentType: "text/html; charset=ISO-8859-1", platform: PlatformUnknown,
		banners: []string{"サーバーメンテナンスのため、ご注文・カード決済がご利用いただけません"},
		links: []Link{{"http://www.tsuchiya-miso.example.jp/news/index.html", LinkNews}, {"http://www.tsuchiya-miso.example.jp/order.html", LinkPayment},
			{"http://www.tsuchiya-miso.example.jp/tokutei.html", LinkPayment}}},
	{file: "payment_table_noterow_sjis.html", url: "https://www.hoshino-seicha.example.jp/guide/", contentType: "text/html", platform: PlatformUnknown,
		methods:     []blindMethod{{"クレジットカード", true, true}, {"銀行振込", false, false}, {"代金引換", false, false}, {"後払い", false, false}},
		cardStopped: true,
		links:       []Link{{"https://www.hoshino-seicha.example.jp/tokushoho.html", LinkPayment}}},
	{file: "payment_img_alt_eucjp.html", url: "https://www.abe-shoten.example.jp/payment.html", contentType: "text/html", platform: PlatformUnknown,
		methods: []blindMethod{{"クレジットカード", true, false}, {"銀行振込", false, false}, {"代金引換", false, false}, {"PayPay", false, false}},
		links:   []Link{{"https://www.abe-shoten.example.jp/tokushoho.html", LinkPayment}}},
	{file: "tokushoho_card_commented_iso2022jp.html", url: "http://www.morita-youhou.example.jp/tokutei.html", contentType: "text/html", platform: PlatformUnknown,
		methods: []blindMethod{{"銀行振込", false, false}, {"郵便振替", false, false}, {"代金引換", false, false}}},
}

func TestBlind3Fixtures(t *testing.T) {
	cases := make([]blindCase, len(blind3Cases))
	for i, c := range blind3Cases {
		c.exactTitles = true // every title in blind3 is written out in full
		cases[i] = c
	}
	runBlind(t, "blind3", cases)
}
