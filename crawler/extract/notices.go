package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"maintwatch/crawler/jpdate"
)

// page is one parsed page being read.
type page struct {
	doc  *html.Node
	body *html.Node
	site *site
	ref  time.Time
	// used marks the roots of notice items, so that banners and payment
	// methods are not read again out of the news list.
	used []*html.Node
	// lists are URLs several notices linked to: news lists, not details.
	lists []string
	// payUsed are the payment-method items read (banners skip them).
	payUsed []*html.Node
	// usedRoot and usedAnc index used once notices are read.
	usedRoot, usedAnc map[*html.Node]bool
}

func (p *page) indexUsed() {
	if p.usedRoot != nil {
		return
	}
	p.usedRoot, p.usedAnc = map[*html.Node]bool{}, map[*html.Node]bool{}
	for _, u := range p.used {
		p.usedRoot[u] = true
		for a := u.Parent; a != nil && !p.usedAnc[a]; a = a.Parent {
			p.usedAnc[a] = true
		}
	}
}

// insideUsed reports whether n is, or sits in, a news item.
func (p *page) insideUsed(n *html.Node) bool {
	p.indexUsed()
	for ; n != nil; n = n.Parent {
		if p.usedRoot[n] {
			return true
		}
	}
	return false
}

// holdsUsed reports whether n holds a news item.
func (p *page) holdsUsed(n *html.Node) bool {
	p.indexUsed()
	return p.usedAnc[n]
}

// moreLink is the text of a "read more" link: it names no notice.
var moreLink = regexp.MustCompile(`(?i)^(詳しくはこちら|詳細はこちら|こちら|詳しく見る|詳細を見る|続きを読む|続きを見る|もっと見る|一覧を見る|一覧へ|more|read more|more\s*>+|>+|»|詳細|詳細へ|\[?続きを読む\]?)$`)

// notices finds news items in three passes: the two EC-CUBE blocks whose
// markup is known exactly, then a generic pass anchored on dates.
func (p *page) notices() []Notice {
	var out []Notice
	out = append(out, p.eccube2News()...)
	out = append(out, p.eccube4News()...)
	out = append(out, p.genericNews()...)
	if len(out) > maxNotices {
		out = out[:maxNotices]
	}
	// A URL that several items link to is a list ("お知らせ一覧"), not any
	// one item's page: merging its text into each item would be wrong.
	count := map[string]int{}
	for _, n := range out {
		count[n.DetailURL]++
	}
	for i := range out {
		if u := out[i].DetailURL; u != "" && count[u] > 1 {
			p.lists = append(p.lists, u)
			out[i].DetailURL = ""
		}
	}
	return out
}

// eccube2News reads frontparts/bloc/news.tpl: dl.newslist > dt (date),
// dt (title, linked when the admin set a URL), dd.mini (full text).
func (p *page) eccube2News() []Notice {
	var out []Notice
	elements(p.body, func(dl *html.Node) bool {
		if len(out) >= maxNotices {
			return false
		}
		if dl.DataAtom != atom.Dl || !hasClass(dl, "newslist") {
			return true
		}
		var dts, dds []*html.Node
		for c := dl.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Dt:
				dts = append(dts, c)
			case atom.Dd:
				dds = append(dds, c)
			}
		}
		if len(dts) == 0 {
			return false
		}
		n := Notice{URL: p.site.pageString()}
		n.DateText = textOf(dts[0])
		n.Date, _ = jpdate.Parse(n.DateText, p.ref)
		if len(dts) > 1 {
			n.Title = textOf(dts[1:]...)
			if a := find(dts[1], isHref); a != nil {
				n.DetailURL = p.detailURL(a)
			}
		}
		n.Body = textOf(dds...)
		if n.Title == "" {
			// Themes that drop the title <dt> put the title on the
			// first line of the <dd>.
			if lines := linesOf(nil, dds...); len(lines) > 0 {
				n.Title, n.Body = lines[0], strings.Join(lines[1:], " ")
				if a := find(dl, isHref); a != nil {
					n.DetailURL = p.detailURL(a)
				}
			}
		}
		if n.Title == "" && n.Body == "" {
			return false
		}
		out = append(out, p.finish(n))
		p.used = append(p.used, dl)
		return false
	})
	return out
}

// eccube4News reads Block/news.twig: .ec-newsRole__newsItem with
// __newsDate, __newsTitle and __newsDescription (full text, hidden by CSS),
// the description ending in a 詳しくはこちら link when the item has a URL.
func (p *page) eccube4News() []Notice {
	var out []Notice
	elements(p.body, func(it *html.Node) bool {
		if len(out) >= maxNotices {
			return false
		}
		if !hasClass(it, "ec-newsRole__newsItem") {
			return true
		}
		part := func(class string) *html.Node {
			return find(it, func(e *html.Node) bool { return hasClass(e, class) })
		}
		n := Notice{URL: p.site.pageString()}
		if d := part("ec-newsRole__newsDate"); d != nil {
			n.DateText = textOf(d)
			n.Date, _ = jpdate.Parse(n.DateText, p.ref)
		}
		if t := part("ec-newsRole__newsTitle"); t != nil {
			n.Title = textOf(t)
		}
		if d := part("ec-newsRole__newsDescription"); d != nil {
			n.Body = strings.Join(linesOf(isMoreLink, d), " ")
			if a := find(d, isHref); a != nil {
				n.DetailURL = p.detailURL(a)
			}
		}
		if n.Title == "" && n.Body == "" {
			return false
		}
		out = append(out, p.finish(n))
		p.used = append(p.used, it)
		return false
	})
	return out
}

func isHref(e *html.Node) bool {
	return e.DataAtom == atom.A && strings.TrimSpace(attr(e, "href")) != ""
}

func isMoreLink(e *html.Node) bool {
	if e.DataAtom != atom.A {
		return false
	}
	c := strings.ToLower(attr(e, "class"))
	if strings.Contains(c, "more-link") || strings.Contains(c, "readmore") || strings.Contains(c, "read-more") {
		return true
	}
	t := textOf(e)
	return moreLink.MatchString(t) || commentLink(e, t)
}

// commentFragment and commentCount: the "0 comments" link a blog prints
// beside a post's date leads to the post's comments, it names no post.
var (
	commentFragment = regexp.MustCompile(`(?i)#(?:comments?|respond|disqus_thread|comment-\d+)$`)
	commentCount    = regexp.MustCompile(`(?i)^(?:\d+|no|one)\s?comments?$|^コメント\s?\(?\d+\)?$|^\d+\s?件?の?コメント$`)
)

func commentLink(a *html.Node, text string) bool {
	href := attr(a, "href")
	return strings.Contains(href, "#") && commentFragment.MatchString(href) ||
		len(text) <= 24 && commentCount.MatchString(text)
}

// detailURL is the same-site page an item links to, if any.
func (p *page) detailURL(a *html.Node) string {
	u := p.site.resolve(attr(a, "href"))
	if u == "" || p.site.isPage(u) {
		return ""
	}
	return u
}

// finish caps the texts of a notice.
func (p *page) finish(n Notice) Notice {
	n.Title = truncate(n.Title, maxTitle)
	n.Body = truncate(n.Body, maxBody)
	n.DateText = truncate(n.DateText, 80)
	return n
}

func (s *site) pageString() string {
	if s.page == nil {
		return ""
	}
	return s.page.String()
}

// letters counts the runes of s that are letters or digits: what is left of
// an item once its date is removed must say something.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			n++
		}
	}
	return n
}
