package demoweb

import (
	"fmt"
	"strings"
	"time"
)

// kind is what a news item is about; its wording is chosen per shop from the
// variants below so that no two shops read alike.
type kind int

const (
	kProduct   kind = iota // 新商品
	kShipping              // 送料改定
	kHoliday               // 夏季休業 / 年末年始
	kDelay                 // 配送遅延
	kCampaign              // ポイント・セール
	kNewMethod             // a new payment method (card vocabulary, benign)
	kSuspend               // classic day 0: open-ended stop, メンテナンス pretext
	kFault                 // classic day 1: システム不具合
	kExtend                // classic day 45: extension
	kLeak                  // leak announcement
	kOutage                // resumed day 0: short open-ended stop
	kResume                // resumed day 3: 再開いたしました
	kScheduled             // fixed window a week ahead
	kMonthly               // recurring monthly window
	kProvider              // provider-wide maintenance, identical on every shop
	kPhishing              // fake-site warning
	kFraud                 // fraud-order policy / 3-D Secure
)

// item is one news item; its text is rendered on request from the kind and
// variant so that a web of 2000 shops stays small in memory.
type item struct {
	ID   int
	Kind kind
	Var  int
	Date time.Time
	// Ref is a second date the text refers to: the start of the stop for
	// extensions and leak announcements, the window for maintenance.
	Ref time.Time
}

// jst is fixed rather than loaded so that a machine without tzdata works.
var jst = time.FixedZone("JST", 9*60*60)

var weekdays = []string{"日", "月", "火", "水", "木", "金", "土"}

func jpDate(t time.Time) string {
	t = t.In(jst)
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

func jpDateW(t time.Time) string {
	return jpDate(t) + "（" + weekdays[t.In(jst).Weekday()] + "）"
}

func mdW(t time.Time) string {
	t = t.In(jst)
	return fmt.Sprintf("%d月%d日（%s）", int(t.Month()), t.Day(), weekdays[t.Weekday()])
}

// notice is a rendered news item.
type notice struct {
	Title string
	Body  string // paragraphs separated by "\n"
}

// seasonal picks a variant by the month of t, so that a summer-holiday
// notice is posted in summer and a snow delay in winter.
func seasonal(t time.Time, byMonth [12]int) int { return byMonth[t.In(jst).Month()-1] }

func pick[T any](v []T, i int) T { return v[((i%len(v))+len(v))%len(v)] }

// text renders one item for shop s.
func (s *shop) text(it item) notice {
	alt := strings.Join(s.others, "・")
	r := strings.NewReplacer(
		"{店}", s.name,
		"{日}", jpDate(it.Date),
		"{日曜}", mdW(it.Date),
		"{前日}", jpDate(it.Ref),
		"{代替}", alt,
		"{窓日}", jpDateW(it.Ref),
		"{予備日}", jpDateW(it.Ref.Add(day)),
		"{品}", pick(s.genre.products, it.Var).Name,
		"{品2}", pick(s.genre.products, it.Var+1).Name,
		"{年}", fmt.Sprint(it.Date.In(jst).Year()),
	)
	var n notice
	switch it.Kind {
	case kProduct:
		n = pick(productNews, it.Var)
	case kShipping:
		n = pick(shippingNews, it.Var)
	case kHoliday:
		n = holidayNews[seasonal(it.Date, [12]int{1, 1, 2, 2, 3, 0, 0, 0, 3, 3, 1, 1})]
	case kDelay:
		n = delayNews[seasonal(it.Date, [12]int{1, 1, 2, 2, 2, 2, 0, 0, 0, 0, 2, 1})]
	case kCampaign:
		n = pick(campaignNews, it.Var)
	case kNewMethod:
		n = pick(newMethodNews, it.Var)
	case kSuspend:
		n = pick(suspendNews, it.Var)
	case kFault:
		n = pick(faultNews, it.Var)
	case kExtend:
		n = pick(extendNews, it.Var)
	case kLeak:
		n = pick(leakNews, it.Var)
	case kOutage:
		n = pick(outageNews, it.Var)
	case kResume:
		n = pick(resumeNews, it.Var)
	case kScheduled:
		n = pick(scheduledNews, it.Var)
	case kMonthly:
		n = pick(monthlyNews, it.Var)
	case kProvider:
		n = providerNews
	case kPhishing:
		n = pick(phishingNews, it.Var)
	case kFraud:
		n = pick(fraudNews, it.Var)
	}
	out := notice{Title: r.Replace(n.Title), Body: r.Replace(n.Body)}
	if s.inject && (it.Kind == kSuspend || it.Kind == kFault) {
		out.Title = XSSTitle + out.Title
		out.Body = out.Body + "\n" + XSSAttr
	}
	return out
}

var productNews = []notice{
	{"新商品「{品}」を発売しました", "いつも{店}をご利用いただきありがとうございます。\n新商品「{品}」の販売を開始いたしました。\n数量限定となっておりますので、お早めにお買い求めください。"},
	{"{品}が再入荷しました", "ご好評をいただき品切れとなっておりました「{品}」が再入荷いたしました。\nお待たせいたしました。あわせて「{品2}」もおすすめです。"},
	{"秋の新作のご案内", "今年も新作をご用意いたしました。\n「{品}」「{品2}」など、季節にあわせた商品を順次公開してまいります。"},
	{"【新入荷】{品2}", "{品2}が入荷しました。店主おすすめの一品です。\nギフト包装も承ります（無料）。"},
}

var shippingNews = []notice{
	{"送料改定のお知らせ", "平素より{店}をご愛顧いただき誠にありがとうございます。\n運送会社の運賃値上げに伴い、{日}ご注文分より送料を改定させていただきます。\n本州：800円 → 880円／北海道・沖縄：1,500円 → 1,650円\nなお、税込8,000円以上のご注文は引き続き送料無料です。"},
	{"送料無料ラインの変更について", "これまで税込10,000円以上で送料無料としておりましたが、{日}より税込6,000円以上で送料無料といたします。\n今後とも{店}をよろしくお願いいたします。"},
	{"配送業者変更のお知らせ", "{日}発送分より、配送業者をヤマト運輸から佐川急便に変更いたします。\n お届け日数に大きな変更はございません。"},
}

var holidayNews = []notice{
	{"夏季休業のお知らせ", "誠に勝手ながら、8月11日（火）～8月16日（日）は夏季休業とさせていただきます。\n休業期間中もご注文は承っておりますが、発送は8月17日（月）より順次となります。"},
	{"年末年始の営業について", "年末年始は12月29日～1月4日までお休みをいただきます。\n12月28日正午までのご注文は年内に発送いたします。\n休業中のお問い合わせは1月5日以降に順次ご返信いたします。"},
	{"ゴールデンウィーク期間中の発送について", "4月29日～5月6日は出荷業務をお休みいたします。\nご注文・お問い合わせは通常どおり受け付けております。"},
	{"臨時休業のお知らせ", "店舗改装のため、{日曜}は臨時休業とさせていただきます。\nオンラインショップのご注文は受け付けておりますが、発送は翌営業日となります。"},
}

var delayNews = []notice{
	{"台風接近に伴う配送遅延について", "台風の影響により、九州・四国地方へのお届けに遅れが生じております。\nお客様にはご迷惑をおかけいたしますが、何卒ご理解のほどお願い申し上げます。"},
	{"大雪による配送への影響について", "北陸・東北地方の大雪の影響により、一部地域でお届けに遅れが出ております。\n最新の状況は各運送会社のホームページをご確認ください。"},
	{"ご注文集中による発送遅延のお詫び", "ご注文が集中しているため、現在発送まで5営業日ほどお時間をいただいております。\n順次発送しておりますので、今しばらくお待ちください。"},
}

var campaignNews = []notice{
	{"ポイント5倍キャンペーン開催中", "{日}から2週間、全商品ポイント5倍キャンペーンを開催いたします。\n会員登録がまだの方はこの機会にぜひご登録ください。"},
	{"創業祭セールのお知らせ", "おかげさまで{店}は創業20周年を迎えました。\n感謝の気持ちを込めて、対象商品を最大30％オフでご提供いたします。"},
	{"母の日ギフト承り中", "母の日のギフトを承っております。\nメッセージカード・ラッピングは無料です。「{品}」が人気です。"},
	{"メルマガ会員限定クーポン配布中", "メールマガジン会員の皆さまに、次回のお買い物で使える500円クーポンをお送りしました。\nご登録は会員ページから可能です。"},
}

var newMethodNews = []notice{
	{"Amazon Payがご利用いただけるようになりました", "{日}より、お支払い方法にAmazon Payを追加いたしました。\nAmazonアカウントに登録されたクレジットカードや住所情報でお買い物いただけます。"},
	{"PayPayでのお支払いに対応しました", "お支払い方法にPayPayを追加いたしました。\nこれまでどおりクレジットカード、銀行振込もご利用いただけます。"},
	{"American Expressがご利用可能になりました", "クレジットカード決済でAmerican Express、Diners Clubのカードもご利用いただけるようになりました。"},
}

// suspendNews is the precursor of a leak as published notices word it: a stop
// that starts now with no end, a vague pretext, alternatives listed.
var suspendNews = []notice{
	{"【重要】クレジットカード決済の一時停止について", "いつも{店}をご利用いただき、誠にありがとうございます。\n誠に勝手ながら、決済システムのメンテナンスのため、{日}よりクレジットカード決済のご利用を一時停止させていただいております。\n再開時期につきましては、決定次第あらためてお知らせいたします。\nご注文の際は、{代替}をご利用くださいますようお願い申し上げます。\nお客様には大変ご不便をおかけいたしますことを、深くお詫び申し上げます。"},
	{"クレジットカード決済ご利用停止のお知らせ", "平素より{店}をご愛顧賜り、厚く御礼申し上げます。\n現在、システムメンテナンスのため、当面の間クレジットカードでのお支払いを停止しております。\n再開の目処が立ち次第、当サイトにてご案内いたします。\nお手数ですが、{代替}にてお支払いいただけますようお願いいたします。\n突然の停止となり、ご迷惑をおかけして申し訳ございません。"},
	{"【お詫び】クレジットカード決済について", "本日より、保守管理上の理由によりクレジットカード決済をご利用いただけない状態となっております。\n再開予定は未定です。\nその他のお支払い方法（{代替}）は通常どおりご利用いただけます。\nご迷惑をおかけいたしますが、何卒よろしくお願い申し上げます。"},
	{"カード決済一時休止のご案内", "{日}より、メンテナンスに伴い新規でのクレジットカード決済およびカード情報の登録を休止しております。\n再開時期は別途ご連絡いたします。\nご注文の際は{代替}をお選びください。"},
	{"お支払い方法に関するお知らせ", "いつもご利用いただきありがとうございます。\nメンテナンス作業のため、クレジットカード決済を一時的に停止させていただいております。\n再開の時期は決まり次第お知らせいたします。\n{代替}はご利用いただけます。"},
}

var faultNews = []notice{
	{"クレジットカード決済停止に関するお詫び", "先日お知らせいたしましたクレジットカード決済の停止につきまして、現在、決済システムに不具合が発生していることが判明いたしました。\n復旧次第、改めてご案内申し上げます。\n引き続き{代替}をご利用くださいますようお願いいたします。"},
	{"【続報】クレジットカード決済の停止について", "システム不具合のため、クレジットカード決済を引き続き停止しております。\n現時点で復旧の目処は立っておりません。\nお客様には多大なるご迷惑をおかけし、誠に申し訳ございません。"},
	{"決済システム不具合のお知らせ", "{前日}よりクレジットカード決済を停止しておりますが、原因は決済システムの不具合によるものです。\n再開時期は未定です。{代替}をご利用ください。"},
	{"クレジットカードがご利用いただけない件について", "システムの不具合により、クレジットカードでのお支払いができない状態が続いております。\n復旧までの間、{代替}にてご注文ください。\nご不便をおかけして申し訳ございません。"},
}

var extendNews = []notice{
	{"クレジットカード決済停止期間の延長について", "{前日}より停止しておりますクレジットカード決済につきまして、引き続き停止期間を延長させていただきます。\n再開時期は未定です。決まり次第お知らせいたします。\n{代替}は引き続きご利用いただけます。"},
	{"【重要】カード決済の停止継続のお知らせ", "クレジットカード決済は当面の間、停止を継続いたします。\nお客様には長らくご不便をおかけしており、心よりお詫び申し上げます。"},
	{"クレジットカード決済再開時期について", "クレジットカード決済の再開を予定しておりましたが、システムの復旧に時間を要しており、再開時期を延期いたします。\n再開時期は目処が立ち次第ご案内いたします。"},
}

// leakNews follows the published announcements: forensic investigation, the
// period of exposure, a maximum count, the tampered payment application, and
// a timeline that names the day card payment was stopped.
var leakNews = []notice{
	{"不正アクセスによるクレジットカード情報流出に関するお詫びとお知らせ", "このたび、弊社が運営する「{店}」におきまして、第三者による不正アクセスを受け、お客様のクレジットカード情報（最大1,284件）が流出した可能性があることが判明いたしました。\nお客様をはじめ、関係者の皆様に多大なるご迷惑およびご心配をおかけする事態となりましたこと、深くお詫び申し上げます。\n1. 経緯\n{前日}、一部のクレジットカード会社から、弊社サイトを利用したお客様のクレジットカード情報の流出懸念について連絡を受け、同日、弊社サイト上でのクレジットカード決済を停止いたしました。\n第三者調査機関による調査の結果、弊社サイトのシステムの一部の脆弱性をついたことによる第三者の不正アクセスにより、ペイメントアプリケーションの改ざんが行われたため、と判明いたしました。\n2. 個人情報流出状況\n対象：2025年4月1日～{前日}の期間中に弊社サイトにおいてクレジットカード決済をされたお客様\n流出した可能性のある情報：カード名義人名、クレジットカード番号、有効期限、セキュリティコード\n3. お客様へのお願い\nお手元のクレジットカードのご利用明細書に身に覚えのない請求項目がないか、ご確認をお願いいたします。"},
	{"不正アクセスによるお客様のクレジットカード情報漏えいに関するお詫びとお知らせ", "「{店}」へ不正アクセスがあり、お客様のクレジットカード情報が漏えいした可能性があることが判明いたしました。\n漏えいした可能性のある件数は最大で812件です。\n【経緯】{前日}にクレジットカード決済を停止し、第三者調査機関に調査を依頼いたしました。調査の結果、決済画面が改ざんされ、入力されたカード情報が外部に送信されていたことが判明しました。\n【今後の対応】システムのセキュリティ対策および監視体制の強化を行い、再発防止に努めてまいります。"},
	{"クレジットカード情報流出に関するお詫び", "弊社サイトにおいて、不正アクセスによりお客様のクレジットカード情報が流出した可能性があることが、第三者調査機関の調査により判明いたしました。\n対象期間：2025年6月10日～{前日}\n対象件数：最大2,051件\n弊社では{前日}よりクレジットカード決済を停止しております。\n心よりお詫び申し上げます。"},
}

var outageNews = []notice{
	{"【障害】クレジットカード決済がご利用いただけない状態について", "現在、クレジットカード決済がご利用いただけない状態となっております。\n原因を調査中です。復旧次第お知らせいたします。\nお急ぎの方は{代替}をご利用ください。"},
	{"クレジットカード決済の一時停止について", "ただいま、クレジットカード決済を一時停止しております。\n再開時期が決まりましたらお知らせいたします。\nご不便をおかけして申し訳ございません。"},
	{"カード決済エラーについて", "{日}午後より、ご注文時にクレジットカード決済でエラーが発生する事象を確認しております。\n当面の間、クレジットカード決済を停止し、{代替}でのご注文をお願いしております。"},
}

var resumeNews = []notice{
	{"クレジットカード決済再開のお知らせ", "{前日}14:20頃から{日}10:05まで、決済代行会社側の通信障害によりクレジットカード決済がご利用いただけない状態となっておりました。\n現在は復旧を確認し、クレジットカード決済を再開いたしました。\nなお、本件はサイバー攻撃によるものではありません。\nご迷惑をおかけいたしましたことをお詫び申し上げます。"},
	{"【復旧】クレジットカード決済について", "クレジットカード決済の障害は解消いたしました。\n原因はサーバ証明書の更新漏れによるもので、{前日}9:12～{日}11:40の間、カード決済ができない状態でした。\n本日、クレジットカード決済を再開いたしました。現在は通常どおりご利用いただけます。"},
	{"カード決済を再開いたしました", "一時停止しておりましたクレジットカード決済を{日}に再開いたしました。\n停止期間中にご不便をおかけしましたことをお詫び申し上げます。"},
}

// scheduledNews: a fixed window at night, a named provider or component, the
// impact quantified: the benign look-alike.
var scheduledNews = []notice{
	{"【メンテナンスのお知らせ】{窓日} 2:00～6:00", "決済代行会社によるシステムメンテナンスのため、下記の日時においてクレジットカード決済がご利用いただけません。\n■日時：{窓日} 2:00～6:00\n■影響：作業中はクレジットカードでのご注文ができません\nメンテナンス終了後は通常どおりご利用いただけます。"},
	{"サーバメンテナンスに伴うサービス一時停止のお知らせ", "データベースサーバの保守作業のため、{窓日} 1:00～5:00の間、当サイトのすべてのサービスを停止いたします。\n作業が予定より早く終了した場合は、その時点でサービスを再開いたします。\n予備日：{予備日} 同時刻"},
	{"クレジットカード決済の瞬断について", "{窓日} 3:00～3:30の間に、カード決済システムの切り替え作業を行います。\n作業中、最大10分程度クレジットカード決済がご利用いただけない時間帯が発生いたします。\nエラーが表示された場合は、時間をおいて再度お試しください。"},
	{"消費税率変更に伴うシステムメンテナンスのお知らせ", "システム改修のため、{窓日} 0:00～4:00はご注文を一時停止いたします。\n4:00以降は通常どおりご利用いただけます。"},
}

var monthlyNews = []notice{
	{"定期メンテナンスのお知らせ（{窓日}）", "毎月恒例の定期メンテナンスを下記日程で実施いたします。\n日時：{窓日} 2:00～5:00\n作業中はクレジットカード決済を含む全サービスがご利用いただけません。"},
	{"【定期】システムメンテナンス実施のご案内", "{窓日} 深夜1:00～4:00に定期メンテナンスを行います。\nこの間、ご注文およびクレジットカード決済はご利用いただけません。\n毎月第2木曜日の深夜に実施しております。"},
}

// providerNews is deliberately identical on every shop that posts it: a
// payment provider's maintenance relayed the same day by many shops.
var providerNews = notice{
	"決済代行会社のシステムメンテナンスに伴うクレジットカード決済一時停止のお知らせ",
	"決済代行会社（株式会社ミライ決済サービス）のシステムメンテナンスに伴い、下記の時間帯はクレジットカード決済がご利用いただけません。\n【日時】{窓日} 1:00～5:00\n【対象】クレジットカード決済（全ブランド）\nメンテナンス終了後は自動的に再開いたします。\nお客様にはご不便をおかけいたしますが、ご理解賜りますようお願い申し上げます。",
}

var phishingNews = []notice{
	{"当店を装った偽サイトにご注意ください", "{店}の名称や商品画像を無断で使用した偽サイト（フィッシングサイト）が確認されています。\n偽サイトでは、クレジットカード情報を入力させる、極端に安い価格で販売する等の手口が報告されています。\n当店の正規URLをご確認のうえ、不審なサイトではカード情報を入力しないでください。"},
	{"不審なメールに関する注意喚起", "当店を名乗り「クレジットカード情報の更新が必要です」とする不審なメールが送信されている事例を確認しました。\n当店からメールでカード番号の入力をお願いすることはございません。"},
}

var fraudNews = []notice{
	{"不正注文対策のため本人認証サービス（3Dセキュア2.0）を導入いたしました", "クレジットカードの不正利用防止のため、{日}より本人認証サービス（3Dセキュア2.0）を導入いたしました。\nご注文時にカード会社の認証画面が表示される場合がございます。\nご理解とご協力をお願いいたします。"},
	{"不正注文への対応について", "クレジットカードの不正利用と思われるご注文を確認した場合、ご注文をキャンセルさせていただくことがございます。\nあらかじめご了承ください。"},
}
