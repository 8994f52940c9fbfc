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
	outage    bool // read from 障害が発生しております rather than a stop verb
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
	leakDenied     bool // 流出した事実はございません / 確認されておりません
	announced      bool // 停止のお知らせ / 停止について: a title announcing a stop
	fraud          bool
	brandChange    bool
	hasCard        bool
	hasPayment     bool
	usableNormally bool // 通常通りご利用いただけます
	noImpact       bool // 影響はございません
	finalPast      bool // the sentence ends in a past tense (ました, でした)
	siteStop       bool // a stop of the site or of orders, not of one method
	postponed      bool // 再開を延期: the resumption is put off
	logistics      bool // the sentence is about shipping or the warehouse, not a payment
	phishing       bool // a warning about mails or sites pretending to be the shop
}

// analyze reads one tokenized sentence.
func analyze(s *sentence) facts { return analyzeTokens(s, true) }

// analyzeTokens reads the sentence; skip=false looks every content token up
// in every lexicon (only for TestLexiconSkipLossless, which proves the skip
// changes nothing).
func analyzeTokens(s *sentence, skip bool) facts {
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
	var leakAt []int // where the leak terms stand, for otherPartyNear
	for i, t := range toks {
		b := t.base
		if t.pos1 == "助動詞" || t.pos1 == "記号" || t.pos1 == "助詞" && !endingWords[b] {
			// Function words carry no lexicon entry (negation and aspect are
			// read from them by the helpers above); skipping them saves most
			// of the per-token lookups.
			continue
		}
		if t.pos1 == "名詞" && !maintWords[t.surf] && containsAny(t.surf, maintCompoundParts) {
			// ポイントシステムメンテナンス kept whole by ipa: still maintenance.
			f.pretextMaint = true
		}
		if skip && !lexicon[b] && !lexicon[t.surf] {
			// A word no rule names (most of a page: products, prices,
			// greetings): one lookup instead of some forty. Only a compound
			// card or brand word (ダイナースクラブカード) still counts.
			if isCardTok(toks, i) {
				f.hasCard = true
			}
			continue
		}
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
			if m.aspect == aspectNow && announcedAfter(toks, i) {
				// クレジットカード決済一時停止のお知らせ / カード払い休止について:
				// the stop is what is announced, so it starts now (unless the
				// body denies it: decide).
				f.announced = true
			}
		case usageWords[b] && negHead[i]:
			// ご利用いただけません: a negated usage is a stop.
			m := stopMention{hedged: hedgedAround(toks, i), quoted: quotedAfter(toks, i)}
			m.subj, m.brandOnly, m.newEntry = subjectOf(toks, i)
			m.aspect, _ = readAspect(toks, i)
			// the negative itself is not past: ご利用いただけませんでした is.
			f.stops = append(f.stops, m)
		case (b == "できる" || b == "出来る") && t.pos1 == "動詞" && cannotPay(toks, i):
			// カード払いは現在できません: the payment cannot be made.
			m := stopMention{hedged: hedgedAround(toks, i), quoted: quotedAfter(toks, i)}
			m.subj, m.brandOnly, m.newEntry = subjectOf(toks, i)
			m.aspect, _ = readAspect(toks, i)
			f.stops = append(f.stops, m)
		case restrictWords[b] && !negHead[i] && hasAny(toks, tempWords),
			b == "無効" && !negHead[i] && i+1 < len(toks) && (toks[i+1].base == "化" || toks[i+1].surf == "に" && i+2 < len(toks) && toks[i+2].base == "する"):
			// クレジットカードによるご注文を一時的に制限しております /
			// カード決済機能を無効化しております.
			m := stopMention{hedged: hedgedAround(toks, i), quoted: quotedAfter(toks, i)}
			m.subj, m.brandOnly, m.newEntry = subjectOf(toks, i)
			m.aspect, _ = readAspect(toks, i)
			f.stops = append(f.stops, m)
		case (removalWords[b] || b == "表示" && i > 0 && toks[i-1].surf == "非") && !negHead[i] && hasAny(toks, optionWords):
			// お支払い方法からクレジットカードを外しております: taken off the options.
			m := stopMention{hedged: hedgedAround(toks, i), quoted: quotedAfter(toks, i)}
			m.subj, m.brandOnly, m.newEntry = subjectOf(toks, i)
			m.aspect, _ = readAspect(toks, i)
			f.stops = append(f.stops, m)
		case usageWords[b] && !negHead[i]:
			if !usableAfter(toks, i) && i > 0 && normalWords[toks[i-1].base] || i > 1 && normalWords[toks[i-2].base] && toks[i-1].pos2 == "接尾" {
				// 通常どおり承っております: the usage goes on as usual.
				f.usableNormally = true
			}
			if k := becameIfAt(toks, i); k > 0 && announceAfter(toks, k) {
				// ご利用いただけるようになりましたらお知らせします: usable
				// again some day, to be announced then.
				f.resumeFuture, f.openEnded = true, true
			}
			if usableAgain(toks, i) && cardWithin(toks, i, 4) && !hasAny(toks, newWords) && !brandNear(toks, i, 12) {
				// カード使えるようになりました / ご利用いただけるようになりました:
				// the card works again (a brand newly accepted says 新たに / 追加
				// or names the brand).
				f.resumed = true
			}
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
		if outageWords[b] && i+2 < len(toks) && (toks[i+1].surf == "が" || toks[i+1].surf == "の") && toks[i+2].base == "発生" {
			// 決済エラーが発生しております: the outage is the stop (over when
			// 発生しておりました).
			m := stopMention{hedged: hedgedAround(toks, i+2), quoted: quotedAfter(toks, i+2), outage: true}
			m.subj, m.brandOnly, m.newEntry = subjectOf(toks, i)
			m.aspect, _ = readAspect(toks, i+2)
			if m.aspect == aspectOngoing || m.aspect == aspectPast {
				f.stops = append(f.stops, m)
			}
		}
		switch {
		case maintWords[b] || maintWords[t.surf]:
			f.pretextMaint = true
		case (b == "都合" || b == "事情") && !hasBefore(toks, i, 3, vagueReasonOwners):
			// お客様都合による返品 is no pretext; システムの都合 / 諸般の事情 are.
		case faultWords[b] || faultWords[t.surf]:
			f.pretextFault = true
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
		if outlookWords[b] && (negHead[i] || negatedAfter(toks, i) || nextIs(toks, i, "未定") || unsettledLater(toks, negHead, i)) {
			f.openEnded, f.notResumed = true, true
		}
		if extensionWords[b] {
			f.extension = true
			if b == "延長" && !negHead[i] && hasBefore(toks, i, 3, maintWords) {
				// メンテナンス期間を延長いたします: the work, and so whatever it
				// stopped, goes on.
				m := stopMention{aspect: aspectOngoing, quoted: quotedAfter(toks, i), hedged: hedgedAround(toks, i)}
				m.subj, m.brandOnly, m.newEntry = subjectOf(toks, i)
				f.stops = append(f.stops, m)
			}
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
		if recurWords[b] && (b != "第" || i+1 < len(toks) && toks[i+1].pos2 == "数") &&
			!(b == "定期" && i+1 < len(toks) && (subscriptionNouns[toks[i+1].base] || toks[i+1].pos1 == "接頭詞")) {
			// 定期メンテナンス is a calendar; 定期便 / 定期購入 a subscription.
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
			was := f.postponed
			readResume(toks, i, negHead, &f)
			if f.postponed && !was {
				// カード決済の再開を延期いたします: the card stays stopped.
				m := stopMention{aspect: aspectOngoing, quoted: quotedAfter(toks, i)}
				m.subj, m.brandOnly, m.newEntry = subjectOf(toks, i)
				f.stops = append(f.stops, m)
			}
		}
		if leakNouns[b] {
			// Each check scans ahead to the clause's end: ask once.
			if negHead[i] || negatedAfter(toks, i) || deniedLater(toks, negHead, i) || causeDenied(toks, i) {
				f.leakDenied = true
			} else if !purposeAfter(toks, i) && (hasNear(toks, i, 6, infoWords) || b == "改ざん" || b == "改竄") {
				f.leakCore = true
				leakAt = append(leakAt, i)
			}
		}
		if b == "不正" && i+1 < len(toks) && toks[i+1].base == "アクセス" && !negatedAfter(toks, i+1) && !purposeAfter(toks, i+1) && !causeDenied(toks, i+1) && !conditionAfter(toks, i+1) {
			f.leakAccess = true
			leakAt = append(leakAt, i)
		}
		if k := unauthorisedLogin(toks, i); k > 0 && !negHead[k] && !negatedAfter(toks, k) && !purposeAfter(toks, k) && !causeDenied(toks, k) && !deniedLater(toks, negHead, k) && !conditionAfter(toks, k) {
			// 不正ログインが発生 / 不正にログインされた: a break-in stated as a
			// fact, like 不正アクセス (not 不正ログインを防ぐため, not a warning).
			f.leakAccess = true
			leakAt = append(leakAt, i)
		}
		if b == "閲覧" && passiveAfter(toks, i) && !negatedAfter(toks, i) && hasAny(toks, infoWords) {
			// 顧客情報が閲覧された可能性: a break-in (不正ログイン, a hijacked
			// admin account) that exposed customer data is a leak too.
			f.leakCore = true
			leakAt = append(leakAt, i)
		}
		if (endingWords[b] || newWords[b]) && brandNear(toks, i, 12) {
			f.brandChange = true
		}
	}
	if !f.openEnded && containsAny(s.low, openEndedPhrases) {
		f.openEnded = true
	}
	if f.openEnded && len(f.stops) == 0 && !f.resumed && !finalPast(toks) {
		// カード決済の再開時期は現在未定です / カード払いの再開の目処は立って
		// おりません: an unsettled resumption of the card says it is stopped.
		if i := unsettledResumption(toks); i >= 0 {
			m := stopMention{aspect: aspectOngoing, quoted: quotedAfter(toks, i), hedged: hedgedAround(toks, i)}
			m.subj, m.brandOnly, m.newEntry = subjectOf(toks, i)
			if m.subj == subjCard || m.subj == subjPayment {
				f.stops = append(f.stops, m)
			}
		}
	}
	if (f.leakCore || f.leakAccess) && otherPartyNear(toks, leakAt) {
		// 他社での流出事件を受け: the leak is someone else's. Only near the
		// leak term: 他社から流出したとみられるパスワードで…不正ログインが発生し、
		// 会員情報が閲覧された is a break-in here, whatever the credentials' origin.
		f.leakCore, f.leakAccess = false, false
	}
	for _, p := range retryPhrases {
		if strings.Contains(s.low, p) {
			f.quantified = true
		}
	}
	for _, p := range fraudPhrases {
		if strings.Contains(s.low, p) {
			f.fraud = true
			break
		}
	}
	if !f.hasCard && len(f.stops) == 0 && onlyOtherMethods(toks) && (f.openEnded || f.pretextMaint || f.pretextFault || hasAny(toks, tempWords)) {
		// 当面の間、お支払い方法は銀行振込・代金引換のみとさせていただきます:
		// the card is stopped without being named. A shop that never took
		// cards says the same without 当面 / 一時 / メンテナンス, so one of
		// those must be in the sentence.
		f.stops = append(f.stops, stopMention{subj: subjCard, aspect: aspectOngoing, quoted: f.phishing})
	}
	f.logistics = hasAny(toks, logisticsWords) && !f.hasCard && !f.hasPayment
	for _, p := range phishingPhrases {
		if strings.Contains(s.low, p) {
			f.phishing, f.fraud = true, true
			break
		}
	}
	if f.phishing {
		// 「カードが停止されました」などの件名で、当店を装ったメールが…: the
		// stop is what the fake says.
		for k := range f.stops {
			f.stops[k].quoted = true
		}
	}
	if f.extension && !f.usableNormally && !f.resumed {
		// 停止しておりましたカード決済ですが、引き続きメンテナンスを継続: the
		// past tense only says when it began; it goes on.
		for k, m := range f.stops {
			if m.aspect == aspectPast && !m.negated {
				f.stops[k].aspect = aspectOngoing
			}
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
	negatedStop := false
	for _, m := range f.stops {
		negatedStop = negatedStop || m.negated
	}
	if f.noImpact || f.usableNormally || negatedStop {
		// 障害が発生しておりますが、当店への影響はございません: not our stop.
		kept := f.stops[:0]
		for _, m := range f.stops {
			if !m.outage {
				kept = append(kept, m)
			}
		}
		f.stops = kept
	}
	f.window = scanWindow(toks)
	if contactLine(s, &f) {
		// 0120-000-555（9:00～18:00 日祝休み） / 営業時間 10:00-17:00（土日祝休み）:
		// a contact line's business hours are no work window, and its 休み no
		// stop.
		f.window = windowFacts{}
		kept := f.stops[:0]
		for _, m := range f.stops {
			if m.subj != subjNone && m.subj != subjImplicit {
				kept = append(kept, m)
			}
		}
		f.stops = kept
		f.holiday = true
	}
	if f.holiday && f.window.fixed && onlyServiceHoliday(toks) && cannotUse(toks) {
		// 12月8日 1:00〜3:00 ポイントの利用・付与ができません: a service out of
		// use for a window is the maintenance's window, not a campaign's.
		f.holiday = false
	}
	f.finalPast = finalPast(toks)
	if f.resumeFuture && f.window.point && !f.finalPast && !f.openEnded {
		// 6月20日に再開を予定しております: the stop has a stated end, like a
		// window (a long window with a fixed end is still planned).
		f.window.fixed = true
	}
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

// leakCorrOf lists the leak corroborators a tokenized sentence carries (nil
// for none, or when it was not tokenized). Only a notice that states a leak
// needs them, so decide asks for them then, not analyze for every sentence.
func leakCorrOf(s *sentence) map[string]bool {
	if s.toks == nil {
		return nil
	}
	var c map[string]bool
	set := func(k string) {
		if c == nil {
			c = map[string]bool{}
		}
		c[k] = true
	}
	for j := 1; j < len(s.toks); j++ {
		// 最大2,345件 / 約800件 / 最大1,846名: a count of exposed cards or people.
		if (s.toks[j].surf == "件" || s.toks[j].surf == "名") && s.toks[j-1].pos2 == "数" {
			set("件")
		}
	}
	for _, p := range leakCorroborators {
		if strings.Contains(s.low, p) {
			set(p)
		}
	}
	return c
}

// contactLine: the sentence gives a phone number or names business or
// reception hours (受付時間, 営業時間, TEL, 窓口) and says nothing of cards,
// payment, maintenance or faults: a signature or a contact line.
func contactLine(s *sentence, f *facts) bool {
	if f.hasCard || f.hasPayment || f.pretextMaint || f.pretextFault {
		return false
	}
	return phoneLike(s.text) || containsAny(s.low, contactPhrases)
}

// phoneLike: digits-digits-digits starting with 0, as in 0120-000-555 or
// 03-0000-0000 (not a date: 2026-12-05).
func phoneLike(t string) bool {
	groups, digits := 0, 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			if groups == 0 && digits == 0 && (c != '0' || i > 0 && t[i-1] >= '0' && t[i-1] <= '9') {
				// a group that does not start with 0 is no phone number
				groups = -1
			}
			digits++
		case c == '-' && digits > 0 && groups >= 0:
			groups++
			digits = 0
			if groups == 2 && i+1 < len(t) && t[i+1] >= '0' && t[i+1] <= '9' {
				return true
			}
		default:
			groups, digits = 0, 0
		}
	}
	return false
}
