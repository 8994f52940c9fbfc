package demoweb

import (
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"
)

//go:embed templates/*.html
var templateFS embed.FS

// markup is one platform's look: its URL layout, its templates and its usual
// robots.txt.
type markup struct {
	name   string // template file stem
	tmpl   *template.Template
	route  func(r *http.Request) (page string, id int)
	robots func() string
}

// Pages a route can name. A markup without a news list shows notices inline
// on the top page (EC-CUBE) or on one page (hand-made whatsnew.html).
const (
	pageTop      = "top"
	pageNews     = "news"
	pageDetail   = "detail"
	pagePayment  = "payment"
	pageTradeLaw = "tradelaw"
	pageScript   = "script"
)

var funcs = template.FuncMap{
	// nl2br escapes each line and joins them with <br />, as EC-CUBE's
	// nl2br modifier and most themes do.
	"nl2br": func(s string) template.HTML {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = template.HTMLEscapeString(l)
		}
		return template.HTML(strings.Join(lines, "<br />\n"))
	},
	"lines": func(s string) []string { return strings.Split(s, "\n") },
	"yen": func(n int) string {
		s := strconv.Itoa(n)
		for i := len(s) - 3; i > 0; i -= 3 {
			s = s[:i] + "," + s[i:]
		}
		return s
	},
	"ymdKanji": func(t time.Time) string { return t.In(jst).Format("2006年01月02日") }, // EC-CUBE 2
	"ymdSlash": func(t time.Time) string { return t.In(jst).Format("2006/01/02") },  // EC-CUBE 4 date_day
	"ymdDot":   func(t time.Time) string { return t.In(jst).Format("2006.01.02") },  // カラーミー themes
	"jpDate":   jpDate,                                                              // WordPress, Shopify ja
	"iso":      func(t time.Time) string { return t.In(jst).Format(time.RFC3339) },
	"wareki":   wareki,
	"excerpt": func(s string) string {
		r := []rune(strings.ReplaceAll(s, "\n", ""))
		if len(r) > 60 {
			return string(r[:60]) + "…"
		}
		return string(r)
	},
	"mod": func(a, b int) int { return a % b },
	// hankaku writes the words old hand-made pages typed in half-width
	// katakana (JIS X 0201), which Shift_JIS and EUC-JP both encode.
	"hankaku": hankaku.Replace,
}

var hankaku = strings.NewReplacer(
	"クレジットカード", "ｸﾚｼﾞｯﾄｶｰﾄﾞ", "カード", "ｶｰﾄﾞ", "メンテナンス", "ﾒﾝﾃﾅﾝｽ",
	"システム", "ｼｽﾃﾑ", "ポイント", "ﾎﾟｲﾝﾄ", "キャンペーン", "ｷｬﾝﾍﾟｰﾝ",
)

// wareki writes a date in the Japanese era, as hand-made shops do: 令和8年6月1日.
func wareki(t time.Time) string {
	t = t.In(jst)
	y := t.Year() - 2018
	ys := strconv.Itoa(y)
	if y == 1 {
		ys = "元"
	}
	return fmt.Sprintf("令和%s年%d月%d日", ys, int(t.Month()), t.Day())
}

func parse(name string) *template.Template {
	return template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/common.html", "templates/"+name+".html"))
}

var markups = map[string]*markup{
	PlatformECCUBE2: {
		name: "eccube2",
		route: func(r *http.Request) (string, int) {
			switch r.URL.Path {
			case "/", "/index.php":
				return pageTop, 0
			case "/user_data/guide.php":
				return pagePayment, 0
			case "/order/index.php":
				return pageTradeLaw, 0
			case "/js/eccube.legacy.js":
				return pageScript, 0
			}
			return "", 0
		},
		robots: func() string {
			return "User-agent: *\nDisallow: /admin/\nDisallow: /cart/\nDisallow: /mypage/\nDisallow: /shopping/\n"
		},
	},
	PlatformECCUBE4: {
		name: "eccube4",
		route: func(r *http.Request) (string, int) {
			switch r.URL.Path {
			case "/":
				return pageTop, 0
			case "/help/guide":
				return pagePayment, 0
			case "/help/tradelaw":
				return pageTradeLaw, 0
			}
			return "", 0
		},
		robots: func() string { return "User-agent: *\nDisallow: /admin\nDisallow: /cart\nDisallow: /mypage\n" },
	},
	PlatformWordPress: {
		name: "wordpress",
		route: func(r *http.Request) (string, int) {
			p := r.URL.Path
			switch p {
			case "/":
				return pageTop, 0
			case "/news/":
				return pageNews, 0
			case "/guide/":
				return pagePayment, 0
			case "/law/":
				return pageTradeLaw, 0
			}
			if rest, ok := strings.CutPrefix(p, "/news/"); ok {
				if id, err := strconv.Atoi(strings.TrimSuffix(rest, "/")); err == nil && strings.HasSuffix(rest, "/") {
					return pageDetail, id
				}
			}
			return "", 0
		},
		robots: func() string {
			return "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: /wp-sitemap.xml\n"
		},
	},
	PlatformColorMe: {
		name: "colorme",
		route: func(r *http.Request) (string, int) {
			if r.URL.Path != "/" {
				return "", 0
			}
			switch r.URL.Query().Get("mode") {
			case "":
				if r.URL.RawQuery == "" {
					return pageTop, 0
				}
			case "f1":
				return pageNews, 0
			case "sk":
				return pagePayment, 0
			}
			return "", 0
		},
		robots: func() string { return "User-agent: *\nDisallow: /cart/\nDisallow: /secure/\n" },
	},
	PlatformShopify: {
		name: "shopify",
		route: func(r *http.Request) (string, int) {
			p := r.URL.Path
			switch p {
			case "/":
				return pageTop, 0
			case "/blogs/news":
				return pageNews, 0
			case "/pages/guide":
				return pagePayment, 0
			case "/policies/legal-notice":
				return pageTradeLaw, 0
			}
			if rest, ok := strings.CutPrefix(p, "/blogs/news/notice-"); ok {
				if id, err := strconv.Atoi(rest); err == nil {
					return pageDetail, id
				}
			}
			return "", 0
		},
		robots: func() string {
			return "# we use Shopify as our ecommerce platform\nUser-agent: *\nDisallow: /admin\nDisallow: /cart\nDisallow: /orders\nDisallow: /checkouts/\nDisallow: /checkout\nDisallow: /account\nDisallow: /search\n"
		},
	},
	PlatformUnknown: {
		name: "handmade",
		route: func(r *http.Request) (string, int) {
			switch r.URL.Path {
			case "/", "/index.html":
				return pageTop, 0
			case "/whatsnew.html":
				return pageNews, 0
			case "/shiharai.html":
				return pagePayment, 0
			}
			return "", 0
		},
		// A hand-made shop disallows nothing.
		robots: func() string { return "User-agent: *\nDisallow:\n" },
	},
}

func init() {
	for _, m := range markups {
		m.tmpl = parse(m.name)
	}
}

func markupFor(platform string) *markup {
	if m, ok := markups[platform]; ok {
		return m
	}
	return markups[PlatformUnknown]
}
