package extract

import (
	"regexp"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var (
	// maintHead: said in the <title> or the main heading of the page.
	maintHead = regexp.MustCompile(`(?i)メンテナンス中|メンテナンスのため|メンテナンスを(?:行って|実施して|実施いたして)|ただいま準備中|只今準備中|準備中です|サイト(?:停止|休止)中|under maintenance|maintenance mode|site maintenance|we'?ll be back`)
	// maintBody: on a short page, the body text alone is enough.
	maintBody = regexp.MustCompile(`(?i)メンテナンス中|メンテナンスを(?:行って|実施して|実施いたして)おります|ただいま準備中|只今準備中|準備中です|under maintenance|temporarily unavailable`)
)

// maintenance reports whether the page as a whole is a maintenance page:
// little text, almost no links (no shop navigation), no news list, and a
// maintenance phrase in its title, heading or (short) body. A shop page that
// carries a maintenance notice is not one.
func (p *page) maintenance(notices int) bool {
	if notices > 1 {
		return false
	}
	// Links first: counting them allocates little, and most pages of a
	// working shop have eight or more, so the whole page's normalised text
	// (a large allocation per page) is built only for the few that may be a
	// maintenance page.
	links := 0
	elements(p.body, func(e *html.Node) bool {
		if e.DataAtom == atom.A && p.site.resolve(attr(e, "href")) != "" {
			links++
		}
		return true
	})
	if links >= 8 {
		return false
	}
	text := textOf(p.body)
	if n := len([]rune(text)); n == 0 || n > 1500 {
		return false
	}
	if siteMaint(maintHead, p.title()) {
		return true
	}
	if h := find(p.body, isHeadingTag); h != nil && siteMaint(maintHead, textOf(h)) {
		return true
	}
	return len([]rune(text)) <= 600 && siteMaint(maintBody, text)
}

// paymentOnly: the maintenance is of card payment, not of the site: that
// is a notice to read, not a maintenance page (which stops the walk).
var paymentOnly = regexp.MustCompile(`決済|カード|クレジット|支払`)

// siteMaint reports whether a sentence of s says the site is under
// maintenance without naming payment as the thing maintained.
func siteMaint(re *regexp.Regexp, s string) bool {
	for _, sent := range sentenceEnd.Split(s, -1) {
		if re.MatchString(sent) && !paymentOnly.MatchString(sent) {
			return true
		}
	}
	return false
}

// title is the text of <title>.
func (p *page) title() string {
	if t := find(p.doc, func(e *html.Node) bool { return e.DataAtom == atom.Title }); t != nil {
		var s string
		for c := t.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				s += c.Data
			}
		}
		return clean(s)
	}
	return ""
}
