package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"maintwatch/crawler/jpdate"
)

// The generic pass works on any markup: news lists are items that each
// start with (or carry) a date next to a title. It finds the dates first,
// then grows each date into its item:
//
//   - climb from the date while the parent holds no other date, stopping at
//     an item element (li, tr, article, dl, p) once a title is in, or when the
//     parent adds text of its own (a heading, a "more" link);
//   - when the date sits alone in its element (dt, td, span.date, a text
//     node followed by <br>), the item is that element plus its following
//     siblings up to the next date: dt/dd pairs, h3+p sequences, br lines.

// dateNode is where one date was read.
type dateNode struct {
	node *html.Node // a text node or a <time> element
	date time.Time
	ok   bool
	text string
}

// itemTags end the climb once the item has a title.
var itemTags = map[atom.Atom]bool{
	atom.Li: true, atom.Tr: true, atom.Article: true, atom.Dl: true, atom.P: true,
}

// bullets may precede a date: "■2026.06.01", "[2026/06/01]", "掲載日:".
const bullets = " \t・■□◆◇●○▼▽▶►>›»★☆※*-|:[]()<>【】「」『』〔〕"

func (p *page) genericNews() []Notice {
	dns := p.dateNodes()
	count := map[*html.Node]int{}
	dated := map[*html.Node]bool{}
	for _, d := range dns {
		dated[d.node] = true
		for n := d.node.Parent; n != nil; n = n.Parent {
			count[n]++
		}
	}
	var out []Notice
	var roots []*html.Node // each notice's element, when it is one
	var taken []*html.Node
	isTaken := func(n *html.Node) bool {
		for _, t := range taken {
			if isAncestor(t, n) {
				return true
			}
		}
		return false
	}
	for _, d := range dns {
		if len(out) >= maxNotices {
			break
		}
		if isTaken(d.node) {
			continue
		}
		nodes := p.grow(d, count, dated)
		if nodes == nil {
			continue
		}
		for _, part := range splitGroup(nodes) {
			n, ok := p.noticeFrom(d, part)
			if !ok || len(out) >= maxNotices {
				continue
			}
			taken = append(taken, part...)
			p.used = append(p.used, part...)
			var root *html.Node
			if len(part) == 1 && part[0].Type == html.ElementNode {
				root = part[0]
			}
			for i, m := range p.splitRun(n) {
				if len(out) >= maxNotices {
					break
				}
				out = append(out, p.finish(m))
				if i > 0 {
					root = nil // a run of items in one line has no element each
				}
				roots = append(roots, root)
			}
		}
	}
	if len(out) >= 2 {
		n := len(out)
		out, roots = p.undatedSiblings(out, roots, count)
		if len(out) > n {
			// The undated items are news too: banners and payment skip them.
			for _, r := range roots {
				if r != nil {
					p.used = append(p.used, r)
				}
			}
			p.usedRoot, p.usedAnc = nil, nil
		}
	}
	return out
}

// dateNodes lists, in document order, the text nodes that begin with a date
// and the <time> elements, outside items already read.
func (p *page) dateNodes() []dateNode {
	var out []dateNode
	read := map[*html.Node]bool{}
	for _, u := range p.used {
		read[u] = true
	}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if len(out) >= maxDateNodes {
			return
		}
		switch n.Type {
		case html.ElementNode:
			if skipped[n.DataAtom] || hidden(n) || read[n] || notNews(n) {
				return
			}
			if n.DataAtom == atom.Time {
				if d, ok := p.timeDate(n); ok {
					out = append(out, d)
				}
				return
			}
			if d, ok := p.splitDate(n); ok {
				out = append(out, d)
				return
			}
		case html.TextNode:
			if d, ok := p.textDate(n); ok {
				out = append(out, d)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(p.body)
	return dropInnerYearless(dropSecondDates(out))
}

// notNewsNames: containers of what customers write (reviews, comments), whose
// dated entries are not the shop speaking. Lower-case substrings of the
// class or id.
var notNewsNames = []string{"review", "kuchikomi", "testimonial", "customer-voice", "customer_voice", "user-voice", "comment-list", "commentlist", "comments-area", "comment-body"}

func notNews(n *html.Node) bool {
	name := attr(n, "class") + " " + attr(n, "id")
	if len(name) < 4 {
		return false
	}
	// "news-preview" is a news teaser, not a review.
	return containsAny(strings.ReplaceAll(strings.ToLower(name), "preview", ""), notNewsNames)
}

// splitDate reads a date whose year and day sit in separate elements, as
// designed news lists print them: <div class="date"><span>2026</span>
// <span>06.01</span></div>. The element's own texts must be a bare year
// followed by a month and day, and nothing else.
func (p *page) splitDate(n *html.Node) (dateNode, bool) {
	if n.FirstChild == nil || n.FirstChild == n.LastChild && n.FirstChild.Type == html.TextNode {
		return dateNode{}, false
	}
	var texts []string
	count := 0
	var collect func(c *html.Node) bool
	collect = func(c *html.Node) bool {
		for ; c != nil; c = c.NextSibling {
			if count++; count > 12 {
				return false
			}
			switch c.Type {
			case html.TextNode:
				if t := clean(c.Data); t != "" {
					texts = append(texts, t)
				}
			case html.ElementNode:
				if skipped[c.DataAtom] || !collect(c.FirstChild) {
					return false
				}
			}
		}
		return true
	}
	if !collect(n.FirstChild) || len(texts) < 2 || len(texts) > 4 || !bareYear.MatchString(texts[0]) {
		return dateNode{}, false
	}
	rest := strings.TrimLeft(strings.Join(texts[1:], ""), "./-年 ")
	if !monthDay.MatchString(rest) {
		return dateNode{}, false
	}
	year := strings.TrimRight(texts[0], "./-年 ")
	m, ok := jpdate.Find(year+"."+strings.NewReplacer("/", ".", "-", ".", "月", ".", "日", "").Replace(strings.Fields(rest)[0]), p.ref)
	if !ok || m.Start != 0 {
		return dateNode{}, false
	}
	return dateNode{node: n, date: m.Time, ok: true, text: textOf(n)}, true
}

var (
	bareYear = regexp.MustCompile(`^(?:19|20)\d{2}\s?[./\-年]?$`)
	monthDay = regexp.MustCompile(`^\d{1,2}\s?[./\-月]\s?\d{1,2}日?(?:\s?\(\S{1,4}\))?$`)
)

// dropSecondDates removes a date that follows another with nothing but
// spaces and labels between: "公開 2026年6月10日 更新 2026年6月14日" (a WordPress
// published and updated <time>), or the end of a range. One post, one date:
// the first.
func dropSecondDates(dns []dateNode) []dateNode {
	if len(dns) < 2 {
		return dns
	}
	out := []dateNode{dns[0]}
	for _, d := range dns[1:] {
		if adjacentDates(out[len(out)-1], d) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// adjacentDates reports whether b follows a under a near common ancestor
// with no text but dates and labels between them.
func adjacentDates(a, b dateNode) bool {
	x := a.node
	for i := 0; i < 3 && x != nil; i, x = i+1, x.Parent {
		y := b.node
		for j := 0; j < 3 && y != nil; j, y = j+1, y.Parent {
			if x.Parent == nil || x.Parent != y.Parent || x == y {
				continue
			}
			t := nodeText(x)
			for s := x.NextSibling; s != nil && s != y; s = s.NextSibling {
				t += " " + nodeText(s)
			}
			t += " " + nodeText(y)
			t = strings.Replace(t, a.text, "", 1)
			t = strings.Replace(t, b.text, "", 1)
			t = dateLabel.ReplaceAllString(t, "")
			return letters(strings.Trim(t, bullets+"~〜～")) == 0
		}
	}
	return false
}

// dropInnerYearless removes year-less dates that sit in the same item as a
// date with a year: in "2026.05.30<br>父の日ギフト<br>6月14日(日)到着分まで",
// 6月14日 is part of the notice, not the start of another.
func dropInnerYearless(dns []dateNode) []dateNode {
	withYear := map[*html.Node]bool{}
	for _, d := range dns {
		if withYear[d.node.Parent] || !withYearText(d) {
			continue
		}
		for a, i := d.node.Parent, 0; a != nil && i < 3; a, i = a.Parent, i+1 {
			withYear[a] = true
		}
	}
	// yearCount: the dates with a year under each element. A year-less
	// date whose nearest ancestor holding a dated-with-year node holds only
	// one is inside that one item (an <article> whose excerpt says 6月1日).
	yearCount := map[*html.Node]int{}
	for _, d := range dns {
		if withYearText(d) {
			for a := d.node.Parent; a != nil; a = a.Parent {
				yearCount[a]++
			}
		}
	}
	out := dns[:0]
	for _, d := range dns {
		if !withYearText(d) {
			inner := false
			for a, i := d.node.Parent, 0; a != nil && i < 8; a, i = a.Parent, i+1 {
				if yearCount[a] > 0 {
					inner = yearCount[a] == 1
					break
				}
			}
			// Beside a dated text in one element ("2026.05.30<br>父の日ギフト
			// <br>6月14日(日)到着分まで"), or one level down from it when that
			// element holds no other dated item: a list of dated <li> with a
			// year-less one among them is a list of items.
			if p := d.node.Parent; withYear[p] || (p != nil && p.Parent != nil && withYear[p.Parent] && yearCount[p.Parent] <= 1) {
				inner = true
			}
			if inner {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

func withYearText(d dateNode) bool {
	return d.node.Type == html.ElementNode || withYear.MatchString(d.text)
}

func (p *page) timeDate(n *html.Node) (dateNode, bool) {
	text := textOf(n)
	if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
		if t, ok := jpdate.Parse(dt, p.ref); ok {
			if text == "" {
				text = clean(dt)
			}
			return dateNode{node: n, date: t, ok: true, text: text}, true
		}
	}
	m, ok := jpdate.Find(text, p.ref)
	if !ok || m.Start > 0 {
		return dateNode{}, false
	}
	return dateNode{node: n, date: m.Time, ok: true, text: m.Text}, true
}

// textDate accepts a text node whose text begins with a date (after bullets
// and a short label such as 更新日:), so that a date inside a sentence
// ("6月1日より再開") does not make the sentence an item.
func (p *page) textDate(n *html.Node) (dateNode, bool) {
	if !hasDigit(n.Data) {
		return dateNode{}, false
	}
	s := clean(n.Data)
	if len(s) < 3 {
		return dateNode{}, false
	}
	m, ok := jpdate.Find(s, p.ref)
	if !ok {
		// A full date that is not a real day (2026/02/30) is still the
		// item's date: kept as text, never guessed.
		rest := strings.TrimLeft(s, bullets)
		if t := badDate.FindString(rest); t != "" && !startsWithDigit(rest[len(t):]) {
			return dateNode{node: n, text: t}, true
		}
		// So is a year-less 6月2日(水) whose weekday fits no year near the
		// fetch: it opens an item, and its date is unknown.
		if t := badYearless.FindString(rest); t != "" && itemDateEnd(strings.TrimSpace(rest[len(t):]), false, false) {
			return dateNode{node: n, text: t}, true
		}
		return dateNode{}, false
	}
	prefix := strings.Trim(s[:m.Start], bullets)
	if letters(prefix) > 5 || (!withYear.MatchString(m.Text) && letters(prefix) > 0) {
		// "じゃがいもの収穫が始まりました[2026年6月7日]": a date that closes
		// the line after its title.
		if trailingDate(s, m) {
			return dateNode{node: n, date: m.Time, ok: true, text: m.Text}, true
		}
		return dateNode{}, false
	}
	if siteStamp.MatchString(prefix) {
		return dateNode{}, false
	}
	text := m.Text
	// "2026/06/02 12:00": the posting time belongs to the date, not the title.
	if t := clockAfter.FindString(s[m.End:]); t != "" {
		text = s[m.Start : m.End+len(t)]
	}
	if !itemDateEnd(s[m.Start+len(text):], withYear.MatchString(m.Text), strings.Contains(m.Text, "/")) {
		return dateNode{}, false
	}
	return dateNode{node: n, date: m.Time, ok: true, text: text}, true
}

// trailingDate reports whether the date m ends s after a title, set off
// by brackets ("タイトル(2026/6/9)", "タイトル[2026年6月7日]") or, for a date
// with its year, by a space ("タイトル 2026.06.09"). A date after a label
// ("発売日 2026/07/01", "入荷予定 2026/07/01") is the event's, not the post's.
func trailingDate(s string, m jpdate.Match) bool {
	if strings.Trim(s[m.End:], closers) != "" {
		return false
	}
	before := strings.TrimRight(s[:m.Start], " ")
	if letters(before) < 2 || siteStamp.MatchString(before) || dateLabel.MatchString(before) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	switch {
	case strings.ContainsRune(openers, r):
		return strings.ContainsAny(s[m.End:], closers)
	case len(before) < m.Start && withYear.MatchString(m.Text):
		return !labelEnd.MatchString(before)
	}
	return false
}

const (
	openers = "([【〔「『<"
	closers = " )]】〕」』>"
)

// labelEnd: the text before a date names what the date is for.
var labelEnd = regexp.MustCompile(`(?:日|予定|期間|期限|時|まで|から|より|以降|締切|:)$`)

// siteStamp labels a page's own update date, not a news item.
var siteStamp = regexp.MustCompile(`(?i)最終更新|last updated|copyright|©`)

// itemDateEnd reports whether what follows a date lets it head an item:
// "6月1日より営業時間が…" (a particle) and "6月10日〜6月11日" (a range) are
// sentences, and a year-less 3/4 glued to a word ("3/4サイズ") is a fraction.
func itemDateEnd(rest string, hasYear, slash bool) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	switch {
	case rest == "":
		return true
	case eventSuffix.MatchString(rest):
		return false
	case r >= 'ぁ' && r <= 'ゟ', strings.ContainsRune("〜~～-ー–", r):
		return false
	case !hasYear && slash:
		return unicode.IsSpace(r) || strings.ContainsRune(bullets, r)
	}
	return true
}

// eventSuffix glued to a date makes it an event's date ("2026.07.01発売",
// "6月20日頃"), not the date a notice was posted.
var eventSuffix = regexp.MustCompile(`^(?:発売|入荷|発送予定|到着|お届け|予定|頃|以降|迄|締切|〆切|必着|消印)`)

// clockAfter is a time of day written right after a date.
var clockAfter = regexp.MustCompile(`^\s?\d{1,2}:\d{2}(?::\d{2})?`)

// dateLabel names a date ("投稿日: 2026年6月10日"); it is not a title.
var dateLabel = regexp.MustCompile(`(?i)(?:最終更新日|最終更新|更新日時|更新日|投稿日|掲載日|公開日|登録日|配信日|日付|日時|last updated|updated|posted on|published|date)\s?:?`)

// badDate is a full date that is not a real day (2026/02/30, 令和1年4月30日).
// It must still have a date's shape: a year a shop posts in, a month 1-12 and
// a day 1-31, so that a phone number (0575-00-0000, 03-1234-5678) is none.
var badDate = regexp.MustCompile(`^(?:(?:19[89]|20\d)\d\s?[/.\-年]\s?(?:1[0-2]|0?[1-9])\s?[/.\-月]\s?(?:3[01]|[12]\d|0?[1-9])日?|(?:令和|平成|[RH])\s?(?:\d{1,2}|元)\s?[/.年]\s?(?:1[0-2]|0?[1-9])\s?[/.月]\s?(?:3[01]|[12]\d|0?[1-9])日?)`)

// startsWithDigit: a date shape glued to more digits is part of a number.
func startsWithDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// badYearless is a year-less date with its weekday (6月2日(水)) that jpdate
// could not resolve: a date by its form, never given a guessed year.
var badYearless = regexp.MustCompile(`^\d{1,2}\s?月\s?\d{1,2}\s?日\s?\(\s?(?:[月火水木金土日](?:曜日?)?|(?i:sun|mon|tue|wed|thu|fri|sat))\.?\s?\)`)

// withYear tells a date written with its year from 6月1日 or 6/1, which must
// open its text node to count.
var withYear = regexp.MustCompile(`^(?:\d{4}|令和|平成|[RrHh]\s?(?:\d|元))`)

// hasDigit is a cheap test before date parsing: a date has a digit, or is
// written in kanji numerals with 年 and 月 (令和八年六月一日).
func hasDigit(s string) bool {
	if strings.Contains(s, "年") && strings.Contains(s, "月") {
		return true
	}
	for _, r := range s {
		if (r >= '0' && r <= '9') || (r >= '０' && r <= '９') || r == '元' {
			return true
		}
	}
	return false
}

// grow turns a date into the nodes of its item, or nil.
func (p *page) grow(d dateNode, count map[*html.Node]int, dated map[*html.Node]bool) []*html.Node {
	c := d.node
	titled := hasTitle(c, d.text)
	for depth := 0; depth < 16; depth++ {
		par := c.Parent
		if par == nil || par == p.body || par.Type != html.ElementNode || count[par] > 1 {
			break
		}
		// Once titled, stop at an item element, or before a parent that
		// adds text of its own (a section heading, a "more" link), unless
		// that parent is itself the item (an <article> with its excerpt).
		if titled && (itemTags[c.DataAtom] || (!itemTags[par.DataAtom] && letters(textOf(par)) > letters(textOf(c)))) {
			break
		}
		if !titled && len(textOf(par)) > 2000 {
			break
		}
		c = par
		titled = titled || hasTitle(c, d.text)
	}
	if titled {
		r := p.itemRoot(c, d, count)
		if r == c && (isHeadingTag(c) || headingWrapper(c)) {
			// "<h3>2026.06.01 タイトル</h3><p>本文</p>": the text under a dated
			// heading, up to the next heading or date, is its body.
			nodes := []*html.Node{c}
			for s := c.NextSibling; s != nil && len(nodes) < 48; s = s.NextSibling {
				if count[s] > 0 || dated[s] || (s.Type == html.ElementNode && (isHeadingTag(s) || headingWrapper(s) || s.DataAtom == atom.Hr)) {
					break
				}
				nodes = append(nodes, s)
			}
			return nodes
		}
		if r.DataAtom == atom.Dt {
			// "<dt>2026/06/12 タイトル</dt><dd>本文 <a>詳しくはこちら</a></dd>":
			// the <dd> after a titled <dt> is its body.
			nodes := []*html.Node{r}
			for s := r.NextSibling; s != nil && len(nodes) < 8; s = s.NextSibling {
				if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" || s.Type == html.CommentNode {
					continue
				}
				if s.Type != html.ElementNode || s.DataAtom != atom.Dd || count[s] > 0 || dated[s] {
					break
				}
				nodes = append(nodes, s)
			}
			return nodes
		}
		return []*html.Node{r}
	}
	// "<h3>タイトル</h3><p class=date>2026.06.11</p><p>本文</p>" repeated:
	// the heading before a lone date is its item's title.
	if h := headingBefore(c, count, dated); h != nil && repeatsHeadingBefore(c, h, count, dated) {
		nodes := []*html.Node{h, c}
		for s := c.NextSibling; s != nil && len(nodes) < 48; s = s.NextSibling {
			if count[s] > 0 || dated[s] || (s.Type == html.ElementNode && (s.DataAtom == h.DataAtom || s.DataAtom == atom.Hr)) {
				break
			}
			nodes = append(nodes, s)
		}
		return nodes
	}
	// "<b>タイトル</b><br>2026/6/11(木)<br>本文<hr>" repeated: a bold line
	// right before a date alone on its line is its item's title.
	if b := boldLineBefore(c, count, dated); b != nil && lineEnds(c) && repeatsBoldLineBefore(c, b, count, dated) {
		var nodes []*html.Node
		for s := b; s != c; s = s.NextSibling {
			nodes = append(nodes, s)
		}
		nodes = append(nodes, c)
		for s := c.NextSibling; s != nil && len(nodes) < 48; s = s.NextSibling {
			if count[s] > 0 || dated[s] || s.Type == html.ElementNode && blocks[s.DataAtom] && s.DataAtom != atom.P && s.DataAtom != atom.Br ||
				titlesNextDate(s, count, dated) {
				break
			}
			nodes = append(nodes, s)
		}
		return nodes
	}
	// "<a>タイトル</a>(2026/6/9)<br>": the date closes a line that holds
	// the title before it.
	if before := lineBefore(c, count, dated); before != nil && lineEnds(c) {
		return append(before, c)
	}
	// The date stands alone: take the following siblings up to the next
	// date, but a dated sibling is still taken while no title is in
	// ("<span>2026.06.01</span><a>6月10日のメンテナンス</a>").
	nodes := []*html.Node{c}
	size := 0
	for s := c.NextSibling; s != nil && len(nodes) < 48 && size < 4000; s = s.NextSibling {
		if count[s] > 0 || dated[s] {
			if titled {
				break
			}
		}
		if s.Type == html.ElementNode && (s.DataAtom == atom.Hr || (titled && s.DataAtom == atom.Dt)) {
			break
		}
		nodes = append(nodes, s)
		t := textOf(s)
		size += len(t)
		titled = titled || letters(dateLabel.ReplaceAllString(strings.Replace(t, d.text, "", 1), "")) >= 2
	}
	if !titled {
		return nil
	}
	return nodes
}

// itemRoot widens an item whose only "title" is loose text (an author's
// name, a category label beside the date) to the largest ancestor that holds
// no other date, when that ancestor holds a heading or a titled link and sits
// in a list of dated items: the card or <article> of the post, whose heading
// may come before the date (Shopify cards) or after it (WordPress meta).
func (p *page) itemRoot(c *html.Node, d dateNode, count map[*html.Node]int) *html.Node {
	if titleElement(c, d.text) != nil {
		return c
	}
	r := c
	for par, i := r.Parent, 0; par != nil && par != p.body && par.Type == html.ElementNode && count[par] <= 1 && i < 8; par, i = par.Parent, i+1 {
		if len(textOf(par)) > 4000 {
			break
		}
		r = par
	}
	if r == c || r.Parent == nil || count[r.Parent] < 2 || titleElement(r, d.text) == nil {
		return c
	}
	return r
}

// titleElement is the first heading or titled link under n (n included).
func titleElement(n *html.Node, date string) *html.Node {
	pred := func(e *html.Node) bool {
		if isHref(e) && !isMoreLink(e) {
			return letters(stripDate(linkTitle(e), date)) >= 2
		}
		if isHeading(e) {
			return letters(stripDate(textOf(e), date)) >= 2
		}
		return false
	}
	if n.Type == html.ElementNode && pred(n) {
		return n
	}
	return find(n, pred)
}

// nodeText is the text of an element or of a text node.
func nodeText(n *html.Node) string {
	switch n.Type {
	case html.TextNode:
		return clean(n.Data)
	case html.ElementNode:
		return textOf(n)
	}
	return ""
}

// headingBefore is the undated heading right before n (spaces apart), or nil.
func headingBefore(n *html.Node, count map[*html.Node]int, dated map[*html.Node]bool) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		switch {
		case s.Type == html.CommentNode, s.Type == html.TextNode && strings.TrimSpace(s.Data) == "":
			continue
		case s.Type == html.ElementNode && isHeadingTag(s) && count[s] == 0 && !dated[s] && letters(textOf(s)) >= 2:
			return s
		}
		return nil
	}
	return nil
}

// repeatsHeadingBefore reports whether another dated sibling of n is also
// preceded by a heading of h's tag: the pattern is the list's, not a section
// heading over a single dated paragraph.
func repeatsHeadingBefore(n, h *html.Node, count map[*html.Node]int, dated map[*html.Node]bool) bool {
	if n.Parent == nil {
		return false
	}
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s == n || !(count[s] > 0 || dated[s]) {
			continue
		}
		if o := headingBefore(s, count, dated); o != nil && o != h && o.DataAtom == h.DataAtom {
			return true
		}
	}
	return false
}

// boldLineBefore is the <b> or <strong> that makes up the whole line right
// before n (one <br> apart), itself opening its line (after a <br>, an <hr>,
// a block or nothing), undated, or nil.
func boldLineBefore(n *html.Node, count map[*html.Node]int, dated map[*html.Node]bool) *html.Node {
	s := skipSpace(n.PrevSibling)
	if s == nil || s.DataAtom != atom.Br {
		return nil
	}
	b := skipSpace(s.PrevSibling)
	if b == nil || b.Type != html.ElementNode || (b.DataAtom != atom.B && b.DataAtom != atom.Strong) ||
		count[b] > 0 || dated[b] || letters(textOf(b)) < 2 || utf8.RuneCountInString(textOf(b)) > 80 {
		return nil
	}
	if p := skipSpace(b.PrevSibling); p != nil && !(p.Type == html.ElementNode && (p.DataAtom == atom.Br || p.DataAtom == atom.Hr || blocks[p.DataAtom])) {
		return nil
	}
	return b
}

// skipSpace steps back over comments and blank text.
func skipSpace(s *html.Node) *html.Node {
	for s != nil && (s.Type == html.CommentNode || s.Type == html.TextNode && strings.TrimSpace(s.Data) == "") {
		s = s.PrevSibling
	}
	return s
}

// repeatsBoldLineBefore reports whether another dated sibling of n also
// has a bold line before it: the list's pattern, not one bold word.
func repeatsBoldLineBefore(n, b *html.Node, count map[*html.Node]int, dated map[*html.Node]bool) bool {
	if n.Parent == nil {
		return false
	}
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s == n || !(count[s] > 0 || dated[s]) {
			continue
		}
		if o := boldLineBefore(s, count, dated); o != nil && o != b {
			return true
		}
	}
	return false
}

// titlesNextDate reports whether s is the bold title line of a later date.
func titlesNextDate(s *html.Node, count map[*html.Node]int, dated map[*html.Node]bool) bool {
	if s.Type != html.ElementNode || (s.DataAtom != atom.B && s.DataAtom != atom.Strong) {
		return false
	}
	for t, i := s.NextSibling, 0; t != nil && i < 4; t, i = t.NextSibling, i+1 {
		if count[t] > 0 || dated[t] {
			return boldLineBefore(t, count, dated) == s
		}
	}
	return false
}

// hasTitle reports whether n says something besides its date and a label
// such as 投稿日.
func hasTitle(n *html.Node, date string) bool {
	t := ""
	if n.Type == html.TextNode {
		t = clean(n.Data)
	} else {
		t = textOf(n)
	}
	t = dateLabel.ReplaceAllString(strings.Replace(t, date, "", 1), "")
	// A NEW / UP badge beside the date is not a title.
	if letters(badgeWord.ReplaceAllString(t, "")) >= 2 {
		return true
	}
	// A link that shows only a picture is titled by its title attribute.
	if n.Type != html.ElementNode {
		return false
	}
	titled := func(e *html.Node) bool {
		return isHref(e) && textOf(e) == "" && letters(clean(attr(e, "title"))) >= 2
	}
	return titled(n) || find(n, titled) != nil
}

// badgeWord: the NEW / UP marks shops put beside a date.
var badgeWord = regexp.MustCompile(`(?i)(?:^|\s|!)(?:new|up)!?(?:\s|$)`)

// lineBefore returns the siblings before n on its line (back to a <br> or a
// block element) when they say something besides bullets, or nil. A dated
// sibling ends the search: that line belongs to another item.
func lineBefore(n *html.Node, count map[*html.Node]int, dated map[*html.Node]bool) []*html.Node {
	var out []*html.Node
	for s := n.PrevSibling; s != nil && len(out) < 16; s = s.PrevSibling {
		if s.Type == html.ElementNode && (blocks[s.DataAtom] || skipped[s.DataAtom]) {
			break
		}
		if count[s] > 0 || dated[s] {
			return nil
		}
		out = append([]*html.Node{s}, out...)
	}
	text := ""
	for _, s := range out {
		if s.Type == html.TextNode {
			text += clean(s.Data)
		} else if s.Type == html.ElementNode {
			text += textOf(s)
		}
	}
	if letters(strings.Trim(text, bullets)) < 2 {
		return nil
	}
	return out
}

// lineEnds reports whether nothing but spaces and closing brackets follow n
// on its line.
func lineEnds(n *html.Node) bool {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode && (blocks[s.DataAtom] || skipped[s.DataAtom]) {
			return true
		}
		t := ""
		if s.Type == html.TextNode {
			t = clean(s.Data)
		} else if s.Type == html.ElementNode {
			t = textOf(s)
		}
		if strings.Trim(t, closers) != "" {
			return false
		}
	}
	return true
}

// groupTags are the containers a blog repeats for each post under one
// date heading.
var groupTags = map[atom.Atom]bool{
	atom.Div: true, atom.Article: true, atom.Section: true, atom.Li: true, atom.Dl: true, atom.Table: true,
}

// splitGroup splits what follows a date heading into posts when the heading
// is over several ("<h2>2026年06月14日</h2><div class=article>…</div><div
// class=article>…</div>": the blog's date header, printed once per day).
// Each post must be a container with a title of its own, all of one kind,
// with nothing but spaces between them; otherwise the nodes are one item.
func splitGroup(nodes []*html.Node) [][]*html.Node {
	if parts := splitDefinitions(nodes); parts != nil {
		return parts
	}
	var posts []*html.Node
	for _, n := range nodes[1:] {
		switch {
		case n.Type == html.TextNode && strings.TrimSpace(n.Data) == "":
		case n.Type == html.CommentNode:
		case n.Type == html.ElementNode && groupTags[n.DataAtom] && ownTitle(n):
			if len(posts) > 0 && signature(posts[0]) != signature(n) {
				return [][]*html.Node{nodes}
			}
			posts = append(posts, n)
		default:
			return [][]*html.Node{nodes}
		}
	}
	if len(posts) < 2 {
		return [][]*html.Node{nodes}
	}
	out := [][]*html.Node{{nodes[0], posts[0]}}
	for _, n := range posts[1:] {
		out = append(out, []*html.Node{n})
	}
	return out
}

// headingWrapper reports whether n is an element that holds a heading and
// nothing else: site builders wrap each block ("<div class="j-module
// j-header"><h2>2026.6.12 タイトル</h2></div><div class="j-text">本文</div>").
func headingWrapper(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.Div && n.DataAtom != atom.Section && n.DataAtom != atom.Header {
		return false
	}
	h := find(n, isHeadingTag)
	return h != nil && textOf(h) == textOf(n)
}

// rowSpan is the rowspan of the cell of row r that holds the date, or 1.
func rowSpan(r *html.Node, date string) int {
	if r.DataAtom != atom.Tr || date == "" {
		return 1
	}
	for c := r.FirstChild; c != nil; c = c.NextSibling {
		if (c.DataAtom == atom.Td || c.DataAtom == atom.Th) && strings.Contains(textOf(c), date) {
			k, err := strconv.Atoi(strings.TrimSpace(attr(c, "rowspan")))
			if err != nil || k < 1 {
				return 1
			}
			return min(k, 50)
		}
	}
	return 1
}

// splitDefinitions splits a <dt> date followed by several <dd> that are each
// one short line into one notice per <dd>, all of that date: "<dt>2026/06/10
// </dt><dd>カード決済を停止しております</dd><dd>口座番号が変わりました</dd>".
// The <dd> must be alike (tag and class, all linked or none): a linked title
// and an unlinked excerpt, or a short title and a long body, are one item.
func splitDefinitions(nodes []*html.Node) [][]*html.Node {
	if len(nodes) < 3 || nodes[0].Type != html.ElementNode || nodes[0].DataAtom != atom.Dt {
		return nil
	}
	var dds []*html.Node
	linked := 0
	for _, n := range nodes[1:] {
		switch {
		case n.Type == html.TextNode && strings.TrimSpace(n.Data) == "":
		case n.Type == html.CommentNode:
		case n.Type == html.ElementNode && n.DataAtom == atom.Dd:
			lines := linesOf(nil, n)
			if len(lines) != 1 || letters(lines[0]) < 2 || utf8.RuneCountInString(lines[0]) > 60 {
				return nil
			}
			if len(dds) > 0 && signature(dds[0]) != signature(n) {
				return nil
			}
			if ownTitle(n) {
				linked++
			}
			dds = append(dds, n)
		default:
			return nil
		}
	}
	if len(dds) < 2 || (linked != 0 && linked != len(dds)) {
		return nil
	}
	out := [][]*html.Node{{nodes[0], dds[0]}}
	for _, n := range dds[1:] {
		out = append(out, []*html.Node{n})
	}
	return out
}

// ownTitle reports whether an element holds a heading or a link that names
// something (not 続きを読む).
func ownTitle(n *html.Node) bool {
	return find(n, func(e *html.Node) bool {
		if isHeading(e) {
			return letters(textOf(e)) >= 2
		}
		return isHref(e) && !isMoreLink(e) && letters(linkTitle(e)) >= 2
	}) != nil
}

// signature is an element's tag and class without tokens that hold digits
// (post-511, item-3): what repeated items of one list share.
func signature(n *html.Node) string {
	var b strings.Builder
	b.WriteString(n.Data)
	for _, c := range strings.Fields(attr(n, "class")) {
		if strings.IndexFunc(c, unicode.IsDigit) < 0 {
			b.WriteString(" " + c)
		}
	}
	return b.String()
}

// sameKind reports whether s is an item of r's list: the same tag, and
// every class of r's signature (a modifier such as item--pinned may be
// added).
func sameKind(s, r *html.Node) bool {
	if s.DataAtom != r.DataAtom || s.Data != r.Data {
		return false
	}
	have := map[string]bool{}
	for _, c := range strings.Fields(attr(s, "class")) {
		have[c] = true
	}
	for _, c := range strings.Fields(attr(r, "class")) {
		if strings.IndexFunc(c, unicode.IsDigit) < 0 && !have[c] {
			return false
		}
	}
	return true
}

// undatedSiblings adds the items of a list that carry no date: WordPress's
// the_date() prints a date only for the first post of a day, so the second
// post of the day has none. An element is taken when at least two dated
// items of the same kind (tag and class) sit beside it under one parent and
// it has a title of its own. Its date stays unknown (the crawler reads it
// from the post's own page), and it takes its place in document order.
func (p *page) undatedSiblings(out []Notice, roots []*html.Node, count map[*html.Node]int) ([]Notice, []*html.Node) {
	type key struct {
		parent *html.Node
		sig    string
	}
	groups := map[key]int{}
	index := map[*html.Node]int{}
	for i, r := range roots {
		if r == nil || r.Parent == nil {
			continue
		}
		groups[key{r.Parent, signature(r)}]++
		index[r] = i
	}
	var res []Notice
	var resRoots []*html.Node
	done := map[*html.Node]bool{}
	headed := map[*html.Node]bool{} // lists whose head was searched for undated items
	for i, n := range out {
		if len(res) >= maxNotices {
			break
		}
		res = append(res, n)
		resRoots = append(resRoots, roots[i])
		r := roots[i]
		if r == nil || r.Parent == nil || done[r.Parent] || groups[key{r.Parent, signature(r)}] < 2 {
			continue
		}
		// Undated siblings before the first dated item of the list (a
		// pinned post) go before it.
		if !headed[r.Parent] {
			headed[r.Parent] = true
			var pre []*html.Node
			for s := r.PrevSibling; s != nil; s = s.PrevSibling {
				if s.Type != html.ElementNode {
					continue
				}
				if _, dated := index[s]; dated || count[s] > 0 || !sameKind(s, r) || !ownTitle(s) || p.insideUsed(s) {
					break
				}
				pre = append([]*html.Node{s}, pre...)
			}
			for _, s := range pre {
				if un, ok := p.noticeFrom(dateNode{}, []*html.Node{s}); ok && len(res) < maxNotices {
					res = append(res[:len(res)-1], un, res[len(res)-1])
					resRoots = append(resRoots[:len(resRoots)-1], s, resRoots[len(resRoots)-1])
				}
			}
		}
		// Each undated sibling goes after the dated item before it. The rows
		// under a date cell with rowspan="k" share its date.
		span := rowSpan(r, n.DateText) - 1
		for s := r.NextSibling; s != nil && len(res) < maxNotices; s = s.NextSibling {
			if s.Type != html.ElementNode {
				continue
			}
			covered := span > 0
			span--
			if _, dated := index[s]; dated || count[s] > 0 {
				break
			}
			if !sameKind(s, r) || !(ownTitle(s) || covered && letters(textOf(s)) >= 2) || p.insideUsed(s) {
				continue
			}
			var dn dateNode
			if covered {
				dn = dateNode{date: n.Date, ok: !n.Date.IsZero(), text: n.DateText}
			}
			un, ok := p.noticeFrom(dn, []*html.Node{s})
			if !ok {
				continue
			}
			res = append(res, un)
			resRoots = append(resRoots, s)
		}
	}
	return res, resRoots
}
