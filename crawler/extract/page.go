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
	r.Banners = p.banners()
	r.Payment = p.payment()
	r.Maintenance = p.maintenance(len(r.Notices))
	return r
}

func parse(pageURL, src string, ref time.Time) *page {
	doc, err := html.Parse(strings.NewReader(capped(src)))
	if err != nil {
		// html.Parse fails only when the reader does; keep an empty tree.
		doc = &html.Node{Type: html.DocumentNode}
	}
	return &page{doc: doc, body: body(doc), site: newSite(pageURL, doc), ref: ref}
}

// capped bounds the input, cutting on a rune boundary.
func capped(s string) string {
	if len(s) <= maxInput {
		return s
	}
	s = s[:maxInput]
	return strings.ToValidUTF8(s, "")
}
