package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"maintwatch/crawler"
	"maintwatch/cycle"
	"maintwatch/judge"
	"maintwatch/nlp"
	"maintwatch/store"
)

// crawlFlags are the crawler settings shared by crawl, run and demo.
type crawlFlags struct {
	delay     time.Duration
	timeout   time.Duration
	userAgent string
	maxPages  int
	parallel  int
	maxBody   int64
}

func (c *crawlFlags) register(fs *flag.FlagSet, defaultDelay time.Duration) {
	fs.DurationVar(&c.delay, "delay", defaultDelay, "delay between two requests to the same host (jitter of up to half is added)")
	fs.DurationVar(&c.timeout, "timeout", 20*time.Second, "timeout of one request")
	fs.StringVar(&c.userAgent, "user-agent", "", "User-Agent header (default names maintwatch, its version and a contact URL)")
	fs.IntVar(&c.maxPages, "max-pages", 30, "pages fetched per site and cycle at most")
	fs.IntVar(&c.parallel, "parallel", 16, "sites crawled in parallel (always one request at a time per host)")
	fs.Int64Var(&c.maxBody, "max-body", 5<<20, "body size cap in bytes, after decompression")
}

func (c *crawlFlags) validate() error {
	switch {
	case c.delay < 0:
		return usagef("--delay must not be negative")
	case c.timeout <= 0:
		return usagef("--timeout must be positive")
	case c.maxPages < 1:
		return usagef("--max-pages must be at least 1")
	case c.parallel < 1:
		return usagef("--parallel must be at least 1")
	case c.maxBody < 1024:
		return usagef("--max-body must be at least 1024 bytes")
	}
	return nil
}

// newRunner wires one cycle: the crawler, the shared classifier, the store.
func (g *globals) newRunner(db *store.DB, cf crawlFlags) (*cycle.Runner, error) {
	ua := cf.userAgent
	if ua == "" {
		ua = fmt.Sprintf("maintwatch/%s (+https://github.com/maintwatch/maintwatch)", version)
	}
	// crawler.Config reads zero as "the default" and negative as "none".
	delay, jitter := cf.delay, cf.delay/2
	if delay == 0 {
		delay, jitter = -1, -1
	}
	cr, err := crawler.New(crawler.Config{
		UserAgent: ua, Delay: delay, Jitter: jitter, Timeout: cf.timeout,
		MaxBodySize: cf.maxBody, MaxRedirects: 5, MaxPagesPerSite: cf.maxPages,
		Parallelism: cf.parallel, Retries: 2, AllowPrivate: g.allowPrivate,
		Logger: g.logger, Now: g.clock,
	})
	if err != nil {
		return nil, fmt.Errorf("crawler: %w", err)
	}
	cls, err := nlp.New()
	if err != nil {
		return nil, fmt.Errorf("load classifier: %w", err)
	}
	return &cycle.Runner{Crawler: cr, Classifier: cls, Store: db, Now: g.clock, Logger: g.logger}, nil
}

func runCrawl(ctx context.Context, g *globals, args []string, sio stdio) error {
	fs := g.flagSet("crawl", sio.errOut)
	var cf crawlFlags
	cf.register(fs, 2*time.Second)
	var keep retention
	keep.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(sio.errOut, "usage: watcher crawl [flags]  (one cycle over all sites)")
		fs.PrintDefaults()
	}
	pos, err := g.parseCommand(fs, args, sio.errOut)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, "watcher crawl [flags]"); err != nil {
		return err
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
	if isTerminal(sio.errOut) {
		// The bar owns the terminal: logs would tear it, so keep warnings only.
		r.Logger = nil
		bar := progressbar.NewOptions(-1, progressbar.OptionSetWriter(sio.errOut),
			progressbar.OptionSetDescription("crawling"), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
		r.Progress = func(done, total, failed int) {
			bar.ChangeMax(total)
			bar.Describe(fmt.Sprintf("crawling (%d errors)", failed))
			_ = bar.Set(done)
		}
		defer bar.Finish()
	}
	sum, err := r.Run(ctx)
	if err != nil {
		return err
	}
	printSummary(sio.out, sum)
	return keep.prune(ctx, g, db)
}

func printSummary(w io.Writer, s cycle.Summary) {
	fmt.Fprintf(w, "crawled %d sites (%d failed): %d pages, %d unchanged, %d new notices; %d flagged",
		s.Sites, s.Failed, s.Pages, s.NotChanged, s.NewNotices, s.Flagged)
	for _, st := range []judge.Status{judge.Suspected, judge.Escalated, judge.ConfirmedLeak, judge.Resolved} {
		if n := s.ByStatus[st]; n > 0 {
			fmt.Fprintf(w, ", %s %d", st, n)
		}
	}
	fmt.Fprintln(w)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
