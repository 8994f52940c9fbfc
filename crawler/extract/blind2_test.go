package extract

import "testing"

// The second blind set (testdata/blind2/) was written in session 3 without
// reading the extractor's heuristics, modelled on PLATFORMS.md and unlike both
// the tuning fixtures and testdata/blind: EC-CUBE 4 accordion news with more
// than five items, EC-CUBE 2 with Y/m/d dates in <dt> (EUC-JP, charset only in
// <meta>), a MakeShop news <table> (Shift_JIS, meta only), a カラーミー free
// page of ■-prefixed plain-text notices, a futureshop <dl> with labels, Shopify
// Dawn article cards whose <time datetime> is UTC of the previous day, a BASE
// blog whose items are whole <a> blocks with "YYYY/MM/DD HH:MM", STORES news
// with an undated pinned post and dates after titles, a WordPress category
// archive with published and updated times and a sidebar repeating the
// titles, a Shift_JIS <ul> of unlinked notices with half-width katakana and
// no charset anywhere, 令和 / R8.6.1 / year-less dates (one whose weekday is
// wrong, so unknown), a red <p> and a <marquee> banner, a payment <dl> whose
// card entry is struck out with <s>, and a 特商法 table listing methods
// inline with the card simply missing (Shift_JIS under a lying UTF-8 header).
//
// Expectations were written by hand from each page before the first run; the
// first-run figures are in testdata/blind2/README.md.
var blind2Cases = []blindCase{
	{file: "eccube4_news_accordion.html", url: "https://yamabuki-do.example.jp/", contentType: "text/html; charset=UTF-8", platform: PlatformECCUBE4,
		notices: []blindNotice{{"2026-06-11", "クレジットカード決済の一時休止について"}, {"2026-06-03", "水無月の予約を承ります"}, {"2026-05-20", "配送料金改定のお知らせ"},
			{"2026-04-28", "ゴールデンウィーク期間の発送について"}, {"2026-04-01", "春の新商品「桜もち」発売"}, {"2026-03-15", "ホームページをリニューアルしました"}},
		links: []Link{{"https://yamabuki-do.example.jp/help/guide", LinkPayment}, {"https://yamabuki-do.example.jp/help/tradelaw", LinkPayment},
			{"https://yamabuki-do.example.jp/user_data/card_info", LinkDetail}}},
	{file: "eccube2_top_eucjp.html", url: "https://maruyoshi-himono.example.jp/", contentType: "text/html", platform: PlatformECCUBE2,
		notices: []blindNotice{{"2026-06-12", "カード決済システム停止のお知らせ"}, {"2026-06-01", "梅雨時期の配送について"}, {"2026-05-10", "母の日ギフトセット完売のお礼"}},
		links: []Link{{"https://maruyoshi-himono.example.jp/order/", LinkPayment}, {"https://maruyoshi-himono.example.jp/user_data/guide.php", LinkPayment},
			{"https://maruyoshi-himono.example.jp/user_data/oshirase0612.php", LinkDetail}}},
	{file: "makeshop_news_table_sjis.html", url: "https://itohen-hanpu.example.jp/", contentType: "text/html", platform: PlatformMakeShop,
		notices: []blindNotice{{"2026-06-10", "【重要】クレジットカード決済メンテナンスのお知らせ"}, {"2026-06-02", "夏季休業のお知らせ(8/12~8/16)"},
			{"2026-05-22", "新色「生成×紺」入荷しました"}, {"2026-05-07", "名入れサービス再開のお知らせ"}},
		links: []Link{{"https://itohen-hanpu.example.jp/html/page1.html", LinkPayment}, {"https://itohen-hanpu.example.jp/shop/law.html", LinkPayment},
			{"https://itohen-hanpu.example.jp/html/page5.html", LinkDetail}}},
	{file: "colorme_f1_freetext.html", url: "https://tsumugi.shop-pro.jp/?mode=f1", contentType: "text/html; charset=UTF-8", platform: PlatformColorMe,
		notices: []blindNotice{{"2026-06-13", "クレジットカード決済一時停止のお知らせ"}, {"2026-06-04", "白磁の小皿が再入荷しました"},
			{"2026-05-19", "個展のお知らせ"}, {"2026-04-26", "GW休業のお知らせ"}},
		links: []Link{{"https://tsumugi.shop-pro.jp/?mode=sk", LinkPayment}}},
	{file: "futureshop_news_dl.html", url: "https://kanade-tea.example.jp/fs/kanade/c/news", contentType: "text/html; charset=UTF-8", platform: PlatformFutureShop,
		notices: []blindNotice{{"2026-06-12", "クレジットカード決済停止に関するお詫び"}, {"2026-06-05", "ダージリン ファーストフラッシュ入荷"}, {"2026-05-27", "臨時休業日のご案内"}},
		links: []Link{{"https://kanade-tea.example.jp/fs/kanade/c/guide", LinkPayment}, {"https://kanade-tea.example.jp/fs/kanade/c/tokutei", LinkPayment},
			{"https://kanade-tea.example.jp/fs/kanade/c/news/card0612", LinkDetail}}},
	{file: "shopify_blog_cards.html", url: "https://ainoma.jp/blogs/news", contentType: "text/html; charset=utf-8", platform: PlatformShopify,
		notices: []blindNotice{{"2026-06-01", "クレジットカード決済を一時停止しております"}, {"2026-05-24", "夏の麻のれん 受注開始"}, {"2026-05-10", "藍染めワークショップ開催報告"}},
		links: []Link{{"https://ainoma.jp/pages/guide", LinkPayment}, {"https://ainoma.jp/policies/legal-notice", LinkPayment},
			{"https://ainoma.jp/blogs/news/card-suspend", LinkDetail}}},
	{file: "base_blog_anchor.html", url: "https://mametoki.base.shop/blog", contentType: "text/html; charset=UTF-8", platform: PlatformBASE,
		notices: []blindNotice{{"2026-06-09", "カード決済がご利用いただけない件について"}, {"2026-05-29", "エチオピア・ゲイシャ 限定焙煎のお知らせ"}, {"2026-05-02", "5月の営業日カレンダー"}},
		links:   []Link{{"https://mametoki.base.shop/law", LinkPayment}, {"https://mametoki.base.shop/blog/2026/06/09/183012", LinkDetail}}},
	{file: "stores_news_pinned.html", url: "https://hidamari-dougu.stores.jp/news", contentType: "text/html; charset=utf-8", platform: PlatformSTORES,
		notices: []blindNotice{{"", "ご注文から発送までの流れ"}, {"2026-06-11", "クレジットカード決済の一時停止について"},
			{"2026-06-02", "昭和レトロなガラス食器を追加しました"}, {"2026-05-18", "骨董市出店のため発送をお休みします"}},
		links: []Link{{"https://hidamari-dougu.stores.jp/law", LinkPayment}, {"https://hidamari-dougu.stores.jp/news/6667b3d4e5", LinkDetail}}},
	{file: "wp_category_oshirase.html", url: "https://fujiya-tenugui.jp/category/oshirase/", contentType: "text/html; charset=UTF-8", platform: PlatformWordPress,
		notices: []blindNotice{{"2026-06-10", "クレジットカード決済のメンテナンスについて"}, {"2026-05-31", "紫陽花柄の新作手ぬぐい"}, {"2026-05-12", "配送業者変更のお知らせ"}},
		links: []Link{{"https://fujiya-tenugui.jp/guide/", LinkPayment}, {"https://fujiya-tenugui.jp/tokushoho/", LinkPayment},
			{"https://fujiya-tenugui.jp/2026/06/10/card-maintenance/", LinkDetail}}},
	{file: "handmade_ul_nolinks_sjis.html", url: "http://shabondama.example.jp/", contentType: "text/html", platform: PlatformUnknown,
		notices: []blindNotice{{"2026-06-12", "クレジットカード決済を停止しています"}, {"2026-06-01", "メンテナンスのお知らせ"},
			{"2026-05-20", "ラベンダー石けんを追加しました"}, {"2026-05-03", "送料を改定しました"}},
		links: []Link{{"http://shabondama.example.jp/shiharai.html", LinkPayment}}},
	{file: "wareki_yearless_eucjp.html", url: "http://kameya-honpo.example.jp/", contentType: "text/html; charset=EUC-JP", platform: PlatformUnknown,
		notices: []blindNotice{{"2026-06-10", "クレジットカード決済一時停止のお知らせ"}, {"2026-06-03", "父の日限定 詰め合わせのご案内"},
			{"2026-06-01", "夏季限定「新生姜の佃煮」発売"}, {"", "工場見学会の日程について"}, {"2019-10-01", "消費税率変更に伴う価格改定について"}},
		links: []Link{{"http://kameya-honpo.example.jp/kessai.html", LinkPayment}}},
	{file: "top_red_marquee.html", url: "https://nemuriya.example.jp/", contentType: "text/html; charset=UTF-8", platform: PlatformUnknown,
		notices: []blindNotice{{"2026-06-08", "麻ケット 2026年モデル発売"}, {"2026-05-26", "枕の無料お試しキャンペーン"}},
		banners: []string{"システム不具合のため、現在クレジットカード決済を停止しております", "サーバーメンテナンスのため一時サイトがご覧いただけません"},
		links: []Link{{"https://nemuriya.example.jp/news/", LinkNews}, {"https://nemuriya.example.jp/guide/payment.html", LinkPayment},
			{"https://nemuriya.example.jp/tokushoho.html", LinkPayment}}},
	{file: "payment_dl_struck.html", url: "https://asahi-ringo.example.jp/guide/payment.html", contentType: "text/html; charset=UTF-8", platform: PlatformUnknown,
		methods:     []blindMethod{{"クレジットカード", true, true}, {"銀行振込", false, false}, {"代金引換", false, false}, {"郵便振替", false, false}},
		cardStopped: true},
	{file: "tokushoho_inline_nocard.html", url: "https://shirayuki-tofu.example.jp/tokushoho.html", contentType: "text/html; charset=UTF-8", platform: PlatformUnknown,
		methods: []blindMethod{{"銀行振込", false, false}, {"代金引換", false, false}}},
	{file: "news_div_h3_date_after.html", url: "https://komorebisha.example.jp/info/", contentType: "text/html; charset=utf-8", platform: PlatformUnknown,
		notices: []blindNotice{{"2026-06-11", "カード決済に関するお詫び"}, {"2026-06-04", "積み木セットが再入荷しました"}, {"2026-05-28", "夏季休業のお知らせ"}},
		links:   []Link{{"https://komorebisha.example.jp/guide/", LinkPayment}, {"https://komorebisha.example.jp/law/", LinkPayment}}},
}

func TestBlind2Fixtures(t *testing.T) {
	cases := make([]blindCase, len(blind2Cases))
	for i, c := range blind2Cases {
		c.exactTitles = true // every title in blind2 is written out in full
		cases[i] = c
	}
	runBlind(t, "blind2", cases)
}
