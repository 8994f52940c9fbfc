package cycle

import (
	"context"
	"fmt"
	"strings"

	"maintwatch/crawler"
	"maintwatch/judge"
	"maintwatch/store"
)

// stillDown carries whole-site maintenance across cycles the crawler cannot
// see it. The crawler reads a page only when its body is new: a maintenance
// page served with 200 is recognised the first time, then answered 304 (or
// with the same body) every cycle after, and the report says nothing of
// maintenance. The site is still down when its top page is, byte for byte,
// a maintenance page of the current run of down cycles (same SHA-256); it
// returns the sitedown observation to record for this cycle, or nil.
//
// The store is read only for a site whose last cycle was maintenance or an
// error (an error can interrupt a run of down cycles): every other site
// costs nothing.
func (r *Runner) stillDown(ctx context.Context, site store.Site, rep crawler.SiteReport) (*judge.Observation, error) {
	if rep.Maintenance || rep.Err != "" || rep.TopFresh {
		return nil, nil // the crawler said what the top page is this cycle
	}
	top, ok := topFetch(rep)
	if !ok || !(top.NotModified || top.Unchanged) || top.SHA256 == "" {
		return nil, nil
	}
	if site.LastResult != "maintenance" && !strings.HasPrefix(site.LastResult, "error") {
		return nil, nil
	}
	obs, err := r.Store.Observations(ctx, site.ID)
	if err != nil {
		return nil, err
	}
	first, ok := downRunHas(obs, top.SHA256)
	if !ok {
		return nil, nil
	}
	o := judge.Observation{
		Kind: judge.KindSiteDown, URL: rep.Site, SHA256: top.SHA256,
		Text: fmt.Sprintf("site still answers with the maintenance page first seen %s (%s, not re-read)",
			first.Seen.Format("2006-01-02"), notReread(top)),
	}
	return &o, nil
}

// downRunHas walks the history back through the current run of cycles in
// which the site was down or could not be reached, and reports whether one
// of its sitedown observations recorded a top page with hash sha (and the
// earliest that did). A cycle in which the site answered ends the run.
func downRunHas(obs []judge.Observation, sha string) (judge.Observation, bool) {
	var first judge.Observation
	found := false
	for i := len(obs) - 1; i >= 0; i-- {
		o := obs[i]
		switch o.Kind {
		case judge.KindCrawl:
			if o.Text != "maintenance" && !strings.HasPrefix(o.Text, "error") {
				return first, found
			}
		case judge.KindSiteDown:
			if o.SHA256 == sha {
				first, found = o, true
			}
		}
	}
	return first, found
}

// topFetch is the fetch that answered for the top page: the last top-page
// fetch that was not a redirect handed to another host.
func topFetch(rep crawler.SiteReport) (crawler.Fetch, bool) {
	for i := len(rep.Fetches) - 1; i >= 0; i-- {
		if f := rep.Fetches[i]; f.Kind == crawler.KindTop && f.Location == "" {
			return f, true
		}
	}
	return crawler.Fetch{}, false
}

// topSHA is the hash of the top page's body this cycle (the maintenance page
// or the 503's body), so a later 304 of the same page can be matched to it.
func topSHA(rep crawler.SiteReport, sha map[string]string) string {
	if f, ok := topFetch(rep); ok && f.SHA256 != "" {
		return f.SHA256
	}
	return sha[rep.Site]
}

func notReread(f crawler.Fetch) string {
	if f.NotModified {
		return "HTTP 304"
	}
	return "same body"
}
