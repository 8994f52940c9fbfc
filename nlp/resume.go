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
		case t.pos1 == "助動詞" && t.base == "た":
			sawTa = true
		case isNeg(t):
			sawNeg = true
		case t.pos1 == "動詞" && ongoingAux[t.base]:
			sawOru = true
		case t.base == "完了" || t.base == "済み" || t.base == "済":
			// 修正が完了し / 復旧済み: done.
			sawTa = true
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
