package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"maintwatch/crawler/jpdate"
)

// noticeFrom reads date, title, body and detail link out of an item.
func (p *page) noticeFrom(d dateNode, nodes []*html.Node) (Notice, bool) {
	n := Notice{URL: p.site.pageString(), DateText: d.text}
	if d.ok {
		n.Date = d.date
	}
	var titled, hrefs []*html.Node
	var heading *html.Node
	for _, nd := range nodes {
		if nd.Type != html.ElementNode {
			continue
		}
		for _, e := range append([]*html.Node{nd}, all(nd)...) {
			switch {
			case isHref(e) && !isMoreLink(e) && letters(stripDate(linkTitle(e), d.text)) >= 2:
				titled = append(titled, e)
				hrefs = append(hrefs, e)
			case isHref(e):
				hrefs = append(hrefs, e)
			case heading == nil && isHeading(e) && letters(stripDate(textOf(e), d.text)) >= 2:
				heading = e
			}
		}
	}
	titleLink := pickTitleLink(titled)
	// <tr><td>SHOP</td><td>'26.06.12</td><td>タイトル</td></tr>: in a row
	// whose date is not the first cell, short cells before the date are a
	// category column, and the cell after the date is the title.
	labelCells := map[*html.Node]bool{}
	if titleLink == nil && heading == nil && len(nodes) == 1 && nodes[0].DataAtom == atom.Tr {
		heading = rowTitleCell(nodes[0], d.text, labelCells)
	}
	var anyLink *html.Node
	for _, e := range hrefs {
		if e != titleLink && !taxonomyLink(e) && p.detailURL(e) != "" {
			anyLink = e
			break
		}
	}
	// shown is the title as the page shows it, to be found among the
	// item's lines: a title taken from the title attribute is shown cut
	// short, or not at all.
	shown := ""
	var titleEl *html.Node // the element the title was read from
	switch {
	case titleLink != nil:
		titleEl = titleLink
		if lt := linkTitle(titleLink); lt != textOf(titleLink) {
			n.Title = stripDate(lt, d.text)
			shown = stripDate(textOf(titleLink), d.text)
			n.DetailURL = p.detailURL(titleLink)
			break
		}
		n.Title = stripDate(textOf(titleLink), d.text)
		// <a><time/><span class="label">お知らせ</span><p>タイトル</p></a>:
		// a category badge inside the link is not part of the title.
		if t := stripDate(strings.Join(linesOf(isLabel, titleLink), " "), d.text); letters(t) >= 2 {
			n.Title = t
		}
		// <a href><p>date</p><h3>title</h3><p>excerpt</p></a>: a link
		// that wraps the whole item is titled by the heading inside it.
		if h := find(titleLink, isHeading); h != nil && letters(stripDate(textOf(h), d.text)) >= 2 {
			n.Title = stripDate(textOf(h), d.text)
			titleEl = h
		}
		shown = n.Title
		n.DetailURL = p.detailURL(titleLink)
	case heading != nil:
		n.Title = stripDate(textOf(heading), d.text)
		shown = n.Title
		titleEl = heading
	}
	if n.DetailURL == "" && anyLink != nil {
		n.DetailURL = p.detailURL(anyLink)
	}
	// <a href><dl><dt>date</dt><dd>title</dd></dl></a>: the whole item is
	// the link.
	if n.DetailURL == "" && titleLink == nil {
		for a, i := nodes[0].Parent, 0; a != nil && i < 4; a, i = a.Parent, i+1 {
			if isHref(a) {
				n.DetailURL = p.detailURL(a)
				break
			}
		}
	}
	skip := isMoreLink
	if titleEl != nil {
		// Once the title is known, a category badge beside it (重要なお知らせ,
		// 新商品) is no body either.
		skip = func(e *html.Node) bool {
			return isMoreLink(e) || labelCells[e] || isLabel(e) && !isAncestor(e, titleEl) && !isAncestor(titleEl, e)
		}
	}
	lines := linesOf(skip, nodes...)
	var body []string
	dateLeft, titleLeft := true, shown != ""
	for _, l := range lines {
		if dateLeft && d.text != "" && strings.Contains(l, d.text) {
			l = stripDate(l, d.text)
			dateLeft = false
			if letters(dateLabel.ReplaceAllString(l, "")) == 0 {
				continue
			}
		}
		if titleLeft && strings.Contains(l, shown) {
			rest := stripDate(strings.Replace(l, shown, "", 1), "")
			titleLeft = false
			// What is left beside a linked title is a category label
			// (重要, イベント), not a body.
			if letters(rest) < 8 {
				continue
			}
			l = rest
		}
		if letters(l) == 0 {
			continue
		}
		if n.Title == "" {
			n.Title = stripDate(l, "")
			continue
		}
		body = append(body, l)
	}
	if letters(n.Title) < 2 || siteStamp.MatchString(n.Title) {
		return Notice{}, false
	}
	// A hand-made whatsnew page puts a whole paragraph after the date: its
	// first sentence is the title and the paragraph the body.
	if utf8.RuneCountInString(n.Title) > 120 {
		if i := strings.IndexAny(n.Title, "。!?"); i > 0 {
			_, size := utf8.DecodeRuneInString(n.Title[i:])
			body = append([]string{n.Title}, body...)
			n.Title = n.Title[:i+size]
		}
	}
	n.Body = strings.Join(body, " ")
	return p.finish(n), true
}

// runSeparator: the marks a ticker or a one-line news run puts between its
// items ("2026.06.12 カード決済停止 ★ 2026.06.06 予約開始").
var runSeparator = regexp.MustCompile(`\s?[★☆◆◇■□●○◎♪／|]\s?`)

// splitRun splits a notice whose title runs on into further dated items:
// after a separator mark, a date with its year that opens a title of its
// own. A date inside a sentence ("★2026年7月1日より改定") or without a year
// is left where it is.
func (p *page) splitRun(n Notice) []Notice {
	out := []Notice{n}
	for len(out) < maxNotices {
		last := &out[len(out)-1]
		cut := -1
		var next Notice
		for _, ix := range runSeparator.FindAllStringIndex(last.Title, -1) {
			rest := last.Title[ix[1]:]
			m, ok := jpdate.Find(rest, p.ref)
			if !ok || m.Start != 0 || !withYear.MatchString(m.Text) {
				continue
			}
			title := stripDate(rest, m.Text)
			if !itemDateEnd(strings.TrimSpace(rest[m.End:]), true, strings.Contains(m.Text, "/")) || letters(title) < 2 ||
				letters(stripDate(last.Title[:ix[0]], "")) < 2 {
				continue
			}
			cut = ix[0]
			next = Notice{URL: last.URL, Date: m.Time, DateText: m.Text, Title: title, Body: last.Body}
			break
		}
		if cut < 0 {
			break
		}
		last.Title, last.Body = stripDate(last.Title[:cut], ""), ""
		out = append(out, next)
	}
	return out
}

// rowTitleCell returns the title cell of a table row whose date sits in a
// later cell than the first, when every cell before the date is short (at
// most 12 characters: a category such as SHOP, 重要, イベント); those cells
// are added to labels. It returns nil, and marks nothing, otherwise.
func rowTitleCell(tr *html.Node, date string, labels map[*html.Node]bool) *html.Node {
	var cells []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			cells = append(cells, c)
		}
	}
	di := -1
	for i, c := range cells {
		if date != "" && strings.Contains(textOf(c), date) {
			di = i
			break
		}
	}
	if di < 1 {
		return nil
	}
	for _, c := range cells[:di] {
		if utf8.RuneCountInString(textOf(c)) > 12 {
			return nil
		}
	}
	if letters(stripDate(textOf(cells[di]), date)) >= 2 {
		return nil // the date cell holds the title itself
	}
	for _, c := range cells[di+1:] {
		if letters(stripDate(textOf(c), date)) >= 2 {
			for _, l := range cells[:di] {
				labels[l] = true
			}
			return c
		}
	}
	return nil
}

// linkTitle is what a link names: its text, or its title attribute when
// the text is cut short ("…の一時停止と代替の…") and the attribute holds the
// whole of it, or when the link shows only an image.
func linkTitle(a *html.Node) string {
	t := textOf(a)
	full := clean(attr(a, "title"))
	if letters(full) < 2 || full == t {
		return t
	}
	if t == "" {
		return full
	}
	// NFKC writes … as "..." and ‥ as "..".
	if stem := strings.TrimRight(t, ". "); len(stem) < len(t) && strings.HasSuffix(t, "..") && letters(stem) >= 2 && strings.HasPrefix(full, stem) {
		return full
	}
	return t
}

// pickTitleLink chooses the link that names the item among its titled
// links: one in or around a heading first, then the first that is not a
// category or tag link (a news list's "お知らせ" / "新商品" badge, a
// WordPress rel="category tag" link in the post meta), else the first.
func pickTitleLink(links []*html.Node) *html.Node {
	for _, a := range links {
		if find(a, isHeading) != nil {
			return a
		}
		for e, i := a.Parent, 0; e != nil && i < 3; e, i = e.Parent, i+1 {
			if isHeadingTag(e) || isHeading(e) && e.DataAtom != atom.Li && e.DataAtom != atom.Div && e.DataAtom != atom.Article {
				return a
			}
		}
	}
	for _, a := range links {
		if !taxonomyLink(a) {
			return a
		}
	}
	if len(links) > 0 {
		return links[0]
	}
	return nil
}

// taxonomyPath: list pages of a category, tag or genre, not a post.
var taxonomyPath = regexp.MustCompile(`(?i)/(?:category|categories|cat|tag|tags|genre|label|labels|term|topics_cat|news_cat)(?:/|$)|[?&](?:cat|category|tag|genre|cat_id|category_id)=`)

// taxonomyLink reports whether a links to a category or tag list.
func taxonomyLink(a *html.Node) bool {
	rel := strings.ToLower(attr(a, "rel"))
	if strings.Contains(rel, "category") || strings.Contains(rel, "tag") {
		return true
	}
	return taxonomyPath.MatchString(attr(a, "href"))
}

// labelWords name the badge elements of a news list (category, tag, NEW).
var labelWords = map[string]bool{"cat": true, "category": true, "categories": true, "label": true, "tag": true,
	"tags": true, "icon": true, "badge": true, "genre": true, "kind": true, "new": true}

// isLabel reports whether e is a short inline badge (class cat, label,
// news-list__category, icon-new ...) inside a news item.
func isLabel(e *html.Node) bool {
	if e.Type != html.ElementNode || isHref(e) || isHeading(e) {
		return false
	}
	switch e.DataAtom {
	case atom.Span, atom.Em, atom.I, atom.B, atom.Small, atom.Strong, atom.Div, atom.P, atom.Li, atom.Mark:
	default:
		return false
	}
	found := false
	for _, c := range strings.Fields(strings.ToLower(attr(e, "class"))) {
		for _, part := range strings.FieldsFunc(c, func(r rune) bool { return r == '-' || r == '_' }) {
			if labelWords[part] {
				found = true
			}
		}
	}
	return found && utf8.RuneCountInString(textOf(e)) <= 12
}

// separators are trimmed from a title; brackets are kept (【重要】).
const separators = " ・■□◆◇●○▼▽▶►>›»★☆※*-|:/"

// emptyBrackets are what is left of "[2026.06.01]" once the date is removed.
var emptyBrackets = regexp.MustCompile(`\[\s*\]|\(\s*\)|【\s*】|<\s*>|「\s*」|〔\s*〕`)

// stripDate removes the date and the separators around it from s.
func stripDate(s, date string) string {
	if date != "" {
		s = strings.Replace(s, date, "", 1)
		// "2026/06/01 UP タイトル", "2026年6月1日(月)更新 タイトル": the
		// word after the date says it was posted, it is not the title.
		s = postedMark.ReplaceAllString(clean(s), "")
	}
	s = emptyBrackets.ReplaceAllString(s, "")
	s = newMark.ReplaceAllString(clean(s), "")
	return clean(strings.Trim(clean(s), separators))
}

// postedMark opens what follows a date when the shop writes "UP" or 更新
// after it.
var postedMark = regexp.MustCompile(`^(?:\(\S{1,3}\)\s?)?(?:UP!?|Up!?|up!?|更新|掲載|公開)(?:\s+|[:!]\s*)`)

// newMark is the "NEW" badge shops put beside recent items.
var newMark = regexp.MustCompile(`(?i)(?:^|\s)new!?$`)

func isHeading(e *html.Node) bool {
	switch e.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	c := strings.ToLower(attr(e, "class"))
	return strings.Contains(c, "title") || strings.Contains(c, "heading")
}

// all lists the elements under n in document order.
func all(n *html.Node) []*html.Node {
	var out []*html.Node
	elements(n, func(e *html.Node) bool {
		out = append(out, e)
		return len(out) < 2000
	})
	return out
}
