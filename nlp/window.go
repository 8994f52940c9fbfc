package nlp

// window.go reads time expressions from tokens: 6月10日(水) 2:00〜6:00,
// 午前2時から午前6時まで, 6/10 2:00-6:00, 2026年6月10日〜6月12日, 最大10分間.
// After NFKC kagome gives digits as 名詞-数 tokens and the units as their
// own tokens (月, 日, 時, 分, :), so a small symbol machine over the tokens
// finds a start, a range marker and an end without a date parser.

type timeSym int

const (
	symOther timeSym = iota
	symPoint         // a date or a time of day: 6月10日, 2:00, 午前2時, 本日
	symRange         // 〜 ~ - から より to from
	symEnd           // まで 迄 until
	symDur           // a duration: 10分間, 3時間, 数秒
	symEndAt         // 終了 / 終了時刻 followed by a time
)

// windowFacts is what one sentence says about time.
type windowFacts struct {
	fixed     bool // a start and an end, or an end alone (〜6:00まで)
	startOnly bool // 6月10日より / 15:00から with nothing after
	duration  bool // 最大10分間, 約3時間, 数秒
	point     bool // a date or a time at all (6月20日)
}

var (
	rangeMarks = words("〜", "~", "-", "−", "–", "—", "ー", "から", "より", "to", "from")
	endMarks   = words("まで", "迄", "until", "till")
	dayWords   = words("本日", "今日", "明日", "翌日", "同日", "当日", "明朝", "今夜", "深夜", "早朝", "正午", "翌朝")
	ampmWords  = words("午前", "午後", "深夜", "早朝", "夜間", "朝", "夕方", "am", "pm")
	endWords   = words("終了", "終了時刻", "終了予定", "終了時間")
	timeUnits  = words("時", "分", "秒", "時間", "分間", "秒間", "日間", "週間", "ヶ月", "か月", "カ月", "ヵ月")
)

// scanWindow classifies the sentence's time expressions.
func scanWindow(toks []tok) windowFacts {
	var syms []timeSym
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.pos2 == "数":
			s, n := readNumber(toks, i)
			syms = append(syms, s)
			i += n - 1
		case dayWords[t.base] || ampmWords[t.base]:
			syms = append(syms, symPoint)
			// 午前2時: the number that follows is the same point.
			if i+1 < len(toks) && toks[i+1].pos2 == "数" {
				_, n := readNumber(toks, i+1)
				i += n
			}
		case t.surf == "瞬断" || t.surf == "数秒" || t.surf == "数分":
			syms = append(syms, symDur)
		case endWords[t.base] && nextPointWithin(toks, i, 4):
			// 終了時刻を8:00に延長 / 終了予定:6:00: the end is stated.
			syms = append(syms, symEndAt)
		case rangeMarks[t.surf]:
			syms = append(syms, symRange)
		case endMarks[t.surf]:
			syms = append(syms, symEnd)
		default:
			syms = append(syms, symOther)
		}
	}
	var w windowFacts
	for i, s := range syms {
		switch s {
		case symDur:
			w.duration = true
		case symEndAt:
			if k := nextSym(syms, i+1, 4); k >= 0 && syms[k] == symPoint {
				w.fixed = true
			}
		case symPoint:
			w.point = true
			// A point followed (within a few tokens, skipping (水) and 頃)
			// by a range marker and then another point is a window.
			j := nextSym(syms, i+1, 4)
			if j < 0 {
				continue
			}
			switch syms[j] {
			case symRange:
				k := nextSym(syms, j+1, 4)
				if k >= 0 && syms[k] == symPoint {
					w.fixed = true
				} else {
					w.startOnly = true
				}
			case symEnd:
				// 6:00まで / 6月15日まで: the end is fixed.
				w.fixed = true
			}
		}
	}
	if w.startOnly && w.duration {
		// 深夜1時より約3時間: a start and a length fix the end.
		w.fixed = true
	}
	if w.fixed {
		w.startOnly = false
	}
	return w
}

// nextPointWithin: a number follows within d tokens (終了時刻を8:00).
func nextPointWithin(toks []tok, i, d int) bool {
	for j := i + 1; j < len(toks) && j <= i+d; j++ {
		if toks[j].pos2 == "数" {
			return true
		}
	}
	return false
}

// nextSym returns the index of the next non-other symbol within max steps, or -1.
func nextSym(syms []timeSym, from, max int) int {
	for i := from; i < len(syms) && i < from+max; i++ {
		if syms[i] != symOther {
			return i
		}
	}
	return -1
}

// readNumber reads a number and its unit: 6 月 10 日 / 2 : 00 / 10 分間 /
// 2026 年 ... / 6 / 10. It returns what the group is and how many tokens it used.
func readNumber(toks []tok, i int) (timeSym, int) {
	n := 1
	sym := symOther
	for i+n <= len(toks) {
		if i+n == len(toks) {
			break
		}
		u := toks[i+n]
		switch {
		case u.surf == "年" || u.surf == "月" || u.surf == "日" || u.surf == "/" || u.surf == ".":
			if sym != symDur {
				sym = symPoint
			}
		case u.surf == "時" || u.surf == ":" || u.surf == "半" || u.surf == "分" && sym == symPoint:
			sym = symPoint
		case timeUnits[u.surf]:
			sym = symDur
		case u.surf == "am" || u.surf == "pm" || u.surf == "頃" || u.surf == "ごろ":
			if sym == symOther {
				sym = symPoint
			}
		case u.pos2 == "数":
			// the next number of the same group (10 after 6月, 00 after 2:)
			if sym == symOther {
				return sym, n
			}
		default:
			return sym, n
		}
		n++
	}
	return sym, n
}
