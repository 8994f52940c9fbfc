package demoweb

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

// clock is a settable injected clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time)     { c.mu.Lock(); c.t = t; c.mu.Unlock() }
func newClock(t time.Time) *clock    { return &clock{t: t} }
func (c *clock) Add(d time.Duration) { c.Set(c.Now().Add(d)) }

var t0 = time.Date(2026, 6, 1, 10, 0, 0, 0, jst)

type response struct {
	status int
	header http.Header
	body   []byte
}

func get(t *testing.T, url string, hdr map[string]string) response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("read %s: %v", url, err)
	}
	return response{res.StatusCode, res.Header, b}
}

// decode turns a body into text with the shop's declared charset.
func decode(t *testing.T, charset string, b []byte) string {
	t.Helper()
	var out []byte
	var err error
	switch charset {
	case "shift_jis":
		out, err = japanese.ShiftJIS.NewDecoder().Bytes(b)
	case "euc-jp":
		out, err = japanese.EUCJP.NewDecoder().Bytes(b)
	default:
		if !utf8.Valid(b) {
			t.Fatalf("body declared utf-8 is not valid UTF-8")
		}
		out = b
	}
	if err != nil {
		t.Fatalf("decode %s: %v", charset, err)
	}
	s := string(out)
	if strings.ContainsRune(s, utf8.RuneError) {
		t.Fatalf("decoding %s produced U+FFFD", charset)
	}
	return s
}

func startDemo(t *testing.T, c *clock) *Web {
	t.Helper()
	w, err := StartDemo(c.Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	return w
}

var hrefRe = regexp.MustCompile(`href="([^"]+)"`)

// paymentLink finds the footer link to the payment-methods page.
func paymentLink(t *testing.T, page string) string {
	t.Helper()
	for _, m := range hrefRe.FindAllStringSubmatch(page, -1) {
		h := m[1]
		for _, k := range []string{"guide", "shiharai", "mode=sk"} {
			if strings.Contains(h, k) {
				return strings.TrimPrefix(strings.TrimPrefix(h, "/"), "./")
			}
		}
	}
	t.Fatalf("no payment link on page")
	return ""
}

func TestDemoShopsServeTopPaymentRobots(t *testing.T) {
	c := newClock(t0)
	w := startDemo(t, c)
	if len(w.Shops) < 8 {
		t.Fatalf("demo has %d shops, want >= 8", len(w.Shops))
	}
	platforms := map[string]bool{}
	for _, s := range w.Shops {
		t.Run(s.Name, func(t *testing.T) {
			platforms[s.Platform] = true
			top := get(t, s.URL, nil)
			if top.status != http.StatusOK {
				t.Fatalf("top page status %d", top.status)
			}
			page := decode(t, s.Charset, top.body)
			if !strings.Contains(page, s.Name) {
				t.Errorf("top page does not name the shop %q", s.Name)
			}
			pay := get(t, s.URL+paymentLink(t, page), nil)
			if pay.status != http.StatusOK {
				t.Fatalf("payment page status %d", pay.status)
			}
			pp := decode(t, s.Charset, pay.body)
			if !strings.Contains(pp, "ｸﾚｼﾞｯﾄ") && !strings.Contains(pp, "クレジット") && !strings.Contains(pp, "カード決済") {
				t.Errorf("payment page lists no card method")
			}
			if !strings.Contains(pp, "代金引換") && !strings.Contains(pp, "銀行振込") && !strings.Contains(pp, "コンビニ") {
				t.Errorf("payment page lists no other method")
			}
			rob := get(t, s.URL+"robots.txt", nil)
			if rob.status != http.StatusOK || !bytes.Contains(rob.body, []byte("User-agent: *")) {
				t.Errorf("robots.txt: status %d body %q", rob.status, rob.body)
			}
		})
	}
	if len(platforms) < 3 {
		t.Errorf("demo uses %d markups, want >= 3", len(platforms))
	}
}

func TestDemoOneShopDisallowsNothing(t *testing.T) {
	w := startDemo(t, newClock(t0))
	n := 0
	for _, s := range w.Shops {
		b := string(get(t, s.URL+"robots.txt", nil).body)
		if !strings.Contains(b, "Disallow: /") {
			n++
		}
	}
	if n == 0 {
		t.Error("every demo shop disallows something; one should disallow nothing")
	}
}

func TestCharsetsAsDeclared(t *testing.T) {
	w := startDemo(t, newClock(t0))
	seen := map[string]bool{}
	for _, s := range w.Shops {
		res := get(t, s.URL, nil)
		ct := res.header.Get("Content-Type")
		seen[s.Charset] = true
		meta := regexp.MustCompile(`(?i)<meta[^>]+charset=["]?([A-Za-z_0-9-]+)`).FindSubmatch(res.body)
		if meta == nil {
			t.Errorf("%s: no meta charset", s.Name)
			continue
		}
		if !strings.EqualFold(strings.ReplaceAll(string(meta[1]), "-", "_"), strings.ReplaceAll(s.Charset, "-", "_")) {
			t.Errorf("%s: meta charset %s, declared %s", s.Name, meta[1], s.Charset)
		}
		if s.Charset != "utf-8" && utf8.Valid(res.body) {
			t.Errorf("%s: a %s page of Japanese text is valid UTF-8: not encoded", s.Name, s.Charset)
		}
		text := decode(t, s.Charset, res.body)
		if !strings.Contains(text, s.Name) {
			t.Errorf("%s: decoded page lacks the shop name", s.Name)
		}
		if s.Charset == "shift_jis" && ct != "text/html" {
			t.Errorf("%s: Content-Type %q, want bare text/html (charset only in meta)", s.Name, ct)
		}
	}
	for _, cs := range []string{"utf-8", "shift_jis", "euc-jp"} {
		if !seen[cs] {
			t.Errorf("no demo shop in %s", cs)
		}
	}
}

func TestDemoTruthAtStart(t *testing.T) {
	c := newClock(t0)
	w := startDemo(t, c)
	flagged := func(at time.Time) (names []string) {
		for _, s := range w.Shops {
			if s.Suspicious(at) {
				names = append(names, string(s.Scenario))
			}
		}
		return names
	}
	if got := strings.Join(flagged(t0), ","); got != "classic" {
		t.Errorf("suspicious at demo start: %s, want classic", got)
	}
	if got := strings.Join(flagged(t0.Add(day)), ","); got != "classic" {
		t.Errorf("suspicious a day later: %s", got)
	}
	if got := strings.Join(flagged(t0.Add(2*day-time.Minute)), ","); got != "classic" {
		t.Errorf("suspicious just before two days: %s", got)
	}
	if got := strings.Join(flagged(t0.Add(2*day)), ","); got != "classic,banner_only,payment_only" {
		t.Errorf("suspicious two days later: %s", got)
	}
}

// TestClassicNoticesOnTheirDays replays the classic shop day by day.
func TestClassicNoticesOnTheirDays(t *testing.T) {
	c := newClock(t0)
	w := startDemo(t, c)
	s := w.Shop("宇治茶房 やまもと園")
	if s == nil || s.Scenario != Classic {
		t.Fatal("demo lacks the classic shop")
	}
	const (
		suspend = "【重要】クレジットカード決済の一時停止について"
		fault   = "不具合"
		leak    = "不正アクセスによるクレジットカード情報流出に関するお詫びとお知らせ"
	)
	cases := []struct {
		at   time.Time
		want []string
		not  []string
	}{
		{s.Start.Add(-time.Hour), nil, []string{suspend, fault, leak}},
		{s.Start, []string{suspend}, []string{fault, leak}},
		{s.Start.Add(2 * day), []string{suspend, fault}, []string{leak}},
		{s.Start.Add(46 * day), []string{suspend, fault, "延長"}, []string{leak}},
		{s.Start.Add(120 * day), []string{suspend, fault, leak, "第三者調査機関"}, nil},
	}
	for _, tc := range cases {
		c.Set(tc.at)
		page := decode(t, s.Charset, get(t, s.URL, nil).body)
		for _, w := range tc.want {
			if !strings.Contains(page, w) {
				t.Errorf("day %v: missing %q", tc.at.Sub(s.Start)/day, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(page, w) {
				t.Errorf("day %v: %q shown too early", tc.at.Sub(s.Start)/day, w)
			}
		}
	}
	if !strings.Contains(decode(t, s.Charset, get(t, s.URL, nil).body), "2026年05月30日") {
		t.Error("classic day-0 notice not dated YYYY年MM月DD日 at its start")
	}
}

func TestConditionalGet(t *testing.T) {
	c := newClock(t0)
	w := startDemo(t, c)
	for _, s := range w.Shops {
		first := get(t, s.URL, nil)
		etag, lm := first.header.Get("ETag"), first.header.Get("Last-Modified")
		if etag == "" || lm == "" {
			t.Fatalf("%s: no validators (ETag %q, Last-Modified %q)", s.Name, etag, lm)
		}
		if r := get(t, s.URL, map[string]string{"If-None-Match": etag}); r.status != http.StatusNotModified || len(r.body) != 0 {
			t.Errorf("%s: If-None-Match got %d with %d bytes", s.Name, r.status, len(r.body))
		}
		if r := get(t, s.URL, map[string]string{"If-Modified-Since": lm}); r.status != http.StatusNotModified {
			t.Errorf("%s: If-Modified-Since got %d", s.Name, r.status)
		}
		if r := get(t, s.URL, map[string]string{"If-None-Match": `"stale"`}); r.status != http.StatusOK {
			t.Errorf("%s: stale ETag got %d", s.Name, r.status)
		}
	}
	// A new notice changes the page: the old ETag no longer matches.
	s := w.Shop("宇治茶房 やまもと園")
	etag := get(t, s.URL, nil).header.Get("ETag")
	c.Set(s.Start.Add(classicExtendDay * day))
	r := get(t, s.URL, map[string]string{"If-None-Match": etag})
	if r.status != http.StatusOK || r.header.Get("ETag") == etag {
		t.Errorf("after a new notice: status %d, ETag %s (was %s)", r.status, r.header.Get("ETag"), etag)
	}
}

func TestSiteChangesOutsideNews(t *testing.T) {
	c := newClock(t0)
	w := startDemo(t, c)
	banner, pay := w.Shop("しずく石けん工房"), w.Shop("山道具ハイランド")
	bannerText := "ただいまクレジットカード決済がご利用いただけません"
	if strings.Contains(string(get(t, banner.URL, nil).body), bannerText) {
		t.Error("banner shown before day 0")
	}
	payURL := pay.URL + "help/guide"
	if strings.Contains(string(get(t, payURL, nil).body), "停止中") {
		t.Error("card marked 停止中 before day 0")
	}
	c.Set(t0.Add(day))
	for _, u := range []string{banner.URL, banner.URL + "blogs/news"} {
		if !strings.Contains(string(get(t, u, nil).body), bannerText) {
			t.Errorf("%s: no banner on day 0", u)
		}
	}
	if !strings.Contains(string(get(t, payURL, nil).body), "停止中") {
		t.Error("card not marked 停止中 on day 0")
	}
}

func TestDetailPagesFromNewsList(t *testing.T) {
	c := newClock(t0)
	w := startDemo(t, c)
	s := w.Shop("うつわ処 土の香")
	list := string(get(t, s.URL+"news/", nil).body)
	links := regexp.MustCompile(`href="/news/(\d+)/"`).FindAllStringSubmatch(list, -1)
	if len(links) < 3 {
		t.Fatalf("news list has %d detail links", len(links))
	}
	var all string
	for _, l := range links {
		r := get(t, s.URL+"news/"+l[1]+"/", nil)
		if r.status != http.StatusOK {
			t.Fatalf("detail %s: %d", l[1], r.status)
		}
		all += string(r.body)
	}
	if !strings.Contains(all, "再開いたしました") {
		t.Error("resumed shop: no 再開 notice among detail pages")
	}
	if r := get(t, s.URL+"news/99999/", nil); r.status != http.StatusNotFound {
		t.Errorf("unknown detail: %d", r.status)
	}
}

func TestSuspiciousTruth(t *testing.T) {
	st := t0
	cases := []struct {
		s    Scenario
		days []float64 // offsets checked
		want []bool
	}{
		{Classic, []float64{-1, 0, 1, 45, 200}, []bool{false, true, true, true, true}},
		{Resumed, []float64{-1, 0, 2.9, 3, 10}, []bool{false, true, true, false, false}},
		{BannerOnly, []float64{0, 0.9, 1, 30}, []bool{false, false, true, true}},
		{PaymentOnly, []float64{0, 1}, []bool{false, true}},
		{SiteDown, []float64{0, 1, 60}, []bool{false, true, true}},
		{LeakOnly, []float64{-1, 0}, []bool{false, true}},
		{Scheduled, []float64{0, 7}, []bool{false, false}},
		{ProviderWide, []float64{0, 5}, []bool{false, false}},
		{MonthlyMaintenance, []float64{0, 30}, []bool{false, false}},
		{Ordinary, []float64{0}, []bool{false}},
		{PhishingWarning, []float64{0}, []bool{false}},
		{FraudPolicy, []float64{0}, []bool{false}},
	}
	for _, tc := range cases {
		for i, d := range tc.days {
			at := st.Add(time.Duration(d * float64(day)))
			if got := suspiciousAt(tc.s, st, at); got != tc.want[i] {
				t.Errorf("%s day %v: %v, want %v", tc.s, d, got, tc.want[i])
			}
		}
	}
}

func TestCloseReturns(t *testing.T) {
	w, err := StartDemo(newClock(t0).Now)
	if err != nil {
		t.Fatal(err)
	}
	u := w.Shops[0].URL
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if res, err := http.DefaultClient.Do(req); err == nil {
		res.Body.Close()
		t.Error("shop still answers after Close")
	}
}

func TestSitesFile(t *testing.T) {
	w := startDemo(t, newClock(t0))
	lines := strings.Split(strings.TrimSpace(w.SitesFile()), "\n")
	var n int
	for _, l := range lines {
		n++
		u, name, ok := strings.Cut(l, ",")
		if !ok || !strings.HasPrefix(u, "http://127.0.0.1:") || name == "" || strings.Contains(name, ",") {
			t.Errorf("bad line %q", l)
		}
	}
	if n != len(w.Shops) {
		t.Errorf("%d lines for %d shops", n, len(w.Shops))
	}
}
