package blindweb

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"
)

// day0 is the first simulated day; day d is day0 + d days.
var day0 = time.Date(2027, 1, 18, 0, 0, 0, 0, time.UTC)

func dayTime(d int) time.Time { return day0.AddDate(0, 0, d) }

// platform names the markup a shop's pages are written in.
type platform int

const (
	eccube2 platform = iota
	eccube4
	makeshop
	colorme
	futureshop
	shopify
	base
	stores
	wordpress
	legacy
)

// charsetStyle is how a shop encodes its pages and what its headers claim.
type charsetStyle int

const (
	utf8Both  charsetStyle = iota // header and meta say UTF-8
	utf8Meta                      // UTF-8, charset only in <meta charset>
	sjisMeta                      // Shift_JIS, charset only in <meta http-equiv>
	sjisNone                      // Shift_JIS, charset nowhere
	sjisLying                     // Shift_JIS body, header says UTF-8, meta says Shift_JIS
	eucMeta                       // EUC-JP, charset only in <meta>
	eucHeader                     // EUC-JP in header and meta
)

// notice is one news item of a shop's script.
type notice struct {
	day   int // posted on this day (negative: before the run)
	until int // removed from the site on this day; 0 = never
	title string
	body  string // paragraphs separated by "\n"; empty = title only, no detail page
	raw   string // raw HTML appended to the body (a shop's injected markup)
}

// span is a half-open range of days [from, to); to 0 = to the end.
type span struct{ from, to int }

func (s span) has(d int) bool { return d >= s.from && (s.to == 0 || d < s.to) }

type banner struct {
	span
	text string
}

// payState is what the payment-methods page says about cards.
type payState int

const (
	payNormal      payState = iota
	payCardStopped          // the card entry is marked 停止中
	payCardRemoved          // the card entry is gone
	payPayPayOff            // PayPay is marked stopped (not a card stop)
)

type payChange struct {
	day   int
	state payState
}

// shop is one simulated shop and its script.
type shop struct {
	key     string
	name    string
	plat    platform
	cs      charsetStyle
	notices []notice
	banners []banner
	pay     []payChange

	// truth: the first day a reader of the shop's pages could see the
	// precursor (or the leak); -1 for an innocent shop.
	signal int
	kind   string // scenario, for the report

	// faults
	err500   []int // days the top page answers 500
	down     span  // days every page answers 503 (from==to==0: never)
	slowPath bool  // the news list takes 1.5 s
	robots   bool  // robots.txt disallows /cart
	redirect bool  // / redirects to /shop/ where the shop lives
	etag     bool  // ETag + If-None-Match
	lastMod  bool  // Last-Modified + If-Modified-Since only

	// server state
	srv    *httptest.Server
	mu     sync.Mutex
	reqs   []string // "day path" of every request
	seen   map[string]pageVer
	topURL string
}

type pageVer struct {
	hash string
	day  int // day the content last changed
}

func (s *shop) suspicious() bool { return s.signal >= 0 }

func (s *shop) payOn(d int) payState {
	st := payNormal
	for _, c := range s.pay {
		if d >= c.day {
			st = c.state
		}
	}
	return st
}

func (s *shop) visibleNotices(d int) []notice {
	var out []notice
	for _, n := range s.notices {
		if n.day <= d && (n.until == 0 || d < n.until) {
			out = append(out, n)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].day > out[j].day })
	if len(out) > 8 {
		out = out[:8]
	}
	return out
}

func (s *shop) bannersOn(d int) []string {
	var out []string
	for _, b := range s.banners {
		if b.has(d) {
			out = append(out, b.text)
		}
	}
	return out
}

// noticeID is a stable id of a notice, from its position in the script.
func (s *shop) noticeID(n notice) int {
	for i, m := range s.notices {
		if m.title == n.title && m.day == n.day {
			return 1000 + i*7
		}
	}
	return 999
}

// web is the running set of shops; day is the simulated day being served.
type web struct {
	shops []*shop
	day   atomic.Int64
}

func (w *web) start() {
	for _, s := range w.shops {
		s.seen = map[string]pageVer{}
		s.srv = httptest.NewServer(w.handler(s))
		s.topURL = s.srv.URL + "/"
	}
}

func (w *web) close() {
	for _, s := range w.shops {
		s.srv.Close()
	}
}

// page is one rendered page: status and HTML (before encoding).
type page struct {
	status int
	html   string
	loc    string
}

func (w *web) handler(s *shop) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		d := int(w.day.Load())
		key := r.URL.Path
		if r.URL.RawQuery != "" {
			key += "?" + r.URL.RawQuery
		}
		s.mu.Lock()
		s.reqs = append(s.reqs, fmt.Sprintf("%d %s", d, key))
		s.mu.Unlock()
		if s.down.to > 0 && s.down.has(d) {
			rw.Header().Set("Retry-After", "86400")
			rw.Header().Set("Content-Type", "text/html")
			rw.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprint(rw, "<html><body><h1>503 Service Unavailable</h1></body></html>")
			return
		}
		if key == "/robots.txt" {
			if s.robots {
				rw.Header().Set("Content-Type", "text/plain")
				fmt.Fprint(rw, "User-agent: *\nDisallow: /cart\nDisallow: /shop/cart\n")
				return
			}
			http.NotFound(rw, r)
			return
		}
		root := "/"
		if s.redirect {
			if key == "/" {
				http.Redirect(rw, r, "/shop/", http.StatusMovedPermanently)
				return
			}
			root = "/shop/"
		}
		if (key == root || key == root+"index.html") && contains(s.err500, d) {
			rw.Header().Set("Content-Type", "text/html")
			rw.WriteHeader(http.StatusInternalServerError)
			fmt.Fprint(rw, "<html><body>Internal Server Error</body></html>")
			return
		}
		pages := render(s, d, root)
		p, ok := pages[key]
		if !ok {
			rw.Header().Set("Content-Type", "text/html")
			rw.WriteHeader(http.StatusNotFound)
			fmt.Fprint(rw, "<html><body>404 Not Found</body></html>")
			return
		}
		if p.loc != "" {
			http.Redirect(rw, r, p.loc, p.status)
			return
		}
		if s.slowPath && strings.Contains(key, "news") {
			time.Sleep(1500 * time.Millisecond)
		}
		body := encode(s.cs, p.html)
		sum := sha256.Sum256(body)
		h := hex.EncodeToString(sum[:8])
		s.mu.Lock()
		v, had := s.seen[key]
		if !had || v.hash != h {
			v = pageVer{hash: h, day: d}
			s.seen[key] = v
		}
		s.mu.Unlock()
		rw.Header().Set("Content-Type", contentType(s.cs))
		if s.etag {
			tag := `"` + h + `"`
			rw.Header().Set("ETag", tag)
			if inm := r.Header.Get("If-None-Match"); inm != "" && strings.Contains(inm, tag) {
				rw.WriteHeader(http.StatusNotModified)
				return
			}
		}
		if s.lastMod {
			lm := dayTime(v.day)
			rw.Header().Set("Last-Modified", lm.Format(http.TimeFormat))
			if ims := r.Header.Get("If-Modified-Since"); ims != "" {
				if t, err := http.ParseTime(ims); err == nil && !lm.After(t) {
					rw.WriteHeader(http.StatusNotModified)
					return
				}
			}
		}
		status := p.status
		if status == 0 {
			status = http.StatusOK
		}
		rw.WriteHeader(status)
		rw.Write(body)
	})
}

func contains(days []int, d int) bool {
	for _, x := range days {
		if x == d {
			return true
		}
	}
	return false
}

func contentType(cs charsetStyle) string {
	switch cs {
	case utf8Both, sjisLying:
		return "text/html; charset=UTF-8"
	case eucHeader:
		return "text/html; charset=EUC-JP"
	}
	return "text/html"
}

func metaCharset(cs charsetStyle) string {
	switch cs {
	case utf8Both, utf8Meta:
		return `<meta charset="utf-8">`
	case sjisMeta, sjisLying:
		return `<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">`
	case eucMeta, eucHeader:
		return `<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">`
	}
	return ""
}

func encode(cs charsetStyle, s string) []byte {
	var enc encoding.Encoding
	switch cs {
	case sjisMeta, sjisNone, sjisLying:
		enc = japanese.ShiftJIS
	case eucMeta, eucHeader:
		enc = japanese.EUCJP
	default:
		return []byte(s)
	}
	// Shift_JIS has no U+301C in x/text's table; shops' editors write the
	// full-width tilde, which maps to the same bytes in practice.
	s = strings.ReplaceAll(s, "〜", "～")
	var buf bytes.Buffer
	wr := transform.NewWriter(&buf, encoding.ReplaceUnsupported(enc.NewEncoder()))
	wr.Write([]byte(s))
	wr.Close()
	return buf.Bytes()
}

// esc escapes text for HTML.
func esc(s string) string { return html.EscapeString(s) }

// paras renders a body as <p> paragraphs, or as one block with <br />.
func paras(body string, br bool) string {
	lines := strings.Split(body, "\n")
	if br {
		for i, l := range lines {
			lines[i] = esc(l)
		}
		return strings.Join(lines, "<br />\n")
	}
	var b strings.Builder
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		b.WriteString("<p>" + esc(l) + "</p>\n")
	}
	return b.String()
}

// Date styles.
func dSlash(t time.Time) string  { return t.Format("2006/01/02") }
func dDot(t time.Time) string    { return t.Format("2006.01.02") }
func dKanji0(t time.Time) string { return t.Format("2006年01月02日") }
func dKanji(t time.Time) string  { return t.Format("2006年1月2日") }
func dBase(t time.Time) string   { return t.Format("2006/01/02") + " 10:00" }
func dWareki(t time.Time) string {
	return fmt.Sprintf("令和%d年%d月%d日", t.Year()-2018, int(t.Month()), t.Day())
}
func dFull(t time.Time) string {
	s := t.Format("2006年1月2日")
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r - '0' + '０'
		}
		return r
	}, s)
}
