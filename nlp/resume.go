package nlp

// resume.go reads resumption: 再開いたしました (done), 再開いたします / 再開予定
// (planned), 再開しておりません (denied).

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
	for j := i + 1; j < len(toks) && j <= i+4 && !isClauseEnd(toks[j]); j++ {
		if postponeWords[toks[j].base] {
			// 再開を延期いたします / 再開日延期のお知らせ / 再開を見送り: the
			// stop goes on.
			f.notResumed, f.extension, f.postponed = true, true, true
			return
		}
	}
	if unlikelyAfter(toks, i) {
		// 再開が難しい見込みとなりました / 再開は、現時点では困難な状況です:
		// the stop goes on, like a postponement.
		f.notResumed, f.extension, f.postponed = true, true, true
		return
	}
	if i+1 < len(toks) && (toks[i+1].surf == "は" || toks[i+1].surf == "について" || toks[i+1].surf == "につきまして") {
		// 再開は当ページでご案内いたします / 再開につきましてはメールでお知らせ
		// します: the resumption is the topic of an announcement to come.
		for j := i + 2; j < len(toks) && j <= i+10 && !isClauseEnd(toks[j]); j++ {
			if announceWords[toks[j].base] || toks[j].base == "告知" || toks[j].base == "お知らせ" {
				f.resumeFuture, f.openEnded = true, true
				return
			}
		}
	}
	sawTa, sawOru, sawNeg := false, false, false
	for j := i + 1; j < len(toks) && j <= i+10; j++ {
		t := toks[j]
		if isClauseEnd(t) {
			break
		}
		if t.base == "まで" || t.base == "迄" {
			// 修正が完了するまでの間 / 復旧までお待ちください: until a
			// resumption nobody has dated, whatever verb came before.
			f.resumeFuture, f.openEnded = true, true
			return
		}
		if announceWords[t.base] && !sawTa {
			if titleNounAfter(toks, i, j) {
				// 再開のお知らせ / 復旧のご報告: a title announcing the resumption.
				f.resumed = true
				return
			}
			// 再開は改めてお知らせします / 再開はメールにてご案内いたします: the
			// resumption will be announced some day, so it has not happened.
			f.resumeFuture, f.openEnded = true, true
			return
		}
		if resumeBlockers[t.base] {
			if t.base == "次第" {
				f.openEnded = true
			}
			if t.base == "予定" {
				if a, _ := readAspect(toks, j); a == aspectPast {
					// 再開を予定しておりましたが: the plan fell through.
					f.notResumed = true
					return
				}
			}
			if !sawTa {
				f.resumeFuture = true
				return
			}
			break
		}
		switch {
		case t.pos1 == "助動詞" && t.base == "た" && conditionalTa(t):
			// 再開しましたらお知らせします / 復旧したらご連絡します: a
			// condition on a resumption to come, announced when it comes.
			f.resumeFuture = true
			if announceAfter(toks, j) {
				f.openEnded = true
			}
			return
		case t.pos1 == "助動詞" && t.base == "た":
			sawTa = true
		case isNeg(t):
			sawNeg = true
		case t.pos1 == "動詞" && ongoingAux[t.base]:
			sawOru = true
		case t.base == "完了" || t.base == "済み" || t.base == "済":
			// 修正が完了し / 復旧済み: done.
			sawTa = true
		case hedgeWords[t.base]:
			// 作業が早く終了した場合は再開いたします: a condition, not a fact.
			f.resumeFuture = true
			return
		case t.pos1 == "助動詞", t.pos1 == "助詞", headSkipVerbs[t.base], t.base == "確認", t.base == "無事":
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

// titleNounAfter: only の and honorific prefixes stand between the
// resumption at i and the announcement noun at j (再開のお知らせ,
// 終了のご報告, 復旧ご報告), so the resumption is the title's subject.
func titleNounAfter(toks []tok, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if toks[k].surf != "の" && toks[k].pos1 != "接頭詞" {
			return false
		}
	}
	return true
}

// conditionalTa: the conditional form of た (しましたら, 復旧したら, 再開
// されましたら), which makes what precedes it a condition, not a fact.
func conditionalTa(t tok) bool { return t.surf == "たら" || t.surf == "だら" }

// announceAfter: an announcement follows the token at j in its clause
// (…ましたらお知らせします, …たらメールでご連絡いたします).
func announceAfter(toks []tok, j int) bool {
	for k := j + 1; k < len(toks) && k <= j+5; k++ {
		if announceWords[toks[k].base] {
			return true
		}
		if isClauseEnd(toks[k]) {
			return false
		}
	}
	return false
}

// unlikelyOver: the difficulty at j is something once thought or overcome
// (再開は難しいと思われましたが / 一時は困難でしたが、), or only a
// possibility (再開が難しい場合は / 難しいかもしれません), not the state now.
func unlikelyOver(toks []tok, j int) bool {
	sawTa := false
	for k := j + 1; k < len(toks) && k <= j+8; k++ {
		t := toks[k]
		if t.surf == "と" && k+1 < len(toks) && thinkVerbs[toks[k+1].base] {
			return true
		}
		if hedgeWords[t.base] || t.surf == "かも" {
			return true
		}
		if t.pos1 == "助動詞" && t.base == "た" {
			sawTa = true
		}
		if isClauseEnd(t) {
			return sawTa && t.pos1 == "助詞"
		}
	}
	return false
}

// unlikelyAfter: the resumption at i is said to be out of reach now (再開が
// 難しい, 再開は、当面困難な状況です), reading across a comma after the topic.
func unlikelyAfter(toks []tok, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+8; j++ {
		t := toks[j]
		if t.surf == "、" || t.surf == "," {
			continue
		}
		if isClauseEnd(t) {
			return false
		}
		if unlikelyWords[t.base] {
			return !unlikelyOver(toks, j)
		}
	}
	return false
}
