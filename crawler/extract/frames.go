package extract

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// LinkForward is a page that a page hands its reader on to instead of
// showing content itself: a <frame> of a <frameset>, or the target of a
// <meta http-equiv="refresh">. The crawler follows it as part of the page
// it came from. (Added by the crawler, in this file only: additive.)
const LinkForward LinkKind = "forward"

// LinkEmbed is a page shown inside another one: an <iframe src>. Old shops
// often embed their news (news.html) in an iframe on the top page. The
// crawler reads a same-site one as part of the page it came from, like a
// frame, except that an embedded page never stands for the whole site
// (a small iframe saying 準備中です is not a site down for maintenance).
// (Added by the crawler, in this file only: additive.)
const LinkEmbed LinkKind = "embed"

// maxRefreshDelay: a refresh this soon is a redirect; a later one is a page
// with content of its own that moves on (or reloads) after a while.
const maxRefreshDelay = 10

// Forwards returns the frames of a frameset page and the target of a meta
// refresh of at most maxRefreshDelay seconds (LinkForward), and the pages
// of its iframes (LinkEmbed), in document order, as absolute http(s) URLs
// without fragment, resolved against pageURL or the page's <base href>. A
// target equal to the page itself is left out, and so is an iframe of
// something that is not a page (an image, a PDF, a video). Which of them
// are on the same site is the crawler's to judge. It scans tokens only, and
// only pages that mention a frame, an iframe or a refresh.
func Forwards(pageURL, doc string) []Link {
	if !mentionsForward(doc) {
		return nil
	}
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil
	}
	self := *base
	self.Fragment = ""
	var out []Link
	seen := map[string]bool{self.String(): true}
	add := func(ref string, kind LinkKind) {
		u, err := base.Parse(strings.TrimSpace(ref))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return
		}
		if kind == LinkEmbed && !pageLike(u.Path) {
			return
		}
		u.Fragment = ""
		if s := u.String(); !seen[s] {
			seen[s] = true
			out = append(out, Link{URL: s, Kind: kind})
		}
	}
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		switch atom.Lookup(name) {
		case atom.Base:
			if href := attrOf(z, "href"); href != "" {
				if b, err := base.Parse(strings.TrimSpace(href)); err == nil {
					base = b
				}
			}
		case atom.Frame:
			if src := attrOf(z, "src"); src != "" {
				add(src, LinkForward)
			}
		case atom.Iframe:
			if src := attrOf(z, "src"); src != "" {
				add(src, LinkEmbed)
			}
		case atom.Meta:
			var equiv, content string
			for {
				k, v, more := z.TagAttr()
				switch string(k) {
				case "http-equiv":
					equiv = string(v)
				case "content":
					content = string(v)
				}
				if !more {
					break
				}
			}
			if strings.EqualFold(strings.TrimSpace(equiv), "refresh") {
				if delay, target, ok := parseRefresh(content); ok && delay <= maxRefreshDelay && target != "" {
					add(target, LinkForward)
				}
			}
		}
	}
}

// mentionsForward reports whether doc contains "<frame", "<iframe" or
// "refresh" in any
// ASCII case: one pass over the bytes, without the lower-cased copy of the
// page that strings.ToLower makes (slow on Japanese text, where every
// rune goes through unicode.ToLower). The tokenizer matches tag and
// attribute names in ASCII case only, so ASCII folding finds all it would.
func mentionsForward(doc string) bool {
	for i := 0; i < len(doc); i++ {
		switch doc[i] {
		case '<':
			if hasPrefixFold(doc[i:], "<frame") || hasPrefixFold(doc[i:], "<iframe") {
				return true
			}
		case 'r', 'R':
			if hasPrefixFold(doc[i:], "refresh") {
				return true
			}
		}
	}
	return false
}

// notPages are file extensions an iframe may show that hold no text to read.
var notPages = map[string]bool{
	".pdf": true, ".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true,
	".mp4": true, ".webm": true, ".mov": true, ".mp3": true, ".swf": true, ".zip": true,
}

// pageLike: a path whose extension does not name a media or document file.
func pageLike(p string) bool {
	dot := strings.LastIndexByte(p, '.')
	if dot < 0 || strings.IndexByte(p[dot:], '/') >= 0 {
		return true
	}
	return !notPages[strings.ToLower(p[dot:])]
}

// hasPrefixFold: s starts with lower (lower-case ASCII) in any ASCII case.
func hasPrefixFold(s, lower string) bool {
	if len(s) < len(lower) {
		return false
	}
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// attrOf returns the named attribute of the current tag (names are lower
// case from the tokenizer).
func attrOf(z *html.Tokenizer, name string) string {
	for {
		k, v, more := z.TagAttr()
		if string(k) == name {
			return string(v)
		}
		if !more {
			return ""
		}
	}
}

// parseRefresh reads a refresh value as browsers do (HTML "shared
// declarative refresh steps"): seconds, then optionally ";" or ",", an
// optional "url=" and the URL, possibly quoted. "5" alone is a reload.
func parseRefresh(v string) (delay float64, target string, ok bool) {
	v = strings.TrimSpace(v)
	i := 0
	for i < len(v) && (v[i] >= '0' && v[i] <= '9' || v[i] == '.') {
		i++
	}
	if i == 0 {
		return 0, "", false
	}
	delay, err := strconv.ParseFloat(strings.TrimRight(v[:i], "."), 64)
	if err != nil {
		return 0, "", false
	}
	rest := strings.TrimLeft(v[i:], " \t\r\n")
	if rest == "" {
		return delay, "", true
	}
	if rest[0] != ';' && rest[0] != ',' {
		return 0, "", false
	}
	rest = strings.TrimSpace(rest[1:])
	if len(rest) >= 3 && strings.EqualFold(rest[:3], "url") {
		if r := strings.TrimSpace(rest[3:]); strings.HasPrefix(r, "=") {
			rest = strings.TrimSpace(r[1:])
		}
	}
	if len(rest) > 0 && (rest[0] == '\'' || rest[0] == '"') {
		q := rest[0]
		rest = rest[1:]
		if j := strings.IndexByte(rest, q); j >= 0 {
			rest = rest[:j]
		}
	}
	return delay, strings.TrimSpace(rest), true
}
