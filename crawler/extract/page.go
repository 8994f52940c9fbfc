package extract

import (
	"strings"
	"time"

	"golang.org/x/net/html"
)

// Page reads everything extract knows how to find on one page: platform,
// links to follow, inline notices, banners, payment methods, and whether the
// page is a whole-site maintenance page. pageURL is the page's final URL
// (after redirects); ref is the fetch time, used for dates written without a
// year. It never fails: a page with nothing readable gives an empty Result.
func Page(pageURL, src string, ref time.Time) Result {
	p := parse(pageURL, src, ref)
	var r Result
	r.Platform, r.PlatformVersion = detectPlatform(capped(src))
	r.Notices = p.notices()
	r.Links = p.links(r.Notices)
	r.Payment = p.payment()
	r.Banners = p.banners()
	r.Maintenance = p.maintenance(len(r.Notices))
	return r
}

func parse(pageURL, src string, ref time.Time) *page {
	doc, err := html.Parse(strings.NewReader(capped(src)))
	if err != nil {
		// html.Parse fails only when the reader does; keep an empty tree.
		doc = &html.Node{Type: html.DocumentNode}
	}
	prune(doc)
	return &page{doc: doc, body: body(doc), site: newSite(pageURL, doc), ref: ref}
}

// maxDepth bounds nesting: real shop pages stay well under 60 levels, and
// the heuristics walk subtrees from many elements, which costs depth² on a
// hostile page. Whatever is nested deeper is dropped.
const maxDepth = 128

func prune(doc *html.Node) {
	type frame struct {
		n     *html.Node
		depth int
	}
	stack := []frame{{doc, 0}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.depth >= maxDepth {
			for c := f.n.FirstChild; c != nil; {
				next := c.NextSibling
				f.n.RemoveChild(c)
				c = next
			}
			continue
		}
		for c := f.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, frame{c, f.depth + 1})
		}
	}
}

// capped bounds the input, cutting on a rune boundary.
func capped(s string) string {
	if len(s) <= maxInput {
		return s
	}
	s = s[:maxInput]
	return strings.ToValidUTF8(s, "")
}
