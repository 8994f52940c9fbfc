package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var (
	methodWords = regexp.MustCompile(`(?i)クレジット|カード決済|カード払い|カード支払|\bvisa\b|mastercard|\bjcb\b|\bamex\b|american express|diners|代金引換|代引|銀行振込|銀行振り込み|銀行振替|郵便振替|ゆうちょ振替|ゆうちょ銀行|コンビニ|後払い|\batone\b|\bpaidy\b|paypay|amazon ?pay|楽天ペイ|d払い|au ?pay|キャリア決済|携帯決済|電子マネー|口座振替|現金書留|apple ?pay|google ?pay|ペイジー|pay-easy|paypal|銀聯|ネットバンク|楽天銀行|店頭|現金払い|郵便振込|振込`)
	cardWords   = regexp.MustCompile(`(?i)クレジット|カード決済|カード払い|カード支払|\bvisa\b|master|\bjcb\b|\bamex\b|american express|diners|credit`)
	notCard     = regexp.MustCompile(`ポイントカード|ギフトカード|会員カード|プリペイド`)
	// notMethod: a news title or a heading about payments, not a method.
	notMethod = regexp.MustCompile(`お知らせ|お詫び|について|ご案内|のご連絡|再開|導入`)
	// payHeading labels a cell or heading that lists the methods.
	payHeading = regexp.MustCompile(`お支払い?方法|支払方法|決済方法|お支払いについて|ご利用いただけるお支払い|お支払い$`)
	// Suspension: strong forms count anywhere in the method's text.
	suspStrong = regexp.MustCompile(`停止中|一時停止|休止中|休止して|休止いたし|停止して|停止いたし|停止させて|利用停止|受付停止|受付を停止|取り?扱いを(?:一時)?停止|取り?扱いを(?:一時)?休止|お取り?扱い(?:を|は)?(?:一時)?(?:停止|休止|中止)|ご利用を(?:一時)?停止|ご利用を(?:一時)?休止|メンテナンス中`)
	// Weak forms ("ご利用いただけません") count only in a sentence that says
	// now (ただいま, 現在, 当面): "デビットカードはご利用いただけません" is a rule,
	// not a suspension.
	suspWeak    = regexp.MustCompile(`ご利用いただけません|ご利用できません|お使いいただけません|ご利用いただけない|利用不可|お受けできません|承ることができません|お選びいただけません`)
	suspNow     = regexp.MustCompile(`ただいま|只今|現在|一時的|当面|しばらく|メンテナンス|不具合|障害|再開`)
	suspExclude = regexp.MustCompile(`デビット|プリペイド|海外発行|一部の|分割|リボ|ギフト`)
	sentenceEnd = regexp.MustCompile(`[。!\n]`)
	resumed     = regexp.MustCompile(`再開(?:いた)?しました|再開しております|復旧(?:いた)?しました|ご利用いただけるようになりました|ご利用可能となりました`)
)

// payment reads the payment methods a page lists: items (li, dt+dd, table
// rows, headings with their section) whose label names a method, or a
// お支払い方法 cell that lists several methods in one line. A page is a
// payment page when it lists at least two methods.
func (p *page) payment() *Payment {
	var methods []PaymentMethod
	seen := map[string]bool{}
	add := func(name, text string, struck bool) bool {
		name, text = truncate(name, 80), truncate(text, 300)
		if seen[name] || len(methods) >= maxMethods {
			return false
		}
		seen[name] = true
		card := cardWords.MatchString(name) && !notCard.MatchString(name)
		susp := suspended(text)
		if struck && !susp {
			// The evidence must say why: the text itself reads as offered.
			susp, text = true, truncate(text+" "+struckMark, 300)
		}
		methods = append(methods, PaymentMethod{Name: name, Card: card, Suspended: susp, Text: text})
		return true
	}
	// last is the item of the method read last: a remark item right after
	// it is its note.
	var last *html.Node
	elements(p.body, func(e *html.Node) bool {
		if p.insideUsed(e) {
			return false
		}
		if last != nil && prevElement(e) == last && len(methods) > 0 {
			if note, ok := remarkItem(e); ok && attachRemark(&methods[len(methods)-1], note) {
				p.payUsed = append(p.payUsed, e)
				last = e
				return false
			}
		}
		if ms := lineBlockMethods(e); len(ms) > 0 {
			for _, m := range ms {
				add(m.name, m.text, false)
			}
			p.payUsed = append(p.payUsed, e)
			return false
		}
		label, text, parts, ok := methodItem(e)
		if !ok {
			return true
		}
		if payHeading.MatchString(label) && len([]rune(label)) <= 20 {
			// "お支払い方法 | クレジットカード、銀行振込": methods in one cell, or
			// items below the heading, read on the way down.
			if find(e, func(c *html.Node) bool { return c.DataAtom == atom.Li }) == nil && e.DataAtom != atom.H2 && e.DataAtom != atom.H3 && e.DataAtom != atom.H4 && e.DataAtom != atom.H5 {
				for _, m := range methodsInValue(valueLines(e)) {
					add(m.name, m.text, false)
				}
				return false
			}
			return true
		}
		name := methodName(label)
		if name == "" {
			return true
		}
		if add(name, text, struck(labelOf(e))) {
			last = e
		}
		// Red text inside a method's description is the method's state,
		// not a page banner.
		p.payUsed = append(p.payUsed, parts...)
		return false
	})
	if len(methods) < 2 {
		// One "method" is not a payment list (a marquee in a table cell
		// that names クレジットカード): its node stays a banner candidate.
		p.payUsed = nil
		return nil
	}
	p.noteAfterList(methods)
	pay := &Payment{URL: p.site.pageString(), Methods: methods}
	cards, stopped := 0, 0
	for _, m := range methods {
		if m.Card {
			cards++
			if m.Suspended {
				stopped++
			}
		}
	}
	pay.CardOffered = cards > 0
	pay.CardSuspended = cards > 0 && stopped == cards
	return pay
}

// remarkItem reads an item that is a note rather than a method: a table
// row or list entry whose text opens with ※ / * / 注:, or a row of one cell
// spanning the table ("<tr><td colspan=2>※現在クレジットカード決済は停止して
// おります</td></tr>" under the card row).
func remarkItem(e *html.Node) (string, bool) {
	if e.DataAtom != atom.Tr && e.DataAtom != atom.Li && e.DataAtom != atom.Dd {
		return "", false
	}
	t := textOf(e)
	if t == "" || len([]rune(t)) > 300 {
		return "", false
	}
	if strings.HasPrefix(t, "※") || strings.HasPrefix(t, "*") || strings.HasPrefix(t, "注:") || strings.HasPrefix(t, "注)") || strings.HasPrefix(t, "(注") {
		return t, true
	}
	if e.DataAtom == atom.Tr {
		var cells []*html.Node
		for c := e.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
				cells = append(cells, c)
			}
		}
		if len(cells) == 1 && attr(cells[0], "colspan") != "" && attr(cells[0], "colspan") != "1" {
			return t, true
		}
	}
	return "", false
}

// attachRemark adds a note to the method above it, unless the note names a
// method of another kind (a card note under the bank-transfer row).
func attachRemark(m *PaymentMethod, note string) bool {
	if methodWords.MatchString(note) && cardWords.MatchString(note) != m.Card {
		return false
	}
	m.Text = truncate(m.Text+" "+note, 300)
	if suspended(note) {
		m.Suspended = true
	}
	return true
}

// prevElement is the element before n among its siblings, or nil.
func prevElement(n *html.Node) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

// methodItem returns the label of an item that may name a payment method,
// and the item's text (the label with its description).
func methodItem(e *html.Node) (label, text string, parts []*html.Node, ok bool) {
	switch e.DataAtom {
	case atom.Li:
		lines := linesOf(nil, e)
		if len(lines) == 0 {
			return "", "", nil, false
		}
		// A menu entry (<li><a>クレジットカードケース</a></li>) is
		// navigation, not a method: methods are written, not linked.
		if a := find(e, isHref); a != nil && textOf(a) == strings.Join(lines, " ") {
			return "", "", nil, false
		}
		return lines[0], strings.Join(lines, " "), []*html.Node{e}, true
	case atom.Dt:
		label = labelText(e)
		parts = []*html.Node{e}
		for s := e.NextSibling; s != nil; s = s.NextSibling {
			if s.DataAtom == atom.Dt {
				break
			}
			if s.DataAtom == atom.Dd {
				parts = append(parts, s)
			}
		}
		return label, withLabel(label, textOf(parts...)), parts, true
	case atom.Tr:
		var first *html.Node
		for c := e.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Th || c.DataAtom == atom.Td {
				first = c
				break
			}
		}
		if first == nil {
			return "", "", nil, false
		}
		label = labelText(first)
		return label, withLabel(label, textOf(e)), []*html.Node{e}, true
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		label = labelText(e)
		parts = []*html.Node{e}
		size := 0
		for s := e.NextSibling; s != nil && size < 600; s = s.NextSibling {
			if s.Type == html.ElementNode && isHeadingTag(s) {
				break
			}
			parts = append(parts, s)
			size += len(textOf(s))
		}
		return label, withLabel(label, textOf(parts...)), parts, true
	}
	return "", "", nil, false
}

// labelText is the text of a method's label, or, when the label is only a
// picture (<h3><img alt="クレジットカード決済"></h3>), the alt of its images:
// guides draw method names as images as often as they write them.
func labelText(e *html.Node) string {
	if t := textOf(e); t != "" {
		return t
	}
	var alts []string
	elements(e, func(c *html.Node) bool {
		if c.DataAtom == atom.Img {
			if a := clean(attr(c, "alt")); a != "" {
				alts = append(alts, a)
			}
		}
		return len(alts) < 4
	})
	return strings.Join(alts, " ")
}

// withLabel puts a label read from image alt text in front of the item's
// text, so that the evidence names the method.
func withLabel(label, text string) string {
	if label == "" || strings.Contains(text, label) {
		return text
	}
	return clean(label + " " + text)
}

func isHeadingTag(e *html.Node) bool {
	switch e.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// methodHints: every methodWords match contains one of these.
var methodHints = []string{"クレジット", "カード", "代金引換", "代引", "振込", "振り込み", "振替", "コンビニ", "後払い",
	"visa", "master", "jcb", "amex", "american", "diners", "atone", "paidy", "pay", "楽天", "払い", "決済",
	"電子マネー", "現金", "銀行", "店頭", "ペイジー", "銀聯", "ゆうちょ"}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// methodName is the method named at the start of a label, or "".
func methodName(label string) string { return methodNameLead(label, 12) }

// methodNameLead allows at most lead runes before the method word.
func methodNameLead(label string, lead int) string {
	label = strings.Trim(label, separators)
	if label == "" {
		return ""
	}
	// The method word must start within lead runes: only the head of a
	// long label is searched.
	head := label
	if len(head) > (lead+30)*3 {
		head = strings.ToValidUTF8(head[:(lead+30)*3], "")
	}
	if !containsAny(strings.ToLower(head), methodHints) {
		return "" // the common case, without the regexp
	}
	loc := methodWords.FindStringIndex(head)
	if loc == nil || notMethod.MatchString(label) {
		return ""
	}
	if loc == nil || len([]rune(label[:loc[0]])) > lead {
		return ""
	}
	if len([]rune(label)) > 40 {
		// "クレジットカード決済: VISA, Master ... がご利用いただけます"
		if i := strings.IndexAny(label[loc[0]:], ":。 "); i > 0 {
			label = label[:loc[0]+i]
		} else {
			label = truncate(label, 40)
		}
	}
	return strings.Trim(label, separators)
}

// valueLines is the text of an item without its label (dd, td, li body).
func valueLines(e *html.Node) string {
	var label *html.Node
	var parts []*html.Node
	switch e.DataAtom {
	case atom.Dt:
		for s := e.NextSibling; s != nil && s.DataAtom != atom.Dt; s = s.NextSibling {
			parts = append(parts, s)
		}
	case atom.Tr:
		for c := e.FirstChild; c != nil; c = c.NextSibling {
			if label == nil && (c.DataAtom == atom.Th || c.DataAtom == atom.Td) {
				label = c
				continue
			}
			parts = append(parts, c)
		}
	default:
		lines := linesOf(nil, e)
		if len(lines) > 0 {
			lines = lines[1:]
		}
		return strings.Join(lines, "\n")
	}
	return strings.Join(linesOf(nil, parts...), "\n")
}

type valueMethod struct{ name, text string }

// remarkLine is a note under a method ("※現在ご利用いただけません。"), not a
// method of its own.
var remarkLine = regexp.MustCompile(`^[※*＊注]|ません|。$`)

// methodsInValue reads the methods listed in one cell: one per line or
// separated by 、 / ・, with remark lines and pieces attached to the method
// before them, so that a suspension note stays with its method.
func methodsInValue(value string) []valueMethod {
	var out []valueMethod
	attach := func(s string) {
		if len(out) > 0 {
			out[len(out)-1].text += " " + s
		}
	}
	for _, line := range strings.Split(value, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		if remarkLine.MatchString(line) && methodNameLead(line, 4) == "" || strings.HasPrefix(line, "※") {
			attach(line)
			continue
		}
		for _, piece := range splitMethods(line) {
			// "クレジットカード、VISA・JCB": brands after a card method are
			// that method's brands, so its state covers them.
			if len(out) > 0 && cardBrandOnly.MatchString(piece) && cardWords.MatchString(out[len(out)-1].name) {
				attach(piece)
				continue
			}
			if name := methodNameLead(piece, 4); name != "" && !strings.HasPrefix(piece, "※") {
				out = append(out, valueMethod{name, piece})
			} else {
				attach(piece)
			}
		}
	}
	return out
}

// cardBrandOnly is a piece that names card brands and nothing else.
var cardBrandOnly = regexp.MustCompile(`(?i)^[(\[]?\s*(?:visa|master\s?card|master|jcb|amex|american express|diners(?: club)?|discover|銀聯)\s*[)\]]?(?:\s*(?:等|など))?$`)

// splitMethods splits "クレジットカード、銀行振込、代金引換" (or one per line)
// into pieces, keeping a parenthesised remark with its method; a space splits
// only before another method ("クレジットカード 銀行振込").
func splitMethods(s string) []string {
	var out []string
	for _, piece := range splitPunct(s) {
		words := strings.Split(piece, " ")
		cur := words[0]
		for _, w := range words[1:] {
			// Never inside brackets: "(VISA / Mastercard / JCB)" lists
			// the brands of one method.
			if loc := methodWords.FindStringIndex(w); loc != nil && loc[0] == 0 && bracketDepth(cur) == 0 && methodWords.MatchString(cur) {
				out = append(out, cur)
				cur = w
				continue
			}
			cur += " " + w
		}
		out = append(out, cur)
	}
	return out
}

// bracketDepth is how many brackets s leaves open.
func bracketDepth(s string) int {
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '（', '【', '[', '「':
			depth++
		case ')', '）', '】', ']', '」':
			if depth > 0 {
				depth--
			}
		}
	}
	return depth
}

func splitPunct(s string) []string {
	var out []string
	depth := 0
	start := 0
	for i, r := range s {
		switch r {
		case '(', '（', '【', '[', '「':
			depth++
		case ')', '）', '】', ']', '」':
			if depth > 0 {
				depth--
			}
		case '、', ',', '/', '・', '|', '\n':
			if depth == 0 {
				if piece := strings.TrimSpace(s[start:i]); piece != "" {
					out = append(out, piece)
				}
				start = i + len(string(r))
			}
		}
	}
	if piece := strings.TrimSpace(s[start:]); piece != "" {
		out = append(out, piece)
	}
	return out
}

// suspended reports whether text marks its method as not available now.
// A sentence that reports the method back ("一時停止しておりましたが、再開
// いたしました") does not count as a suspension.
func suspended(text string) bool {
	for _, sent := range sentenceEnd.Split(text, -1) {
		if resumed.MatchString(sent) {
			continue
		}
		if suspStrong.MatchString(sent) {
			return true
		}
		if suspWeak.MatchString(sent) && suspNow.MatchString(sent) && !suspExclude.MatchString(sent) {
			return true
		}
	}
	return false
}

// struckMark is added to a method's text when only its strike-through says
// it is stopped.
const struckMark = "(取り消し線で表示)"

// labelOf is the element that names a method item: a row's first cell,
// otherwise the item itself.
func labelOf(e *html.Node) *html.Node {
	if e.DataAtom == atom.Tr {
		for c := e.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Th || c.DataAtom == atom.Td {
				return c
			}
		}
	}
	return e
}

// struck reports whether all the text of e is struck through (<s>, <del>,
// <strike>, or style text-decoration: line-through): the shop has crossed
// the method out rather than deleted it.
func struck(e *html.Node) bool {
	var on, off int
	var walk func(n *html.Node, in bool, depth int)
	walk = func(n *html.Node, in bool, depth int) {
		if depth > 32 {
			return
		}
		switch n.Type {
		case html.TextNode:
			if k := letters(n.Data); in {
				on += k
			} else {
				off += k
			}
			return
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
			switch n.DataAtom {
			case atom.S, atom.Del, atom.Strike:
				in = true
			}
			if strings.Contains(strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", "")), "line-through") {
				in = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in, depth+1)
		}
	}
	walk(e, false, 0)
	return on >= 2 && off == 0
}

// lineBlockMethods reads a paragraph of <br> lines that lists methods, as
// hand-made pages and rich-text editors write them:
//
//	<p><strong>支払方法</strong><br>クレジットカード、PayPal、コンビニ決済</p>
//	<p>■クレジットカード決済<br>VISA…<br>※ただいまご利用いただけません<br>■銀行振込<br>…</p>
//
// In the first a short お支払い方法 line heads the value; in the second each
// method opens a short line of its own, starting with a bullet, and the lines
// under it (brands, remarks) are its text. Anything else is not read here.
func lineBlockMethods(e *html.Node) []valueMethod {
	if e.DataAtom != atom.P && e.DataAtom != atom.Div {
		return nil
	}
	for c := e.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blocks[c.DataAtom] && c.DataAtom != atom.Br {
			return nil
		}
	}
	lines := linesOf(nil, e)
	if len(lines) < 2 {
		return nil
	}
	if payHeading.MatchString(lines[0]) && len([]rune(lines[0])) <= 20 {
		return methodsInValue(strings.Join(lines[1:], "\n"))
	}
	var out []valueMethod
	for _, l := range lines {
		r, _ := utf8.DecodeRuneInString(l)
		if strings.ContainsRune(methodBullets, r) && len([]rune(l)) <= 30 && !strings.Contains(l, "。") {
			if name := methodNameLead(strings.TrimLeft(l, methodBullets+" "), 2); name != "" {
				out = append(out, valueMethod{name, l})
				continue
			}
		}
		if len(out) > 0 {
			out[len(out)-1].text += " " + l
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

var (
	genericCard = regexp.MustCompile(`クレジット|カード決済|カード払い|カードでのお支払|カード支払`)
	cardBrand   = regexp.MustCompile(`(?i)visa|master|jcb|amex|american express|diners|discover|銀聯`)
)

// methodBullets open a method's line in a hand-made list.
const methodBullets = "■□◆◇●○・◎▼▽▶►【"

// noteAfterList applies a note written under the list of methods
// ("※現在、クレジットカード決済はシステム不具合のため停止しております。") to
// the card methods it names: the shop marks the stop beside the list rather
// than in the card's entry. Only the few elements right after a list, up to
// the next heading, are read.
func (p *page) noteAfterList(methods []PaymentMethod) {
	open := false
	for _, m := range methods {
		if m.Card && !m.Suspended {
			open = true
		}
	}
	if !open {
		return
	}
	seen := map[*html.Node]bool{}
	var notes []string
	for _, u := range p.payUsed {
		list := u.Parent
		if list == nil || seen[list] {
			continue
		}
		seen[list] = true
		k := 0
		for s := list.NextSibling; s != nil && k < 3; s = s.NextSibling {
			if s.Type != html.ElementNode {
				continue
			}
			if isHeadingTag(s) || s.DataAtom == atom.Table || s.DataAtom == atom.Ul || s.DataAtom == atom.Dl || s.DataAtom == atom.Ol {
				break
			}
			k++
			for _, l := range linesOf(nil, s) {
				for _, sent := range sentenceEnd.Split(l, -1) {
					// The note must stop card payment as such: one brand
					// (JCB), debit cards or instalments are not the method.
					if genericCard.MatchString(sent) && !notCard.MatchString(sent) && !cardBrand.MatchString(sent) && !suspExclude.MatchString(sent) && suspended(sent) {
						notes = append(notes, strings.TrimSpace(sent))
					}
				}
			}
		}
	}
	if len(notes) == 0 {
		return
	}
	note := strings.Join(notes, " ")
	for i := range methods {
		if methods[i].Card && !methods[i].Suspended {
			methods[i].Suspended = true
			methods[i].Text = truncate(methods[i].Text+" "+note, 300)
		}
	}
}
