package crawler

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"maintwatch/crawler/extract"
)

// Crawler crawls shops. One Crawler should live as long as the process:
// its per-host gates, robots.txt cache and connection pool carry over from
// one cycle to the next.
type Crawler struct {
	cfg       Config
	transport http.RoundTripper
	gates     *gates
	robots    *robotsCache
	// page and detail are extract.Page and extract.Detail; the benchmark
	// swaps in memoised ones to time the crawler without extraction.
	page   func(pageURL, html string, ref time.Time) extract.Result
	detail func(pageURL, html string, ref time.Time) extract.Notice
	// Header values every request sends, shared by all requests' headers
	// and never written to.
	hdrUA, hdrAccept, hdrLang []string
}

// New checks cfg, fills in defaults and builds a Crawler.
func New(cfg Config) (*Crawler, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	return &Crawler{
		cfg:       cfg,
		transport: newTransport(cfg),
		gates:     newGates(cfg.Delay, cfg.Jitter),
		robots:    &robotsCache{m: map[string]robotsCached{}},
		page:      extract.Page,
		detail:    extract.Detail,
		hdrUA:     []string{cfg.UserAgent},
		hdrAccept: []string{"text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"},
		hdrLang:   []string{"ja,en;q=0.5"},
	}, nil
}

// cycle is one Crawl call's state.
type cycle struct {
	c        *Crawler
	client   *http.Client // shared by the workers' collectors
	h        History
	agent    string // robots.txt product token
	requests atomic.Int64

	mu           sync.Mutex
	robotsByHost map[string]*robotsOnce
}

// Crawl crawls every site, Parallelism sites at a time, one request in
// flight per host whoever asks, and calls emit once per site as each one
// finishes (never concurrently). It returns ctx's error if cancelled; sites
// not finished by then are not emitted.
func (c *Crawler) Crawl(ctx context.Context, sites []string, h History, emit func(SiteReport)) error {
	if h == nil {
		h = noHistory{}
	}
	cy := &cycle{
		c:            c,
		client:       c.newClient(),
		h:            h,
		agent:        productToken(c.cfg.UserAgent),
		robotsByHost: map[string]*robotsOnce{},
	}
	sched := newSchedule(sites)
	var emitMu sync.Mutex
	var wg sync.WaitGroup
	for range min(c.cfg.Parallelism, max(len(sites), 1)) {
		wg.Add(1)
		fx := c.newFetcher(ctx, cy.client)
		go func() {
			defer wg.Done()
			for {
				site, host, ok := sched.next()
				if !ok {
					return
				}
				rep, err := cy.site(ctx, fx, site)
				sched.done(host)
				if err != nil {
					sched.drop() // cancelled
					continue
				}
				if rep.ErrKind != "" {
					c.cfg.Logger.Info("crawler: site not crawled", "site", site, "kind", rep.ErrKind, "err", rep.Err)
				}
				emitMu.Lock()
				emit(rep)
				emitMu.Unlock()
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("crawler: %w", err)
	}
	c.cfg.Logger.Debug("crawler: cycle done", "sites", len(sites), "requests", cy.requests.Load())
	return nil
}

type noHistory struct{}

func (noHistory) Prior(context.Context, string) (Prior, bool, error) { return Prior{}, false, nil }
