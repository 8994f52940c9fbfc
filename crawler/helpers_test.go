package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"
)

// fakeHistory is the store's History in miniature: it remembers the last
// 200 or 304 of each URL the way store.Prior does.
type fakeHistory struct {
	mu sync.Mutex
	m  map[string]Prior
}

func newFakeHistory() *fakeHistory { return &fakeHistory{m: map[string]Prior{}} }

func (h *fakeHistory) Prior(_ context.Context, u string) (Prior, bool, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	p, ok := h.m[u]
	return p, ok, nil
}

func (h *fakeHistory) save(reps []SiteReport) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, r := range reps {
		for _, f := range r.Fetches {
			if f.Kind == KindRobots || (f.Status != 200 && f.Status != 304) || f.ErrKind != "" && !f.NotModified {
				continue
			}
			h.m[f.URL] = Prior{ETag: f.ETag, LastModified: f.LastModified, SHA256: f.SHA256, Links: f.Links}
		}
	}
}

// shop is a test web site: pages by path, with optional ETag support, and a
// log of every request it saw.
type shop struct {
	t         testing.TB
	pages     map[string]page
	etags     bool // answer If-None-Match with 304
	slow      time.Duration
	inFlight  atomic.Int32
	maxFlight atomic.Int32

	mu   sync.Mutex
	log  []seen
	hits map[string]int
}

type page struct {
	body        []byte
	contentType string
	status      int
	header      map[string]string
}

type seen struct {
	path        string
	ifNoneMatch string
	userAgent   string
	start, end  time.Time
}

func newShop(t testing.TB) *shop {
	return &shop{t: t, pages: map[string]page{}, hits: map[string]int{}}
}

func (s *shop) html(path, body string) *shop {
	s.pages[path] = page{body: []byte(body), contentType: "text/html; charset=utf-8"}
	return s
}

func (s *shop) raw(path string, p page) *shop {
	s.pages[path] = p
	return s
}

func (s *shop) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for {
		m := s.maxFlight.Load()
		if n <= m || s.maxFlight.CompareAndSwap(m, n) {
			break
		}
	}
	start := time.Now()
	if s.slow > 0 {
		time.Sleep(s.slow)
	}
	defer func() {
		s.mu.Lock()
		s.log = append(s.log, seen{path: r.URL.RequestURI(), ifNoneMatch: r.Header.Get("If-None-Match"), userAgent: r.UserAgent(), start: start, end: time.Now()})
		s.hits[r.URL.RequestURI()]++
		s.mu.Unlock()
	}()
	p, ok := s.pages[r.URL.RequestURI()]
	if !ok {
		http.NotFound(w, r)
		return
	}
	for k, v := range p.header {
		w.Header().Set(k, v)
	}
	if p.contentType != "" {
		w.Header().Set("Content-Type", p.contentType)
	}
	status := p.status
	if status == 0 {
		status = 200
	}
	if s.etags && status == 200 {
		sum := sha256.Sum256(p.body)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.WriteHeader(status)
	w.Write(p.body)
}

func (s *shop) paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, l := range s.log {
		out = append(out, l.path)
	}
	return out
}

func (s *shop) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *shop) requests() []seen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]seen(nil), s.log...)
}

func (s *shop) start() *httptest.Server {
	srv := httptest.NewServer(s)
	s.t.Cleanup(srv.Close)
	return srv
}

// A shop's pages, in the markup most platforms share: dated list items
// linking to detail pages.
const (
	topHTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>テスト商店</title></head><body>
<header><a href="/">テスト商店</a></header>
<nav><a href="/news/">お知らせ</a> <a href="/guide/payment.html">お支払い方法</a></nav>
<p>いつもご利用ありがとうございます。</p></body></html>`
	newsHTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>お知らせ一覧</title></head><body>
<h1>お知らせ</h1><ul class="news">
<li><time>2026.06.01</time><a href="/news/1.html">クレジットカード決済停止のお知らせ</a></li>
<li><time>2026.05.20</time><a href="/news/2.html">夏季休業のお知らせ</a></li>
</ul></body></html>`
	detail1HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>クレジットカード決済停止のお知らせ</title></head><body>
<h1>クレジットカード決済停止のお知らせ</h1><time>2026.06.01</time>
<p>システムメンテナンスのため、クレジットカード決済を一時停止しております。銀行振込・代金引換はご利用いただけます。</p></body></html>`
	detail2HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>夏季休業のお知らせ</title></head><body>
<h1>夏季休業のお知らせ</h1><time>2026.05.20</time><p>8月10日から8月16日まで休業いたします。</p></body></html>`
	paymentHTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>お支払い方法</title></head><body>
<h1>お支払い方法</h1><h2>クレジットカード決済</h2><p>VISA、Master、JCBがご利用いただけます。</p>
<h2>銀行振込</h2><p>ご注文後7日以内にお振込みください。</p><h2>代金引換</h2><p>手数料330円</p></body></html>`
)

// fullShop is a site with robots.txt, a top page, a news list, two notices
// and a payment page.
func fullShop(t testing.TB) *shop {
	return newShop(t).
		raw("/robots.txt", page{body: []byte("User-agent: *\nDisallow: /cart/\n"), contentType: "text/plain"}).
		html("/", topHTML).
		html("/news/", newsHTML).
		html("/news/1.html", detail1HTML).
		html("/news/2.html", detail2HTML).
		html("/guide/payment.html", paymentHTML)
}

func sjis(t testing.TB, s string) []byte {
	t.Helper()
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// testConfig: no delay, quick retries, loopback allowed.
func testConfig() Config {
	return Config{Delay: -1, Jitter: -1, Timeout: 5 * time.Second, RetryBackoff: time.Millisecond, AllowPrivate: true}
}

func crawl(t testing.TB, c *Crawler, h History, sites ...string) []SiteReport {
	t.Helper()
	var reps []SiteReport
	err := c.Crawl(context.Background(), sites, h, func(r SiteReport) { reps = append(reps, r) })
	if err != nil {
		t.Fatalf("Crawl: %v", err)
	}
	if len(reps) != len(sites) {
		t.Fatalf("emitted %d reports for %d sites", len(reps), len(sites))
	}
	return reps
}

func mustNew(t testing.TB, cfg Config) *Crawler {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func fetchOf(rep SiteReport, u string) (Fetch, bool) {
	for _, f := range rep.Fetches {
		if f.URL == u {
			return f, true
		}
	}
	return Fetch{}, false
}

func describe(rep SiteReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "site %s err=%s/%s\n", rep.Site, rep.ErrKind, rep.Err)
	for _, f := range rep.Fetches {
		fmt.Fprintf(&b, "  %-7s %3d %s nm=%v un=%v err=%s/%s links=%d\n", f.Kind, f.Status, f.URL, f.NotModified, f.Unchanged, f.ErrKind, f.Err, len(f.Links))
	}
	return b.String()
}
