// Package cycle runs one crawl cycle end to end: crawl every site, classify
// what each one says, store it, then judge every site over its whole history.
// Judging waits until every site of the cycle is stored because corroboration
// (the same wording on many shops the same day) needs all of them.
package cycle

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"maintwatch/crawler"
	"maintwatch/judge"
	"maintwatch/nlp"
	"maintwatch/store"
)

// Crawler fetches sites and reports each one.
type Crawler interface {
	Crawl(ctx context.Context, sites []string, h crawler.History, emit func(crawler.SiteReport)) error
}

// Classifier labels one notice text.
type Classifier interface {
	Classify(text string) nlp.Result
}

// Store is what a cycle reads and writes.
type Store interface {
	crawler.History
	Sites(ctx context.Context) ([]store.Site, error)
	SaveCrawl(ctx context.Context, rec store.CrawlRecord) ([]judge.Observation, error)
	Observations(ctx context.Context, siteID int64) ([]judge.Observation, error)
	CorroborationBySite(ctx context.Context, q store.CorroborationQuery) (map[int64]map[string]int, error)
	SaveEpisodes(ctx context.Context, siteID int64, eps []judge.Episode) error
	Checkpoint(ctx context.Context) error
}

// CorroborationWindow is how close in time the same wording on other shops
// must be to count as one provider's notice: NOTICES.md's provider
// maintenance is relayed by shops on the same day.
const CorroborationWindow = 24 * time.Hour

// Runner runs cycles. Now is the injectable clock (--now).
type Runner struct {
	Crawler    Crawler
	Classifier Classifier
	Store      Store
	Now        func() time.Time
	Logger     *slog.Logger
	// Progress, when set, is called after each site is stored.
	Progress func(done, total, failed int)
}

// Summary counts what one cycle did.
type Summary struct {
	Sites      int
	Failed     int // sites that could not be crawled
	Pages      int
	NotChanged int         // pages answered 304 or with an unchanged body
	ByHTTP     map[int]int // pages by HTTP status (0: no response)
	NewNotices int
	Flagged    int // sites whose latest episode is flagged after the cycle
	ByStatus   map[judge.Status]int
	Labels     map[nlp.Label]int // classifications made this cycle
	Duration   time.Duration
}

func (r *Runner) logger() *slog.Logger {
	if r.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return r.Logger
}

// Run crawls every stored site once, then judges them all, then checkpoints
// the database.
func (r *Runner) Run(ctx context.Context) (Summary, error) {
	log := r.logger()
	started := r.Now()
	sum := Summary{ByStatus: map[judge.Status]int{}, Labels: map[nlp.Label]int{}, ByHTTP: map[int]int{}}
	// Writes outlive a cancelled crawl: a site whose pages were fetched is
	// stored whole, and what was stored is judged, so Ctrl-C loses nothing.
	wctx := context.WithoutCancel(ctx)
	sites, err := r.Store.Sites(ctx)
	if err != nil {
		return sum, fmt.Errorf("cycle: list sites: %w", err)
	}
	sum.Sites = len(sites)
	byURL := make(map[string]store.Site, len(sites))
	urls := make([]string, 0, len(sites))
	for _, s := range sites {
		byURL[s.URL] = s
		urls = append(urls, s.URL)
	}

	var saveErr error
	done := 0
	emit := func(rep crawler.SiteReport) {
		done++
		site, ok := byURL[rep.Site]
		if !ok {
			saveErr = errors.Join(saveErr, fmt.Errorf("cycle: crawler reported unknown site %q", rep.Site))
			return
		}
		down, err := r.stillDown(wctx, site, rep)
		if err != nil {
			saveErr = errors.Join(saveErr, fmt.Errorf("cycle: maintenance state of %s: %w", site.URL, err))
			return
		}
		rec := r.record(site, rep, down, &sum)
		fresh, err := r.Store.SaveCrawl(wctx, rec)
		if err != nil {
			saveErr = errors.Join(saveErr, fmt.Errorf("cycle: save %s: %w", site.URL, err))
			return
		}
		sum.NewNotices += len(fresh)
		if rep.Err != "" {
			sum.Failed++
		}
		log.Info("site crawled", "site", site.URL, "result", rec.Result, "pages", len(rep.Fetches), "new_notices", len(fresh))
		if r.Progress != nil {
			r.Progress(done, len(sites), sum.Failed)
		}
	}
	crawlErr := r.Crawler.Crawl(ctx, urls, r.Store, emit)
	if saveErr == nil {
		saveErr = r.JudgeAll(wctx, sites, &sum)
	}
	// Whatever happened, what was committed is in the WAL: fold it into the
	// main file now rather than let the WAL grow over the next cycle.
	r.checkpoint(wctx)
	if saveErr != nil {
		return sum, saveErr
	}
	sum.Duration = r.Now().Sub(started)
	if crawlErr != nil {
		return sum, fmt.Errorf("cycle: crawl: %w", crawlErr)
	}
	return sum, nil
}

// JudgeAll re-assesses every site from its stored history and saves the
// episodes. It is separate from crawling so a history can be re-judged.
func (r *Runner) JudgeAll(ctx context.Context, sites []store.Site, sum *Summary) error {
	now := r.Now()
	corr, err := r.corroboration(ctx, sites)
	if err != nil {
		return err
	}
	for _, s := range sites {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("cycle: judge: %w", err)
		}
		obs, err := r.Store.Observations(ctx, s.ID)
		if err != nil {
			return fmt.Errorf("cycle: observations of %s: %w", s.URL, err)
		}
		restoreCardSuspended(obs)
		eps := judge.Assess(obs, judge.Context{
			Now: now, Platform: s.Platform, PlatformVersion: s.PlatformVersion, Corroboration: corr[s.ID],
		})
		if err := r.Store.SaveEpisodes(ctx, s.ID, eps); err != nil {
			return fmt.Errorf("cycle: save episodes of %s: %w", s.URL, err)
		}
		if sum != nil && len(eps) > 0 {
			st := eps[len(eps)-1].Status
			sum.ByStatus[st]++
			if st.Flagged() {
				sum.Flagged++
			}
		}
	}
	return nil
}
