package nlp

import (
	"strings"
	"testing"
)

// One case per reason code: the notice must carry the reason in its evidence.
func TestReasonCodes(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"CARD_STOP + PRETEXT_FAULT + OPEN_ENDED",
			"システム不具合のため、クレジットカード決済がご利用いただけません。復旧次第お知らせいたします。",
			Suspicious, []Reason{ReasonCardStop, ReasonPretextFault, ReasonOpenEnded}},
		{"PRETEXT_MAINTENANCE (保守管理上の理由)",
			"保守管理上の理由により、当面の間カード決済を停止しております。",
			Suspicious, []Reason{ReasonPretextMaint, ReasonOpenEnded}},
		{"STARTS_NOW",
			"本日より、メンテナンスのためクレジットカード決済を一時停止いたします。再開は未定です。",
			Suspicious, []Reason{ReasonStartsNow}},
		{"OTHER_METHODS_AVAILABLE",
			"決済システムの不具合によりカード払いを停止中です。代金引換・コンビニ決済・後払いはご利用いただけます。",
			Suspicious, []Reason{ReasonOtherMethods}},
		{"NEW_CARD_ENTRY_ONLY",
			"メンテナンスのため、新規のクレジットカード登録を休止しております。登録済みのカードはご利用いただけます。",
			Suspicious, []Reason{ReasonNewCardOnly}},
		{"EXTENSION",
			"クレジットカード決済の停止期間を延長いたします。システム不具合の復旧に時間を要しており、再開時期は未定です。",
			Suspicious, []Reason{ReasonExtension, ReasonOpenEnded}},
		{"FIXED_WINDOW",
			"メンテナンスのため、2026年6月10日(水) 午前2時から午前6時まで、カード決済を停止いたします。",
			Scheduled, []Reason{ReasonFixedWindow}},
		{"PROVIDER_NAMED",
			"GMOペイメントゲートウェイのシステムメンテナンスにより、6/20 1:00〜5:00はカード決済がご利用いただけません。",
			Scheduled, []Reason{ReasonProviderNamed, ReasonFixedWindow}},
		{"QUANTIFIED_IMPACT",
			"サーバー機器のメンテナンスのため、6月18日 23:00〜24:00 の間、最大10分間カード決済が瞬断いたします。",
			Scheduled, []Reason{ReasonQuantified}},
		{"RESUMED",
			"カード決済の不具合は解消いたしました。ご迷惑をおかけしました。",
			Resumed, []Reason{ReasonResumed}},
		{"PAST_REPORT",
			"6月3日から6月5日まで、システム不具合によりクレジットカード決済を停止しておりました。",
			Resumed, []Reason{ReasonPastReport}},
		{"LEAK_TERMS",
			"当社サイトへの不正アクセスにより、お客様のクレジットカード情報が漏えいした可能性があることが判明しました。",
			Leak, []Reason{ReasonLeakTerms}},
		{"NEGATED",
			"決済代行会社で障害が発生しておりますが、当店のカード決済を停止することはございません。",
			Unrelated, []Reason{ReasonNegated}},
		{"FRAUD_POLICY",
			"不正注文防止のため、3Dセキュア(本人認証)を導入いたしました。",
			Unrelated, []Reason{ReasonFraudPolicy}},
		{"BRAND_CHANGE",
			"2026年9月30日をもちまして、ダイナースクラブカードのお取り扱いを終了いたします。",
			Unrelated, []Reason{ReasonBrandChange}},
	})
}

func TestNegation(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"停止しておりません", "クレジットカード決済は停止しておりません。", Unrelated, []Reason{ReasonNegated}},
		{"停止はしていません", "メンテナンス中もカード決済の停止はしていません。", Unrelated, []Reason{ReasonNegated}},
		{"停止の予定はございません", "当店ではクレジットカード決済を停止する予定はございません。", Unrelated, []Reason{ReasonNegated}},
		{"停止いたしません", "システムメンテナンス中もクレジットカード決済は停止いたしません。", Unrelated, []Reason{ReasonNegated}},
		{"流出した事実はございません", "当店からカード情報が流出した事実はございません。フィッシングメールにご注意ください。", Unrelated, []Reason{ReasonFraudPolicy}},
		// A negated usage is a stop, not a negation of one.
		{"ご利用いただけません is a stop", "システム不具合のため、当面の間クレジットカードがご利用いただけません。", Suspicious, []Reason{ReasonCardStop}},
		{"ご利用になれません is a stop", "メンテナンスのため、クレジットカードはご利用になれません。再開時期は未定です。", Suspicious, []Reason{ReasonCardStop}},
	})
}

func TestAspect(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"ongoing ております", "システムメンテナンスのためクレジットカード決済を停止しております。", Suspicious, []Reason{ReasonCardStop, ReasonStartsNow}},
		{"over: ておりました + 再開いたしました", "メンテナンスのため停止しておりましたカード決済を、本日再開いたしました。", Resumed, []Reason{ReasonResumed}},
		{"over: ませんでした", "6月8日 10:12〜11:40の間、クレジットカード決済がご利用いただけませんでした。", Resumed, []Reason{ReasonPastReport}},
		{"still stopped after a partial recovery", "一部機能は復旧いたしましたが、クレジットカード決済は引き続き停止しております。再開時期は未定です。", Suspicious, []Reason{ReasonExtension}},
		{"再開しておりません", "システム不具合によるカード決済の停止について、現在も再開しておりません。再開の目処は立っておりません。", Suspicious, []Reason{ReasonOpenEnded}},
	})
}

func TestWindowsAndOpenEndedness(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"date (weekday) h:mm〜h:mm", "システムメンテナンスのお知らせ\n【日時】6月10日(水) 2:00〜6:00\nクレジットカード決済がご利用いただけません。", Scheduled, []Reason{ReasonFixedWindow}},
		{"spare day", "決済システムメンテナンス 7月1日 0:00〜8:00。作業が長引いた場合は7月2日を予備日とします。クレジットカード決済を停止いたします。", Scheduled, []Reason{ReasonFixedWindow}},
		{"start only is open", "6月12日 15:00より、システムメンテナンスのためクレジットカード決済を停止しております。再開は決まり次第お知らせします。", Suspicious, []Reason{ReasonOpenEnded}},
		{"extension with open end beats an earlier window", "6月10日 2:00〜6:00に予定していたメンテナンスを延長し、引き続きカード決済を停止いたします。再開時期は未定です。", Suspicious, []Reason{ReasonExtension, ReasonOpenEnded}},
		{"holiday window does not explain a card stop", "夏季休業 8月11日〜8月16日。また、システム不具合のため現在クレジットカード決済を停止しております。再開は未定です。", Suspicious, []Reason{ReasonOpenEnded}},
		{"English window", "Scheduled maintenance: credit card payments will be unavailable from 2:00 to 4:00 on June 10.", Scheduled, []Reason{ReasonFixedWindow}},
	})
}

func TestHardNegativeFamilies(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"fraud policy conditional stop", "不正利用が疑われるご注文は、カード決済を停止させていただく場合がございます。", Unrelated, nil},
		{"phishing", "当店を装った偽サイトにご注意ください。クレジットカード番号を入力しないでください。", Unrelated, []Reason{ReasonFraudPolicy}},
		{"new brand", "新たにAMEXカードがご利用いただけるようになりました。", Unrelated, []Reason{ReasonBrandChange}},
		{"gift card", "ギフトカードの販売を一時停止しております。", Unrelated, nil},
		{"holiday", "年末年始は12月29日〜1月4日まで発送業務を停止いたします。", Unrelated, nil},
		{"payment methods page", "お支払いはクレジットカード(VISA・JCB)、銀行振込、代金引換がご利用いただけます。", Unrelated, nil},
		{"rumour", "当店のカード決済が停止しているとの情報がありますが、事実ではございません。通常通りご利用いただけます。", Unrelated, nil},
		{"other company's leak", "他社でのクレジットカード情報流出事件を受け、当店でもセキュリティを強化しました。", Unrelated, nil},
		{"provider outage, shop unaffected", "決済代行会社でシステム障害が発生しておりますが、当店のクレジットカード決済への影響はございません。", Unrelated, []Reason{ReasonNegated}},
		{"other method stopped", "NP後払いのお取り扱いを停止いたしました。クレジットカード、銀行振込は引き続きご利用いただけます。", Unrelated, nil},
	})
}

func TestMixedAndForms(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"only some brands", "システムの都合により、AMEX・JCBのみ当面の間ご利用いただけません。", Suspicious, []Reason{ReasonCardStop}},
		{"half-width katakana", "ｼｽﾃﾑ不具合のため、ｸﾚｼﾞｯﾄｶｰﾄﾞ決済を停止しております。再開時期は未定です。", Suspicious, []Reason{ReasonCardStop}},
		{"full-width digits window", "メンテナンス　６月１０日（水）２：００〜６：００　カード決済停止", Scheduled, []Reason{ReasonFixedWindow}},
		{"HTML remnants and entities", "<div class=\"news\"><h2>お知らせ</h2><p>現在、メンテナンスのため&nbsp;クレジットカード決済を停止しております。<br>再開時期は未定です。</p><script>var x='停止';</script></div>", Suspicious, []Reason{ReasonCardStop}},
		{"English", "Credit card payments are temporarily unavailable due to a system error. We will notify you when they are available again.", Suspicious, []Reason{ReasonCardStop, ReasonPretextFault}},
		{"mixed topics", "送料改定のお知らせ。7月1日より送料を改定します。なお、現在システム不具合のためクレジットカード決済を停止しております。再開は決まり次第お知らせします。", Suspicious, []Reason{ReasonCardStop, ReasonOpenEnded}},
		{"empty", "", Unrelated, nil},
		{"stop with a stated resumption date", "システム移行のため、クレジットカード決済を停止しております。6月20日に再開を予定しております。", Scheduled, []Reason{ReasonFixedWindow}},
		{"postponed resumption stays open", "6月20日に再開を予定しておりましたが、引き続きクレジットカード決済を停止いたします。再開日は未定です。", Suspicious, []Reason{ReasonExtension}},
		{"outage happening is a stop", "一部カードブランドで決済エラーが発生しております。復旧まで今しばらくお待ちください。", Suspicious, []Reason{ReasonCardStop}},
		{"outage that happened is over", "カード決済で発生しておりました決済エラーは、15時に解消いたしました。", Resumed, []Reason{ReasonResumed}},
		{"provider news, shop unaffected", "決済代行会社のシステム障害について報道がありましたが、当店のクレジットカード決済は問題なくご利用いただけます。", Unrelated, nil},
		{"お選びいただけません", "現在、クレジットカードをお選びいただけません。メンテナンス中のためです。詳細が分かり次第ご案内いたします。", Suspicious, []Reason{ReasonCardStop, ReasonOpenEnded}},
		{"whole site under maintenance, no end", "ただいまシステムメンテナンスのため、サイトを休止しております。再開時期は未定です。", Suspicious, []Reason{ReasonCardStop, ReasonOpenEnded}},
		{"shipping stop with a fault is not a card stop", "システム不具合のため、商品の発送を停止しております。再開は未定です。", Unrelated, nil},
		{"retry advice is a short planned interruption", "6月10日 2:00〜2:10 のメンテナンス中はカード決済がご利用いただけません。時間をおいて再度お試しください。", Scheduled, []Reason{ReasonFixedWindow}},
	})
}

func TestEvidenceOncePerReason(t *testing.T) {
	c := newTestClassifier(t)
	r := c.Classify("メンテナンスのため、クレジットカード決済を停止しております。メンテナンスのため、クレジットカード決済を停止しております。再開は未定です。")
	seen := map[string]bool{}
	for _, e := range r.Evidence {
		k := string(e.Reason) + "|" + e.Text
		if seen[k] {
			t.Errorf("evidence repeated: %v", e)
		}
		seen[k] = true
	}
	if len(r.Evidence) == 0 {
		t.Fatal("no evidence")
	}
}

// A whole shop page: the notice sits among menus, a returns policy
// (お客様都合) and a guide's standing maintenance calendar far from it.
func TestWholePage(t *testing.T) {
	filler := strings.Repeat("ホーム | 新着 | ランキング\n国産ひのきのまな板 3,980円\n", 6)
	page := filler +
		"【重要】現在、システム不具合のためクレジットカード決済を停止しております。\n再開時期は未定です。\n" +
		"銀行振込・代金引換はご利用いただけます。\n" + filler +
		"<お客様都合による返品>\n商品到着後7日以内にご連絡ください。\n" + filler +
		"サービス向上のため、毎月第2火曜日の2:00〜5:00に定期メンテナンスを実施しております。\n" + filler
	c := newTestClassifier(t)
	r := c.Classify(page)
	if r.Label != Suspicious {
		t.Fatalf("label = %s %v, want suspicious", r.Label, r.Evidence)
	}
	perReason := map[Reason]int{}
	for _, e := range r.Evidence {
		perReason[e.Reason]++
		if strings.Contains(e.Text, "お客様都合") || strings.Contains(e.Text, "毎月第2火曜日") {
			t.Errorf("evidence from far away: %v", e)
		}
	}
	for reason, n := range perReason {
		if n > maxEvidencePerReason {
			t.Errorf("%s has %d evidence sentences, cap is %d", reason, n, maxEvidencePerReason)
		}
	}
}
