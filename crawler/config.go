package crawler

import (
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// Version goes into the default User-Agent; the watcher binary sets its own
// User-Agent with its build version.
var Version = "dev"

// DefaultUserAgent names maintwatch, its version and where to complain.
func DefaultUserAgent() string {
	return fmt.Sprintf("maintwatch/%s (+https://github.com/maintwatch/maintwatch)", Version)
}

// Config tunes a Crawler. Zero values take the defaults noted per field.
type Config struct {
	UserAgent       string        // default DefaultUserAgent()
	Delay           time.Duration // between two requests to the same host (host includes port); default 2s, negative means 0
	Jitter          time.Duration // random 0..Jitter added to Delay; default Delay/2, negative means 0
	Timeout         time.Duration // per request, body included; default 20s
	MaxBodySize     int64         // after decompression; default 5 MiB; longer bodies are cut and Fetch.Truncated set
	MaxRedirects    int           // default 5
	MaxPagesPerSite int           // pages fetched per site and cycle, robots.txt not counted; default 30
	Parallelism     int           // sites crawled at once; default 16
	Retries         int           // extra attempts on network errors and 5xx; default 2, negative means 0
	// RetryBackoff is the first retry's wait, doubled per attempt, with up
	// to half again of jitter; default 1s.
	RetryBackoff time.Duration
	// MaxRetryAfter caps how long a 429/503 Retry-After is waited for;
	// a longer one is recorded and the page skipped. Default 60s.
	MaxRetryAfter time.Duration
	// AllowPrivate admits loopback and private addresses (RFC 1918, CGNAT,
	// ULA) for tests, demos and intranets (--allow-private). Link-local
	// (cloud metadata), unspecified, multicast and reserved addresses are
	// refused always.
	AllowPrivate bool
	Logger       *slog.Logger
	Now          func() time.Time
}

const (
	defaultDelay       = 2 * time.Second
	defaultTimeout     = 20 * time.Second
	defaultMaxBody     = 5 << 20
	defaultRedirects   = 5
	defaultMaxPages    = 30
	defaultParallelism = 16
	defaultRetries     = 2
	defaultBackoff     = time.Second
	defaultRetryAfter  = 60 * time.Second
	// robotsCap: Google reads the first 500 KiB of a robots.txt; so do we.
	robotsCap = 500 << 10
)

func (c Config) withDefaults() (Config, error) {
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent()
	}
	switch {
	case c.Delay == 0:
		c.Delay = defaultDelay
	case c.Delay < 0:
		c.Delay = 0
	}
	switch {
	case c.Jitter == 0:
		c.Jitter = c.Delay / 2
	case c.Jitter < 0:
		c.Jitter = 0
	}
	if c.Timeout <= 0 {
		c.Timeout = defaultTimeout
	}
	if c.MaxBodySize <= 0 {
		c.MaxBodySize = defaultMaxBody
	}
	if c.MaxBodySize > 1<<30 {
		return c, errors.New("crawler: MaxBodySize above 1 GiB")
	}
	if c.MaxRedirects <= 0 {
		c.MaxRedirects = defaultRedirects
	}
	if c.MaxPagesPerSite <= 0 {
		c.MaxPagesPerSite = defaultMaxPages
	}
	if c.Parallelism <= 0 {
		c.Parallelism = defaultParallelism
	}
	switch {
	case c.Retries == 0:
		c.Retries = defaultRetries
	case c.Retries < 0:
		c.Retries = 0
	}
	if c.RetryBackoff <= 0 {
		c.RetryBackoff = defaultBackoff
	}
	if c.MaxRetryAfter <= 0 {
		c.MaxRetryAfter = defaultRetryAfter
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c, nil
}
