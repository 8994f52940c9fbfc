package crawler

import (
	"context"
	"net/url"
	"strings"

	"maintwatch/crawler/extract"
)

// Pages of each kind followed per site at most, before the overall
// MaxPagesPerSite budget: news lists first, then payment pages, then the
// detail pages of the notices (most recent first, as shops list them).
const (
	maxNewsPages    = 4
	maxPaymentPages = 3
	// siteBodyBudget is how many MaxBodySize worth of bodies one site's
	// report may hold.
	siteBodyBudget = 4
)

// siteRun is one site's walk within a cycle.
type siteRun struct {
	cy    *cycle
	fx    *fetcher // the worker's colly collector
	rep   *SiteReport
	host  string // the site's host after the top page's redirects
	pages int    // pages requested, robots.txt not counted
	bytes int64  // body bytes held in the report so far
	// overBudget: the walk stopped for siteBodyBudget (logged once).
	overBudget bool
	seen       map[string]bool
}

// site walks one site: robots.txt, the top page, its news and payment pages,
// and the notices' detail pages one level down.
func (cy *cycle) site(ctx context.Context, fx *fetcher, site string) (SiteReport, error) {
	cfg := cy.c.cfg
	rep := SiteReport{Site: site, Started: cfg.Now()}
	finish := func() (SiteReport, error) {
		rep.Finished = cfg.Now()
		rep.Notices = dedupeNotices(rep.Notices)
		return rep, nil
	}
	u, err := url.Parse(strings.TrimSpace(site))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		rep.ErrKind, rep.Err = ErrNetwork, "invalid site URL (want http:// or https://)"
		return finish()
	}
	// Room for a typical walk's fetches: appending a Fetch (a large
	// struct) to a nil slice copies it at every doubling.
	rep.Fetches = make([]Fetch, 0, 8)
	run := &siteRun{cy: cy, fx: fx, rep: &rep, host: u.Host, seen: map[string]bool{}}

	top, text, err := run.get(ctx, u.String(), KindTop)
	if err != nil {
		return rep, err
	}
	switch {
	case top.ErrKind == ErrMaintenance:
		rep.Maintenance = true
		rep.Unworded = !top.Worded
		rep.ErrKind, rep.Err = ErrMaintenance, "top page: "+top.Err
		return finish()
	case top.ErrKind != "":
		rep.ErrKind, rep.Err = top.ErrKind, "top page: "+top.Err
		return finish()
	}
	// A shop that moved (http → https, bare → www) lives on its final host.
	if fu, err := url.Parse(finalURL(top)); err == nil {
		run.host = fu.Host
		run.seen[fu.String()] = true
	}
	// TopFresh: every top-level page (frames too) was parsed this cycle.
	rep.TopFresh = top.Fresh()
	links, maint := run.readTop(top, text, false)
	if maint {
		// Every page is replaced by the maintenance page: nothing to walk.
		return finish()
	}
	links = run.forward(ctx, links, 1)
	if rep.Maintenance {
		return finish()
	}
	run.follow(ctx, links)
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	return finish()
}

// maxForwards: frames, refresh targets and iframes followed from one page.
const maxForwards = 4

// readTop reads a top-level page (the top page, or a frame, refresh target
// or same-site iframe of it) into the report and returns its links: parsed
// now, or remembered from the last cycle on a 304 / unchanged body. maint
// is true when the page is a whole-site maintenance page; an embedded page
// (an iframe) never is: a small iframe that says 準備中です is a part of the
// page, not the site.
func (run *siteRun) readTop(f Fetch, text string, embedded bool) (links []extract.Link, maint bool) {
	rep := run.rep
	if !f.Fresh() {
		rep.TopFresh = false // a banner on this page was not read this cycle
		return f.Links, false
	}
	res := run.cy.c.page(finalURL(f), text, f.FetchedAt)
	if rep.Platform == "" || rep.Platform == extract.PlatformUnknown {
		rep.Platform, rep.PlatformVersion = res.Platform, res.PlatformVersion
	}
	rep.Banners = append(rep.Banners, res.Banners...)
	if embedded {
		res.Maintenance = false
	}
	rep.Maintenance = rep.Maintenance || res.Maintenance
	rep.Notices = append(rep.Notices, res.Notices...)
	links = pageLinks(res)
	if len(res.Notices) > 0 {
		// The page is itself a news page. Recording it among its own
		// links lets a later 304 of it still say news was found.
		links = append(links, extract.Link{URL: finalURL(f), Kind: extract.LinkNews})
	}
	// A frameset, an instant meta refresh or an iframe shows content
	// elsewhere.
	links = append(links, extract.Forwards(finalURL(f), text)...)
	run.setLinks(KindTop, links)
	return links, res.Maintenance
}

// forward follows the frames, refresh targets and iframes among links
// (same site, robots.txt obeyed like any page, at most maxForwards of them
// per page) as more of the top page: each level is one redirect hop, at
// most MaxRedirects deep. It returns the other links, the top-level pages'
// links included.
func (run *siteRun) forward(ctx context.Context, links []extract.Link, depth int) []extract.Link {
	var out, fwd []extract.Link
	for _, l := range links {
		if l.Kind == extract.LinkForward || l.Kind == extract.LinkEmbed {
			fwd = append(fwd, l)
		} else {
			out = append(out, l)
		}
	}
	if depth > run.cy.c.cfg.MaxRedirects {
		if len(fwd) > 0 {
			run.cy.c.cfg.Logger.Info("crawler: frames or refreshes nested too deep, not followed", "site", run.rep.Site, "depth", depth)
		}
		return out
	}
	n := 0
	for _, l := range fwd {
		if n >= maxForwards || ctx.Err() != nil {
			break
		}
		if !run.sameHost(l.URL) {
			continue
		}
		f, text, ok := run.visit(ctx, l.URL, KindTop)
		if !ok {
			continue
		}
		n++
		if f.ErrKind != "" {
			run.rep.TopFresh = false
			continue
		}
		sub, _ := run.readTop(f, text, l.Kind == extract.LinkEmbed)
		out = append(out, run.forward(ctx, sub, depth+1)...)
	}
	return out
}

// follow walks the links found on the top page (or remembered from it).
func (run *siteRun) follow(ctx context.Context, links []extract.Link) {
	rep := run.rep
	news, payment, details := run.split(links)
	for _, l := range news {
		if run.selfLink(l) && run.marked(l.URL) {
			rep.NewsFound = true // inline news on the top page (see readTop)
		}
	}
	var more []extract.Link
	for i, l := range news {
		if i >= maxNewsPages || ctx.Err() != nil {
			break
		}
		if run.selfLink(l) {
			continue
		}
		f, text, ok := run.visit(ctx, l.URL, KindNews)
		if !ok {
			continue
		}
		switch {
		case f.Fresh():
			res := run.cy.c.page(finalURL(f), text, f.FetchedAt)
			rep.NewsFound = true
			rep.Notices = append(rep.Notices, res.Notices...)
			pl := pageLinks(res)
			run.setLinks(KindNews, pl)
			more = append(more, pl...)
		case f.NotModified || f.Unchanged:
			rep.NewsFound = true
			more = append(more, f.Links...)
		}
	}
	_, p2, d2 := run.split(more)
	payment = append(payment, p2...)
	details = append(details, d2...)

	for i, l := range payment {
		if i >= maxPaymentPages || ctx.Err() != nil {
			break
		}
		f, text, ok := run.visit(ctx, l.URL, KindPayment)
		if !ok {
			continue
		}
		if (f.NotModified || f.Unchanged) && hasLink(f.Links, finalURL(f), extract.LinkPayment) {
			// The page that listed the methods is still what it was. Stop
			// here rather than read the next candidate: a different page
			// listing fewer methods would look like a card method vanishing.
			break
		}
		if f.Fresh() {
			res := run.cy.c.page(finalURL(f), text, f.FetchedAt)
			pl := pageLinks(res)
			if res.Payment != nil {
				// Marks this page as the one that lists the methods, for the
				// cycles that get a 304 (as the top page's news self-link).
				pl = append(pl, extract.Link{URL: finalURL(f), Kind: extract.LinkPayment})
			}
			run.setLinks(KindPayment, pl)
			if res.Payment != nil {
				rep.Payment = res.Payment
				rep.PaymentFresh = true
				break
			}
		}
	}

	for _, l := range details {
		if ctx.Err() != nil {
			break
		}
		f, text, ok := run.visit(ctx, l.URL, KindDetail)
		if !ok || !f.Fresh() {
			continue
		}
		n := run.cy.c.detail(finalURL(f), text, f.FetchedAt)
		run.mergeDetail(l.URL, n)
	}
}

// visit fetches u unless the budget is spent or it was fetched already.
// ok is false when nothing was requested.
func (run *siteRun) visit(ctx context.Context, u string, kind PageKind) (Fetch, string, bool) {
	cfg := run.cy.c.cfg
	if run.seen[u] || run.pages >= cfg.MaxPagesPerSite {
		return Fetch{}, "", false
	}
	// A report holds its bodies until it is emitted: a site of huge pages
	// stops being walked once it holds siteBodyBudget, which bounds memory
	// to about Parallelism × (budget + MaxBodySize).
	if run.bytes >= siteBodyBudget*cfg.MaxBodySize {
		if !run.overBudget {
			run.overBudget = true
			cfg.Logger.Info("crawler: site body budget spent, not walking further", "site", run.rep.Site, "bytes", run.bytes)
		}
		return Fetch{}, "", false
	}
	f, text, err := run.get(ctx, u, kind)
	if err != nil {
		return Fetch{}, "", false
	}
	return f, text, true
}

// get fetches u, following redirects to other hosts as requests of their
// own (each after its host's robots.txt), at most MaxRedirects of them.
// The Fetch returned is the last hop's.
func (run *siteRun) get(ctx context.Context, u string, kind PageKind) (Fetch, string, error) {
	for hops := 0; ; hops++ {
		f, text, err := run.getOne(ctx, u, kind)
		if err != nil || f.Location == "" {
			return f, text, err
		}
		if hops >= run.cy.c.cfg.MaxRedirects || run.seen[f.Location] {
			last := &run.rep.Fetches[len(run.rep.Fetches)-1]
			last.ErrKind, last.Err = ErrRedirects, "too many redirects"
			return *last, "", nil
		}
		u = f.Location
	}
}

// getOne checks robots.txt for u's host (fetching it first when this cycle
// has not), then fetches u with the validators History remembers.
func (run *siteRun) getOne(ctx context.Context, u string, kind PageKind) (Fetch, string, error) {
	cy := run.cy
	cfg := cy.c.cfg
	run.seen[u] = true
	pu, err := url.Parse(u)
	if err != nil {
		f := Fetch{URL: u, Kind: kind, FetchedAt: cfg.Now(), ErrKind: ErrNetwork, Err: "invalid URL"}
		run.rep.Fetches = append(run.rep.Fetches, f)
		return f, "", nil
	}
	verdict, rf, err := cy.robots(ctx, run.fx, pu)
	if err != nil {
		return Fetch{}, "", err
	}
	if rf != nil {
		run.rep.Fetches = append(run.rep.Fetches, *rf)
	}
	if !verdict.allows(pu) {
		f := Fetch{URL: u, Kind: kind, FetchedAt: cfg.Now(), ErrKind: ErrRobots, Err: "disallowed by robots.txt"}
		if verdict.errKind != "" {
			f.ErrKind, f.Err = verdict.errKind, verdict.err
		}
		run.rep.Fetches = append(run.rep.Fetches, f)
		return f, "", nil
	}
	prior, found, err := cy.h.Prior(ctx, u)
	if err != nil {
		cfg.Logger.Warn("crawler: history lookup failed; fetching unconditionally", "url", u, "err", err)
		found = false
	}
	run.pages++
	f, text, err := cy.fetch(ctx, run.fx, u, pu, kind, prior, found)
	if err != nil {
		return Fetch{}, "", err
	}
	run.rep.Fetches = append(run.rep.Fetches, f)
	run.bytes += int64(len(f.Body))
	return f, text, nil
}

// setLinks stores the links found on the last fetched page of kind on its
// Fetch record, so the next cycle can walk them after a 304.
func (run *siteRun) setLinks(kind PageKind, links []extract.Link) {
	fs := run.rep.Fetches
	for i := len(fs) - 1; i >= 0; i-- {
		if fs[i].Kind == kind {
			fs[i].Links = links
			return
		}
	}
}

// split sorts same-host links by kind, dropping those already seen.
func (run *siteRun) split(links []extract.Link) (news, payment, details []extract.Link) {
	dup := map[string]bool{}
	for _, l := range links {
		if dup[l.URL] || (run.seen[l.URL] && !run.selfLink(l)) || !run.sameHost(l.URL) {
			continue
		}
		dup[l.URL] = true
		switch l.Kind {
		case extract.LinkNews:
			news = append(news, l)
		case extract.LinkPayment:
			payment = append(payment, l)
		case extract.LinkDetail:
			details = append(details, l)
		}
	}
	return news, payment, details
}

// selfLink: the top page's marker link to itself (it carries inline news).
// Every top-page fetch counts: a moved shop's top page is its last hop.
func (run *siteRun) selfLink(l extract.Link) bool {
	for _, f := range run.rep.Fetches {
		if f.Kind == KindTop && (l.URL == f.URL || l.URL == f.FinalURL) {
			return true
		}
	}
	return false
}

// marked: the top-level page u carries the news marker readTop puts among
// its links when it holds notices (a frame can also be linked as news from
// another frame without holding any).
func (run *siteRun) marked(u string) bool {
	for _, f := range run.rep.Fetches {
		if f.Kind == KindTop && (u == f.URL || u == f.FinalURL) && hasLink(f.Links, u, extract.LinkNews) {
			return true
		}
	}
	return false
}

func (run *siteRun) sameHost(u string) bool {
	pu, err := url.Parse(u)
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") {
		return false
	}
	return strings.EqualFold(pu.Host, run.host)
}

// mergeDetail puts a detail page's body into the notice that links to it,
// or adds the notice when the list it came from was not parsed this cycle.
func (run *siteRun) mergeDetail(detailURL string, n extract.Notice) {
	rep := run.rep
	for i := range rep.Notices {
		o := &rep.Notices[i]
		if o.DetailURL != detailURL {
			continue
		}
		if n.Body != "" {
			o.Body = n.Body
		}
		o.URL = detailURL
		if o.Date.IsZero() && !n.Date.IsZero() {
			o.Date, o.DateText = n.Date, n.DateText
		}
		if o.Title == "" {
			o.Title = n.Title
		}
		return
	}
	if n.Title == "" && n.Body == "" {
		return
	}
	if n.URL == "" {
		n.URL = detailURL
	}
	rep.Notices = append(rep.Notices, n)
}

// pageLinks is what a parsed page leads to: its links plus its notices'
// detail pages (so a 304 of the list still reaches them next cycle).
func pageLinks(res extract.Result) []extract.Link {
	out := append([]extract.Link(nil), res.Links...)
	for _, n := range res.Notices {
		if n.DetailURL != "" {
			out = append(out, extract.Link{URL: n.DetailURL, Kind: extract.LinkDetail})
		}
	}
	return out
}

func hasLink(links []extract.Link, u string, kind extract.LinkKind) bool {
	for _, l := range links {
		if l.URL == u && l.Kind == kind {
			return true
		}
	}
	return false
}

func finalURL(f Fetch) string {
	if f.FinalURL != "" {
		return f.FinalURL
	}
	return f.URL
}

// dedupeNotices drops the same notice listed twice (top page and news page):
// same detail page, or same title and date.
func dedupeNotices(ns []extract.Notice) []extract.Notice {
	if len(ns) < 2 {
		return ns
	}
	out := ns[:0:0]
	idx := map[string]int{}
	for _, n := range ns {
		key := n.DetailURL
		if key == "" {
			key = n.DateText + "\x00" + n.Title
		}
		if i, ok := idx[key]; ok {
			if out[i].Body == "" && n.Body != "" {
				out[i] = n
			}
			continue
		}
		idx[key] = len(out)
		out = append(out, n)
	}
	return out
}
