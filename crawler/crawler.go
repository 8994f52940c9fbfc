package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocolly/colly/v2"

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
	}, nil
}

// cycle is one Crawl call's state.
type cycle struct {
	c        *Crawler
	col      *colly.Collector
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
		col:          c.newCollector(ctx),
		h:            h,
		agent:        productToken(c.cfg.UserAgent),
		robotsByHost: map[string]*robotsOnce{},
	}
	// Work is handed out by host: a worker crawls every site of one host in
	// turn, so Parallelism is hosts in parallel and no worker sits idle
	// behind another's gate. Big hosts first, so they do not make the tail.
	groups := byHost(sites)
	work := make(chan []string)
	var emitMu sync.Mutex
	var wg sync.WaitGroup
	for range min(c.cfg.Parallelism, max(len(groups), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for group := range work {
				for _, site := range group {
					rep, err := cy.site(ctx, site)
					if err != nil {
						break // cancelled
					}
					if rep.ErrKind != "" {
						c.cfg.Logger.Info("crawler: site not crawled", "site", site, "kind", rep.ErrKind, "err", rep.Err)
					}
					emitMu.Lock()
					emit(rep)
					emitMu.Unlock()
				}
			}
		}()
	}
	func() {
		defer close(work)
		for _, g := range groups {
			select {
			case work <- g:
			case <-ctx.Done():
				return
			}
		}
	}()
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("crawler: %w", err)
	}
	c.cfg.Logger.Debug("crawler: cycle done", "sites", len(sites), "requests", cy.requests.Load())
	return nil
}

// byHost groups sites by host (with port), largest group first, keeping
// the given order otherwise. A site that does not parse is its own group.
func byHost(sites []string) [][]string {
	idx := map[string]int{}
	var groups [][]string
	for _, s := range sites {
		key := s
		if u, err := url.Parse(strings.TrimSpace(s)); err == nil && u.Host != "" {
			key = strings.ToLower(u.Host)
		}
		i, ok := idx[key]
		if !ok {
			i = len(groups)
			idx[key] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], s)
	}
	slices.SortStableFunc(groups, func(a, b []string) int { return len(b) - len(a) })
	return groups
}

type noHistory struct{}

func (noHistory) Prior(context.Context, string) (Prior, bool, error) { return Prior{}, false, nil }
