package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var (
	// bannerStrong: class or id of announcement bars and urgent boxes,
	// whatever they say (lower-case substrings).
	bannerStrong = []string{"announcement", "emergency", "urgent", "important", "juyo", "kinkyu"}
	// bannerWeak: names also used for ordinary boxes ("notice" for tax
	// remarks): they count when the text speaks of payment or maintenance.
	bannerWeak = []string{"notice", "information", "info-bar", "infobar", "alert", "topics", "oshirase", "modal", "popup"}
	// notBanner: look like banners but are not the shop speaking.
	notBanner = []string{"cookie", "consent", "gdpr", "newsletter", "modal-backdrop", "form-alert", "error", "validation", "cart-notice"}
	// redColor: <font color=red>, style="color:#f00" ...
	redColor = regexp.MustCompile(`(?i)^(?:red|#f00|#ff0000|#e00|#ee0000|#d00|#dd0000|#c00|#cc0000|#f33|#ff3333|#e60012|crimson|rgb\(\s*2[0-5][0-9]\s*,\s*0\s*,\s*0\s*\))$`)
	// redClass: class names Japanese sites give red or warning text.
	// Block editors and CSS frameworks name the colour too: WordPress
	// has-vivid-red-color, Bootstrap text-danger, Tailwind text-red-600.
	redClass = regexp.MustCompile(`(?i)^(?:red|txt_?red|text-?red|font_?red|fc_?red|color_?red|red_?txt|red-text|attention|caution|warning|txt_?caution|has-(?:vivid-)?red-color|has-(?:vivid-)?red-text-color|text-danger|has-text-danger|is-danger|text-red-[4-9]00)$`)
	// scrollClass: a class token naming a scrolling ticker, the marquee that
	// themes build from spans (Shopify scrolling-text, news-ticker).
	scrollClass = regexp.MustCompile(`(?i)^(?:.*[-_])?(?:marquee|ticker|scrolling-?text|scroll-?text|text-?scroll)(?:[-_].*)?$`)
	styleRed    = regexp.MustCompile(`(?i)(?:^|;)\s*color\s*:\s*([^;]+)`)
	// urgentWords must appear in red text for it to be a banner.
	// stopWords: what an "info" box must say to be a banner.
	stopWords   = regexp.MustCompile(`決済|カード|メンテナンス|停止|障害|不具合|休止|お支払`)
	urgentWords = regexp.MustCompile(`決済|カード|メンテナンス|お知らせ|停止|障害|不具合|休止|重要|お詫び|ご注意|休業|遅延|再開|お支払`)
)

// banners finds short urgent texts outside the news list: announcement bars
// (Shopify .announcement-bar__message), boxes whose class or id says
// announcement/notice/alert/urgent near the top of the page, and red or
// scrolling (marquee) text at the top that speaks of payment or maintenance.
func (p *page) banners() []Banner {
	var out []Banner
	seen := map[string]bool{}
	var taken []*html.Node
	add := func(n *html.Node, text string) {
		if text == "" || seen[text] || len(out) >= 10 {
			return
		}
		for _, t := range taken {
			if isAncestor(t, n) || isAncestor(n, t) {
				return
			}
		}
		seen[text] = true
		taken = append(taken, n)
		out = append(out, Banner{URL: p.site.pageString(), Text: truncate(text, maxBanner)})
	}
	top := p.topElements()
	pay := map[*html.Node]bool{}
	for _, n := range p.payUsed {
		pay[n] = true
	}
	elements(p.body, func(e *html.Node) bool {
		// A ticker scrolls across the top for every visitor to see: it is
		// a banner even when what it scrolls are dated news items.
		if top[e] && !pay[e] && scrolling(e) && (p.insideUsed(e) || p.holdsUsed(e)) {
			if t := bannerText(e); urgentWords.MatchString(t) && len([]rune(t)) <= maxBanner {
				add(e, t)
				return false
			}
		}
		if p.insideUsed(e) || pay[e] {
			if top[e] && !pay[e] && find(e, scrolling) != nil {
				return true // but the ticker it holds is
			}
			return false // a news item or a payment method is not a banner
		}
		if p.holdsUsed(e) {
			return true // a news list is not a banner, but may hold one
		}
		name := strings.ToLower(attr(e, "class") + " " + attr(e, "id"))
		strong := containsAny(name, bannerStrong)
		weak := containsAny(name, bannerWeak)
		info := !strong && !weak && infoToken(name)
		named := (strong || weak || info) && !containsAny(name, notBanner)
		switch {
		case hasClass(e, "announcement-bar__message"):
			add(e, bannerText(e))
			return false
		case top[e] && named:
			if find(e, func(c *html.Node) bool { return hasClass(c, "announcement-bar__message") }) != nil {
				return true // one banner per message, not the whole bar
			}
			t := bannerText(e)
			urgent := urgentWords.MatchString(t)
			if info {
				// A bare "info" box greets and points to the news as often
				// as it warns: it counts only when it speaks of payment or
				// maintenance.
				urgent = stopWords.MatchString(t)
			}
			if n := len([]rune(t)); n >= 4 && n <= maxBanner && letters(t) >= 4 && (strong || urgent) {
				add(e, t)
				return false
			}
		case top[e] && isRed(e):
			if t := bannerText(e); urgentWords.MatchString(t) && len([]rune(t)) <= maxBanner {
				add(e, t)
				return false
			}
		}
		return true
	})
	return out
}

// topElements is the first part of the page: a banner is shown before the
// content, so only the first third of the body's elements (at least 150)
// count.
func (p *page) topElements() map[*html.Node]bool {
	var order []*html.Node
	elements(p.body, func(e *html.Node) bool {
		if skipped[e.DataAtom] {
			return false
		}
		order = append(order, e)
		return len(order) < 50000
	})
	limit := max(150, len(order)/3)
	top := make(map[*html.Node]bool, min(limit, len(order)))
	for i, e := range order {
		if i >= limit {
			break
		}
		top[e] = true
	}
	return top
}

// isRed reports whether e is text a shop sets apart to be seen: red, or
// scrolling across the page.
func isRed(e *html.Node) bool {
	for _, c := range strings.Fields(attr(e, "class")) {
		if redClass.MatchString(c) || scrollClass.MatchString(c) {
			return true
		}
	}
	switch e.DataAtom {
	case atom.Marquee, atom.Blink:
		// Old hand-made shops scroll their urgent notice across the top.
		return true
	case atom.Font:
		if redColor.MatchString(strings.TrimSpace(attr(e, "color"))) {
			return true
		}
	case atom.Script, atom.Style:
		return false
	}
	if m := styleRed.FindStringSubmatch(attr(e, "style")); m != nil {
		return redColor.MatchString(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m[1]), "!important")))
	}
	return false
}

// scrolling reports whether e scrolls its text: a <marquee>, or an element
// whose class names a ticker.
func scrolling(e *html.Node) bool {
	if e.DataAtom == atom.Marquee {
		return true
	}
	for _, c := range strings.Fields(attr(e, "class")) {
		if scrollClass.MatchString(c) {
			return true
		}
	}
	return false
}

// infoToken reports whether a class or id is "info" itself or starts with it
// (#info, .info-box, .info_area): the box many shops put their urgent
// notice in. "shopinfo" or "company-info" (the shop's address block) are
// not, and like every weak name it needs urgent words to count.
func infoToken(name string) bool {
	for _, t := range strings.Fields(name) {
		if t == "info" || strings.HasPrefix(t, "info-") || strings.HasPrefix(t, "info_") {
			return true
		}
	}
	return false
}

// bannerText is what a banner shows once: the copies a scrolling ticker
// repeats for its loop are aria-hidden, and are left out.
func bannerText(e *html.Node) string {
	if t := strings.Join(linesOf(ariaHidden, e), " "); t != "" {
		return t
	}
	return textOf(e)
}

func ariaHidden(e *html.Node) bool {
	return strings.EqualFold(strings.TrimSpace(attr(e, "aria-hidden")), "true")
}
