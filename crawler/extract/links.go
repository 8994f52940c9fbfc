package extract

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Link texts and paths that lead to a news list or a payment page, on every
// platform in PLATFORMS.md. Texts are matched after NFKC, so NEWS and ＮＥＷＳ
// are the same.
var (
	newsText = regexp.MustCompile(`(?i)お知らせ|新着情報|最新情報|ニュース|インフォメーション|\bnews\b|\binformation\b|\binfo\b|what'?s\s?new|更新情報|店長日記|トピックス|\btopics\b`)
	// Paths of list pages, not of single posts (/news/<slug> is a detail).
	newsPath = regexp.MustCompile(`(?i)^(?:/[^/]+)*?/(?:news|info|information|topics|whatsnew|what_new|whats_new|oshirase)(?:/|/index\.(?:html?|php))?$|^/blogs/[^/]+/?$|^/blog/?$|^/category/(?:[^/]+/)*(?:news|info|information|oshirase)/?$|(?:^|/)(?:whatsnew|what_new|news|info|information|oshirase)\.(?:html?|php)$|^/view/page/news`)
	payText  = regexp.MustCompile(`お支払い?方法|お支払いについて|支払方法|決済方法|ご利用ガイド|ショッピングガイド|ご購入ガイド|ご注文方法|お買い物ガイド|特定商取引法|特定商取引に関する|特商法|お?支払い?(?:[・/&、]|と|および|について|$)|ご利用案内|ショッピングのご案内|お買い?(?:物|もの)(?:について|の流れ|方法|のご案内|ガイド)|ご購入(?:方法|について)|ご注文(?:について|の流れ)|(?i)\bshopping guide\b|\blegal notice\b`)
	payPath  = regexp.MustCompile(`(?i)^/help/(?:guide|tradelaw)|^/law/?$|^/order/?(?:index\.php)?$|^/pages/(?:guide|tokushoho|payment|shopping-guide|law|legal)|^/policies/legal-notice|^/view/guide|^/user_data/(?:guide|payment|tokushoho|law)|/(?:guide|payment|tokushoho|tokutei|law|legal|shiharai|kessai)(?:\.html?|\.php|/)?$|^/fs/[^/]+/(?:c/)?(?:guide|payment|tokushoho|law)`)
)

// newsHints and payHints: every newsText / payText match contains one of
// these, so most link texts (product names) skip the regexps.
var (
	newsHints = []string{"お知らせ", "新着情報", "最新情報", "ニュース", "インフォメーション", "news", "info", "what", "更新情報", "店長日記", "トピックス", "topics"}
	payHints  = []string{"支払", "ガイド", "特定商取引", "特商法", "決済方法", "ご注文", "guide", "legal", "案内", "お買", "ご購入"}
)

// links lists the same-site links worth fetching: detail pages of the
// notices found, then news lists and payment pages found by text or path.
func (p *page) links(notices []Notice) []Link {
	var out []Link
	seen := map[string]bool{}
	add := func(u string, k LinkKind) {
		if u == "" || seen[u] || p.site.isPage(u) || len(out) >= maxLinks {
			return
		}
		seen[u] = true
		out = append(out, Link{URL: u, Kind: k})
	}
	for _, n := range notices {
		add(n.DetailURL, LinkDetail)
	}
	for _, u := range p.lists {
		add(u, LinkNews)
	}
	elements(p.body, func(a *html.Node) bool {
		// <iframe src="news.html"> under a NEWS heading: an old top page
		// shows its news list in a frame; the framed page is the news list.
		if a.DataAtom == atom.Iframe || a.DataAtom == atom.Frame {
			if u := p.site.resolve(attr(a, "src")); u != "" && embeddedNews(a, u) {
				add(u, LinkNews)
			}
			return false
		}
		// <area> of an image map: old hand-made menus.
		if a.DataAtom != atom.A && a.DataAtom != atom.Area {
			return true
		}
		u := p.site.resolve(attr(a, "href"))
		if u == "" {
			return false
		}
		text := linkText(a)
		pu, err := url.Parse(u)
		if err != nil {
			return false
		}
		n := utf8.RuneCountInString(text)
		low := strings.ToLower(text)
		textNews := n <= 20 && containsAny(low, newsHints) && newsText.MatchString(text)
		textPay := n <= 25 && containsAny(low, payHints) && payText.MatchString(text)
		// What the link says outweighs a word in its path: 特定商取引法表示
		// at /info is the law page, お知らせ at /guide/news.html the news.
		switch {
		case textPay && !textNews:
			add(u, LinkPayment)
		case textNews || isNewsURL(pu):
			add(u, LinkNews)
		case textPay || isPaymentURL(pu):
			add(u, LinkPayment)
		}
		return false
	})
	return out
}

// embeddedNews reports whether a frame showing page u is the news list:
// its src is a news path, or its title attribute or the heading right before
// it (spaces apart; or before the box that holds nothing but the frame)
// names news. A page that is no HTML page (an image, a video) never is.
func embeddedNews(f *html.Node, u string) bool {
	pu, err := url.Parse(u)
	if err != nil || !pageLike(pu.Path) {
		return false
	}
	if isNewsURL(pu) {
		return true
	}
	names := func(t string) bool {
		return utf8.RuneCountInString(t) <= 20 && newsText.MatchString(t)
	}
	if names(clean(attr(f, "title"))) {
		return true
	}
	for n, i := f, 0; n != nil && i < 2; n, i = n.Parent, i+1 {
		prev := n.PrevSibling
		for prev != nil && (prev.Type == html.CommentNode || prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "") {
			prev = prev.PrevSibling
		}
		if prev != nil && prev.Type == html.ElementNode {
			return isHeading(prev) && names(textOf(prev))
		}
		if prev != nil {
			return false // text before the frame: no heading of its own
		}
	}
	return false
}

// linkText is the text of a link, or the alt of its image: old shops use
// image buttons (<img alt="お知らせ">).
func linkText(a *html.Node) string {
	if a.DataAtom == atom.Area {
		return clean(attr(a, "alt"))
	}
	t := textOf(a)
	if t != "" {
		return t
	}
	var alts []string
	elements(a, func(e *html.Node) bool {
		if e.DataAtom == atom.Img {
			alts = append(alts, attr(e, "alt"))
		}
		return true
	})
	return clean(strings.Join(alts, " "))
}

// pathWords: a news or payment path holds one of these; the regexps run
// only then (a shop's top page links to hundreds of products).
var pathWords = []string{"news", "info", "topic", "whatsnew", "what_new", "whats_new", "oshirase", "blog",
	"guide", "help", "law", "legal", "order", "pages", "policies", "payment", "tokushoho", "tokutei", "user_data"}

func mayBeListPath(p string) bool {
	p = strings.ToLower(p)
	for _, w := range pathWords {
		if strings.Contains(p, w) {
			return true
		}
	}
	return false
}

func isNewsURL(u *url.URL) bool {
	if mayBeListPath(u.Path) && newsPath.MatchString(u.Path) {
		return true
	}
	// カラーミー: every page is /?mode=...; shops use the free page f1 as news.
	q := u.Query()
	return q.Get("mode") == "f1" || strings.EqualFold(q.Get("mode"), "news")
}

func isPaymentURL(u *url.URL) bool {
	if mayBeListPath(u.Path) && payPath.MatchString(u.Path) {
		return true
	}
	q := u.Query()
	return q.Get("mode") == "sk" || q.Get("mode") == "guide"
}
