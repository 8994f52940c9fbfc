package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// site resolves hrefs found on one page and keeps only those on the page's
// own host: the crawler never follows a shop's links to other sites.
type site struct {
	page *url.URL // the page itself, fragment removed
	base *url.URL // <base href> when present and valid, else page
}

func newSite(pageURL string, doc *html.Node) *site {
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return &site{}
	}
	u.Fragment, u.RawFragment = "", ""
	s := &site{page: u, base: u}
	if b := find(doc, func(e *html.Node) bool { return e.DataAtom == atom.Base && attr(e, "href") != "" }); b != nil {
		if bu, err := u.Parse(strings.TrimSpace(attr(b, "href"))); err == nil && sameHost(bu, u) {
			s.base = bu
		}
	}
	return s
}

// resolve returns href as an absolute same-host http(s) URL without its
// fragment, or "" when it points elsewhere (other host, javascript:, mailto:).
func (s *site) resolve(href string) string {
	if s.page == nil {
		return ""
	}
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	u, err := s.base.Parse(href)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !sameHost(u, s.page) || u.User != nil {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// isPage reports whether abs is the page itself.
func (s *site) isPage(abs string) bool {
	return s.page != nil && abs == s.page.String()
}

func sameHost(a, b *url.URL) bool {
	return strings.EqualFold(a.Host, b.Host)
}
