package nlp

import "strings"

// sentence.go turns one tokenized sentence into facts: which stops it states
// (and whether they are negated, hedged, ongoing or over), which pretexts,
// open-ended phrases, alternatives, resumptions and leak terms it carries.

// aspect of a predicate, read from the tokens after it.
type aspect int

const (
	aspectNow     aspect = iota // 停止いたします, 停止中, a title noun
	aspectOngoing               // 停止しております, 休止させていただいております
	aspectDone                  // 停止いたしました: done, still in effect unless resumed
	aspectPast                  // 停止しておりました, ご利用いただけませんでした: over
)

// subject of a stop: what stopped.
type subject int

const (
	subjNone     subject = iota
	subjCard             // クレジットカード決済, カード, a brand
	subjPayment          // 決済, お支払い: a payment in general
	subjOther            // 銀行振込, コンビニ決済: some other method
	subjImplicit         // 停止しております with no object: the topic of the notice
	subjSite             // サイト / ご注文の受付 / 全サービス: the whole shop
)

// stopMention is one stop stated in a sentence.
type stopMention struct {
	subj      subject
	brandOnly bool // the subject is a brand (AMEX・JCB), not cards in general
	newEntry  bool // 新規 / カード登録: only new card entry stops
	negated   bool // 停止しておりません, 停止の予定はございません
	hedged    bool // ご利用いただけない場合があります
	quoted    bool // 停止しているとの情報 / という噂: reported, not stated
	aspect    aspect
}

// facts is everything one sentence contributes.
type facts struct {
	stops          []stopMention
	pretextMaint   bool
	pretextFault   bool
	openEnded      bool
	startsNow      bool
	extension      bool
	otherMethods   bool
	storedCardOK   bool
	provider       bool
	quantified     bool
	recurring      bool
	spareDay       bool
	planned        bool
	window         windowFacts
	windowHead     bool // 日時 / 期間 / 作業: the line is about a work time
	holiday        bool // 休業 / 発送 / セール: a window that is not maintenance
	resumed        bool // a completed resumption
	resumeFuture   bool // 再開いたします / 再開予定: resumption planned
	notResumed     bool // 再開しておりません / 目処は立っておりません
	leakCore       bool
	leakAccess     bool // 不正アクセス, stated as a fact
	leakCorr       map[string]bool
	fraud          bool
	brandChange    bool
	hasCard        bool
	hasPayment     bool
	usableNormally bool // 通常通りご利用いただけます
	noImpact       bool // 影響はございません
	finalPast      bool // the sentence ends in a past tense (ました, でした)
	siteStop       bool // a stop of the site or of orders, not of one method
}

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
		case paymentWords[t.base] || paymentWords[t.surf]:
			return subjPayment, true
		}
		return subjNone, false
	}
	for j := i - 1; j >= 0 && j >= i-14; j-- {
		if newEntryWords[toks[j].base] && !storedCardWords[toks[j].base] && !(j+1 < len(toks) && storedCardWords[toks[j+1].base]) {
			newEntry = true
		}
	}
	for j := i - 1; j >= 0 && j >= i-14; j-- {
		got, ok := look(j)
		if !ok {
			continue
		}
		if got == subjPayment {
			// 決済 of クレジットカード決済 / コンビニ決済: the word before decides.
			for k := j - 1; k >= 0 && k >= j-2; k-- {
				if g2, ok2 := look(k); ok2 && g2 != subjPayment {
					got, j = g2, k
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
			// サイトを休止 / ご注文の受付を停止: the whole shop stops; 発送を停止
			// or 販売を停止 of one product is something else.
			for k := j - 1; k >= 0 && k >= j-3; k-- {
				if siteWords[toks[k].base] {
					return subjSite, false, newEntry
				}
			}
			return subjNone, false, newEntry
		}
	}
	return subjImplicit, false, newEntry
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

// quotedAfter: the stop is quoted (停止しているとの情報, 停止しているという),
// which reports a rumour rather than stating a stop.
func quotedAfter(toks []tok, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+8; j++ {
		t := toks[j]
		if t.surf == "との" || t.surf == "という" || t.surf == "といった" || t.pos1 == "助詞" && t.pos2 == "格助詞" && t.surf == "と" && j+1 < len(toks) && (toks[j+1].base == "いう" || toks[j+1].base == "言う" || toks[j+1].surf == "の") {
			return true
		}
		if isClauseEnd(t) {
			return false
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

// analyze reads one tokenized sentence.
func analyze(s *sentence) facts {
	toks := s.toks
	var f facts
	negHead := make([]bool, len(toks)) // token index → negated
	for j, t := range toks {
		if isNeg(t) {
			if h := headOf(toks, j); h >= 0 {
				negHead[h] = true
			}
		}
	}
	for i, t := range toks {
		b := t.base
		if isCardTok(toks, i) {
			f.hasCard = true
		}
		if paymentWords[b] {
			f.hasPayment = true
		}
		switch {
		case stopWords[b] || stopWords[t.surf]:
			m := stopMention{negated: negHead[i], hedged: hedgedAround(toks, i), quoted: quotedAfter(toks, i)}
			m.subj, m.brandOnly, m.newEntry = subjectOf(toks, i)
			m.aspect, _ = readAspect(toks, i)
			f.stops = append(f.stops, m)
		case usageWords[b] && negHead[i]:
			// ご利用いただけません: a negated usage is a stop.
			m := stopMention{hedged: hedgedAround(toks, i), quoted: quotedAfter(toks, i)}
			m.subj, m.brandOnly, m.newEntry = subjectOf(toks, i)
			m.aspect, _ = readAspect(toks, i)
			// the negative itself is not past: ご利用いただけませんでした is.
			f.stops = append(f.stops, m)
		case usageWords[b] && !negHead[i]:
			if usableAfter(toks, i) {
				for j := i - 1; j >= 0 && j >= i-4; j-- {
					if normalWords[toks[j].base] {
						f.usableNormally = true
					}
				}
				if f.usableNormally && becameAfter(toks, i) {
					// 再びご利用いただけるようになりました: usable again.
					f.resumed = true
				}
				if sj, _, _ := subjectOf(toks, i); sj == subjCard {
					for j := 0; j < i; j++ {
						if storedCardWords[toks[j].base] {
							f.storedCardOK = true
						}
					}
					if f.storedCardOK && hasAny(toks, onlyWords) {
						// 登録済みのカードのみご利用いただけます: new entry is stopped.
						f.stops = append(f.stops, stopMention{subj: subjCard, newEntry: true, aspect: aspectOngoing})
					}
				}
			}
		}
		if (maintWords[b] || b == "調整") && i+2 < len(toks) && toks[i+1].surf == "中" && statePredicate(toks[i+2:]) {
			// カード決済はメンテナンス中です: the state is the stop.
			m := stopMention{aspect: aspectOngoing, quoted: quotedAfter(toks, i)}
			m.subj, m.brandOnly, m.newEntry = subjectOf(toks, i)
			f.stops = append(f.stops, m)
		}
		switch {
		case maintWords[b] || maintWords[t.surf]:
			f.pretextMaint = true
		case faultWords[b] || faultWords[t.surf]:
			f.pretextFault = true
		}
		if b == "保守" || b == "都合" || b == "事情" || b == "諸事情" {
			// 保守管理上の理由, システムの都合, 諸般の事情: vague reasons.
			f.pretextMaint = f.pretextMaint || b == "保守"
			f.pretextFault = f.pretextFault || b != "保守"
		}
		if impactWords[b] && (negHead[i] || negatedAfter(toks, i)) {
			f.noImpact = true
		}
		if openEndedWords[b] {
			f.openEnded = true
		}
		if untilWords[b] && i > 0 {
			f.openEnded = true
		}
		if decidedWords[b] && tarAfter(toks, i) {
			f.openEnded = true
		}
		if runningWords[b] && i > 1 && (normalWords[toks[i-1].base] || normalWords[toks[i-2].base]) {
			if a, _ := readAspect(toks, i); a != aspectNow {
				f.resumed = true // 正常に稼働しております
			}
		}
		if (b == "終了" || b == "完了") && hasBefore(toks, i, 4, maintWords) {
			// メンテナンスは終了いたしました / 作業が完了しました
			readResume(toks, i, negHead, &f)
		}
		if outlookWords[b] && (negHead[i] || negatedAfter(toks, i) || nextIs(toks, i, "未定")) {
			f.openEnded, f.notResumed = true, true
		}
		if extensionWords[b] {
			f.extension = true
		}
		if startsNowWords[b] {
			f.startsNow = true
		}
		if isOtherMethodTok(t) {
			f.otherMethods = true
		}
		if providerWords[b] || providerWords[t.surf] {
			f.provider = true
		}
		if quantWords[b] || quantWords[t.surf] {
			if b != "約" && b != "最大" || i+1 < len(toks) && toks[i+1].pos2 == "数" {
				f.quantified = true
			}
		}
		if recurWords[b] && (b != "第" || i+1 < len(toks) && toks[i+1].pos2 == "数") {
			f.recurring = true
		}
		if spareDayWords[b] {
			f.spareDay = true
		}
		if plannedWords[b] {
			f.planned = true
		}
		if windowHeadWords[b] {
			f.windowHead = true
		}
		if holidayWords[b] || holidayWords[t.surf] {
			f.holiday = true
		}
		if resumeWords[b] {
			readResume(toks, i, negHead, &f)
		}
		if leakNouns[b] && !negHead[i] && !negatedAfter(toks, i) && !purposeAfter(toks, i) {
			f.leakCore = f.leakCore || hasNear(toks, i, 6, infoWords) || b == "改ざん" || b == "改竄"
		}
		if b == "不正" && i+1 < len(toks) && toks[i+1].base == "アクセス" && !negatedAfter(toks, i+1) && !purposeAfter(toks, i+1) {
			f.leakAccess = true
		}
		if (endingWords[b] || newWords[b]) && brandNear(toks, i, 12) {
			f.brandChange = true
		}
	}
	if (f.leakCore || f.leakAccess) && hasAny(toks, otherPartyWords) {
		f.leakCore, f.leakAccess = false, false
	}
	for _, p := range retryPhrases {
		if strings.Contains(s.low, p) {
			f.quantified = true
		}
	}
	for j := 1; j < len(toks); j++ {
		// 最大2,345件 / 約800件: a count of exposed cards.
		if toks[j].surf == "件" && toks[j-1].pos2 == "数" {
			if f.leakCorr == nil {
				f.leakCorr = map[string]bool{}
			}
			f.leakCorr["件"] = true
		}
	}
	for _, p := range leakCorroborators {
		if strings.Contains(s.low, p) {
			if f.leakCorr == nil {
				f.leakCorr = map[string]bool{}
			}
			f.leakCorr[p] = true
		}
	}
	for _, p := range fraudPhrases {
		if strings.Contains(s.low, p) {
			f.fraud = true
			break
		}
	}
	if f.provider && hasAny(toks, requestWords) && !f.pretextMaint {
		// カード会社からの要請により: the card company asked; nobody's planned work.
		f.provider = false
	}
	if f.provider && f.otherMethods && !f.pretextMaint && !f.pretextFault {
		// 楽天ペイ・PayPal listed as alternatives, not as the one doing work.
		f.provider = false
	}
	f.window = scanWindow(toks)
	f.finalPast = finalPast(toks)
	for k, m := range f.stops {
		// 10:00〜11:30の間、ご利用いただけない状態が発生しました: a bounded
		// outage told in the past tense is over.
		if m.aspect == aspectNow && f.finalPast && f.window.fixed {
			f.stops[k].aspect = aspectPast
		}
		if (m.subj == subjSite || m.subj == subjImplicit) && !m.negated && !m.hedged && !m.quoted && m.aspect != aspectPast {
			f.siteStop = true
		}
	}
	english(s.low, &f)
	return f
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
		if sawNaru && toks[j].pos1 == "助動詞" && toks[j].base == "た" {
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

// resumeBlockers: nouns after 再開 / 復旧 that make it a plan, not a fact
// (再開[時期], 再開[予定], 復旧[作業], 再開[の目処]).
var resumeBlockers = words("時期", "予定", "日", "日時", "目処", "目途", "めど", "見込み", "見通し", "作業", "まで", "次第", "に向け", "向ける", "努める", "対応", "準備", "待つ", "見込む")

// readResume reads 再開 / 復旧 / 解消 at i: done (再開いたしました, 復旧を確認
// いたしました, 再開しております), planned (再開いたします, 再開予定), or denied
// (再開しておりません).
func readResume(toks []tok, i int, negHead []bool, f *facts) {
	if negHead[i] {
		f.notResumed = true
		return
	}
	sawTa, sawOru, sawNeg := false, false, false
	for j := i + 1; j < len(toks) && j <= i+10; j++ {
		t := toks[j]
		if isClauseEnd(t) {
			break
		}
		if announceWords[t.base] && !sawTa {
			// 再開のお知らせ / 復旧のご報告: a title announcing the resumption.
			f.resumed = true
			return
		}
		if resumeBlockers[t.base] {
			if t.base == "次第" {
				f.openEnded = true
			}
			if !sawTa {
				f.resumeFuture = true
				return
			}
			break
		}
		switch {
		case t.pos1 == "助動詞" && t.base == "た":
			sawTa = true
		case isNeg(t):
			sawNeg = true
		case t.pos1 == "動詞" && ongoingAux[t.base]:
			sawOru = true
		case t.pos1 == "助動詞", t.pos1 == "助詞", headSkipVerbs[t.base], t.base == "確認", t.base == "完了", t.base == "無事":
		default:
			// another content word: 復旧に向けて対応しております is no resumption.
			if t.pos1 == "名詞" || t.pos1 == "動詞" {
				f.resumeFuture = !sawTa && !sawOru
				if sawTa || sawOru {
					f.resumed = true
				}
				return
			}
		}
	}
	switch {
	case sawNeg:
		f.notResumed = true
	case sawTa || sawOru:
		f.resumed = true
	case hasBefore(toks, i, 8, startsNowWords):
		// 本日より再開いたします: resuming now is a resumption notice.
		f.resumed = true
	default:
		f.resumeFuture = true
	}
}

// english applies the English phrases to a lower-cased sentence.
func english(low string, f *facts) {
	hasASCII := false
	for i := 0; i < len(low); i++ {
		if c := low[i]; c >= 'a' && c <= 'z' {
			hasASCII = true
			break
		}
	}
	if !hasASCII {
		return
	}
	card := strings.Contains(low, "card") || strings.Contains(low, "payment")
	negated := false
	for _, n := range englishNegations {
		if strings.Contains(low, n) {
			negated = true
		}
	}
	for _, r := range englishRules {
		if !strings.Contains(low, r.phrase) {
			continue
		}
		switch r.reason {
		case ReasonCardStop:
			if card {
				f.stops = append(f.stops, stopMention{subj: subjCard, negated: negated, aspect: aspectOngoing})
				f.hasCard = true
			}
		case ReasonOpenEnded:
			f.openEnded = true
		case ReasonPretextMaint:
			f.pretextMaint = true
		case ReasonPretextFault:
			f.pretextFault = true
		case ReasonResumed:
			f.resumed = true
		case ReasonOtherMethods:
			f.otherMethods = true
		case ReasonLeakTerms:
			f.leakAccess = true
		}
	}
}
