// Package crawler fetches Japanese shops politely and safely with colly
// (behind the crawler's own per-host gates, robots.txt handling, charset
// decoding and dial guard) and turns each shop into a SiteReport: what its
// pages said this cycle.
package crawler

import (
	"context"
	"time"

	"maintwatch/crawler/extract"
)

// PageKind is the role a fetched page plays for a site.
type PageKind string

const (
	KindRobots  PageKind = "robots"
	KindTop     PageKind = "top"
	KindNews    PageKind = "news"
	KindDetail  PageKind = "detail"
	KindPayment PageKind = "payment"
)

// Prior is what the previous cycle learnt about a URL: validators for a
// conditional GET, the body hash, and the links its body held, so that a 304
// needs no re-parse to keep walking the site.
type Prior struct {
	ETag         string
	LastModified string
	SHA256       string
	Links        []extract.Link
}

// History answers what the last cycle knew about a URL. The store implements
// it; found is false for a URL never fetched.
type History interface {
	Prior(ctx context.Context, url string) (p Prior, found bool, err error)
}

// Error kinds recorded on a Fetch.
const (
	ErrRobots      = "robots"      // disallowed by robots.txt
	ErrPrivate     = "private"     // address refused: loopback / private / link-local
	ErrTimeout     = "timeout"     // request timed out
	ErrNetwork     = "network"     // connection refused, DNS, reset ...
	ErrHTTP        = "http"        // 4xx / 5xx other than the ones below
	ErrMaintenance = "maintenance" // 503 or a whole-site maintenance page
	ErrRedirects   = "redirects"   // more than 5 redirects / a loop
	ErrUnreadable  = "unreadable"  // decoded to mojibake, or not HTML
)

// Fetch is one request and what came of it: the evidence record.
type Fetch struct {
	URL      string `json:"url"`
	FinalURL string `json:"final_url,omitempty"` // after redirects
	// Location is set on a 3xx the crawler did not follow itself: a redirect
	// to another host, which is fetched as its own request after that host's
	// robots.txt, through that host's politeness gate. (Added by the crawler.)
	Location     string    `json:"location,omitempty"`
	Kind         PageKind  `json:"kind"`
	FetchedAt    time.Time `json:"fetched_at"`
	Status       int       `json:"status"` // 0 when no response
	ContentType  string    `json:"content_type,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	SHA256       string    `json:"sha256,omitempty"` // hex, of Body
	Body         []byte    `json:"-"`                // raw bytes after content decoding, capped; nil on 304 / error
	Truncated    bool      `json:"truncated,omitempty"`
	Charset      string    `json:"charset,omitempty"`      // the charset the body was decoded with
	Readable     bool      `json:"readable"`               // decoded cleanly; false pages are never classified
	NotModified  bool      `json:"not_modified,omitempty"` // 304: not parsed
	Unchanged    bool      `json:"unchanged,omitempty"`    // 200, same SHA-256 as before: not parsed
	// Worded: a 503 whose page says メンテナンス (or maintenance, 準備中): the
	// shop closed on purpose, not a server failing. Read once from the body
	// here; the retry decision and the site report both need it.
	Worded  bool           `json:"worded,omitempty"`
	ErrKind string         `json:"err_kind,omitempty"` // one of the Err* constants
	Err     string         `json:"err,omitempty"`      // one clear line
	Links   []extract.Link `json:"links,omitempty"`    // links found in this body (or carried from Prior on 304/unchanged)
}

// Fresh reports whether the body was parsed this cycle.
// A truncated body is still parsed (Truncated records the cut).
func (f Fetch) Fresh() bool {
	return f.ErrKind == "" && f.Readable && !f.NotModified && !f.Unchanged
}

// SiteReport is one site's crawl in one cycle.
type SiteReport struct {
	Site            string    `json:"site"` // top-page URL as imported
	Started         time.Time `json:"started"`
	Finished        time.Time `json:"finished"`
	Platform        string    `json:"platform"`
	PlatformVersion string    `json:"platform_version,omitempty"`
	Fetches         []Fetch   `json:"fetches"`
	// Notices, Banners and Payment come only from pages parsed this cycle;
	// pages answered 304 or unchanged contribute nothing new.
	Notices []extract.Notice `json:"notices,omitempty"`
	Banners []extract.Banner `json:"banners,omitempty"`
	Payment *extract.Payment `json:"payment,omitempty"`
	// TopFresh: the top page was parsed this cycle, so an empty Banners means
	// the banner is gone. PaymentFresh likewise for Payment.
	TopFresh     bool `json:"top_fresh"`
	PaymentFresh bool `json:"payment_fresh"`
	// NewsFound: a news block or news page was located this cycle.
	NewsFound bool `json:"news_found"`
	// Maintenance: the whole site answers 503 or a maintenance page.
	Maintenance bool `json:"maintenance,omitempty"`
	// Unworded: Maintenance came from a 503 whose page says nothing of
	// maintenance (no メンテナンス, maintenance, 準備中): a server that fails,
	// as far as the page tells, not a shop saying it is closed.
	Unworded bool `json:"unworded,omitempty"`
	// Err is set when the site could not be crawled at all (top page failed,
	// robots.txt disallows it); ErrKind as on Fetch.
	ErrKind string `json:"err_kind,omitempty"`
	Err     string `json:"err,omitempty"`
}
