package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsVerdict is what a host's robots.txt means for this cycle.
type robotsVerdict struct {
	group *robotstxt.Group // nil: everything allowed
	// A host whose robots.txt cannot be read decides the site's fate:
	// errKind ErrMaintenance (503), ErrRobots (other 5xx: complete disallow,
	// RFC 9309 2.3.1.4), or the network error kind.
	errKind string
	err     string
}

func (v robotsVerdict) allows(u *url.URL) bool {
	if v.errKind != "" {
		return false
	}
	return v.group == nil || v.group.Test(u.RequestURI())
}

// robotsCache keeps each host's parsed robots.txt and validators across
// cycles. Within robotsFresh of reading it, a host's robots.txt is not asked
// for again; after that the request is a conditional GET that usually ends
// in a 304 (History has no robots body to fall back on).
type robotsCache struct {
	mu sync.Mutex
	m  map[string]robotsCached
}

// robotsFresh: RFC 9309 2.4 lets a crawler cache robots.txt and asks it not
// to use a copy older than 24 hours. A watcher that re-crawls every few
// hours thus asks once a day instead of once a cycle: on an unchanged web
// those requests were 304s that cost as much as any other round trip.
const robotsFresh = 24 * time.Hour

type robotsCached struct {
	etag, lastModified string
	data               *robotstxt.RobotsData // nil: allow all (a 4xx)
	group              *robotstxt.Group      // data's group for our agent
	read               time.Time             // when the content was last read or revalidated
}

func (rc *robotsCache) get(host string) (robotsCached, bool) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	e, ok := rc.m[host]
	return e, ok
}

func (rc *robotsCache) put(host string, e robotsCached) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.m[host] = e
}

// robotsOnce makes every site on a host share one robots.txt fetch per cycle.
type robotsOnce struct {
	done    chan struct{}
	verdict robotsVerdict
}

// robots returns the verdict for u's host, fetching robots.txt first if this
// cycle has not yet. The Fetch is returned to the caller that made it, so it
// lands in that site's report.
func (cy *cycle) robots(ctx context.Context, fx *fetcher, u *url.URL) (robotsVerdict, *Fetch, error) {
	host := strings.ToLower(u.Host)
	cy.mu.Lock()
	ro, ok := cy.robotsByHost[host]
	if !ok {
		ro = &robotsOnce{done: make(chan struct{})}
		cy.robotsByHost[host] = ro
	}
	cy.mu.Unlock()
	if ok {
		select {
		case <-ro.done:
			return ro.verdict, nil, nil
		case <-ctx.Done():
			return robotsVerdict{}, nil, ctx.Err()
		}
	}
	defer close(ro.done)
	if cached, ok := cy.c.robots.get(host); ok && cy.c.cfg.Now().Sub(cached.read) < robotsFresh {
		// Read within the day: obeyed as read, no request, no Fetch record.
		// The host's gate still holds its Crawl-delay from that reading.
		ro.verdict = robotsVerdict{group: cached.group}
		return ro.verdict, nil, nil
	}
	f, err := cy.fetchRobots(ctx, fx, u)
	if err != nil {
		ro.verdict = robotsVerdict{errKind: ErrNetwork, err: err.Error()}
		return ro.verdict, nil, err
	}
	ro.verdict = cy.robotsVerdictOf(host, &f)
	if g := ro.verdict.group; g != nil && g.CrawlDelay != 0 {
		// Crawl-delay is not in RFC 9309, but shops that write it mean it.
		d := crawlDelay(g.CrawlDelay)
		if d != g.CrawlDelay {
			cy.c.cfg.Logger.Info("crawler: Crawl-delay capped", "host", host, "crawl_delay", g.CrawlDelay, "cap", maxCrawlDelay)
		}
		cy.c.gates.setCrawlDelay(host, d)
	}
	return ro.verdict, &f, nil
}

func (cy *cycle) fetchRobots(ctx context.Context, fx *fetcher, u *url.URL) (Fetch, error) {
	ruu := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	ru := ruu.String()
	var prior Prior
	cached, have := cy.c.robots.get(strings.ToLower(u.Host))
	if have {
		prior = Prior{ETag: cached.etag, LastModified: cached.lastModified}
	}
	f, _, err := cy.fetch(ctx, fx, ru, ruu, KindRobots, prior, have)
	return f, err
}

func (cy *cycle) robotsVerdictOf(host string, f *Fetch) robotsVerdict {
	log := cy.c.cfg.Logger
	switch {
	case f.NotModified:
		if cached, ok := cy.c.robots.get(host); ok {
			cached.read = f.FetchedAt
			cy.c.robots.put(host, cached)
			return robotsVerdict{group: cached.group}
		}
		return robotsVerdict{}
	case f.Status >= 200 && f.Status < 300:
		body := f.Body
		if len(body) > robotsCap {
			// Keep what is parsed, and let the hash name what is kept: the
			// store checks that a fetch's SHA-256 is the hash of its body.
			body = body[:robotsCap]
			sum := sha256.Sum256(body)
			f.SHA256 = hex.EncodeToString(sum[:])
			f.Truncated = true
		}
		data, err := parseRobots(body)
		if err != nil {
			log.Warn("crawler: unparsable robots.txt, treating as allow-all", "url", f.URL, "err", err)
		}
		group := data.FindGroup(cy.agent)
		cy.c.robots.put(host, robotsCached{etag: f.ETag, lastModified: f.LastModified, data: data, group: group, read: f.FetchedAt})
		// robots.txt is kept for evidence, at most robotsCap of it.
		f.Body = body
		f.Readable = true
		f.ErrKind, f.Err = "", ""
		return robotsVerdict{group: group}
	case f.Status == http.StatusServiceUnavailable:
		return robotsVerdict{errKind: ErrMaintenance, err: "robots.txt answered 503: the site is down for maintenance"}
	case f.Status >= 500:
		return robotsVerdict{errKind: ErrRobots, err: fmt.Sprintf("robots.txt answered %d: complete disallow until it is readable (RFC 9309)", f.Status)}
	case f.Status >= 400:
		// RFC 9309: 4xx, the crawler may access any resource. Cached like a
		// robots.txt that allows all.
		cy.c.robots.put(host, robotsCached{read: f.FetchedAt})
		f.ErrKind, f.Err = "", ""
		return robotsVerdict{}
	case f.ErrKind != "":
		return robotsVerdict{errKind: f.ErrKind, err: "robots.txt: " + f.Err}
	}
	return robotsVerdict{}
}

// parseRobots reads at most robotsCap bytes of a robots.txt. One that
// cannot be parsed expresses no rule we could obey: allow-all, with the
// error for the log.
func parseRobots(body []byte) (*robotstxt.RobotsData, error) {
	if len(body) > robotsCap {
		body = body[:robotsCap]
	}
	data, err := robotstxt.FromBytes(body)
	if err != nil || data == nil {
		data, _ = robotstxt.FromBytes(nil)
	}
	return data, err
}

// crawlDelay caps a parsed Crawl-delay. The parser rejects negative
// values, so a negative one is a huge value that overflowed: the cap too.
func crawlDelay(d time.Duration) time.Duration {
	if d < 0 || d > maxCrawlDelay {
		return maxCrawlDelay
	}
	return d
}

// productToken is what robots.txt groups are matched against: the
// User-Agent's first word, lower case ("maintwatch/1.0 (+...)" → "maintwatch/1.0").
func productToken(ua string) string {
	ua = strings.ToLower(strings.TrimSpace(ua))
	if i := strings.IndexAny(ua, " \t"); i >= 0 {
		ua = ua[:i]
	}
	return ua
}
