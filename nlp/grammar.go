package nlp

import "strings"

// grammar.go: the token-level readings the rules share: what a negative
// auxiliary negates, the aspect after a predicate, the subject of a stop, and
// whether it is hedged or quoted.

// isNeg: a negative auxiliary (ない, ん, ぬ, ず) or the adjective ない.
func isNeg(t tok) bool {
	if t.pos1 == "助動詞" && (t.base == "ない" || t.base == "ん" || t.base == "ぬ" || t.base == "ず") {
		return true
	}
	return t.pos1 == "形容詞" && t.base == "ない" || t.base == "無い"
}

// isClauseEnd: punctuation or a clause-joining particle (が, ので, けれど)
// ends the scope of a predicate's auxiliaries.
func isClauseEnd(t tok) bool {
	if t.pos1 == "記号" {
		return t.surf != "・" && t.surf != "(" && t.surf != ")"
	}
	if t.pos1 == "助詞" && t.pos2 == "接続助詞" && t.surf != "て" && t.surf != "で" {
		return true
	}
	return false
}

// headOf walks back from a negative auxiliary to the word it negates:
// 停止[は]し[て]い[ませ]ん → 停止, ご利用いただけ[ませ]ん → 利用,
// 停止の予定はござい[ませ]ん → 停止 (through 予定).
func headOf(toks []tok, neg int) int {
	passedNominal := false
	for j := neg - 1; j >= 0 && j >= neg-10; j-- {
		t := toks[j]
		switch {
		case t.pos1 == "助動詞":
		case t.pos1 == "動詞" && (t.pos2 == "非自立" || t.pos2 == "接尾"):
		case t.pos1 == "動詞" && headSkipVerbs[t.base] && !stopWords[t.base]:
		case t.pos1 == "助詞" && headSkipParticles[t.surf]:
		case t.pos1 == "名詞" && t.pos2 == "非自立" && !passedNominal:
			passedNominal = true
		case headNominals[t.base] && !passedNominal:
			passedNominal = true
		default:
			if isClauseEnd(t) {
				return -1
			}
			return j
		}
	}
	return -1
}

// readAspect reads the auxiliaries after a predicate at i, up to the clause end.
func readAspect(toks []tok, i int) (a aspect, future bool) {
	sawOru, sawNeg, sawTa := false, false, false
	for j := i + 1; j < len(toks) && j <= i+10; j++ {
		t := toks[j]
		if isClauseEnd(t) {
			break
		}
		switch {
		case t.pos1 == "動詞" && ongoingAux[t.base] && t.pos2 == "非自立":
			sawOru = true
		case isNeg(t):
			sawNeg = true
		case t.pos1 == "助動詞" && t.base == "た":
			sawTa = true
		case t.base == "予定" || t.base == "つもり":
			future = true
		case t.surf == "中":
			sawOru = true
		}
		// Past tense closes the predicate: 停止していた[カード決済]を.
		if sawTa && t.pos1 == "名詞" {
			break
		}
	}
	switch {
	case sawTa && (sawOru || sawNeg):
		return aspectPast, future
	case sawTa:
		return aspectDone, future
	case sawOru:
		return aspectOngoing, future
	}
	return aspectNow, future
}

// isCardTok: a payment card word, not ギフトカード / ポイントカード.
func isCardTok(toks []tok, i int) bool {
	t := toks[i]
	if !cardWords[t.base] && !cardWords[t.surf] {
		// compounds ipa keeps whole: ダイナースクラブカード, クレジットカード払い
		if !strings.Contains(t.surf, "カード") && !isBrandTok(t) {
			return false
		}
		for w := range notPaymentCardBefore {
			if strings.Contains(t.surf, w) {
				return false
			}
		}
		return true
	}
	if i > 0 && (t.base == "カード" || t.base == "card") && notPaymentCardBefore[toks[i-1].base] {
		return false
	}
	return true
}

// isBrandTok: a card brand, alone or inside a compound (ダイナースクラブカード).
func isBrandTok(t tok) bool {
	if brandWords[t.base] || brandWords[t.surf] {
		return true
	}
	if t.pos1 != "名詞" || len(t.surf) < 6 {
		return false
	}
	for w := range brandWords {
		if len(w) >= 6 && strings.Contains(t.surf, w) {
			return true
		}
	}
	return false
}

func isOtherMethodTok(t tok) bool { return otherMethodWords[t.base] || otherMethodWords[t.surf] }

// subjectOf finds what a stop at i applies to: the nearest payment word
// before it in the sentence (クレジットカード決済を停止, 銀行振込はご利用いただけません),
// else the nearest after it (停止中:クレジットカード決済).
func subjectOf(toks []tok, i int) (s subject, brandOnly, newEntry bool) {
	look := func(j int) (subject, bool) {
		t := toks[j]
		switch {
		case isCardTok(toks, j):
			return subjCard, true
		case isOtherMethodTok(t):
			return subjOther, true
		case (paymentWords[t.base] || paymentWords[t.surf]) && j > 0 && installmentWords[toks[j-1].base],
			installmentCompound(t):
			// 分割払い / リボ払い are options of a card that works (分割払いは
			// ご利用いただけません is a guide's rule, not a stop): the nearest
			// payment word, and not a card stop.
			return subjNone, true
		case (paymentWords[t.base] || paymentWords[t.surf]) && !(j+1 < len(toks) && toks[j+1].base == "代行"):
			// 決済 of 決済代行会社 is the provider, not the payment.
			return subjPayment, true
		}
		return subjNone, false
	}
	if objectIsNonPayment(toks, i) {
		// 出荷停止 / 発送を停止 / 販売を当面停止: the stop has its own object,
		// and it is not a payment, whatever card word stands further back.
		return subjNone, false, false
	}
	for j := i - 1; j >= 0 && j >= i-14; j-- {
		// 新規のクレジットカード / カード登録 / カード情報の変更: the entry word
		// must stand by a card word (決済代行会社の変更 is no card entry).
		if newEntryWords[toks[j].base] && !storedCardWords[toks[j].base] && !(j+1 < len(toks) && storedCardWords[toks[j+1].base]) &&
			cardWithin(toks, j, 3) {
			newEntry = true
		}
	}
	for j := i - 1; j >= 0 && j >= i-14; j-- {
		got, ok := look(j)
		if !ok {
			continue
		}
		if got == subjPayment {
			// 決済 of クレジットカード決済 / コンビニ決済, お支払い of PayPayでの
			// お支払い / カードによるお支払い: the method named before decides.
			for k := j - 1; k >= 0 && k >= j-5; k-- {
				if g2, ok2 := look(k); ok2 && g2 != subjPayment {
					got, j = g2, k
					break
				}
				if !methodLink(toks[k]) {
					break
				}
			}
		}
		if got == subjCard {
			brandOnly = isBrandTok(toks[j])
		}
		return got, brandOnly, newEntry
	}
	for j := i + 1; j < len(toks) && j <= i+8; j++ {
		if got, ok := look(j); ok {
			if got == subjCard {
				brandOnly = isBrandTok(toks[j])
			}
			return got, brandOnly, newEntry
		}
	}
	// No payment word around: 〜のため停止しております takes the notice's
	// topic, unless an object is named right before (発送業務を停止, 販売を停止).
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if toks[j].pos1 == "助詞" && (toks[j].surf == "を" || toks[j].surf == "が" || toks[j].surf == "は" || toks[j].surf == "の") {
			if toks[j].surf == "の" && j+1 < len(toks) && reasonNouns[toks[j+1].base] {
				// システムメンテナンスのため停止中: の ties a reason, not an object.
				continue
			}
			// サイトを休止 / ご注文の受付を停止 / 新規ご注文と会員登録を停止: the
			// whole shop stops; 発送を停止 or 販売を停止 of one product is
			// something else. The object may be a list (A・Bと C), so the noun
			// phrase before the particle is read back to its start.
			for k := j - 1; k >= 0 && k >= j-7; k-- {
				if siteWords[toks[k].base] {
					return subjSite, false, newEntry
				}
				if k == j-1 && usageWords[toks[k].base] {
					// ご利用を控えさせていただきます / お取り扱いを停止: the
					// usage of whatever the notice is about, unless a noun
					// says whose (駐車場のご利用を停止, ギフト包装のお取り扱い).
					if usageQualified(toks, k) {
						return subjNone, false, newEntry
					}
					return subjImplicit, false, newEntry
				}
				if !nounPhraseTok(toks[k]) {
					break
				}
			}
			return subjNone, false, newEntry
		}
	}
	if i > 0 && ownObjectNoun(toks, i-1) {
		// ギフトラッピング休止 / 店頭受取サービス停止: the noun compounded with
		// the stop is what stops; a card word would have been found above.
		return subjNone, false, newEntry
	}
	return subjImplicit, false, newEntry
}

// ownObjectNoun: a content noun right before a stop that names its object
// (ギフトラッピング休止, 名入れ休止, 店頭受取サービス休止), not a manner (一時,
// 臨時, 緊急, 全面), a reason (メンテナンス, 障害), a time (期間延長) or the
// shop itself (サイト, 全サービス, 受付).
func ownObjectNoun(toks []tok, k int) bool {
	t := toks[k]
	if t.pos1 != "名詞" || k > 0 && toks[k-1].pos1 == "接頭詞" {
		return false
	}
	if t.pos2 == "接尾" || namedServiceWords[t.base] {
		// 名/入れ, 店頭受取/サービス, おせち予約受付/サービス: a noun of the
		// compound before says what.
		for j := k - 1; j >= 0 && j >= k-4 && toks[j].pos1 == "名詞"; j-- {
			if cardWithin(toks, j, 0) || paymentWords[toks[j].base] {
				return false
			}
			if contentNoun(toks[j]) {
				return true
			}
		}
		return false
	}
	return contentNoun(t)
}

// contentNoun: a noun that can name what stops (not a number, an adverbial
// noun, a suffix, or any word a rule already reads).
func contentNoun(t tok) bool {
	if t.pos1 != "名詞" || t.pos2 == "数" || t.pos2 == "副詞可能" || t.pos2 == "接尾" || t.pos2 == "非自立" || t.pos2 == "形容動詞語幹" {
		return false
	}
	b := t.base
	return !(siteWords[b] || usageWords[b] || maintWords[b] || faultWords[b] || tempWords[b] || startsNowWords[b] ||
		stopMannerWords[b] || windowHeadWords[b] || paymentWords[b] || cardWords[b] || otherMethodWords[b] || brandWords[b])
}

// installmentWords: the card's payment options (分割払い, リボ払い, ボーナス払い).
var installmentWords = words("分割", "リボ", "リボルビング", "ボーナス", "一括", "回数")

// reasonNouns: after の, a reason rather than an object (メンテナンスのため,
// 不具合の影響で, システムの都合により).
var reasonNouns = words("ため", "為", "影響", "都合", "関係")

// methodLink: the tokens between a method and the payment noun it qualifies
// (PayPay[での]お支払い, カード[による]お支払い, 楽天ペイ[(オンライン]決済:
// after NFKC ipa tags a bracket as a noun, and compounds modify the payment).
func methodLink(t tok) bool {
	return t.pos1 == "助詞" || t.pos1 == "接頭詞" || t.pos1 == "名詞" && t.pos2 != "数" || t.base == "よる" || t.base == "おける"
}

// nounPhraseTok: a token inside a noun phrase or a list of nouns (新規ご注文と
// 会員登録, 注文・会員登録, ご注文および会員登録).
func nounPhraseTok(t tok) bool {
	return t.pos1 == "名詞" || t.pos1 == "接頭詞" || t.pos1 == "接続詞" || t.surf == "と" || t.surf == "・" || t.surf == "、" || t.surf == "の" || t.surf == "や"
}

// objectIsNonPayment: the stop at i has a direct object that is logistics or
// sales (出荷停止, 出荷業務を停止, 配送を一時停止しております, 販売を当面の間停止).
func objectIsNonPayment(toks []tok, i int) bool {
	j := i - 1
	// adverbs between the object and the stop: 一時, 当面, 当面の間, 全面, 一時的に
	for j >= 0 && (toks[j].pos2 == "副詞可能" || toks[j].base == "的" || toks[j].base == "間" || toks[j].surf == "の" && j+1 < i && toks[j+1].base == "間" ||
		toks[j].surf == "に" && j > 0 && toks[j-1].base == "的" || toks[j].surf == "、") {
		j--
	}
	if j >= 0 && toks[j].pos1 == "助詞" && (toks[j].surf == "を" || toks[j].surf == "が" || toks[j].surf == "は" || toks[j].surf == "も" || toks[j].surf == "の") {
		j--
	}
	if j >= 0 && usageWords[toks[j].base] && toks[j].pos1 == "名詞" {
		// ポイントのご利用を停止 / 配送のお取り扱いを休止: the usage of what?
		j--
		for j >= 0 && toks[j].pos1 == "接頭詞" {
			j--
		}
		if j >= 0 && toks[j].surf == "の" {
			j--
		}
	}
	for k := j; k >= 0 && k >= j-1; k-- {
		if toks[k].pos1 != "名詞" {
			return false
		}
		if nonPaymentObjects[toks[k].base] {
			return true
		}
	}
	return false
}

// statePredicate: the tokens start a predicate stating a state (です, だ,
// でございます, となっております), so 〜中です is the stop itself, while
// メンテナンス中も / メンテナンス中のため are only a time or a reason.
func statePredicate(rest []tok) bool {
	t := rest[0]
	if t.pos1 == "助動詞" && (t.base == "です" || t.base == "だ") {
		return true
	}
	if (t.surf == "と" || t.surf == "で") && len(rest) > 1 && (rest[1].base == "なる" || rest[1].base == "ござる" || rest[1].base == "ある") {
		return true
	}
	return t.pos1 == "記号"
}

// quotedAfter: the stop is quoted (停止しているとの情報, 停止しているという,
// 偽サイトでは停止中と表示され), which reports a rumour or a fake page rather
// than stating a stop.
func quotedAfter(toks []tok, i int) bool {
	if inBrackets(toks, i) {
		return true
	}
	for j := i + 1; j < len(toks) && j <= i+8; j++ {
		t := toks[j]
		if t.surf == "との" || t.surf == "という" || t.surf == "といった" || t.pos1 == "助詞" && t.surf == "と" && j+1 < len(toks) && quoteVerbs[toks[j+1].base] {
			return true
		}
		if isClauseEnd(t) {
			return false
		}
	}
	return false
}

// inBrackets: the token stands inside 「」 or 『』, which in a notice quote
// what someone else says or shows (a phishing mail's subject, a fake site's
// message, another notice's title). 【】 are headings and do not count.
func inBrackets(toks []tok, i int) bool {
	// ipa may glue a bracket to the symbol beside it ()』, 」。), so the
	// brackets are counted inside each token's surface.
	depth := 0
	for j := 0; j < i; j++ {
		for _, r := range toks[j].surf {
			switch r {
			case '「', '『':
				depth++
			case '」', '』':
				if depth > 0 {
					depth--
				}
			}
		}
	}
	if depth == 0 {
		return false
	}
	for j := i + 1; j < len(toks); j++ {
		if strings.ContainsAny(toks[j].surf, "」』") {
			return true
		}
	}
	return false
}

// hedgedAfter: 場合 / 可能性 after the stop in the same sentence, or a
// condition (〜場合は、) before it.
func hedgedAround(toks []tok, i int) bool {
	for j := i + 1; j < len(toks); j++ {
		if hedgeWords[toks[j].base] {
			return true
		}
		if toks[j].surf == "。" {
			break
		}
	}
	for j := 0; j < i; j++ {
		if toks[j].base == "場合" && j+1 < len(toks) && (toks[j+1].surf == "は" || toks[j+1].surf == "には" || toks[j+1].surf == "、") {
			return true
		}
	}
	return false
}

// usableAfter: a positive usage (ご利用いただけます, ご利用可能です, ご利用ください).
func usableAfter(toks []tok, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		switch toks[j].base {
		case "いただける", "頂ける", "できる", "出来る", "可能", "くださる", "下さる", "なれる", "いただく":
			return true
		}
		if isClauseEnd(toks[j]) {
			return false
		}
	}
	return false
}

// finalPast: the last predicate of the sentence is in the past tense.
func finalPast(toks []tok) bool {
	for j := len(toks) - 1; j >= 0; j-- {
		t := toks[j]
		if t.pos1 == "記号" {
			continue
		}
		return t.pos1 == "助動詞" && t.base == "た"
	}
	return false
}

// tarAfter: a conditional たら right after i (決まりましたら, 判明したら).
func tarAfter(toks []tok, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		if toks[j].surf == "たら" || toks[j].surf == "だら" {
			return true
		}
		if isClauseEnd(toks[j]) {
			return false
		}
	}
	return false
}

// purposeAfter: the leak word is something guarded against (不正アクセス対策,
// 流出を防ぐ, 漏えいに備え, 流出した場合).
func purposeAfter(toks []tok, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		if leakPurposeWords[toks[j].base] {
			return true
		}
		if isClauseEnd(toks[j]) {
			return false
		}
	}
	return false
}

func hasBefore(toks []tok, i, d int, set map[string]bool) bool {
	for j := max(0, i-d); j < i; j++ {
		if set[toks[j].base] || set[toks[j].surf] {
			return true
		}
	}
	return false
}

// becameAfter: 〜ようになりました after i (a change that has happened).
func becameAfter(toks []tok, i int) bool {
	sawNaru := false
	for j := i + 1; j < len(toks) && j <= i+8; j++ {
		if toks[j].base == "なる" {
			sawNaru = true
		}
		if sawNaru && toks[j].pos1 == "助動詞" && conditionalTa(toks[j]) {
			// ようになりましたら: a condition, the change has not happened.
			return false
		}
		// ようになりました / ようになっております
		if sawNaru && (toks[j].pos1 == "助動詞" && toks[j].base == "た" || toks[j].pos1 == "動詞" && ongoingAux[toks[j].base]) {
			return true
		}
		if isClauseEnd(toks[j]) {
			return false
		}
	}
	return false
}

// negatedAfter: a negative in the predicate right after i (流出した事実は
// ございません, 目処は立っておりません).
func negatedAfter(toks []tok, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+8; j++ {
		if isNeg(toks[j]) {
			return true
		}
		if isClauseEnd(toks[j]) {
			return false
		}
	}
	return false
}

func nextIs(toks []tok, i int, base string) bool {
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		if toks[j].base == base {
			return true
		}
	}
	return false
}

func hasNear(toks []tok, i, d int, set map[string]bool) bool {
	for j := max(0, i-d); j < len(toks) && j <= i+d; j++ {
		if set[toks[j].base] || set[toks[j].surf] {
			return true
		}
	}
	return false
}

func brandNear(toks []tok, i, d int) bool {
	for j := max(0, i-d); j < len(toks) && j <= i+d; j++ {
		if isBrandTok(toks[j]) {
			return true
		}
	}
	return false
}

var onlyWords = words("のみ", "だけ", "限り")

func hasAny(toks []tok, set map[string]bool) bool {
	for _, t := range toks {
		if set[t.base] {
			return true
		}
	}
	return false
}

// onlyOtherMethods: the payment is restricted to the alternatives (銀行振込・
// 代金引換のみ, 銀行振込だけ承っております, お支払いは代引き限定).
func onlyOtherMethods(toks []tok) bool {
	for i, t := range toks {
		if !isOtherMethodTok(t) {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+6; j++ {
			if onlyOtherWords[toks[j].base] {
				return true
			}
			if !(nounPhraseTok(toks[j]) || isOtherMethodTok(toks[j])) {
				break
			}
		}
	}
	return false
}

// cardWithin: a payment card word within d tokens of j.
func cardWithin(toks []tok, j, d int) bool {
	for k := max(0, j-d); k < len(toks) && k <= j+d; k++ {
		if isCardTok(toks, k) {
			return true
		}
	}
	return false
}

// passiveAfter: the verb at i is passive (閲覧された, 閲覧されていた).
func passiveAfter(toks []tok, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		if toks[j].base == "れる" || toks[j].base == "られる" {
			return true
		}
	}
	return false
}

// usableAgain: the usage at i is followed by a potential form and ように
// なりました / なっております (使えるようになりました, ご利用いただけるように
// なりました), and nothing else in between (利用停止となっている is not).
func usableAgain(toks []tok, i int) bool {
	j := i + 1
	if j < len(toks) && (toks[j].base == "いただける" || toks[j].base == "頂ける" || toks[j].base == "できる" || toks[j].base == "出来る" || toks[j].base == "なれる") {
		j++
	} else if toks[i].pos1 != "動詞" {
		return false
	}
	if j+2 >= len(toks) || toks[j].base != "よう" || toks[j+1].surf != "に" || toks[j+2].base != "なる" {
		return false
	}
	return becameAfter(toks, j)
}

// usageQualified: the usage noun at k is qualified by Xの (駐車場のご利用);
// a card or payment X would have been found as the stop's subject already.
func usageQualified(toks []tok, k int) bool {
	j := k - 1
	for j >= 0 && toks[j].pos1 == "接頭詞" {
		j--
	}
	return j > 0 && toks[j].surf == "の" && toks[j-1].pos1 == "名詞" && toks[j-1].surf != ")"
}

// cannotPay: できる at i is negated (できません, できなくなっております,
// 出来ない状態) and what cannot be done is a card or a payment
// (カード払いは現在できません, お支払いが一時的にできなくなっております).
func cannotPay(toks []tok, i int) bool {
	if !negatedAfter(toks, i) {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		t := toks[j]
		switch {
		case isCardTok(toks, j), (paymentWords[t.base] || paymentWords[t.surf]) && !(j > 0 && installmentWords[toks[j-1].base]):
			return true
		case t.pos1 == "助詞", t.pos1 == "副詞", t.pos2 == "副詞可能", t.base == "的", t.surf == "、", startsNowWords[t.base], tempWords[t.base]:
		default:
			return false
		}
	}
	return false
}

// announcedAfter: the stop noun at i is what a title announces (停止のお知らせ,
// 休止のご案内, 停止について, 停止に関するお知らせ).
func announcedAfter(toks []tok, i int) bool {
	j := i + 1
	if j < len(toks) && toks[j].surf == "中" {
		j++
	}
	if j >= len(toks) {
		return false
	}
	switch toks[j].surf {
	case "について", "につきまして", "に関して":
		return true
	case "の":
		return j+1 < len(toks) && announceWords[toks[j+1].base]
	case "に":
		return j+1 < len(toks) && toks[j+1].base == "関する"
	}
	return false
}

// unsettledResumption: the index of a 再開 / 復旧 whose date or outlook
// follows (再開時期, 再開の目処, 復旧の見通し), or -1.
func unsettledResumption(toks []tok) int {
	for i, t := range toks {
		if !resumeWords[t.base] {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+2; j++ {
			if resumeOutlookNouns[toks[j].base] {
				return i
			}
			if toks[j].surf != "の" {
				break
			}
		}
	}
	return -1
}

// onlyServiceHoliday: every holidayWords token of the sentence is a shop
// service (ポイント, クーポン), none a holiday or logistics word.
func onlyServiceHoliday(toks []tok) bool {
	for _, t := range toks {
		if (holidayWords[t.base] || holidayWords[t.surf]) && !serviceWords[t.base] {
			return false
		}
	}
	return true
}

// cannotUse: a usage or できる is negated in the sentence (ご利用いただけません,
// 利用・付与ができません).
func cannotUse(toks []tok) bool {
	for j, t := range toks {
		if (usageWords[t.base] || t.base == "できる" || t.base == "出来る") && negatedAfter(toks, j) {
			return true
		}
	}
	return false
}

// unsettledLater: a verb of settling (目処が立つ, 見通しがつく) after i is
// negated, even across a comma (再開の目処は、現在のところ立っておりません).
func unsettledLater(toks []tok, negHead []bool, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+10; j++ {
		if toks[j].surf == "。" {
			return false
		}
		if negHead[j] && settleVerbs[toks[j].base] {
			return true
		}
	}
	return false
}

// deniedLater: after a leak word, 事実 / 形跡 and a negated verb deny it
// (流出した事実は確認されておりません, 漏えいの形跡はございません).
func deniedLater(toks []tok, negHead []bool, i int) bool {
	fact := false
	for j := i + 1; j < len(toks) && j <= i+10; j++ {
		if toks[j].surf == "。" {
			return false
		}
		if denialNouns[toks[j].base] {
			fact = true
		}
		if fact && negHead[j] {
			return true
		}
	}
	return false
}

// installmentCompound: ipa keeps 分割払い / リボ払い / ボーナス払い whole.
func installmentCompound(t tok) bool {
	if !strings.HasSuffix(t.surf, "払い") {
		return false
	}
	for w := range installmentWords {
		if strings.HasPrefix(t.surf, w) {
			return true
		}
	}
	return false
}

// becameIfAt: the usage at i is followed by ようになりましたら (ご利用
// いただけるようになりましたら, 使えるようになったら); it returns the index of
// the conditional たら, or -1.
func becameIfAt(toks []tok, i int) int {
	sawYou := false
	for j := i + 1; j < len(toks) && j <= i+8; j++ {
		if toks[j].base == "よう" {
			sawYou = true
		}
		if sawYou && toks[j].pos1 == "助動詞" && conditionalTa(toks[j]) {
			return j
		}
		if isClauseEnd(toks[j]) {
			return -1
		}
	}
	return -1
}

// causeDenied: the term at i is denied as the cause (不正アクセスによるもので
// はございません, カード情報の漏えいに起因するものではありません) or as a
// fact (確認された事実はございません): による / 起因 / 原因 / 事実 follows in
// the same sentence and is negated before the clause ends.
func causeDenied(toks []tok, i int) bool {
	cause := false
	for j := i + 1; j < len(toks) && j <= i+16; j++ {
		t := toks[j]
		if t.surf == "。" {
			return false
		}
		if causeWords[t.base] || denialNouns[t.base] {
			// による + もの / の / こと, 原因 + では, 事実 + は: a cause or a fact
			// that a negation can deny (不正ログインが確認された事実はございません).
			// Not 不正アクセスにより…流出した可能性を否定できません: there the
			// cause leads to a clause of its own.
			k := j + 1
			if k < len(toks) && toks[k].base == "する" {
				k++ // に起因するものではありません
			}
			if k < len(toks) && causeHeads[toks[k].base] {
				cause = true
			}
			continue
		}
		if cause && isNeg(t) {
			return true
		}
		if cause && t.pos1 == "助詞" && t.pos2 == "接続助詞" && t.surf != "て" && t.surf != "で" {
			return false
		}
	}
	return false
}

// unauthorisedLogin: 不正ログイン / 不正にログイン at i stated as an event
// (発生, 確認, 被害, a passive: 不正ログインされたアカウント, or the cause of
// what follows: 不正ログインにより…閲覧された). It returns
// the index of ログイン, or 0.
func unauthorisedLogin(toks []tok, i int) int {
	if toks[i].base != "不正" {
		return 0
	}
	k := i + 1
	if k < len(toks) && toks[k].surf == "に" {
		k++
	}
	if k >= len(toks) || toks[k].base != "ログイン" {
		return 0
	}
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		b := toks[j].base
		if b == "れる" || b == "られる" || b == "発生" || b == "確認" || b == "被害" || causeWords[b] || b == "により" {
			return k
		}
	}
	return 0
}

// otherPartyNear: a word naming someone else (他社, 報道, 相次ぐ) stands within
// a few tokens of a leak term.
func otherPartyNear(toks []tok, at []int) bool {
	for _, i := range at {
		for j := max(0, i-otherPartySpan); j < len(toks) && j <= i+otherPartySpan; j++ {
			if otherPartyWords[toks[j].base] || otherPartyWords[toks[j].surf] {
				return true
			}
		}
	}
	return false
}

// conditionAfter: the break-in at i is a condition or a risk, not an event
// (不正アクセスの被害が発生した場合は, 不正ログインのおそれがある際は): 場合 /
// 際 / 万一 before the clause ends.
func conditionAfter(toks []tok, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+12; j++ {
		if conditionWords[toks[j].base] {
			return true
		}
		if toks[j].surf == "。" || toks[j].pos1 == "助詞" && toks[j].pos2 == "接続助詞" && toks[j].surf != "て" && toks[j].surf != "で" {
			return false
		}
	}
	return false
}
