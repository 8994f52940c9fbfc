// Package cycle runs one crawl cycle end to end: crawl every site, classify
// what each one says, store it, then judge every site over its whole history.
// Judging waits until every site of the cycle is stored because corroboration
// (the same wording on many shops the same day) needs all of them.
package cycle

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"maintwatch/crawler"
	"maintwatch/crawler/extract"
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
	Corroboration(ctx context.Context, fingerprints []string, at time.Time, window time.Duration) (map[string]int, error)
	SaveEpisodes(ctx context.Context, siteID int64, eps []judge.Episode) error
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

// Run crawls every stored site once, then judges them all.
func (r *Runner) Run(ctx context.Context) (Summary, error) {
	log := r.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
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
		rec := r.record(site, rep, &sum)
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
	if saveErr != nil {
		return sum, saveErr
	}
	if err := r.JudgeAll(wctx, sites, &sum); err != nil {
		return sum, err
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
	for _, s := range sites {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("cycle: judge: %w", err)
		}
		obs, err := r.Store.Observations(ctx, s.ID)
		if err != nil {
			return fmt.Errorf("cycle: observations of %s: %w", s.URL, err)
		}
		corr, err := r.corroboration(ctx, obs)
		if err != nil {
			return fmt.Errorf("cycle: corroboration for %s: %w", s.URL, err)
		}
		eps := judge.Assess(obs, judge.Context{
			Now: now, Platform: s.Platform, PlatformVersion: s.PlatformVersion, Corroboration: corr,
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

// corroboration counts, for each notice wording that could matter, how many
// shops showed it within a day.
func (r *Runner) corroboration(ctx context.Context, obs []judge.Observation) (map[string]int, error) {
	out := map[string]int{}
	for _, o := range obs {
		if o.Fingerprint == "" || o.Kind != judge.KindNotice && o.Kind != judge.KindBanner {
			continue
		}
		if o.Label != nlp.Suspicious && o.Label != nlp.Scheduled {
			continue
		}
		if _, ok := out[o.Fingerprint]; ok {
			continue
		}
		m, err := r.Store.Corroboration(ctx, []string{o.Fingerprint}, o.When(), CorroborationWindow)
		if err != nil {
			return nil, err
		}
		out[o.Fingerprint] = max(m[o.Fingerprint], 1)
	}
	return out, nil
}

// record turns a site report into what the store keeps, classifying every
// notice and banner parsed this cycle.
func (r *Runner) record(site store.Site, rep crawler.SiteReport, sum *Summary) store.CrawlRecord {
	at := r.Now()
	rec := store.CrawlRecord{
		SiteID: site.ID, At: at,
		Platform: rep.Platform, PlatformVersion: rep.PlatformVersion,
		Fetches: rep.Fetches,
	}
	unchanged := len(rep.Fetches) > 0
	for _, f := range rep.Fetches {
		if f.Kind == crawler.KindRobots {
			continue
		}
		sum.Pages++
		sum.ByHTTP[f.Status]++
		if f.NotModified || f.Unchanged {
			sum.NotChanged++
		} else {
			unchanged = false
		}
	}
	sha := shaByURL(rep.Fetches)

	for _, n := range rep.Notices {
		text := strings.TrimSpace(n.Title + "\n" + n.Body)
		res := r.Classifier.Classify(text)
		sum.Labels[res.Label]++
		rec.Notices = append(rec.Notices, store.NoticeRecord{
			Notice: n, FetchSHA256: sha[n.URL], Result: res,
			Observation: judge.Observation{
				Kind: judge.KindNotice, Seen: at, Date: n.Date, URL: n.URL, SHA256: sha[n.URL],
				Title: n.Title, Text: excerpt(res, text),
				Label: res.Label, Score: res.Score, Reasons: reasons(res),
				Fingerprint: Fingerprint(n.Body + n.Title),
			},
		})
	}
	if rep.TopFresh {
		rec.Observations = append(rec.Observations, r.bannerObservation(rep, at, sha, sum))
	}
	if rep.PaymentFresh && rep.Payment != nil {
		rec.Observations = append(rec.Observations, paymentObservation(rep.Payment, at, sha))
	}

	switch {
	case rep.Maintenance:
		rec.Result = "maintenance"
		rec.Observations = append(rec.Observations, judge.Observation{
			Kind: judge.KindSiteDown, Seen: at, URL: rep.Site, SHA256: sha[rep.Site],
			Text: "site answers with a maintenance page or 503: " + rep.Err,
		})
	case rep.Err != "":
		rec.Result = "error: " + rep.Err
		rec.Observations = append(rec.Observations, judge.Observation{
			Kind: judge.KindFetchErr, Seen: at, URL: rep.Site, Text: rep.ErrKind + ": " + rep.Err,
		})
	case rep.TopFresh && !rep.NewsFound && len(rep.Notices) == 0 && site.NoticesSeen > 0:
		// A shop that used to show news and now shows none has most likely
		// changed its markup: say so instead of reporting "no news".
		rec.Result = "extraction_failed"
		rec.ExtractionFailed = true
		rec.Observations = append(rec.Observations, judge.Observation{
			Kind: judge.KindNoNews, Seen: at, URL: rep.Site,
			Text: fmt.Sprintf("no news found; %d notices were read from this site before", site.NoticesSeen),
		})
	case unchanged:
		rec.Result = "unchanged"
	default:
		rec.Result = "ok"
	}
	rec.Observations = append(rec.Observations, judge.Observation{Kind: judge.KindCrawl, Seen: at, URL: rep.Site, Text: rec.Result})
	return rec
}

func (r *Runner) bannerObservation(rep crawler.SiteReport, at time.Time, sha map[string]string, sum *Summary) judge.Observation {
	o := judge.Observation{Kind: judge.KindBanner, Seen: at, URL: rep.Site, SHA256: sha[rep.Site]}
	if len(rep.Banners) == 0 {
		return o // no banner this cycle: lets the judge see it is gone
	}
	texts := make([]string, 0, len(rep.Banners))
	for _, b := range rep.Banners {
		texts = append(texts, b.Text)
	}
	text := strings.Join(texts, "\n")
	res := r.Classifier.Classify(text)
	sum.Labels[res.Label]++
	o.Text, o.Label, o.Score, o.Reasons = excerpt(res, text), res.Label, res.Score, reasons(res)
	o.Fingerprint = Fingerprint(text)
	return o
}

func paymentObservation(p *extract.Payment, at time.Time, sha map[string]string) judge.Observation {
	o := judge.Observation{Kind: judge.KindPayment, Seen: at, URL: p.URL, SHA256: sha[p.URL]}
	var names []string
	for _, m := range p.Methods {
		if !m.Card {
			o.OtherMethods = true
		}
		name := m.Name
		if m.Suspended && !strings.Contains(name, "停止") {
			name += " (停止中)"
		}
		names = append(names, name)
	}
	o.CardAvailable = p.CardOffered && !p.CardSuspended
	o.Text = "お支払い方法: " + strings.Join(names, " / ")
	return o
}

func shaByURL(fs []crawler.Fetch) map[string]string {
	m := make(map[string]string, len(fs))
	for _, f := range fs {
		if f.SHA256 != "" {
			m[f.URL] = f.SHA256
			if f.FinalURL != "" {
				m[f.FinalURL] = f.SHA256
			}
		}
	}
	return m
}

func reasons(res nlp.Result) []nlp.Reason {
	var out []nlp.Reason
	seen := map[nlp.Reason]bool{}
	for _, e := range res.Evidence {
		if !seen[e.Reason] {
			seen[e.Reason] = true
			out = append(out, e.Reason)
		}
	}
	return out
}

// excerptMax bounds the evidence excerpt kept per observation.
const excerptMax = 600

// excerpt is the text shown as evidence: the deciding sentences when the
// classifier found some, else the start of the notice.
func excerpt(res nlp.Result, text string) string {
	var b strings.Builder
	seen := map[string]bool{}
	for _, e := range res.Evidence {
		if seen[e.Text] {
			continue
		}
		seen[e.Text] = true
		if b.Len() > 0 {
			b.WriteString(" … ")
		}
		b.WriteString(e.Text)
	}
	out := b.String()
	if out == "" {
		out = text
	}
	return truncateRunes(out, excerptMax)
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// Fingerprint identifies a wording across shops: NFKC, letters and digits
// only, so spacing, punctuation and markup differences do not hide that two
// shops relay the same provider notice. Dates and numbers stay: a provider's
// notice carries the same window on every shop.
func Fingerprint(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	if b.Len() == 0 {
		return ""
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:12])
}
