package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gocolly/colly/v2"

	"maintwatch/crawler/decode"
)

// errTooManyRedirects is returned by the redirect handler.
var errTooManyRedirects = errors.New("crawler: too many redirects")

// attempt is one request: the validators it sends and what came back
// through colly's OnResponseHeaders / OnResponse / OnError.
type attempt struct {
	etag, lastModified string // sent as If-None-Match / If-Modified-Since
	// skipNonHTML: abort after the headers when a 2xx is clearly not a page
	// (a PDF or an image linked as "ご利用ガイド"): nothing to read there, so
	// the body is not downloaded. Off for robots.txt.
	skipNonHTML bool
	notHTML     bool // aborted for that reason

	status   int
	header   http.Header
	body     []byte
	finalURL string
	err      error
}

// newClient builds the cycle's HTTP client, which colly drives. Each
// site's worker goroutine drives its own requests; concurrency and
// politeness are the crawler's (per-host gates). A cookie jar per cycle, as
// a browser session would have: some shops redirect to set a session
// cookie and back.
func (c *Crawler) newClient() *http.Client {
	jar, _ := cookiejar.New(nil) // never fails without options
	max := c.cfg.MaxRedirects
	return &http.Client{
		Transport: c.transport,
		Timeout:   c.cfg.Timeout,
		Jar:       jar,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > max {
				return fmt.Errorf("%w: more than %d", errTooManyRedirects, max)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("crawler: redirect to %s scheme refused", req.URL.Scheme)
			}
			// Another host has its own robots.txt and its own gate: hand the
			// 3xx back and let the walk request it properly.
			if !strings.EqualFold(req.URL.Host, via[len(via)-1].URL.Host) {
				return http.ErrUseLastResponse
			}
			return nil
		},
	}
}

// fetcher is one worker's colly Collector: colly (a fixed choice of the
// project) performs every request. A worker walks one site at a time and
// the schedule never gives one host to two workers, so a collector serves
// one host at a time, and workers do not share colly's collector-wide lock
// (taken on every response). Requests are synchronous (not Async): cur is
// the attempt in flight, which the callbacks fill in, and cctx is the one
// colly.Context colly would otherwise allocate per request (nothing is
// stored in it).
type fetcher struct {
	col  *colly.Collector
	cctx *colly.Context
	cur  *attempt
	c    *Crawler
}

// newFetcher builds a worker's collector around the cycle's client.
// Concurrency and politeness are the crawler's (per-host gates), not
// colly's LimitRule, which is one semaphore per rule, not per host.
//
// colly is set to do the least it can: no OnHTML/OnXML callbacks (extract
// parses the decoded text itself), revisits allowed (every cycle and every
// retry revisits), colly's robots.txt off (ours is fetched, recorded,
// cached a day and obeyed), no body cap in colly (MaxBodySize 0: the
// shield caps after decompression and the fetch records the cut, where
// colly would cut silently), every status handed to OnResponse
// (ParseHTTPErrorResponse: a 304 or a 503 page is an outcome), no charset
// detection (crawler/decode reads BOM, header, <meta> and bytes; colly
// would transcode on a header that often lies). The http.Client is the
// cycle's (SetClient): our redirect policy, timeout, one cookie jar per
// cycle, our transport (dial guard, gzip under the cap).
func (c *Crawler) newFetcher(ctx context.Context, client *http.Client) *fetcher {
	col := colly.NewCollector(colly.StdlibContext(ctx))
	// Assigned after construction, not as options: NewCollector applies
	// COLLY_* environment variables last (COLLY_CACHE_DIR,
	// COLLY_MAX_BODY_SIZE, COLLY_DETECT_CHARSET, COLLY_IGNORE_ROBOTSTXT...),
	// and none of them may change what the crawler does.
	col.UserAgent = c.cfg.UserAgent
	col.Headers = nil
	col.AllowURLRevisit = true
	col.IgnoreRobotsTxt = true
	col.MaxBodySize = 0
	col.ParseHTTPErrorResponse = true
	col.DetectCharset = false
	col.CacheDir = ""
	col.AllowedDomains, col.DisallowedDomains = nil, nil
	col.URLFilters, col.DisallowedURLFilters = nil, nil
	col.MaxDepth, col.MaxRequests = 0, 0
	col.Async, col.CheckHead, col.TraceHTTP = false, false, false
	col.SetClient(client)

	fx := &fetcher{col: col, cctx: colly.NewContext(), c: c}
	capture := func(r *colly.Response) *attempt {
		a := fx.cur
		if a == nil || r.StatusCode == 0 {
			return a
		}
		a.status = r.StatusCode
		if r.Headers != nil {
			a.header = *r.Headers
		}
		a.body = r.Body
		if r.Request != nil && r.Request.URL != nil {
			a.finalURL = r.Request.URL.String()
		}
		return a
	}
	col.OnResponseHeaders(func(r *colly.Response) {
		a := fx.cur
		if a == nil || !a.skipNonHTML || r.StatusCode < 200 || r.StatusCode > 299 || r.Headers == nil {
			return
		}
		if !isHTML(contentType(*r.Headers)) {
			// colly closes the unread body: the download is dropped.
			capture(r)
			a.notHTML = true
			r.Request.Abort()
		}
	})
	col.OnResponse(func(r *colly.Response) { capture(r) })
	// With ParseHTTPErrorResponse every status reaches OnResponse; what
	// lands here is a response-less failure (network, timeout, redirect
	// refused, a body cut short) or the abort above.
	col.OnError(func(r *colly.Response, err error) {
		if a := capture(r); a != nil && r.StatusCode == 0 {
			a.err = err
		}
	})
	return fx
}

// do makes one request through colly and fills in a's outcome: a status,
// headers and body, or err when no whole response came (a body cut short
// by the network is no response either).
func (fx *fetcher) do(rawURL string, a *attempt) {
	fx.cur = a
	defer func() { fx.cur = nil }()
	// colly uses the header map as the request's (no copy). The returned
	// error repeats what OnError saw; the attempt holds it.
	if err := fx.col.Request(http.MethodGet, rawURL, nil, fx.cctx, fx.c.headers(a)); err != nil && a.status == 0 && a.err == nil {
		a.err = err // refused before any request (a URL colly cannot parse)
	}
}

// headers are one request's. The value slices are shared and never
// written to (net/http copies headers before it changes them on a
// redirect).
func (c *Crawler) headers(a *attempt) http.Header {
	h := make(http.Header, 5)
	h["User-Agent"] = c.hdrUA
	h["Accept"] = c.hdrAccept
	h["Accept-Language"] = c.hdrLang
	// ETag beats Last-Modified (RFC 9110 13.2.2) but sending both is
	// harmless and helps servers that honour only one.
	if a.etag != "" {
		h["If-None-Match"] = []string{a.etag}
	}
	if a.lastModified != "" {
		h["If-Modified-Since"] = []string{a.lastModified}
	}
	return h
}

// fetch requests one URL politely (host gate), with retries, and records
// the outcome. prior/hasPrior carry what the last cycle knew.
// The decoded text is returned for pages worth parsing (fresh and readable).
// u is rawURL parsed (the caller has it already).
func (cy *cycle) fetch(ctx context.Context, fx *fetcher, rawURL string, u *url.URL, kind PageKind, prior Prior, hasPrior bool) (Fetch, string, error) {
	cfg := &cy.c.cfg
	for n := 0; ; n++ {
		release, err := cy.c.gates.acquire(ctx, u.Host)
		if err != nil {
			return Fetch{}, "", err
		}
		at := cfg.Now()
		a := &attempt{}
		a.skipNonHTML = kind != KindRobots
		if hasPrior {
			a.etag, a.lastModified = prior.ETag, prior.LastModified
		}
		fx.do(rawURL, a)
		cy.requests.Add(1)
		if ctxErr := ctx.Err(); ctxErr != nil {
			release(time.Time{})
			return Fetch{}, "", ctxErr
		}
		f, text := cy.record(rawURL, kind, at, a, prior, hasPrior)
		wait, retry := cy.retryAfter(a, f, n)
		var notBefore time.Time
		if retry {
			notBefore = time.Now().Add(wait)
		}
		release(notBefore)
		if !retry {
			return f, text, nil
		}
		cfg.Logger.Debug("crawler: retrying", "url", rawURL, "status", f.Status, "err", f.Err, "wait", wait, "attempt", n+1)
	}
}

// record turns an attempt into the evidence record.
func (cy *cycle) record(rawURL string, kind PageKind, at time.Time, a *attempt, prior Prior, hasPrior bool) (Fetch, string) {
	f := Fetch{URL: rawURL, Kind: kind, FetchedAt: at, Status: a.status}
	if a.finalURL != "" && a.finalURL != rawURL {
		f.FinalURL = a.finalURL
	}
	if a.status == 0 {
		f.ErrKind, f.Err = classify(a.err)
		return f, ""
	}
	if a.notHTML {
		f.ContentType = contentType(a.header)
		f.ErrKind, f.Err = ErrUnreadable, "not HTML: "+f.ContentType+" (not downloaded)"
		return f, ""
	}
	f.ContentType = contentType(a.header)
	f.ETag = a.header.Get("ETag")
	f.LastModified = a.header.Get("Last-Modified")
	switch {
	case a.status == http.StatusNotModified:
		f.NotModified = true
		f.Readable = true // the body the validators stand for was read before
		if f.ETag == "" {
			f.ETag = prior.ETag
		}
		if f.LastModified == "" {
			f.LastModified = prior.LastModified
		}
		f.SHA256 = prior.SHA256
		f.Links = prior.Links
		return f, ""
	case a.status >= 200 && a.status < 300:
	case a.status >= 300 && a.status < 400 && a.header.Get("Location") != "":
		// A cross-host redirect handed back by the redirect handler.
		if base, err := url.Parse(finalURL(f)); err == nil {
			if loc, err := base.Parse(a.header.Get("Location")); err == nil {
				f.Location = loc.String()
				return f, ""
			}
		}
		f.ErrKind, f.Err = ErrHTTP, fmt.Sprintf("HTTP %d with an unreadable Location", a.status)
		return f, ""
	case a.status == http.StatusServiceUnavailable:
		f.ErrKind, f.Err = ErrMaintenance, "HTTP 503 Service Unavailable"
		f.Body = cy.cap(&f, a.body) // the maintenance page is evidence
		if len(f.Body) > 0 {
			sum := sha256.Sum256(f.Body)
			f.SHA256 = hex.EncodeToString(sum[:])
		}
		f.Worded = maintenancePage(f.Body, f.ContentType)
		return f, ""
	default:
		f.ErrKind, f.Err = ErrHTTP, fmt.Sprintf("HTTP %d %s", a.status, http.StatusText(a.status))
		if ra := a.header.Get("Retry-After"); ra != "" && (a.status == http.StatusTooManyRequests) {
			f.Err += " (Retry-After: " + ra + ")"
		}
		return f, ""
	}
	body := cy.cap(&f, a.body)
	sum := sha256.Sum256(body)
	f.SHA256 = hex.EncodeToString(sum[:])
	if kind == KindRobots {
		f.Body = body
		f.Readable = true
		return f, ""
	}
	if hasPrior && prior.SHA256 != "" && prior.SHA256 == f.SHA256 {
		f.Unchanged = true
		f.Readable = true
		f.Links = prior.Links
		return f, ""
	}
	f.Body = body
	// Validators and hash are kept only for a body that was read (miniflux's
	// rule): otherwise the next cycle would get a 304 or "unchanged" for a
	// page nobody could read, and never look at it again.
	unreadable := func(msg string) (Fetch, string) {
		f.ErrKind, f.Err = ErrUnreadable, msg
		f.ETag, f.LastModified, f.SHA256 = "", "", ""
		return f, ""
	}
	if !isHTML(f.ContentType) {
		return unreadable("not HTML: " + f.ContentType)
	}
	text, cs, err := decode.HTML(body, f.ContentType)
	f.Charset = cs
	if err != nil {
		return unreadable("unreadable text: no encoding gives plausible Japanese")
	}
	f.Readable = true
	return f, text
}

// cap cuts a body at MaxBodySize and records the cut. The transport lets
// MaxBodySize+1 bytes through, so one extra byte proves there was more.
func (cy *cycle) cap(f *Fetch, body []byte) []byte {
	if max := cy.c.cfg.MaxBodySize; int64(len(body)) > max {
		f.Truncated = true
		return body[:max]
	}
	return body
}

func isHTML(contentType string) bool {
	if contentType == "" {
		return true // many shops send none; decode and extract judge the bytes
	}
	// The common case without mime's allocations: a plain media type, or
	// one followed by parameters.
	mt, _, _ := strings.Cut(contentType, ";")
	switch strings.TrimSpace(mt) {
	case "text/html", "application/xhtml+xml", "text/plain", "application/octet-stream":
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return strings.Contains(strings.ToLower(contentType), "html")
	}
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain", "application/octet-stream":
		return true
	}
	return false
}

// classify names a response-less failure.
func classify(err error) (kind, msg string) {
	if err == nil {
		return ErrNetwork, "no response"
	}
	var ne net.Error
	var refused *refusedError
	switch {
	case errors.As(err, &refused):
		return ErrPrivate, refusal(refused.addr)
	case errors.Is(err, errPrivate):
		return ErrPrivate, "refused: not a public address"
	case errors.Is(err, errTooManyRedirects):
		return ErrRedirects, "too many redirects"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return ErrTimeout, "timed out"
	}
	return ErrNetwork, oneLine(err.Error())
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// retryAfter decides whether a failed attempt n (0-based) is tried again and
// how long the host's gate stays closed before it.
func (cy *cycle) retryAfter(a *attempt, f Fetch, n int) (time.Duration, bool) {
	cfg := cy.c.cfg
	if n >= cfg.Retries {
		return 0, false
	}
	backoff := cfg.RetryBackoff << n
	backoff += rand.N(backoff/2 + 1)
	switch {
	case a.status == 0:
		if f.ErrKind == ErrPrivate || f.ErrKind == ErrRedirects {
			return 0, false
		}
		return backoff, true
	case a.status == http.StatusTooManyRequests || a.status == http.StatusServiceUnavailable:
		if a.status == http.StatusServiceUnavailable && f.Worded {
			return 0, false // a maintenance page is an answer, not a hiccup
		}
		if d, ok := parseRetryAfter(a.header.Get("Retry-After"), time.Now()); ok {
			if d > cfg.MaxRetryAfter {
				cfg.Logger.Info("crawler: Retry-After beyond cap, moving on", "url", f.URL, "retry_after", d)
				return 0, false
			}
			return max(d, time.Millisecond), true
		}
		return backoff, true
	case a.status >= 500:
		return backoff, true
	}
	return 0, false
}

// parseRetryAfter reads delay-seconds or an HTTP-date (RFC 9110 10.2.3).
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0, false
		}
		// Anything beyond a day is "not this cycle"; capping also keeps the
		// multiplication from overflowing.
		return time.Duration(min(s, 86400)) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

// maintenancePage: a 503 whose body says メンテナンス (or maintenance) is the
// site telling us it is down, not a transient fault worth retrying.
func maintenancePage(body []byte, contentType string) bool {
	if len(body) == 0 {
		return false
	}
	text, _, _ := decode.HTML(body, contentType)
	lower := strings.ToLower(text)
	for _, w := range []string{"メンテナンス", "maintenance", "メンテ中", "準備中"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}
