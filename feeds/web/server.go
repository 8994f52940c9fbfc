// Package web serves maintwatch over HTTP: the three feeds with validators,
// the evidence pages (html/template, no JavaScript), raw snapshots served
// inert, weekly digests, /healthz and /metrics.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"maintwatch/feeds"
	"maintwatch/judge"
	"maintwatch/store"
)

// Source is what the server reads from the store.
type Source interface {
	Sites(ctx context.Context) ([]store.Site, error)
	Site(ctx context.Context, id int64) (store.Site, error)
	Episodes(ctx context.Context, q store.EpisodeQuery) ([]store.SiteEpisode, error)
	Observations(ctx context.Context, siteID int64) ([]judge.Observation, error)
	Fetches(ctx context.Context, siteID int64, limit int) ([]store.FetchRecord, error)
	FetchesByURL(ctx context.Context, url string, limit int) ([]store.FetchRecord, error)
	Snapshot(ctx context.Context, sha256 string) (store.Snapshot, error)
}

// ServerOptions configure NewServer. The zero value works.
type ServerOptions struct {
	// BaseURL is the public address used in feed links, e.g.
	// http://127.0.0.1:8080. Empty: derived from each request's Host.
	BaseURL string
	// Now is the clock (for --now); default time.Now.
	Now func() time.Time
	// Registerer receives the server's collectors and Gatherer is what
	// /metrics exposes, so the crawl can register its own metrics in the
	// same registry. Both nil: a private registry.
	Registerer prometheus.Registerer
	Gatherer   prometheus.Gatherer
	Logger     *slog.Logger
}

// Server is the HTTP handler returned by NewServer.
type Server struct {
	src  Source
	opts ServerOptions
	log  *slog.Logger
	mux  *http.ServeMux
}

// NewServer returns the handler serving every maintwatch page. Should its
// collector fail to register (a name clash in a shared registry), the error
// is logged and /metrics serves the rest of the registry.
func NewServer(src Source, opts ServerOptions) *Server {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{src: src, opts: opts, log: opts.Logger, mux: http.NewServeMux()}
	if s.log == nil {
		s.log = slog.Default()
	}
	reg, gat := registries(opts.Registerer, opts.Gatherer)
	if err := registerMetrics(src, reg); err != nil {
		s.log.Error("web: metrics disabled", "err", err)
	}
	s.mux.HandleFunc("GET /{$}", s.handleIndex)
	s.mux.HandleFunc("GET /feed.rss", s.feedHandler("rss"))
	s.mux.HandleFunc("GET /feed.atom", s.feedHandler("atom"))
	s.mux.HandleFunc("GET /feed.json", s.feedHandler("json"))
	s.mux.HandleFunc("GET /sites/{id}", s.handleSite)
	s.mux.HandleFunc("GET /snapshots/{sha256}", s.handleSnapshot)
	s.mux.HandleFunc("GET /digest/{week}", s.handleDigest)
	s.mux.HandleFunc("GET /healthz", s.handleHealth)
	s.mux.Handle("GET /metrics", promhttp.HandlerFor(gat, promhttp.HandlerOpts{}))
	return s
}

func registries(reg prometheus.Registerer, gat prometheus.Gatherer) (prometheus.Registerer, prometheus.Gatherer) {
	switch {
	case reg == nil && gat == nil:
		r := prometheus.NewRegistry()
		return r, r
	case gat == nil:
		if g, ok := reg.(prometheus.Gatherer); ok {
			return reg, g
		}
		return reg, prometheus.DefaultGatherer
	case reg == nil:
		if r, ok := gat.(prometheus.Registerer); ok {
			return r, gat
		}
		return prometheus.NewRegistry(), gat
	}
	return reg, gat
}

// ServeHTTP sets the headers every response carries, then routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

// htmlCSP allows inline styles and data: images (the digest chart) and
// nothing else: the pages need no script, so none may run.
const htmlCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

func (s *Server) baseURL(r *http.Request) string {
	if s.opts.BaseURL != "" {
		return strings.TrimRight(s.opts.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	// The Host header is the client's to choose and the feeds are cacheable:
	// anything but a plain host[:port] falls back to the default address.
	if !plainHost(r.Host) {
		return feeds.DefaultBaseURL
	}
	return scheme + "://" + r.Host
}

func plainHost(h string) bool {
	if h == "" || len(h) > 255 {
		return false
	}
	for _, c := range h {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.ContainsRune(".-:[]", c)) {
			return false
		}
	}
	return true
}

// fail answers an error without echoing internals to the client.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, store.ErrNotFound) {
		plain(w, http.StatusNotFound, "not found")
		return
	}
	if errors.Is(err, context.Canceled) {
		return
	}
	s.log.ErrorContext(r.Context(), "web: request failed", "path", r.URL.Path, "err", err)
	plain(w, http.StatusInternalServerError, "internal error")
}

// plain writes a one-line text answer; the message may quote user input,
// which is harmless as text/plain under nosniff and a sandbox CSP.
func plain(w http.ResponseWriter, code int, msg string) {
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.WriteHeader(code)
	_, _ = w.Write([]byte(msg + "\n"))
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	if _, err := s.src.Episodes(ctx, store.EpisodeQuery{Limit: 1}); err != nil {
		s.log.ErrorContext(ctx, "web: health check", "err", err)
		plain(w, http.StatusServiceUnavailable, "store unavailable")
		return
	}
	plain(w, http.StatusOK, "ok")
}
