package cycle

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"maintwatch/crawler"
	"maintwatch/judge"
	"maintwatch/nlp"
	"maintwatch/store"
)

// unrelated labels every text unrelated: these tests are about signals
// outside the news, and need no dictionary.
type unrelated struct{}

func (unrelated) Classify(string) nlp.Result { return nlp.Result{Label: nlp.Unrelated, Score: 0.9} }

// shopPage is an ordinary top page: shop navigation, a link to the
// payment-methods page.
const shopPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>テスト商店</title></head><body>
<nav><a href="/">トップ</a> <a href="/products/">商品一覧</a> <a href="/about">会社概要</a> <a href="/cart">カート</a>
<a href="/contact">お問い合わせ</a> <a href="/faq">よくある質問</a> <a href="/guide/payment">お支払い方法</a> <a href="/mypage">マイページ</a></nav>
<h1>テスト商店</h1><p>季節の商品を取り揃えております。</p></body></html>`

// maintPage is a whole-site maintenance page.
const maintPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>メンテナンス中</title></head><body>
<h1>ただいまメンテナンス中です</h1><p>ご迷惑をおかけいたします。しばらくお待ちください。</p></body></html>`

// paymentPage lists the methods as EC-CUBE 4's 特定商取引法 page does.
func paymentPage(methods string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>お支払い方法</title></head><body>
<div class="ec-borderedDefs"><dl><dt>注文方法</dt><dd>インターネット</dd></dl>
<dl><dt>支払方法</dt><dd>` + methods + `</dd></dl>
<dl><dt>支払期限</dt><dd>銀行振込はご注文後7日以内</dd></dl></div></body></html>`
}

// page is one response the test shop gives: a status and a body whose ETag
// is derived from it, honouring If-None-Match as real servers do.
type page struct {
	status int
	body   string
}

// testShop serves one shop whose top and payment pages the test sets per day.
type testShop struct {
	mu      sync.Mutex
	top     page
	payment page
	got304  atomic.Int64 // 304s served for the top page
}

func (s *testShop) set(top, payment page) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.top, s.payment = top, payment
}

func (s *testShop) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	top, pay := s.top, s.payment
	s.mu.Unlock()
	var p page
	switch r.URL.Path {
	case "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		return
	case "/":
		p = top
	case "/guide/payment":
		p = pay
	default:
		http.NotFound(w, r)
		return
	}
	if top.status == http.StatusServiceUnavailable {
		p = top // the whole site is behind the 503
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if p.status == http.StatusOK {
		etag := fmt.Sprintf(`"%x"`, len(p.body)*31+int(p.body[len(p.body)/2]))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			if r.URL.Path == "/" {
				s.got304.Add(1)
			}
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.WriteHeader(p.status)
	fmt.Fprint(w, p.body)
}

// harness runs daily cycles over one test shop with the real crawler and
// store, and records the site's status after each day.
type harness struct {
	t     *testing.T
	shop  *testShop
	db    *store.DB
	r     *Runner
	clock atomic.Int64
	start time.Time
	logs  *bytes.Buffer
	mu    sync.Mutex // guards logs (the crawler may log from its workers)
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	h := &harness{t: t, shop: &testShop{}, start: time.Date(2026, 6, 1, 6, 0, 0, 0, time.FixedZone("JST", 9*3600)), logs: &bytes.Buffer{}}
	srv := httptest.NewServer(h.shop)
	t.Cleanup(srv.Close)
	ctx := t.Context()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "cycle.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.AddSites(ctx, []store.SiteInput{{URL: srv.URL + "/", Name: "テスト商店"}}); err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Unix(0, h.clock.Load()) }
	cr, err := crawler.New(crawler.Config{AllowPrivate: true, Delay: -1, Jitter: -1, Retries: -1, Timeout: 5 * time.Second, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(lockedWriter{h}, nil))
	h.db = db
	h.r = &Runner{Crawler: cr, Classifier: unrelated{}, Store: db, Now: now, Logger: log}
	return h
}

type lockedWriter struct{ h *harness }

func (w lockedWriter) Write(p []byte) (int, error) {
	w.h.mu.Lock()
	defer w.h.mu.Unlock()
	return w.h.logs.Write(p)
}

// day runs day d's cycle with the shop answering top and payment.
func (h *harness) day(d int, top, payment page) (judge.Status, store.Site) {
	h.t.Helper()
	h.shop.set(top, payment)
	h.clock.Store(h.start.AddDate(0, 0, d).UnixNano())
	if _, err := h.r.Run(h.t.Context()); err != nil {
		h.t.Fatalf("day %d: %v", d, err)
	}
	sites, err := h.db.Sites(h.t.Context())
	if err != nil || len(sites) != 1 {
		h.t.Fatalf("day %d: sites %v, %v", d, sites, err)
	}
	return sites[0].Status, sites[0]
}

// statusLine renders a day-by-day status sequence as "day:status" changes.
func statusLine(first int, seq []judge.Status) string {
	var parts []string
	prev := judge.Status("?")
	for i, st := range seq {
		if st != prev {
			name := string(st)
			if name == "" {
				name = "-"
			}
			parts = append(parts, fmt.Sprintf("%d:%s", first+i, name))
			prev = st
		}
	}
	return strings.Join(parts, " ")
}

var (
	shopUp      = page{http.StatusOK, shopPage}
	maint200    = page{http.StatusOK, maintPage}
	maint503    = page{http.StatusServiceUnavailable, maintPage}
	other503    = page{http.StatusServiceUnavailable, "<html><body>Service Unavailable</body></html>"}
	cardOffered = page{http.StatusOK, paymentPage(`クレジットカード決済<br>銀行振込<br>代金引換`)}
	cardStopped = page{http.StatusOK, paymentPage(`クレジットカード決済(現在停止中)<br>銀行振込<br>代金引換`)}
	noCard      = page{http.StatusOK, paymentPage(`銀行振込<br>代金引換`)}
)

// Whole-site maintenance for five weeks, answered 304 on most days (the
// crawler does not re-read the page then): the site is suspected on its
// second day down, escalated when 30 days are reached, and resolved the
// day the shop answers again, including when the shop's page answers 304
// itself (it is the page from before the maintenance, unchanged).
func TestMaintenanceAcross304s(t *testing.T) {
	tests := []struct {
		name string
		down func(d int) page // the top page on day d of the maintenance
		back page             // the top page once the shop is back
		want string
		// min304: top-page 304s the shop must have served, so the test is
		// about what it says it is about.
		min304 int64
	}{
		{"200 maintenance page, then 304s", func(int) page { return maint200 }, shopUp,
			"-2:- 1:suspected 30:escalated 35:resolved", 30},
		{"503 and a 200 maintenance page in turn", func(d int) page {
			if d%10 == 0 {
				return other503
			}
			return maint200
		}, shopUp, "-2:- 1:suspected 30:escalated 35:resolved", 20},
		{"503 throughout, the old page back unchanged (304)", func(int) page { return maint503 }, shopUp,
			"-2:- 1:suspected 30:escalated 35:resolved", 1},
		{"a new shop page after the maintenance page", func(int) page { return maint200 },
			page{http.StatusOK, strings.Replace(shopPage, "季節の商品", "新しい商品", 1)},
			"-2:- 1:suspected 30:escalated 35:resolved", 30},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			var seq []judge.Status
			for d := -2; d <= 37; d++ {
				top := shopUp
				switch {
				case d >= 35:
					top = tc.back
				case d >= 0:
					top = tc.down(d)
				}
				st, site := h.day(d, top, cardOffered)
				seq = append(seq, st)
				if d >= 0 && d < 35 && site.LastResult != "maintenance" {
					t.Errorf("day %d: last result %q, want maintenance", d, site.LastResult)
				}
			}
			if got := statusLine(-2, seq); got != tc.want {
				t.Errorf("sequence %q, want %q", got, tc.want)
			}
			if n := h.shop.got304.Load(); n < tc.min304 {
				t.Errorf("only %d top-page 304s served, want at least %d", n, tc.min304)
			}
		})
	}
}

// A maintenance page seen once, then the shop page unchanged: a glitch,
// never flagged (the page that answers 304 is not the maintenance page).
func TestMaintenanceOnceThenBack(t *testing.T) {
	h := newHarness(t)
	var seq []judge.Status
	for d := -2; d <= 4; d++ {
		top := shopUp
		if d == 0 {
			top = maint503
		}
		st, _ := h.day(d, top, cardOffered)
		seq = append(seq, st)
	}
	if got := statusLine(-2, seq); got != "-2:-" {
		t.Errorf("sequence %q, want never flagged", got)
	}
}

// A week of 503s whose page says nothing of maintenance: recorded as
// maintenance, with the bare 503 said in the observation, and never flagged
// (a server failing for a week); three weeks of them flag from day 14.
func TestBare503(t *testing.T) {
	for _, tc := range []struct {
		days int
		want string
	}{{7, "-2:-"}, {21, "-2:- 14:suspected 21:resolved"}} {
		h := newHarness(t)
		var seq []judge.Status
		for d := -2; d <= tc.days+2; d++ {
			top := shopUp
			if d >= 0 && d < tc.days {
				top = other503
			}
			st, site := h.day(d, top, cardOffered)
			seq = append(seq, st)
			if top == other503 && site.LastResult != "maintenance" {
				t.Errorf("%d days: day %d: last result %q, want maintenance", tc.days, d, site.LastResult)
			}
		}
		if got := statusLine(-2, seq); got != tc.want {
			t.Errorf("%d days of bare 503s: sequence %q, want %q", tc.days, got, tc.want)
		}
	}
}

// A shop first crawled with its card method already marked 停止中 while bank
// transfer and cash on delivery stay: suspected on the second cycle, through
// the store (which keeps the mark as the CARD_STOP reason), resolved when the
// card method is offered again. A payment page that never listed a card is
// not a signal.
func TestCardSuspendedAtFirstSight(t *testing.T) {
	tests := []struct {
		name    string
		payment func(d int) page
		want    string
	}{
		{"marked 停止中 from the first crawl", func(d int) page {
			if d >= 5 {
				return cardOffered
			}
			return cardStopped
		}, "0:- 1:suspected 5:resolved"},
		{"never lists a card", func(int) page { return noCard }, "0:-"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			var seq []judge.Status
			for d := 0; d <= 6; d++ {
				st, _ := h.day(d, shopUp, tc.payment(d))
				seq = append(seq, st)
			}
			if got := statusLine(0, seq); got != tc.want {
				t.Errorf("sequence %q, want %q", got, tc.want)
			}
		})
	}
}

// Run checkpoints after every cycle and logs the outcome; after it the
// main database file alone holds everything the cycle stored, so a WAL
// lost with the machine would lose nothing.
func TestRunCheckpoints(t *testing.T) {
	h := newHarness(t)
	for d := range 2 {
		h.day(d, shopUp, cardStopped)
	}
	h.mu.Lock()
	logs := h.logs.String()
	h.mu.Unlock()
	if n := strings.Count(logs, "msg=checkpoint result=ok"); n != 2 {
		t.Errorf("%d successful checkpoints logged, want 2:\n%s", n, logs)
	}
	ctx := t.Context()
	want, err := h.db.Observations(ctx, 1)
	if err != nil || len(want) == 0 {
		t.Fatalf("observations: %d, %v", len(want), err)
	}
	eps, err := h.db.Episodes(ctx, store.EpisodeQuery{})
	if err != nil || len(eps) != 1 {
		t.Fatalf("episodes: %d, %v", len(eps), err)
	}
	// A copy of the main file without its WAL.
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if err := copyFile(h.db.Path(), copyPath); err != nil {
		t.Fatal(err)
	}
	cp, err := store.Open(ctx, copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	got, err := cp.Observations(ctx, 1)
	if err != nil || len(got) != len(want) {
		t.Errorf("main file alone holds %d observations (%v), want %d", len(got), err, len(want))
	}
	if e, err := cp.Episodes(ctx, store.EpisodeQuery{}); err != nil || len(e) != 1 {
		t.Errorf("main file alone holds %d episodes (%v), want 1", len(e), err)
	}
}

// failingCheckpoint is a store whose checkpoint fails: the cycle still
// succeeds (the data is in the WAL) and says so in the log.
type failingCheckpoint struct {
	*store.DB
	calls int
}

func (f *failingCheckpoint) Checkpoint(ctx context.Context) error {
	f.calls++
	return fmt.Errorf("store: checkpoint: %w", store.ErrCheckpointBusy)
}

func TestRunCheckpointBusyIsLogged(t *testing.T) {
	h := newHarness(t)
	fs := &failingCheckpoint{DB: h.db}
	h.r.Store = fs
	st, _ := h.day(0, shopUp, cardOffered)
	if st != "" || fs.calls != 1 {
		t.Fatalf("status %q, %d checkpoint calls", st, fs.calls)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if !strings.Contains(h.logs.String(), "level=WARN msg=checkpoint result=busy") {
		t.Errorf("busy checkpoint not logged:\n%s", h.logs.String())
	}
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o600)
}
