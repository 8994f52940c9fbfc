// Package digest writes the weekly digest: new flags, escalations,
// resolutions and confirmed leaks of one ISO week, counts by platform, the
// track record so far, and a chart of weekly flags over the last 12 weeks.
package digest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"maintwatch/feeds"
	"maintwatch/judge"
	"maintwatch/store"
)

// Source is what the digest reads from the store.
type Source interface {
	Episodes(ctx context.Context, q store.EpisodeQuery) ([]store.SiteEpisode, error)
}

// ErrFormat is returned for a format other than md or html.
var ErrFormat = errors.New("digest: unknown format (want md or html)")

// chartWeeks is how many weeks the flag chart covers, this one included.
const chartWeeks = 12

// Event is one thing that happened to an episode during the week.
type Event struct {
	store.SiteEpisode
	Name     string
	At       time.Time
	Days     int // days card payment had been stopped at the event
	LeadDays int // confirmed leaks: leak announcement − first flagged
}

// PlatformCount is one row of the counts by platform.
type PlatformCount struct {
	Platform                            string
	New, Escalated, Resolved, Confirmed int
}

// TrackRecord is how past flags turned out, as of the end of the week.
type TrackRecord struct {
	Flags          int // episodes ever flagged
	Confirmed      int // of which later confirmed as a leak
	Resolved       int // of which resolved without a leak
	Open           int // still suspected or escalated
	MedianLeadDays float64
	HasLead        bool
}

// WeekCount is one bar of the chart.
type WeekCount struct {
	Week  string
	Flags int
}

// Report is the digest's model, rendered as md or html.
type Report struct {
	Week       string
	Start, End time.Time // [Start, End)
	InProgress bool      // now falls inside the week: counts are so far
	New        []Event
	Escalated  []Event
	Resolved   []Event
	Confirmed  []Event
	Platforms  []PlatformCount
	Track      TrackRecord
	Chart      []WeekCount
	ChartSVG   string
}

// Empty reports a week in which nothing happened.
func (r Report) Empty() bool {
	return len(r.New)+len(r.Escalated)+len(r.Resolved)+len(r.Confirmed) == 0
}

// Digest builds the digest of week (YYYY-Www) and renders it as "md" or
// "html". now cuts a week still in progress, so --now gives reproducible
// output.
func Digest(ctx context.Context, src Source, week, format string, now time.Time) ([]byte, error) {
	if format != "md" && format != "html" {
		return nil, fmt.Errorf("%w: %q", ErrFormat, format)
	}
	r, err := Build(ctx, src, week, now)
	if err != nil {
		return nil, err
	}
	if format == "md" {
		return renderMarkdown(r)
	}
	return renderHTML(r)
}

// Build computes the digest model.
func Build(ctx context.Context, src Source, week string, now time.Time) (Report, error) {
	start, err := ParseWeek(week)
	if err != nil {
		return Report{}, err
	}
	end := start.AddDate(0, 0, 7)
	r := Report{Week: week, Start: start, End: end}
	cut := end
	if now.Before(end) {
		cut = now
		r.InProgress = !now.Before(start)
	}
	all, err := src.Episodes(ctx, store.EpisodeQuery{Statuses: feeds.PublishedStatuses})
	if err != nil {
		return Report{}, fmt.Errorf("digest: load episodes: %w", err)
	}
	eps := feeds.Publishable(all)
	in := func(t time.Time) bool { return !t.Before(start) && t.Before(cut) }
	plat := map[string]*PlatformCount{}
	count := func(e store.SiteEpisode) *PlatformCount {
		p := e.Site.Platform
		if p == "" {
			p = "unknown"
		}
		if plat[p] == nil {
			plat[p] = &PlatformCount{Platform: p}
		}
		return plat[p]
	}
	var leads []float64
	for _, e := range eps {
		ev := func(at time.Time) Event {
			end := at
			if !e.Closed.IsZero() && e.Closed.Before(at) {
				end = e.Closed
			}
			return Event{SiteEpisode: e, Name: feeds.SiteName(e.Site), At: at,
				Days: feeds.StoppedDays(judge.Episode{Opened: e.Opened}, end), LeadDays: int(e.LeadTime / (24 * time.Hour))}
		}
		if in(e.FirstFlagged) {
			r.New = append(r.New, ev(e.FirstFlagged))
			count(e).New++
		}
		for _, t := range e.History {
			if !in(t.At) {
				continue
			}
			switch t.Status {
			case judge.Escalated:
				r.Escalated = append(r.Escalated, ev(t.At))
				count(e).Escalated++
			case judge.Resolved:
				r.Resolved = append(r.Resolved, ev(t.At))
				count(e).Resolved++
			case judge.ConfirmedLeak:
				r.Confirmed = append(r.Confirmed, ev(t.At))
				count(e).Confirmed++
			}
		}
		// Track record: only what was known at the cut.
		if e.FirstFlagged.Before(cut) {
			r.Track.Flags++
			switch statusAt(e, cut) {
			case judge.ConfirmedLeak:
				r.Track.Confirmed++
				if e.LeadTime > 0 {
					leads = append(leads, e.LeadTime.Hours()/24)
				}
			case judge.Resolved:
				r.Track.Resolved++
			default:
				r.Track.Open++
			}
		}
	}
	if len(leads) > 0 {
		r.Track.MedianLeadDays, r.Track.HasLead = median(leads), true
	}
	for _, list := range [][]Event{r.New, r.Escalated, r.Resolved, r.Confirmed} {
		sort.SliceStable(list, func(i, j int) bool {
			if !list[i].At.Equal(list[j].At) {
				return list[i].At.Before(list[j].At)
			}
			return list[i].ID < list[j].ID
		})
	}
	for _, p := range plat {
		r.Platforms = append(r.Platforms, *p)
	}
	sort.Slice(r.Platforms, func(i, j int) bool { return r.Platforms[i].Platform < r.Platforms[j].Platform })
	r.Chart = weeklyFlags(eps, start, cut)
	svg, err := chartSVG(r.Chart)
	if err != nil {
		return Report{}, err
	}
	r.ChartSVG = svg
	return r, nil
}

// statusAt is the episode's status as of t, from its history; an episode
// without history is taken at its current status.
func statusAt(e store.SiteEpisode, t time.Time) judge.Status {
	if len(e.History) == 0 {
		return e.Status
	}
	st := judge.Suspected
	for _, h := range e.History {
		if h.At.Before(t) {
			st = h.Status
		}
	}
	return st
}

func weeklyFlags(eps []store.SiteEpisode, start, cut time.Time) []WeekCount {
	out := make([]WeekCount, chartWeeks)
	first := start.AddDate(0, 0, -7*(chartWeeks-1))
	for i := range out {
		out[i].Week = WeekOf(first.AddDate(0, 0, 7*i))
	}
	for _, e := range eps {
		f := e.FirstFlagged
		if f.Before(first) || !f.Before(cut) {
			continue
		}
		i := int(f.Sub(first) / (7 * 24 * time.Hour))
		if i < chartWeeks {
			out[i].Flags++
		}
	}
	return out
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
