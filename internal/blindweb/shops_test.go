package blindweb

import (
	"fmt"
	"strings"
)

// The scripts. Day 0 is Monday 2027-01-18; the run lasts 60 days. Every
// wording below was written for this test; none is taken from the
// project's corpora or generators.

// jd writes day d as a Japanese month-day with weekday: 1月28日（木）.
func jd(d int) string {
	t := dayTime(d)
	wd := []string{"日", "月", "火", "水", "木", "金", "土"}[t.Weekday()]
	return fmt.Sprintf("%d月%d日（%s）", int(t.Month()), t.Day(), wd)
}

func jyd(d int) string { return fmt.Sprintf("%d年%s", dayTime(d).Year(), jd(d)) }

// ---- innocent notice makers ----

func nNewItems(d int) notice {
	return notice{day: d, title: "春の新作アイテム入荷のお知らせ",
		body: "いつも当店をご利用いただき誠にありがとうございます。\n春の新作アイテムを多数入荷いたしました。数量限定の商品もございますので、お早めにご覧ください。"}
}

func nHoliday(d int) notice {
	return notice{day: d, title: "年末年始休業のお知らせ",
		body: "誠に勝手ながら、12月29日（火）から1月4日（月）まで年末年始休業とさせていただきます。\n休業期間中のご注文は1月5日より順次発送いたします。"}
}

func nShipFee(d int) notice {
	return notice{day: d, title: "送料改定のお知らせ",
		body: "運送会社の運賃改定に伴い、" + jd(d+14) + "ご注文分より送料を改定させていただきます。\n本州 770円 / 北海道・沖縄 1,540円\nご理解のほどよろしくお願い申し上げます。"}
}

func nSale(d int) notice {
	return notice{day: d, title: "【最大30%OFF】決算セール開催中！",
		body: jd(d) + "から" + jd(d+10) + "まで、決算セールを開催いたします。\n対象商品が最大30%OFF。クレジットカード、PayPayなど各種お支払い方法がご利用いただけます。\nこの機会をお見逃しなく！"}
}

func nPhishing(d int) notice {
	return notice{day: d, title: "当店を装った偽サイト・不審なメールにご注意ください",
		body: "当店の名称やロゴを無断で使用した偽の通販サイト、および当店を装ったフィッシングメールが確認されております。\n偽サイトでは極端な値引き価格で商品が掲載され、クレジットカード情報の入力を求められるケースがございます。\n当店の正規URL以外のサイトではクレジットカード情報を入力しないようご注意ください。\nなお、当店のシステムへの不正アクセスや情報流出の事実はございません。"}
}

func nMonthly(d, window int) notice {
	return notice{day: d, title: "【定期メンテナンス】" + jd(window) + "深夜のサービス停止について",
		body: "毎月第2木曜日は定期メンテナンス日です。\n日時：" + jyd(window) + " 午前2:00～午前5:00\n上記時間帯はサイトの閲覧およびクレジットカード決済を含む全てのご注文手続きがご利用いただけません。\n終了時刻は作業状況により前後する場合がございます。"}
}

func nProviderPlanned(d int) notice {
	return notice{day: d, title: "決済代行会社のメンテナンスに伴うクレジットカード決済の一時停止について",
		body: "当店が利用しております決済代行会社（ソニーペイメントサービス）のシステムメンテナンスに伴い、下記の時間帯はクレジットカード決済がご利用いただけません。\n" +
			jyd(d+3) + " 1:00～6:00\nメンテナンス中は代金引換・銀行振込をご利用ください。お客様にはご不便をおかけいたしますが、何卒ご理解賜りますようお願い申し上げます。"}
}

func nProviderEmergency(d int) notice {
	return notice{day: d, title: "【障害】クレジットカード決済がご利用いただけない事象について",
		body: "本日" + jd(d) + " 午前8時40分頃より、決済代行会社（ベリトランス）側で発生している通信障害の影響により、クレジットカード決済がエラーとなる事象が発生しております。\n現在、決済代行会社にて復旧作業が行われております。\n復旧までの間は、代金引換または銀行振込をご利用ください。"}
}

func nProviderRecovered(d int) notice {
	return notice{day: d, title: "【復旧】クレジットカード決済の障害について",
		body: jd(d-1) + " 8:40～17:15の間に発生しておりました決済代行会社の通信障害は復旧いたしました。\n現在はクレジットカード決済を通常通りご利用いただけます。ご迷惑をおかけし申し訳ございませんでした。"}
}

func nShortStop(d int) notice {
	return notice{day: d, title: "クレジットカード決済の一時的なエラーについて",
		body: "本日" + jd(d) + " 11時頃より、カード決済画面でエラーコード G12 が表示されご注文が完了できない不具合が発生しております。\n現在、原因を調査しております。解消までの間は、お手数ですが銀行振込をご選択ください。"}
}

func nShortResume(d int) notice {
	return notice{day: d, title: "クレジットカード決済 再開のお知らせ",
		body: "昨日" + jd(d-1) + " 11:05～19:40に発生しておりましたクレジットカード決済のエラーは、決済モジュールの設定誤りが原因であることを確認し、修正いたしました。\n現在はクレジットカード決済を再開しております。\nなお、本件はサイバー攻撃によるものではなく、お客様の情報が外部に流出した事実はございません。"}
}

func nShippingStop(d int) notice {
	return notice{day: d, title: "大雪による配送停止のお知らせ",
		body: "記録的な大雪の影響により、北陸・東北地方への配送を当面の間停止しております。\n運送会社の集荷再開の目処が立ち次第、改めてお知らせいたします。\nご注文は通常通り承っております。"}
}

func nPayPayStop(d int) notice {
	return notice{day: d, title: "PayPay決済一時停止のお知らせ",
		body: "システムの都合により、当面の間PayPayでのお支払いを停止させていただきます。\n再開時期は決まり次第お知らせいたします。\nクレジットカード決済、銀行振込、代金引換は引き続きご利用いただけます。"}
}

func nBrand(d int) notice {
	return notice{day: d, title: "ダイナースクラブカードのお取り扱い終了について",
		body: "誠に勝手ながら、2027年3月31日（水）ご注文分をもちまして、ダイナースクラブカードでのお支払いのお取り扱いを終了させていただきます。\nVISA・Mastercard・JCB・AMEXは引き続きご利用いただけます。"}
}

func n3DS(d int) notice {
	return notice{day: d, title: "3Dセキュア（本人認証サービス）導入のお知らせ",
		body: "クレジットカードの不正利用防止のため、" + jd(d+7) + "より3Dセキュア2.0による本人認証を導入いたします。\nご注文時にカード会社の認証画面が表示されますので、パスワード等をご入力ください。"}
}

func nRenewal(d int) notice {
	return notice{day: d, title: "サイトリニューアルに伴う一時休止のお知らせ",
		body: "サイトリニューアル作業のため、" + jyd(d+5) + " 0:00～" + jd(d+5) + " 15:00 の間、ネットショップを休止いたします。\n休止中はご注文・会員登録・お問い合わせフォームがご利用いただけません。\n再開後は新しいデザインでお買い物をお楽しみいただけます。"}
}

func nStoreClosed(d int) notice {
	return notice{day: d, title: "臨時休業のお知らせ",
		body: "店舗改装工事のため、" + jd(d+3) + "は実店舗・電話受付を臨時休業いたします。\nオンラインショップでのご注文は通常通り承ります。"}
}

func nFraudPolicy(d int) notice {
	return notice{day: d, title: "不正注文への対応について",
		body: "第三者によるクレジットカードの不正利用と思われるご注文が増えております。\n当店では不正検知サービスを導入しており、不審なご注文はキャンセルさせていただく場合がございます。\nご理解とご協力をお願いいたします。"}
}

func nDelay(d int) notice {
	return notice{day: d, title: "出荷遅延のお詫び",
		body: "ご注文が集中しているため、現在出荷まで5～7営業日ほどお時間をいただいております。\nお急ぎのところ誠に申し訳ございません。"}
}

// ---- suspicious notice makers ----

func leakText(d, stopDay int, cards int) notice {
	return notice{day: d, title: "不正アクセスによるお客様のクレジットカード情報漏えいに関するお詫びとお知らせ",
		body: "このたび、弊社が運営する通販サイトにおきまして、第三者による不正アクセスを受け、お客様のクレジットカード情報（" + fmt.Sprintf("%d", cards) + "件）が漏えいした可能性があることが判明いたしました。\n" +
			"お客様をはじめ関係者の皆様に多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。\n" +
			"1．経緯\n" + jyd(stopDay) + "、一部のクレジットカード会社から、弊社サイトを利用したお客様のクレジットカード情報の漏えい懸念について連絡を受け、同日弊社サイトでのカード決済を停止いたしました。\n" +
			"また、第三者調査機関による調査も開始いたしました。調査の結果、弊社サイトのシステムの一部の脆弱性をついたことによる第三者の不正アクセスにより、ペイメントアプリケーションの改ざんが行われたため、と判明いたしました。\n" +
			"2．個人情報漏えい状況\n2025年10月3日～" + jyd(stopDay) + "の期間中に弊社サイトにおいてクレジットカード決済をされたお客様最大" + fmt.Sprintf("%d", cards) + "名\n" +
			"3．お客様へのお願い\nクレジットカードのご利用明細書に身に覚えのない請求項目がないか、ご確認をお願いいたします。"}
}

// ---- the web ----

// newShops returns the blind web's shops with their scripts.
func newShops() []*shop {
	var ss []*shop
	add := func(s *shop) { ss = append(ss, s) }
	// addI adds an innocent shop: no day of its script should flag it.
	addI := func(s *shop) { s.signal = -1; ss = append(ss, s) }

	// ===== suspicious =====

	// S1: the classic: メンテナンス → システム不具合 → extension → leak.
	// EC-CUBE 2, EUC-JP in meta only, everything inline on the top page.
	add(&shop{key: "s01", name: "手づくり雑貨 こもれび", plat: eccube2, cs: eucMeta, kind: "classic: maintenance → fault → extension → leak",
		signal: 10,
		notices: []notice{nHoliday(-25), nNewItems(-9),
			{day: 10, title: "クレジットカード決済についてのお知らせ", body: "現在、決済システムのメンテナンスのため、クレジットカード決済を一時停止しております。\n再開時期につきましては決まり次第お知らせいたします。\nお手数をおかけいたしますが、銀行振込・代金引換をご利用くださいますようお願い申し上げます。"},
			{day: 11, title: "【続報】クレジットカード決済停止について", body: "決済システムに不具合が確認されたため、引き続きクレジットカード決済を停止しております。\nご迷惑をおかけし誠に申し訳ございません。"},
			{day: 25, title: "クレジットカード決済の停止期間延長について", body: "システム不具合への対応に時間を要しており、クレジットカード決済の停止期間を延長させていただきます。\n再開の目処が立ち次第、改めてご案内いたします。"},
			leakText(52, 10, 2140)},
		pay: []payChange{{10, payCardStopped}}})

	// S2: the classic on Shopify, with the announcement bar, an ETag server.
	add(&shop{key: "s02", name: "COFFEE ROASTERS 珈琲焙煎所", plat: shopify, cs: utf8Both, kind: "classic on Shopify + bar", etag: true,
		signal: 18,
		notices: []notice{nNewItems(-4), nSale(3),
			{day: 18, title: "クレジットカード決済一時停止のお知らせ", body: "平素より当店をご利用いただきありがとうございます。\n現在、システムメンテナンスのためクレジットカードでのお支払いを停止しております。\n再開予定は未定です。再開の際は当ページにてお知らせいたします。\nAmazon Pay、銀行振込は引き続きご利用いただけます。"},
			{day: 20, title: "クレジットカード決済停止に関するお詫び", body: "突然の停止によりお客様には大変ご迷惑をおかけしております。\nシステム不具合の復旧に向けて対応を進めております。\n引き続き、銀行振込をご利用ください。"},
			{day: 41, title: "クレジットカード決済停止の継続について", body: "クレジットカード決済は当面の間停止を継続いたします。\n再開時期は別途ご連絡いたします。"}},
		banners: []banner{{span{18, 0}, "【重要】現在クレジットカード決済を停止しております"}},
		pay:     []payChange{{18, payCardRemoved}}})

	// S3: the classic on WordPress, 500s on two days inside the episode.
	add(&shop{key: "s03", name: "オーガニックコスメ 花咲", plat: wordpress, cs: utf8Both, kind: "classic on WordPress, 500 on days 20-21",
		signal: 5, err500: []int{20, 21},
		notices: []notice{nNewItems(-20), n3DS(-6),
			{day: 5, title: "メンテナンスに伴うクレジットカード決済停止について", body: "決済システムのメンテナンスを実施しているため、" + jd(5) + "よりクレジットカード決済をご利用いただけません。\n終了時期は現在未定となっております。\n代金引換・後払い（コンビニ・郵便局）は通常通りご利用いただけます。"},
			{day: 6, title: "クレジットカード決済についてのお詫び", body: "現在、システムの不具合によりクレジットカード決済を停止しております。\n復旧次第お知らせいたします。"},
			{day: 33, title: "カード決済の再開時期について", body: "クレジットカード決済の再開にはもう少しお時間をいただく見込みです。\n再開時期が決定いたしましたら、改めてお知らせいたします。"},
			leakText(57, 5, 873)},
		pay: []payChange{{5, payCardStopped}}})

	// S4: banner only (EC-CUBE 4), nothing in the news.
	add(&shop{key: "s04", name: "北欧家具とインテリア Lumi", plat: eccube4, cs: utf8Meta, kind: "banner only",
		signal:  27,
		notices: []notice{nHoliday(-25), nNewItems(-2), nShipFee(15), nSale(40)},
		banners: []banner{{span{27, 0}, "ただいまシステムメンテナンスのため、当面の間クレジットカードでのお支払いを停止しております。銀行振込・代金引換をご利用ください。"}}})

	// S5: banner only on a hand-made Shift_JIS site.
	add(&shop{key: "s05", name: "山田屋 干物本舗", plat: legacy, cs: sjisMeta, kind: "banner only, Shift_JIS legacy",
		signal:  33,
		notices: []notice{nHoliday(-24), {day: -10, title: "寒ぶり入荷しました", body: "今年も脂ののった寒ぶりが入荷しました。数量限定です。"}, nShipFee(20)},
		banners: []banner{{span{33, 0}, "■重要■ 只今、カード決済を停止しております。再開時期は未定です。代引き・銀行振込でご注文ください。"}}})

	// S6: payment page only: the card entry marked 停止中 (カラーミー, EUC-JP).
	add(&shop{key: "s06", name: "陶房 あおい窯", plat: colorme, cs: eucMeta, kind: "payment page: card 停止中 only",
		signal:  14,
		notices: []notice{nNewItems(-14), nStoreClosed(8), nSale(30)},
		pay:     []payChange{{14, payCardStopped}}})

	// S7: payment page only: the card entry removed (BASE).
	add(&shop{key: "s07", name: "ハンドメイドアクセサリー mimosa", plat: base, cs: utf8Both, kind: "payment page: card removed only",
		signal:  21,
		notices: []notice{nNewItems(-3), nDelay(12), nSale(45)},
		pay:     []payChange{{21, payCardRemoved}}})

	// S8: a leak announcement with no earlier episode (STORES).
	add(&shop{key: "s08", name: "ベビー服セレクト ひだまり", plat: stores, cs: utf8Both, kind: "leak only",
		signal:  30,
		notices: []notice{nNewItems(-8), nPhishing(9), leakText(30, -120, 5321)}})

	// S9: a leak announcement, Shift_JIS MakeShop, no earlier episode.
	add(&shop{key: "s09", name: "釣具の海人", plat: makeshop, cs: sjisMeta, kind: "leak only, Shift_JIS",
		signal: 44,
		notices: []notice{nHoliday(-25), nShipFee(2), nDelay(19),
			{day: 44, title: "弊社サイトへの不正アクセスによる個人情報流出に関するお詫びとお知らせ", body: "このたび、弊社が運営する「釣具の海人」オンラインショップにおいて、第三者による不正アクセスを受け、お客様のクレジットカード情報（最大412件）および個人情報が流出した可能性があることが判明いたしました。\n第三者調査機関によるフォレンジック調査の結果、決済画面が改ざんされていたことが原因と判明しております。\n対象期間：2026年5月10日～2026年10月2日\nお客様には多大なるご迷惑とご心配をおかけしましたことを深くお詫び申し上げます。"}}})

	// S10: a stop worded curtly, in a title only, no body (MakeShop list).
	add(&shop{key: "s10", name: "プロ用調理器具 匠", plat: makeshop, cs: utf8Both, kind: "title-only curt stop",
		signal: 16,
		notices: []notice{nNewItems(-11), nSale(4),
			{day: 16, title: "【重要】クレジットカード決済停止中"}}})

	// S11: a stop worded curtly in a title only, futureshop list (no detail).
	add(&shop{key: "s11", name: "ワインセラー葡萄屋", plat: futureshop, cs: utf8Both, kind: "title-only curt stop (futureshop)",
		signal: 38,
		notices: []notice{nHoliday(-25), nNewItems(5), n3DS(22),
			{day: 38, title: "現在カード決済はご利用いただけません（再開未定）"}}})

	// S12: a stop in Shift_JIS on a hand-made site, charset nowhere.
	add(&shop{key: "s12", name: "ふとん工房 ねむりや", plat: legacy, cs: sjisNone, kind: "stop in Shift_JIS, charset nowhere",
		signal: 12,
		notices: []notice{nHoliday(-24), {day: -5, title: "羽毛ふとん打ち直し受付中", body: "羽毛ふとんの打ち直し・リフォームを受付中です。お気軽にお問い合わせください。"},
			{day: 12, title: "クレジットカード決済の停止について", body: "システム障害のため、当分の間クレジットカードでのご注文を停止させていただきます。\n代金引換・銀行振込は通常通りご利用いただけます。\nご不便をおかけしますが、よろしくお願いいたします。"}},
		pay: []payChange{{12, payCardRemoved}}})

	// S13: new-card entry stopped, stored cards still work (カラーミー UTF-8).
	add(&shop{key: "s13", name: "ペット用品 わんにゃん堂", plat: colorme, cs: utf8Meta, kind: "new card entry stopped, stored cards work",
		signal: 24,
		notices: []notice{nNewItems(-6), nPhishing(10),
			{day: 24, title: "新規クレジットカード登録の一時休止について", body: "現在、保守管理上の理由により、新規でのクレジットカード決済およびカード登録を一時休止しております。\n登録済みのカードは引き続きご利用いただけます。\n再開時期につきましては、決定次第ご案内いたします。"}}})

	// S14: the classic, Shift_JIS under a header that says UTF-8, and / → /shop/.
	add(&shop{key: "s14", name: "日本茶専門店 茶寮みどり", plat: eccube2, cs: sjisLying, kind: "classic, lying header, / → /shop/",
		signal: 7, redirect: true,
		notices: []notice{nHoliday(-25), nNewItems(-3),
			{day: 7, title: "カード決済メンテナンスのお知らせ", body: "ただいま決済システムのメンテナンス中のため、クレジットカードでのお支払いがご利用いただけません。\nメンテナンス終了時期は決まり次第お知らせします。"},
			{day: 9, title: "カード決済の停止について（続報）", body: "システムに不具合が見つかったため、当面の間クレジットカード決済を停止いたします。\n銀行振込・代金引換をご利用ください。"},
			{day: 30, title: "クレジットカード決済停止の延長について", body: "クレジットカード決済の停止期間を延長いたします。再開については未定です。"}},
		pay: []payChange{{7, payCardStopped}}})

	// S15: a stop in an EC-CUBE 4 description only, a Last-Modified server.
	add(&shop{key: "s15", name: "クラフトビール 麦の詩", plat: eccube4, cs: utf8Meta, kind: "stop in an inline description, Last-Modified only", lastMod: true,
		signal: 29,
		notices: []notice{nNewItems(-13), nShipFee(6),
			{day: 29, title: "お支払い方法について", body: "決済システムの不具合により、当面の間クレジットカード決済を停止しております。\n代金引換、銀行振込をご利用ください。"}}})

	// S16: a stop on WordPress whose body carries injected markup.
	add(&shop{key: "s16", name: "スポーツ用品 RUNWAY", plat: wordpress, cs: utf8Meta, kind: "stop with injected <script>",
		signal: 35, robots: true,
		notices: []notice{nNewItems(-7), nSale(14),
			{day: 35, title: "クレジットカード決済の停止について <script>alert('bw-title')</script>", body: "現在、システムメンテナンスのため、クレジットカード決済を停止しております。\n再開時期は未定です。銀行振込・コンビニ決済をご利用ください。\n<script>alert('bw-text')</script>",
				raw: `<script>document.write('<img src=x onerror=alert("bw-raw")>')</script><p onclick="alert('bw-attr')">ご不便をおかけします。</p>`}},
		pay: []payChange{{35, payCardStopped}}})

	// ===== innocent =====

	// Shops relaying the same provider's planned maintenance on day 15, and
	// the same provider's emergency on day 40, recovered on day 41.
	planned := func(d int) notice { return nProviderPlanned(d) }

	addI(&shop{key: "i01", name: "こだわり食材 まるしん", plat: eccube2, cs: eucHeader, kind: "monthly maintenance + provider planned",
		notices: []notice{nHoliday(-25), nMonthly(-2, 3), nMonthly(24, 31), planned(15), nNewItems(40)}})
	addI(&shop{key: "i02", name: "靴とバッグのSTEP", plat: eccube4, cs: utf8Meta, kind: "provider planned + emergency",
		notices: []notice{nNewItems(-5), planned(15), nProviderEmergency(40), nProviderRecovered(41), nSale(50)}})
	addI(&shop{key: "i03", name: "ガーデニング 緑の庭", plat: makeshop, cs: sjisMeta, kind: "provider planned + emergency, Shift_JIS",
		notices: []notice{nHoliday(-25), planned(15), nProviderEmergency(40), nProviderRecovered(41)}})
	addI(&shop{key: "i04", name: "文具のペンギン堂", plat: colorme, cs: eucMeta, kind: "provider planned + emergency + phishing",
		notices: []notice{nPhishing(3), planned(15), nProviderEmergency(40), nProviderRecovered(41)}})
	addI(&shop{key: "i05", name: "アウトドアギア BASECAMP", plat: shopify, cs: utf8Both, kind: "provider planned + emergency, ETag",
		etag:    true,
		notices: []notice{nNewItems(-1), planned(15), nProviderEmergency(40), nProviderRecovered(41)}})
	addI(&shop{key: "i06", name: "和菓子 つきみ庵", plat: wordpress, cs: utf8Both, kind: "provider planned + emergency",
		notices: []notice{nHoliday(-25), planned(15), nProviderEmergency(40), nProviderRecovered(41), nShipFee(47)}})
	addI(&shop{key: "i07", name: "レザークラフト 革工房", plat: futureshop, cs: utf8Both, kind: "provider planned + sale",
		notices: []notice{planned(15), nSale(26)}})

	// The short stop, then 再開 the next day (STORES).
	addI(&shop{key: "i08", name: "キッチン雑貨 あさひ", plat: stores, cs: utf8Both, kind: "short stop then 再開",
		notices: []notice{nNewItems(-6), nShortStop(19), nShortResume(20), nSale(36)},
		pay:     []payChange{{19, payCardStopped}, {20, payNormal}}})
	// A short stop and its resumption, both seen on the same crawl (WordPress).
	addI(&shop{key: "i09", name: "眼鏡のクリアビュー", plat: wordpress, cs: utf8Meta, kind: "short stop and 再開 the same day",
		notices: []notice{nNewItems(-14), nShortStop(31), nShortResume(31)}})

	// A shipping stop (当面の間, 目処が立ち次第, no card).
	addI(&shop{key: "i10", name: "新潟米 田んぼの恵み", plat: makeshop, cs: eucMeta, kind: "shipping stop",
		notices: []notice{nHoliday(-25), nShippingStop(9), {day: 23, title: "配送再開のお知らせ", body: "北陸・東北地方への配送を本日より再開いたしました。\n大変ご迷惑をおかけいたしました。"}}})
	// PayPay stop, open-ended, with a maintenance pretext (not card).
	addI(&shop{key: "i11", name: "スマホアクセサリー CASE-ya", plat: base, cs: utf8Both, kind: "PayPay stop",
		notices: []notice{nNewItems(-4), nPayPayStop(17)},
		pay:     []payChange{{17, payPayPayOff}}})
	addI(&shop{key: "i12", name: "古書 みやび堂", plat: legacy, cs: sjisMeta, kind: "PayPay stop, Shift_JIS legacy",
		notices: []notice{nHoliday(-24), nPayPayStop(28)},
		pay:     []payChange{{28, payPayPayOff}}})
	// Phishing warnings.
	addI(&shop{key: "i13", name: "ブランド古着 RE:WEAR", plat: shopify, cs: utf8Both, kind: "phishing + fraud policy",
		notices: []notice{nPhishing(6), nFraudPolicy(34)}})
	addI(&shop{key: "i14", name: "地酒の酒蔵 久保田屋", plat: eccube2, cs: eucMeta, kind: "phishing + brand change",
		notices: []notice{nHoliday(-25), nPhishing(11), nBrand(37)}})
	// Ordinary news, sales.
	addI(&shop{key: "i15", name: "子ども服 こぐま", plat: stores, cs: utf8Both, kind: "ordinary news and sale",
		notices: []notice{nNewItems(-10), nSale(8), nDelay(26), nNewItems(48)}})
	addI(&shop{key: "i16", name: "手ぬぐい専門店 染", plat: colorme, cs: utf8Meta, kind: "ordinary news, 3DS",
		notices: []notice{n3DS(12), nStoreClosed(29)}})
	// Site renewal with a fixed window (the whole shop stops).
	addI(&shop{key: "i17", name: "アロマとハーブ 香草舎", plat: eccube4, cs: utf8Meta, kind: "site renewal, fixed window",
		notices: []notice{nNewItems(-9), nRenewal(21)}})
	// Monthly maintenance, recurring.
	addI(&shop{key: "i18", name: "パソコン周辺機器 DENKI-BOX", plat: wordpress, cs: utf8Both, kind: "monthly maintenance, card named",
		notices: []notice{nMonthly(-3, 3), nMonthly(25, 31), nMonthly(53, 59)}})
	// The 503-for-a-week site (no notice at all).
	addI(&shop{key: "i19", name: "インテリア照明 あかり", plat: shopify, cs: utf8Both, kind: "whole site 503 for a week",
		down:    span{26, 33},
		notices: []notice{nNewItems(-12), nSale(40)}})
	// 500 on some days.
	addI(&shop{key: "i20", name: "健康食品 いきいき本舗", plat: makeshop, cs: sjisLying, kind: "500 on some days, lying header",
		err500:  []int{4, 5, 17, 44},
		notices: []notice{nHoliday(-25), nFraudPolicy(13), nShipFee(38)}})
	// The slow page.
	addI(&shop{key: "i21", name: "楽器の音楽館", plat: futureshop, cs: utf8Both, kind: "slow news pages",
		slowPath: true,
		notices:  []notice{nNewItems(-4), nSale(16), nDelay(35)}})
	// robots.txt disallowing /cart, a Last-Modified server.
	addI(&shop{key: "i22", name: "ベーカリー 小麦の丘", plat: eccube2, cs: utf8Both, kind: "robots /cart, Last-Modified", robots: true, lastMod: true,
		notices: []notice{nNewItems(-2), nStoreClosed(18), nMonthly(50, 52)}})
	// Redirect / → /shop/, ETag.
	addI(&shop{key: "i23", name: "カメラのレンズ堂", plat: wordpress, cs: utf8Both, kind: "/ → /shop/, ETag", redirect: true, etag: true,
		notices: []notice{nNewItems(-8), nBrand(14), nProviderEmergency(40), nProviderRecovered(41)}})
	// A legacy EUC-JP site with ordinary news.
	addI(&shop{key: "i24", name: "金物の三条屋", plat: legacy, cs: eucHeader, kind: "legacy EUC-JP ordinary news",
		notices: []notice{nHoliday(-24), nShipFee(10), nShippingStop(27)}})
	// A fixed long window with the card named, relayed by one shop only.
	addI(&shop{key: "i25", name: "ジュエリー 月の雫", plat: base, cs: utf8Both, kind: "long fixed window, one shop",
		notices: []notice{nNewItems(-5), {day: 32, title: "システム入替に伴う決済停止のお知らせ",
			body: "決済システム入替作業のため、" + jyd(36) + " 10:00～" + jyd(37) + " 18:00 の間、クレジットカード決済を含む全てのお支払い手続きを停止いたします。\n作業終了後は通常通りご利用いただけます。"}}})
	// A shop whose payment page lists the card again after a brand change.
	addI(&shop{key: "i26", name: "サーフショップ波乗り", plat: stores, cs: utf8Both, kind: "brand change, fraud policy",
		notices: []notice{nBrand(11), nFraudPolicy(33)}})
	return ss
}

// shortShops is the subset the always-on short test uses, with its days.
func shortShops() ([]*shop, []int) {
	var out []*shop
	want := map[string]bool{"s01": true, "s12": true, "s16": true, "i01": true, "i13": true}
	for _, s := range newShops() {
		if want[s.key] {
			out = append(out, s)
		}
	}
	return out, []int{0, 10, 12, 35}
}

// hasScript reports whether s carries a script element or handler unescaped.
func hasScript(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "<script") || strings.Contains(l, "onerror=") || strings.Contains(l, "onclick=")
}
