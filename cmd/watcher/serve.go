package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"maintwatch/cycle"
	"maintwatch/feeds/web"
	"maintwatch/store"
)

// shutdownGrace bounds how long in-flight requests may finish after a signal.
const shutdownGrace = 10 * time.Second

func runServe(ctx context.Context, g *globals, args []string, sio stdio) error {
	fs := g.flagSet("serve", sio.errOut)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	baseURL := fs.String("base-url", "", "public URL for links in feeds (default: from each request)")
	fs.Usage = func() { fmt.Fprintln(sio.errOut, "usage: watcher serve [--addr 127.0.0.1:8080]"); fs.PrintDefaults() }
	pos, err := g.parseCommand(fs, args, sio.errOut)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, "watcher serve [--addr ADDR]"); err != nil {
		return err
	}
	db, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	reg := prometheus.NewRegistry()
	ln, err := listen(*addr)
	if err != nil {
		return err
	}
	return serveUntilDone(ctx, g, ln, db, reg, *baseURL, sio, nil)
}

func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	return ln, nil
}

// serveUntilDone serves until ctx ends, then shuts down gracefully. While it
// serves, background (if set) runs beside it; its error ends serving.
func serveUntilDone(ctx context.Context, g *globals, ln net.Listener, db *store.DB, reg *prometheus.Registry, baseURL string, sio stdio, background func(context.Context) error) error {
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	h := web.NewServer(db, web.ServerOptions{BaseURL: baseURL, Now: g.clock, Registerer: reg, Gatherer: reg, Logger: g.logger})
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 60 * time.Second}
	base := "http://" + ln.Addr().String()
	fmt.Fprintf(sio.out, "serving on %s/\n  feeds:   %s/feed.rss  %s/feed.atom  %s/feed.json\n  digest:  %s/digest/<YYYY-Www>\n  metrics: %s/metrics\n",
		base, base, base, base, base, base)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 2)
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			errc <- fmt.Errorf("serve: %w", err)
		}
	}()
	bgDone := make(chan struct{})
	if background != nil {
		go func() {
			defer close(bgDone)
			if err := background(ctx); err != nil && ctx.Err() == nil {
				errc <- err
			}
		}()
	} else {
		close(bgDone)
	}
	var err error
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	cancel()
	g.logger.Info("shutting down")
	sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer scancel()
	if serr := srv.Shutdown(sctx); serr != nil && err == nil {
		err = fmt.Errorf("shutdown: %w", serr)
	}
	<-bgDone // the crawl finishes its current writes (cycle stores what it fetched)
	return err
}

func runRun(ctx context.Context, g *globals, args []string, sio stdio) error {
	fs := g.flagSet("run", sio.errOut)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	baseURL := fs.String("base-url", "", "public URL for links in feeds (default: from each request)")
	interval := fs.Duration("interval", 6*time.Hour, "time between crawl cycles (±10% jitter)")
	var cf crawlFlags
	cf.register(fs, 2*time.Second)
	var keep retention
	keep.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(sio.errOut, "usage: watcher run [--addr ADDR] [--interval 6h] [crawl flags]")
		fs.PrintDefaults()
	}
	pos, err := g.parseCommand(fs, args, sio.errOut)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, "watcher run [flags]"); err != nil {
		return err
	}
	if *interval < time.Minute {
		return usagef("--interval must be at least 1m")
	}
	if err := cf.validate(); err != nil {
		return err
	}
	if err := keep.validate(); err != nil {
		return err
	}
	db, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	r, err := g.newRunner(db, cf)
	if err != nil {
		return err
	}
	reg := prometheus.NewRegistry()
	m := newCrawlMetrics(reg)
	ln, err := listen(*addr)
	if err != nil {
		return err
	}
	// One goroutine runs cycles one after another, so two crawls never overlap.
	loop := func(ctx context.Context) error {
		for {
			sum, err := r.Run(ctx)
			m.observe(sum, err)
			if err != nil {
				g.logger.Error("crawl cycle failed", "err", err)
			} else {
				g.logger.Info("crawl cycle done", "sites", sum.Sites, "flagged", sum.Flagged, "took", sum.Duration)
				// Only after a complete cycle: its judgement protects new evidence.
				if err := keep.prune(ctx, g, db); err != nil {
					g.logger.Error("retention failed", "err", err)
				}
			}
			wait := time.Duration(float64(*interval) * (0.9 + 0.2*rand.Float64()))
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(wait):
			}
		}
	}
	// The server reads through a pool of its own: sharing the crawl's, many
	// feed readers made each cycle wait for connections (22× slower in the
	// load test); reads never block the crawl's writes in WAL either way.
	webDB, err := db.ReadView(ctx)
	if err != nil {
		ln.Close()
		return err
	}
	defer webDB.Close()
	return serveUntilDone(ctx, g, ln, webDB, reg, *baseURL, sio, loop)
}

// crawlMetrics are the crawl's Prometheus collectors, beside the server's.
type crawlMetrics struct {
	duration prometheus.Histogram
	pages    *prometheus.CounterVec
	notMod   prometheus.Counter
	labels   *prometheus.CounterVec
	failures prometheus.Counter
}

func newCrawlMetrics(reg prometheus.Registerer) *crawlMetrics {
	m := &crawlMetrics{
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "maintwatch_crawl_duration_seconds", Help: "Duration of crawl cycles.", Buckets: prometheus.ExponentialBuckets(1, 2, 14)}),
		pages:    prometheus.NewCounterVec(prometheus.CounterOpts{Name: "maintwatch_pages_fetched_total", Help: "Pages fetched, by HTTP status (0: no response)."}, []string{"status"}),
		notMod:   prometheus.NewCounter(prometheus.CounterOpts{Name: "maintwatch_pages_not_modified_total", Help: "Pages answered 304 or with an unchanged body."}),
		labels:   prometheus.NewCounterVec(prometheus.CounterOpts{Name: "maintwatch_classifications_total", Help: "Notices and banners classified, by label."}, []string{"label"}),
		failures: prometheus.NewCounter(prometheus.CounterOpts{Name: "maintwatch_crawl_failures_total", Help: "Crawl cycles that ended in an error."}),
	}
	reg.MustRegister(m.duration, m.pages, m.notMod, m.labels, m.failures)
	return m
}

func (m *crawlMetrics) observe(s cycle.Summary, err error) {
	if err != nil {
		m.failures.Inc()
	}
	m.duration.Observe(s.Duration.Seconds())
	for st, n := range s.ByHTTP {
		m.pages.WithLabelValues(fmt.Sprint(st)).Add(float64(n))
	}
	m.notMod.Add(float64(s.NotChanged))
	for l, n := range s.Labels {
		m.labels.WithLabelValues(string(l)).Add(float64(n))
	}
}
