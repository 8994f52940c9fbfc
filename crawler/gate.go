package crawler

import (
	"context"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// gates keeps one gate per host (host includes port). colly's LimitRule is
// one semaphore per rule, not per host, so politeness is done here: whoever
// crawls a host, one request is in flight and Delay+jitter separates the end
// of one request from the start of the next. Gates outlive a cycle so two
// back-to-back cycles stay polite too.
type gates struct {
	delay, jitter time.Duration
	mu            sync.Mutex
	m             map[string]*gate
}

type gate struct {
	slot chan struct{} // capacity 1: the request in flight
	next time.Time     // earliest start of the next request (guarded by slot)
	// crawlDelay is the host's robots.txt Crawl-delay when longer than
	// the configured delay.
	crawlDelay atomic.Int64
}

// maxCrawlDelay caps a robots.txt Crawl-delay: beyond it a site of a few
// pages would hold a worker for many minutes.
const maxCrawlDelay = 60 * time.Second

// setCrawlDelay makes host's requests at least d apart (capped).
func (g *gates) setCrawlDelay(host string, d time.Duration) {
	if d <= 0 {
		return
	}
	if d > maxCrawlDelay {
		d = maxCrawlDelay
	}
	g.get(host).crawlDelay.Store(int64(d))
}

func newGates(delay, jitter time.Duration) *gates {
	return &gates{delay: delay, jitter: jitter, m: map[string]*gate{}}
}

func (g *gates) get(host string) *gate {
	host = strings.ToLower(host) // hosts are case-insensitive
	g.mu.Lock()
	defer g.mu.Unlock()
	gt := g.m[host]
	if gt == nil {
		gt = &gate{slot: make(chan struct{}, 1)}
		g.m[host] = gt
	}
	return gt
}

// acquire waits for the host's slot and its delay. The returned release
// must be called when the request is over; notBefore pushes the next
// request further out (Retry-After, backoff).
func (g *gates) acquire(ctx context.Context, host string) (release func(notBefore time.Time), err error) {
	gt := g.get(host)
	select {
	case gt.slot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if wait := time.Until(gt.next); wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-gt.slot
			return nil, ctx.Err()
		}
	}
	return func(notBefore time.Time) {
		next := time.Now().Add(max(g.delay, time.Duration(gt.crawlDelay.Load())))
		if g.jitter > 0 {
			next = next.Add(rand.N(g.jitter + 1))
		}
		if notBefore.After(next) {
			next = notBefore
		}
		gt.next = next
		<-gt.slot
	}, nil
}
