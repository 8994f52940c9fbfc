package web

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"maintwatch/feeds"
	"maintwatch/judge"
	"maintwatch/store"
)

type indexRow struct {
	store.SiteEpisode
	Name string
	Days int
}

// latestPerSite returns each site's most recently updated published episode:
// by the contract a site is flagged when its latest item is flagged.
func latestPerSite(ctx context.Context, src feeds.Source) ([]store.SiteEpisode, error) {
	eps, err := src.Episodes(ctx, store.EpisodeQuery{Statuses: feeds.PublishedStatuses})
	if err != nil {
		return nil, fmt.Errorf("web: load episodes: %w", err)
	}
	seen := map[int64]bool{}
	var out []store.SiteEpisode
	for _, e := range feeds.Publishable(eps) {
		if seen[e.Site.ID] {
			continue
		}
		seen[e.Site.ID] = true
		out = append(out, e)
	}
	return out, nil
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	latest, err := latestPerSite(r.Context(), s.src)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.opts.Now()
	data := struct {
		Now            time.Time
		Rows, Resolved []indexRow
	}{Now: now}
	for _, e := range latest {
		row := indexRow{SiteEpisode: e, Name: feeds.SiteName(e.Site), Days: feeds.StoppedDays(e.Episode, now)}
		switch {
		case e.Status.Flagged():
			data.Rows = append(data.Rows, row)
		case e.Status == judge.Resolved && now.Sub(e.Closed) <= 30*24*time.Hour:
			data.Resolved = append(data.Resolved, row)
		}
	}
	s.render(w, r, "index", data)
}
