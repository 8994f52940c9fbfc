package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"maintwatch/crawler/jpdate"
)

// Detail reads one notice's own page: its title, its date and its main text.
//
// The main text is found with plain x/net/html heuristics rather than
// go-shiori/go-readability: shop notice pages are short (a few sentences),
// often table layouts, and readability's scoring counts commas and Latin
// paragraph lengths, so it tends to reject or trim a three-line Japanese
// notice; it would also be a new module for one function. Here: a semantic
// container when the page has one (.entry-content, article, main, #content),
// else the smallest element that holds most of the page's non-link text once
// navigation, header, footer and sidebars are dropped.
func Detail(pageURL, src string, ref time.Time) Notice {
	p := parse(pageURL, src, ref)
	n := Notice{URL: p.site.pageString()}
	main := p.mainContent()
	titleEl := p.titleElement(main)
	if titleEl != nil {
		n.Title = textOf(titleEl)
	} else {
		n.Title = titleFromHead(p.title(), textOf(main))
	}
	if d, ok := p.detailDate(main, titleEl); ok {
		n.Date, n.DateText = d.date, d.text
	}
	var body []string
	titleLeft, dateLeft := n.Title != "", n.DateText != ""
	// Image alts count in a notice's body: some shops post the notice
	// as a picture with its text in alt.
	w := walker{skip: boiler, alts: true}
	for _, l := range w.lines(main) {
		if titleLeft && l == n.Title {
			titleLeft = false
			continue
		}
		if dateLeft && strings.Contains(l, n.DateText) && letters(stripDate(l, n.DateText)) <= 6 {
			dateLeft = false
			continue
		}
		body = append(body, l)
	}
	n.Body = strings.Join(body, " ")
	return p.finish(n)
}

// boilerName matches class/id tokens of navigation and page furniture.
var boilerName = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:nav|navi|navigation|gnav|menu|sidebar|side|sub|breadcrumbs?|pankuzu|topicpath|footer|header|widget|share|sharing|sharedaddy|sns|social|related|pager|pagination|comments?|cookie|drawer|cart)(?:[\s_-]|$)`)

// boiler reports whether e is navigation, header, footer or sidebar.
func boiler(e *html.Node) bool {
	switch e.DataAtom {
	case atom.Nav, atom.Footer, atom.Aside, atom.Form:
		return true
	case atom.Header:
		// <header> inside an <article> holds the title and date, not the
		// site's header.
		for a := e.Parent; a != nil; a = a.Parent {
			if a.DataAtom == atom.Article || a.DataAtom == atom.Main {
				return false
			}
		}
		return true
	}
	return boilerName.MatchString(attr(e, "class")) || boilerName.MatchString(attr(e, "id"))
}

// mainSelectors name the content container on common platforms, best first.
var mainSelectors = []func(*html.Node) bool{
	classContains("entry-content", "post-content", "article-content", "article-template__content", "news-detail", "news_detail", "newsdetail", "post_content", "article-body", "article_body", "blog-content", "entry-body", "entry_body"),
	func(e *html.Node) bool { return e.DataAtom == atom.Article },
	func(e *html.Node) bool { return e.DataAtom == atom.Main || attr(e, "role") == "main" },
	func(e *html.Node) bool {
		id := strings.ToLower(attr(e, "id"))
		return id == "main" || id == "content" || id == "contents" || id == "main-content" || id == "main_content" || id == "maincontent"
	},
}

func classContains(names ...string) func(*html.Node) bool {
	return func(e *html.Node) bool {
		c := strings.ToLower(attr(e, "class"))
		for _, n := range names {
			if strings.Contains(c, n) {
				return true
			}
		}
		return false
	}
}

// mainContent picks the element holding the notice's text.
func (p *page) mainContent() *html.Node {
	for _, sel := range mainSelectors {
		var best *html.Node
		bestN := 0
		elements(p.body, func(e *html.Node) bool {
			if boiler(e) {
				return false
			}
			if sel(e) {
				w := walker{skip: boiler, alts: true}
				if n := letters(strings.Join(w.lines(e), "")); n > bestN {
					best, bestN = e, n
				}
			}
			return true
		})
		if best != nil && bestN >= 20 {
			return best
		}
	}
	return p.densest()
}

// densest descends from <body> into the child that holds most (≥ 60 %) of
// the text, so the result is the smallest element with the bulk of it; it
// does not descend into a single paragraph while its siblings hold text.
func (p *page) densest() *html.Node {
	cur := p.body
	for depth := 0; depth < 64; depth++ {
		total := textWeight(cur)
		var next *html.Node
		for c := cur.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || boiler(c) || skipped[c.DataAtom] {
				continue
			}
			// Never into one paragraph while others hold text: the second
			// paragraph of a two-paragraph notice is body too.
			if w := textWeight(c); total > 0 && w*10 >= total*6 && (total-w < 10 || !leafBlock(c)) {
				next = c
				break
			}
		}
		if next == nil {
			return cur
		}
		cur = next
	}
	return cur
}

// leafBlock reports whether e holds no block element but <br>: a paragraph.
func leafBlock(e *html.Node) bool {
	return find(e, func(c *html.Node) bool { return blocks[c.DataAtom] && c.DataAtom != atom.Br }) == nil
}

// textWeight counts letters outside links and page furniture: link lists
// (menus, product grids) weigh nothing.
func textWeight(n *html.Node) int {
	w := walker{skip: func(e *html.Node) bool { return boiler(e) || e.DataAtom == atom.A }, alts: true}
	w.walk(n)
	return letters(w.b.String())
}

// titleClasses mark a notice's title on common platforms.
var titleClasses = classContains("entry-title", "article-title", "article-template__title", "post-title", "news-title", "news_title", "newstitle", "page-title", "blog-title")

// titleElement finds the notice's heading: a title class, then the first
// h1/h2 in the content, then the first h1 outside the site header.
func (p *page) titleElement(main *html.Node) *html.Node {
	good := func(e *html.Node) bool { return letters(textOf(e)) >= 2 && len([]rune(textOf(e))) <= 300 }
	if e := find(p.body, func(e *html.Node) bool { return titleClasses(e) && good(e) && !inBoiler(e, p.body) }); e != nil {
		return e
	}
	for _, a := range []atom.Atom{atom.H1, atom.H2, atom.H3} {
		if e := find(main, func(e *html.Node) bool { return e.DataAtom == a && good(e) }); e != nil {
			return e
		}
		if e := find(p.body, func(e *html.Node) bool { return e.DataAtom == a && good(e) && !inBoiler(e, p.body) }); e != nil {
			return e
		}
	}
	return nil
}

// inBoiler reports whether e sits in page furniture below root.
func inBoiler(e, root *html.Node) bool {
	for a := e; a != nil && a != root; a = a.Parent {
		if a.Type == html.ElementNode && boiler(a) {
			return true
		}
	}
	return false
}

// titleFromHead picks the notice's part of "ショップ名 | お知らせ" or
// "お知らせ | ショップ名": the longest part the content repeats (the shop
// name is repeated too, but is shorter than a notice title), else the first.
// With no separator, a shop name put before or after the heading with only a
// space between ("緑の庭 【障害】カード決済が…") is dropped the same way: when
// the whole <title> is not in the page but a part cut at a space is, that
// part is the heading the page shows.
func titleFromHead(t, content string) string {
	for _, sep := range []string{" | ", "|", " - ", " – ", " — ", " :: ", " « ", " » "} {
		parts := strings.Split(t, sep)
		if len(parts) < 2 {
			continue
		}
		if best, ok := longestShown(parts, content, 4); ok {
			return best
		}
		return strings.TrimSpace(parts[0])
	}
	t = strings.TrimSpace(t)
	if t == "" || strings.Contains(content, t) {
		return t
	}
	var parts []string
	for i, r := range t {
		if r == ' ' || r == '\u3000' {
			parts = append(parts, t[:i], t[i+utf8.RuneLen(r):])
		}
	}
	if best, ok := longestShown(parts, content, 6); ok {
		return best
	}
	return t
}

// longestShown is the longest of parts (trimmed, at least minLetters
// letters) that content contains.
func longestShown(parts []string, content string, minLetters int) (string, bool) {
	best, bestN := "", 0
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if n := letters(part); n >= minLetters && n > bestN && strings.Contains(content, part) {
			best, bestN = part, n
		}
	}
	return best, bestN > 0
}

// detailDate finds the notice's date: a <time datetime> in the content or
// by the title, then a date opening a line next to the title or at the top
// of the content. A date inside the title ("6月10日メンテナンスのお知らせ")
// is the event, not the notice's date, and is skipped.
func (p *page) detailDate(main, titleEl *html.Node) (dateNode, bool) {
	scopes := []*html.Node{main}
	if titleEl != nil && titleEl.Parent != nil {
		scopes = append([]*html.Node{titleEl.Parent}, scopes...)
		if gp := titleEl.Parent.Parent; gp != nil && len(textOf(gp)) < 2000 {
			scopes = append(scopes, gp)
		}
	}
	for _, sc := range scopes {
		if t := find(sc, func(e *html.Node) bool { return e.DataAtom == atom.Time && !inBoiler(e, p.body) }); t != nil {
			if d, ok := p.timeDate(t); ok {
				return d, true
			}
		}
	}
	for _, sc := range scopes {
		for i, l := range linesOf(func(e *html.Node) bool { return boiler(e) || e == titleEl }, sc) {
			if i >= 6 {
				break
			}
			if d, ok := p.textDate(&html.Node{Type: html.TextNode, Data: l}); ok && d.ok {
				return d, true
			}
			if d, ok := p.bylineDate(l); ok {
				return d, true
			}
		}
	}
	return dateNode{}, false
}

// bylineDate reads a date right after a posting label anywhere in a line:
// "投稿者:店長 カテゴリー:お知らせ 投稿日:2026年6月9日" (a byline). A date
// after any other word (発売日, 入荷予定) is an event's, and a line without
// such a label gives none. Of 投稿日 and 更新日 both in one line, the
// posting date wins.
func (p *page) bylineDate(l string) (dateNode, bool) {
	var found dateNode
	ok := false
	for _, ix := range postLabel.FindAllStringIndex(l, 4) {
		rest := strings.TrimLeft(l[ix[1]:], " ")
		m, good := jpdate.Find(rest, p.ref)
		if !good || m.Start != 0 || !itemDateEnd(rest[m.End:], withYear.MatchString(m.Text), strings.Contains(m.Text, "/")) {
			continue
		}
		d := dateNode{date: m.Time, ok: true, text: m.Text}
		if !updatedLabel.MatchString(l[ix[0]:ix[1]]) {
			return d, true
		}
		if !ok {
			found, ok = d, true
		}
	}
	return found, ok
}

// postLabel names the date a post was published or updated; 日時 and 日付
// are left out, as an event's 開催日時 opens many a notice's text.
var postLabel = regexp.MustCompile(`(?i)(?:最終更新日|最終更新|更新日時|更新日|投稿日時?|掲載日|公開日|登録日|配信日|last updated|updated|posted on|published)\s?:?`)

// updatedLabel: a label of the last update, second to the posting date.
var updatedLabel = regexp.MustCompile(`(?i)更新|updated`)
