package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"maintwatch/feeds"
	"maintwatch/feeds/internal/textutil"
	"maintwatch/judge"
	"maintwatch/store"
)

// fetchLimit bounds the fetch log shown on a site page.
const fetchLimit = 200

type obsView struct {
	Obs   judge.Observation
	Fetch *store.FetchRecord // the fetch the observation was read from, if known
}

type episodeView struct {
	store.SiteEpisode
	Days     int
	LeadDays int
	Evidence []obsView
}

func (s *Server) handleSite(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		plain(w, http.StatusNotFound, "not found")
		return
	}
	site, err := s.src.Site(ctx, id)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: site %d: %w", id, err))
		return
	}
	eps, err := s.src.Episodes(ctx, store.EpisodeQuery{SiteID: id})
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: episodes of %d: %w", id, err))
		return
	}
	obs, err := s.src.Observations(ctx, id)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: observations of %d: %w", id, err))
		return
	}
	fetches, err := s.src.Fetches(ctx, id, fetchLimit)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: fetches of %d: %w", id, err))
		return
	}
	fx := &fetchIndex{s: s, r: r, byURL: map[string][]store.FetchRecord{}}
	for _, f := range fetches {
		fx.byURL[f.URL] = append(fx.byURL[f.URL], f)
		if f.FinalURL != "" && f.FinalURL != f.URL {
			fx.byURL[f.FinalURL] = append(fx.byURL[f.FinalURL], f)
		}
	}
	now := s.opts.Now()
	data := struct {
		Site     store.Site
		Name     string
		Episodes []episodeView
		Timeline []obsView
		Fetches  []store.FetchRecord
	}{Site: site, Name: feeds.SiteName(site), Fetches: fetches}
	for _, e := range eps {
		// A never-flagged episode is still shown here: the page is the
		// evidence, and its status says it was never published.
		v := episodeView{SiteEpisode: e, Days: feeds.StoppedDays(e.Episode, now), LeadDays: int(e.LeadTime / (24 * time.Hour))}
		for _, o := range e.Evidence {
			v.Evidence = append(v.Evidence, obsView{Obs: cleanObs(o), Fetch: fx.find(o)})
		}
		data.Episodes = append(data.Episodes, v)
	}
	for _, o := range obs {
		data.Timeline = append(data.Timeline, obsView{Obs: cleanObs(o), Fetch: fx.find(o)})
	}
	if fx.err != nil {
		s.fail(w, r, fx.err)
		return
	}
	s.render(w, r, "site", data)
}

// cleanObs strips control characters (and the rest of what XML forbids)
// from the texts a page shows; html/template escapes markup but passes them.
func cleanObs(o judge.Observation) judge.Observation {
	o.Title = textutil.StripInvalidXML(o.Title)
	o.Text = textutil.StripInvalidXML(o.Text)
	o.URL = textutil.StripInvalidXML(o.URL)
	return o
}

// fetchIndex finds the fetch an observation was read from: the latest fetch
// of its URL not after the sighting (a crawl's fetches precede its
// observations), asking the store by URL when the site's recent log lacks it.
type fetchIndex struct {
	s     *Server
	r     *http.Request
	byURL map[string][]store.FetchRecord // newest first
	err   error
}

func (fx *fetchIndex) find(o judge.Observation) *store.FetchRecord {
	if o.URL == "" || fx.err != nil {
		return nil
	}
	list, ok := fx.byURL[o.URL]
	if !ok {
		more, err := fx.s.src.FetchesByURL(fx.r.Context(), o.URL, 20)
		if err != nil {
			fx.err = fmt.Errorf("web: fetches of %s: %w", o.URL, err)
			return nil
		}
		fx.byURL[o.URL] = more
		list = more
	}
	if len(list) == 0 {
		return nil
	}
	// The observation names the body it was read from: that fetch is exact.
	if o.SHA256 != "" {
		for i := range list {
			if list[i].SHA256 == o.SHA256 {
				return &list[i]
			}
		}
	}
	limit := o.Seen.Add(time.Minute)
	for i := range list {
		if !list[i].FetchedAt.After(limit) {
			return &list[i]
		}
	}
	return &list[len(list)-1]
}
