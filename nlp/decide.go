package nlp

import (
	"math"
	"strings"
)

// decide.go: from per-sentence facts to one label, a confidence and the
// evidence. The order is leak, resumed, suspicious, scheduled, unrelated; the
// weights are in rules.go.

// summary is the notice-level view: which sentences carry which signal.
type summary struct {
	activeCard, pastStop, negated, hedged, newCard, brandOnly        []int
	pretextMaint, pretextFault, openEnded, startsNow, extension      []int
	otherMethods, provider, quantified, recurring, spareDay, planned []int
	window, startOnly, resumed, resumeFuture, notResumed             []int
	leak, fraud, brandChange, storedOK, usableNormally               []int
	leakSupport                                                      []int // 第三者調査機関 / 件数 / 経緯 sentences
	noImpact, siteStop                                               []int
	normalAgain                                                      []int // 通常どおりご利用いただけます next to ご不便をおかけしました
	quoted                                                           []int // a card stop quoted (rumour, phishing, a fake page)
	announced                                                        []int // 停止のお知らせ: a title announcing a stop
	doneWork                                                         []int // 証明書を更新いたしました: work reported done, no stop
	plannedOrStop                                                    []int // work announced ahead, or any stop at all
	hasCard                                                          bool
	leakDenied                                                       bool // 流出した事実はございません somewhere in the notice
	leakCorr                                                         map[string]bool
}

func (n *notice) summarise() summary {
	var s summary
	s.leakCorr = map[string]bool{}
	otherAvail := false
	for i := range n.facts {
		s.leakDenied = s.leakDenied || n.facts[i].leakDenied
		if n.facts[i].otherMethods {
			otherAvail = true
		}
		if n.facts[i].hasCard {
			s.hasCard = true
		}
	}
	relevant := make([]bool, len(n.facts)) // sentence talks about stop / maintenance
	anyRelevant := false
	for i, f := range n.facts {
		relevant[i] = len(f.stops) > 0 || f.pretextMaint || f.pretextFault
		anyRelevant = anyRelevant || relevant[i] && (f.pretextMaint || f.pretextFault)
	}
	for i, f := range n.facts {
		for _, m := range f.stops {
			cardish := m.subj == subjCard || (m.subj == subjPayment || m.subj == subjImplicit) && (s.hasCard || otherAvail)
			switch {
			case !cardish:
			case m.quoted:
				s.quoted = append(s.quoted, i)
			case m.hedged:
				s.hedged = append(s.hedged, i)
			case m.negated:
				s.negated = append(s.negated, i)
			case f.brandChange:
				s.brandChange = append(s.brandChange, i)
			case m.aspect == aspectPast:
				s.pastStop = append(s.pastStop, i)
			default:
				s.activeCard = append(s.activeCard, i)
				if m.newEntry {
					s.newCard = append(s.newCard, i)
				}
				if m.brandOnly {
					s.brandOnly = append(s.brandOnly, i)
				}
				if m.aspect == aspectOngoing {
					s.startsNow = append(s.startsNow, i)
				}
			}
		}
		add := func(cond bool, dst *[]int) {
			if cond {
				*dst = append(*dst, i)
			}
		}
		// A warehouse's システム障害 or a carrier's 復旧の見込み is the
		// logistics outage's own, not a payment's.
		add(f.pretextMaint && !f.logistics, &s.pretextMaint)
		add(f.pretextFault && !f.logistics, &s.pretextFault)
		add(f.openEnded && !f.logistics, &s.openEnded)
		add(f.startsNow || f.window.startOnly && relevant[i], &s.startsNow)
		add(f.announced, &s.announced)
		add(f.extension && len(f.stops) > 0, &s.extension)
		add(f.otherMethods && !f.provider, &s.otherMethods)
		add(f.provider && (relevant[i] || f.planned), &s.provider)
		if f.pretextMaint && f.finalPast && len(f.stops) == 0 && !f.window.fixed {
			s.doneWork = append(s.doneWork, i)
		}
		if (f.planned || f.resumeFuture) && !f.finalPast || len(f.stops) > 0 {
			s.plannedOrStop = append(s.plannedOrStop, i)
		}
		add(f.quantified && f.window.duration || f.quantified && relevant[i], &s.quantified)
		add(f.recurring && (relevant[i] || f.windowHead), &s.recurring)
		add(f.spareDay, &s.spareDay)
		add(f.planned && relevant[i], &s.planned)
		add(f.resumed, &s.resumed)
		add(f.resumeFuture, &s.resumeFuture)
		add(f.notResumed, &s.notResumed)
		add(f.fraud, &s.fraud)
		add(f.brandChange, &s.brandChange)
		add(f.storedCardOK, &s.storedOK)
		add(f.usableNormally, &s.usableNormally)
		add(f.noImpact, &s.noImpact)
		add(f.siteStop && (f.pretextMaint || f.pretextFault || f.openEnded), &s.siteStop)
		if f.window.fixed && !(f.holiday && !relevant[i]) && (relevant[i] || f.windowHead || neighbour(relevant, i) || anyRelevant) {
			s.window = append(s.window, i)
		}
		if f.leakCore || f.leakAccess {
			s.leak = append(s.leak, i)
			for k := range leakCorrOf(&n.sents[i]) {
				s.leakCorr[k] = true
			}
			if f.leakCore && containsAny(n.sents[i].text, leakAnnouncePhrases) && !s.leakDenied {
				// …情報流出に関するご報告: the line announces the leak.
				s.leakCorr["announced"] = true
			}
		}
	}
	for i, f := range n.facts {
		if !f.usableNormally {
			continue
		}
		for k := max(0, i-1); k < len(n.sents) && k <= i+1; k++ {
			// the card is named by the usable sentence or by the apology
			// (カードで決済エラーが出る件、ご迷惑をおかけしました).
			if (f.hasCard || n.facts[k].hasCard) && pastApology(&n.sents[k], containsAny(n.sents[i].text, restoredWords)) {
				s.normalAgain = append(s.normalAgain, i)
				break
			}
		}
	}
	if len(s.leak) > 0 {
		for i, f := range n.facts {
			if c := leakCorrOf(&n.sents[i]); len(c) > 0 && !f.fraud {
				for k := range c {
					s.leakCorr[k] = true
				}
				if strongLeakCorr(c) {
					s.leakSupport = append(s.leakSupport, i)
				}
			}
		}
	}
	return s
}

// strongLeakCorr: the sentence names the investigation, the count or the
// timeline, so it belongs in a leak's evidence.
func strongLeakCorr(c map[string]bool) bool {
	return c["第三者調査機関"] || c["調査機関"] || c["フォレンジック"] || c["個人情報保護委員会"] || c["件"] || c["経緯"] || c["改ざん"]
}

// neighbour: the sentence before or after talks about the stop or the work
// (【日時】 line under メンテナンスのお知らせ).
func neighbour(relevant []bool, i int) bool {
	return i > 0 && relevant[i-1] || i+1 < len(relevant) && relevant[i+1]
}

func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

// decide applies the label rules in order: leak, resumed, suspicious,
// scheduled, unrelated.
func (n *notice) decide() Result {
	s := n.summarise()
	pos, content := contentPositions(n.sents)
	if content > longNotice {
		// A whole page: only what stands near a stop explains it. A returns
		// policy's お客様都合 or a guide's 毎月第2火曜日 2:00〜5:00 section far
		// from the stop says nothing about it.
		stops := append(append([]int{}, s.activeCard...), s.siteStop...)
		for _, l := range []*[]int{&s.pretextMaint, &s.pretextFault, &s.openEnded, &s.otherMethods, &s.startsNow,
			&s.extension, &s.window, &s.provider, &s.quantified, &s.recurring, &s.spareDay} {
			if len(stops) > 0 {
				*l = near(*l, stops, nearSentences, pos)
			}
		}
	}
	w := func(idx []int, weight float64) float64 {
		if len(idx) > 0 {
			return weight
		}
		return 0
	}

	// 1. Leak: the leak stated as a fact, with corroboration.
	leakScore := 0.0
	if len(s.leak) > 0 {
		leakScore = wLeakCore + wLeakCorroborate*float64(len(s.leakCorr))
		if len(s.fraud) > 0 && len(s.leakCorr) < 3 {
			// a phishing or fraud-policy notice that names a leak in passing
			leakScore -= wLeakCore
		}
		if s.leakDenied && titleOnlyLeak(n, s.leak) {
			// お客様情報の流出に関するお知らせ whose body says 流出した事実は
			// 確認されておりません: the title names the topic, the body denies
			// it, and no sentence states a leak as a fact.
			leakScore -= wLeakCore
		}
	}
	if leakScore >= leakThreshold {
		n.addAll(s.leak, ReasonLeakTerms)
		n.addAll(s.leakSupport, ReasonLeakTerms)
		return n.result(Leak, sigmoid(leakSlope*(leakScore-leakMid)))
	}

	// An extension with no end (延長 / 引き続き + 未定) outweighs the window
	// the stop once had.
	extendedOpen := len(s.extension) > 0 && len(s.openEnded) > 0
	// The suspicious margin: a card stop and what surrounds it.
	susp := w(s.activeCard, wCardStop) + w(s.openEnded, wOpenEnded) +
		w(append(s.pretextMaint, s.pretextFault...), wPretext) + w(s.startsNow, wStartsNow) +
		w(s.otherMethods, wOtherMethods) + w(s.newCard, wNewCardOnly) + w(s.extension, wExtension) +
		w(s.window, wFixedWindow*boolf(!extendedOpen)) + w(s.provider, wProvider) + w(s.quantified, wQuantified) +
		w(s.recurring, wRecurring) + w(s.spareDay, wSpareDay) + w(s.brandChange, wBrandChange)
	if len(s.hedged) > 0 && len(s.activeCard) == 0 {
		susp += wHedged
	}
	if len(s.announced) > 0 && len(s.startsNow) == 0 && len(s.negated) == 0 && len(s.noImpact) == 0 && len(s.fraud) == 0 {
		// クレジットカード決済一時停止のお知らせ: the title announces the stop
		// now. Not when the body denies it (停止しておりません) or warns of a
		// phishing mail that uses it.
		susp += wStartsNow
		s.startsNow = s.announced
	}
	stillStopped := len(s.activeCard) > 0 && (len(s.extension) > 0 || len(s.notResumed) > 0 || len(s.openEnded) > 0)
	if len(s.activeCard) == 0 && len(s.siteStop) > 0 && len(s.openEnded) > 0 &&
		(len(s.pretextMaint) > 0 || len(s.pretextFault) > 0) {
		// The whole site or all orders stopped "for maintenance" with no end:
		// NOTICES.md's shops that stay メンテナンス中 for months.
		susp += wCardStop
		stillStopped = len(s.resumed) == 0
	}

	// 2. Resumed: a completed resumption, or a report of a stop that is over.
	// A past stop with the card usable normally now is over even if the
	// title names the stop (週末のカード決済停止について(ご報告)); a
	// resumption next to 決済には影響はございませんでした is of something else.
	pastOver := len(s.pastStop) > 0 && (len(s.activeCard) == 0 || len(s.usableNormally) > 0)
	otherOutage := len(s.noImpact) > 0 && len(s.pastStop) == 0
	// ただいま通常どおりご利用いただけます。ご不便をおかけしました: the card
	// is back, with nothing stopped, denied, quoted or unaffected around it.
	normalAgain := len(s.normalAgain) > 0 && len(s.activeCard) == 0 && len(s.negated) == 0 &&
		len(s.quoted) == 0 && len(s.fraud) == 0 && len(s.hedged) == 0
	if normalAgain && len(s.resumed) == 0 {
		s.resumed = s.normalAgain
	}
	if (len(s.resumed) > 0 || pastOver) && !stillStopped && !otherOutage &&
		(s.hasCard || len(s.pastStop) > 0 || len(s.pretextFault) > 0 || len(s.pretextMaint) > 0) {
		n.addAll(s.resumed, ReasonResumed)
		n.addAll(s.pastStop, ReasonPastReport)
		conf := resumedBase + w(s.resumed, 0.1) + w(s.pastStop, 0.08)
		return n.result(Resumed, conf)
	}

	// 3. Suspicious: an ongoing card stop, open-ended or with a pretext, and
	// no fixed window / provider / quantified impact to explain it.
	if (len(s.activeCard) > 0 || len(s.siteStop) > 0 && len(s.openEnded) > 0) && susp >= suspiciousThreshold {
		if len(s.extension) > 0 && len(s.openEnded) > 0 || len(s.window) == 0 {
			n.addAll(s.activeCard, ReasonCardStop)
			if len(s.activeCard) == 0 {
				n.addAll(s.siteStop, ReasonCardStop)
			}
			n.addAll(s.openEnded, ReasonOpenEnded)
			n.addAll(s.pretextMaint, ReasonPretextMaint)
			n.addAll(s.pretextFault, ReasonPretextFault)
			n.addAll(s.startsNow, ReasonStartsNow)
			n.addAll(s.otherMethods, ReasonOtherMethods)
			n.addAll(s.newCard, ReasonNewCardOnly)
			n.addAll(s.extension, ReasonExtension)
			return n.result(Suspicious, sigmoid(suspSlope*(susp-suspMid)))
		}
	}

	// 4. Scheduled: planned work with a window, a named provider, a quantified
	// impact, a calendar or a spare day.
	// A fault alone (障害 / エラー) is planned work only with a window or an
	// announcement: 決済代行会社の障害について報道がありましたが… is news.
	work := len(s.pretextMaint) > 0 || len(s.activeCard) > 0 ||
		len(s.pretextFault) > 0 && (len(s.window) > 0 || len(s.planned) > 0)
	benign := w(s.window, 2) + w(s.provider, 1) + w(s.quantified, 1) + w(s.recurring, 1) + w(s.spareDay, 1) +
		w(s.planned, 0.5)
	if (len(s.negated) > 0 || len(s.noImpact) > 0) && len(s.activeCard) == 0 && len(s.window) == 0 {
		// 当店のカード決済には影響ございません: someone else's outage.
		benign = 0
	}
	if len(s.doneWork) > 0 && len(s.plannedOrStop) == 0 && len(s.window) == 0 {
		// SSLサーバ証明書を更新いたしました under 更新のお知らせ: work done and
		// reported, with nothing stopped and nothing planned; the named
		// component (証明書, サーバー) is no provider's planned window.
		benign = 0
	}
	if work && benign >= 1 && len(s.brandChange) == 0 {
		n.addAll(s.window, ReasonFixedWindow)
		n.addAll(s.provider, ReasonProviderNamed)
		n.addAll(s.quantified, ReasonQuantified)
		n.addAll(s.pretextMaint, ReasonPretextMaint)
		n.addAll(s.activeCard, ReasonCardStop)
		return n.result(Scheduled, sigmoid(benign+scheduledOffset))
	}

	// 5. Unrelated: say what made it look close, if anything.
	n.addAll(s.negated, ReasonNegated)
	n.addAll(s.noImpact, ReasonNegated)
	n.addAll(s.fraud, ReasonFraudPolicy)
	n.addAll(s.brandChange, ReasonBrandChange)
	closeness := math.Max(sigmoid(susp-suspiciousThreshold), sigmoid(leakScore-leakThreshold))
	if len(s.activeCard) == 0 && len(s.leak) == 0 {
		closeness = 0.1
	}
	return n.result(Unrelated, clamp01(1-0.8*closeness))
}

const (
	// longNotice: beyond this many sentences the text is a page, not a
	// notice, and signals must stand within nearSentences of a stop.
	longNotice           = 12
	nearSentences        = 4
	maxEvidencePerReason = 3
)

// addAll adds evidence for a reason, at most maxEvidencePerReason sentences:
// the deciding ones, not every payment-method line of a page.
func (n *notice) addAll(idx []int, r Reason) {
	for k, i := range idx {
		if k == maxEvidencePerReason {
			break
		}
		n.add(i, r)
	}
}

// near keeps the sentence indexes within d sentences of any stop, counted
// in content positions (pos).
func near(idx, stops []int, d int, pos []int) []int {
	var out []int
	for _, i := range idx {
		for _, j := range stops {
			if pos[i]-pos[j] <= d && pos[j]-pos[i] <= d {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

func (n *notice) result(l Label, score float64) Result {
	ev := n.ev
	if ev == nil {
		ev = []Evidence{}
	}
	return Result{Label: l, Score: clamp01(math.Min(score, maxScore)), Evidence: ev}
}

// titleOnlyLeak: every sentence that names a leak is an announcing title
// (…流出に関するお知らせ), none a statement in the body.
func titleOnlyLeak(n *notice, leak []int) bool {
	for _, i := range leak {
		if !containsAny(n.sents[i].text, leakAnnouncePhrases) {
			return false
		}
	}
	return true
}

// pastApology: the sentence apologises for an inconvenience that is over
// (ご不便をおかけいたしました; 大変お待たせしました when restored says the
// card's own sentence is one of restoration), and is not about shipping or a
// holiday (配送が遅れ、ご迷惑をおかけしました).
func pastApology(s *sentence, restored bool) bool {
	if !(containsAny(s.text, apologyPastPhrases) || restored && containsAny(s.text, waitedPhrases)) || !strings.Contains(s.text, "した") {
		return false
	}
	for w := range logisticsWords {
		if strings.Contains(s.text, w) {
			return false
		}
	}
	return !containsAny(s.text, []string{"休業", "遅延", "遅れ"})
}

// contentPositions numbers the sentences without counting bare date lines
// (・1月13日(水), 2月10日): a calendar listed one date a line is one item of
// the notice, not a page of text between the window and the stop. It returns
// each sentence's position and the number of content sentences.
func contentPositions(sents []sentence) ([]int, int) {
	pos := make([]int, len(sents))
	p := 0
	for i := range sents {
		if i > 0 && !bareDateLine(sents[i].text) {
			p++
		}
		pos[i] = p
	}
	return pos, p + 1
}

// bareDateLine: the line holds only a date or time, with bullets, weekdays
// and brackets: 「・1月13日(水)」, 「2027/2/10」, 「3月10日（水）2:00～5:00」.
func bareDateLine(t string) bool {
	digit := false
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case strings.ContainsRune(bareDateRunes, r):
		default:
			return false
		}
	}
	return digit
}

// bareDateRunes: what else a bare date line may hold.
const bareDateRunes = " 　・-*●■□◆◇○()（）[]年月日時分:/.~〜～-−火水木金土祝曜第、,"
