package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// Caps that bound the work done on hostile or huge pages.
const (
	maxInput     = 4 << 20 // bytes of HTML parsed; the crawler caps bodies too
	maxNotices   = 200
	maxDateNodes = 2000
	maxTitle     = 200 // runes
	maxBody      = 20000
	maxBanner    = 300
	maxLinks     = 100
	maxMethods   = 40
	maxWalk      = 64 << 10 // bytes of raw text collected from one subtree
)

// skipped elements never contribute text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Select: true,
	atom.Textarea: true, atom.Button: true, atom.Canvas: true, atom.Math: true,
}

// blocks start a new line; inline elements (a, span, font, b) do not.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true, atom.Li: true,
	atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Table: true, atom.Tr: true, atom.Ul: true, atom.Tbody: true,
	atom.Thead: true, atom.Tfoot: true, atom.Caption: true, atom.Center: true,
}

// cells are separated by a space, not a line: a row reads as one line.
var cells = map[atom.Atom]bool{atom.Td: true, atom.Th: true}

// walker collects the text of a subtree as lines.
type walker struct {
	b      strings.Builder
	skip   func(*html.Node) bool // extra subtrees to leave out
	full   bool
	visits int
	alts   bool // write the alt text of images (notices posted as pictures)
}

// maxVisits bounds the nodes one walk visits, text or not.
const maxVisits = 100000

func (w *walker) walk(n *html.Node) {
	if w.full {
		return
	}
	if w.visits++; w.visits > maxVisits {
		w.full = true
		return
	}
	switch n.Type {
	case html.TextNode:
		w.b.WriteString(n.Data)
		if w.b.Len() > maxWalk {
			w.full = true
		}
		return
	case html.ElementNode:
		if skipped[n.DataAtom] || hidden(n) || (w.skip != nil && w.skip(n)) {
			return
		}
		if w.alts && n.DataAtom == atom.Img {
			if alt := attr(n, "alt"); letters(alt) >= 8 {
				w.b.WriteString("\n" + alt + "\n")
			}
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	brk := blocks[n.DataAtom]
	if brk {
		w.b.WriteByte('\n')
	} else if cells[n.DataAtom] {
		w.b.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if brk {
		w.b.WriteByte('\n')
	} else if cells[n.DataAtom] {
		w.b.WriteByte(' ')
	}
}

// hidden elements: inputs and screen-reader-only text are not what the
// page shows. EC-CUBE 4 hides news descriptions with CSS classes,
// not inline styles, so those are still read.
func hidden(n *html.Node) bool {
	if n.DataAtom == atom.Input {
		return true
	}
	// display:none is not skipped: shops show urgent notices in modals and
	// "more" news items that scripts reveal.
	// Screen-reader copies repeat the visible text ("続きを読む <title>").
	c := attr(n, "class")
	return strings.Contains(c, "screen-reader-text") || strings.Contains(c, "sr-only") || strings.Contains(c, "visually-hidden")
}

// linesOf returns the normalised, non-empty lines of the given nodes.
func linesOf(skip func(*html.Node) bool, nodes ...*html.Node) []string {
	w := walker{skip: skip}
	return w.lines(nodes...)
}

func (w *walker) lines(nodes ...*html.Node) []string {
	for _, n := range nodes {
		w.walk(n)
	}
	var out []string
	for _, l := range strings.Split(w.b.String(), "\n") {
		if l = clean(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// textOf is the normalised text of the nodes on one line.
func textOf(nodes ...*html.Node) string {
	return strings.Join(linesOf(nil, nodes...), " ")
}

// clean NFKC-normalises (ｸﾚｼﾞｯﾄ → クレジット, full-width digits → ASCII) and
// collapses whitespace. Invalid UTF-8 is replaced first.
func clean(s string) string {
	s = norm.NFKC.String(strings.ToValidUTF8(s, "\uFFFD"))
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u200b' || r == '\ufeff' || r == '\u00ad':
			return -1
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// truncate cuts s to at most n runes, on a rune boundary.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimSpace(s[:j]) + "…"
		}
		i++
	}
	return s
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// isAncestor reports whether a is n or an ancestor of n.
func isAncestor(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// elements calls f for every element under n in document order; f returns
// false to skip the element's subtree.
func elements(n *html.Node, f func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if !f(c) {
				continue
			}
		}
		elements(c, f)
	}
}

// find returns the first element under n (not n itself) matching pred.
func find(n *html.Node, pred func(*html.Node) bool) *html.Node {
	var found *html.Node
	elements(n, func(e *html.Node) bool {
		if found != nil {
			return false
		}
		if pred(e) {
			found = e
			return false
		}
		return true
	})
	return found
}

// body returns the <body> element, or the document when there is none.
func body(doc *html.Node) *html.Node {
	if b := find(doc, func(e *html.Node) bool { return e.DataAtom == atom.Body }); b != nil {
		return b
	}
	return doc
}
