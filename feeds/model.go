// Package feeds publishes maintwatch's episodes as RSS 2.0, Atom and JSON
// Feed 1.1. One model is built from the store's episodes and rendered through
// gorilla/feeds; small structs of our own wrap its output where it lacks
// something (RSS atom:link rel="self" and categories, Atom categories, the
// JSON `_watcher` extension of the CLI contract).
package feeds

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"maintwatch/feeds/internal/textutil"
	"maintwatch/judge"
	"maintwatch/store"
)

// Options describe the published feed.
type Options struct {
	// BaseURL is where the server is reached, e.g. http://127.0.0.1:8080;
	// item links point to BaseURL/sites/{id}. Empty: DefaultBaseURL.
	BaseURL string
	// Now is used for "stopped for N days" of open episodes and as the
	// feed's updated time when it has no items.
	Now   time.Time
	Title string // default "maintwatch: shops with suspended card payment"
}

// Feed is the format-neutral model every renderer works from.
type Feed struct {
	Title       string
	Description string
	HomeURL     string
	SelfURL     map[string]string // format → URL of the feed itself
	Updated     time.Time
	Items       []Item
}

// Item is one episode of one site.
type Item struct {
	ID          string // tag: URI, see ItemID
	Title       string
	Link        string
	Summary     string // plain text
	ContentHTML string // escaped by html/template
	Categories  []string
	Published   time.Time // first flagged
	Updated     time.Time
	Watcher     Watcher
}

// Watcher is the `_watcher` object of a JSON Feed item (CONTRACT.md).
type Watcher struct {
	Site         string     `json:"site"`
	Status       string     `json:"status"`
	Score        float64    `json:"score"`
	FirstFlagged string     `json:"first_flagged"`
	Evidence     []Evidence `json:"evidence"`
}

// Evidence is one excerpt in `_watcher`.
type Evidence struct {
	URL  string `json:"url"`
	Text string `json:"text"`
	Seen string `json:"seen"`
}

// ItemID is the permanent id of an episode:
// tag:maintwatch,2026:site/<siteID>/episode/<key> (RFC 4151). The site id is
// the store's row id and the key is derived by the judge from the episode's
// opening observation, so neither changes when the episode gains evidence or
// changes status: readers then show suspected → escalated → resolved as an
// update of one item. The date is the tagging authority's and never changes.
func ItemID(siteID int64, key string) string {
	return fmt.Sprintf("tag:maintwatch,2026:site/%d/episode/%s", siteID, url.PathEscape(key))
}

// DefaultBaseURL is used when Options.BaseURL is empty: the address of
// `watcher serve` by default. Feed links must be absolute (RSS 2.0, RFC 4287).
const DefaultBaseURL = "http://127.0.0.1:8080"

// FeedID is the Atom feed id: a tag URI, so that it does not change with the
// host the server is reached by.
const FeedID = "tag:maintwatch,2026:feed"

const defaultTitle = "maintwatch: shops with suspended card payment"

// Build turns episodes (most recently updated first) into the feed model.
// Every text is stripped of characters XML forbids.
func Build(eps []store.SiteEpisode, opts Options) Feed {
	base := strings.TrimRight(opts.BaseURL, "/")
	if base == "" {
		base = DefaultBaseURL
	}
	title := opts.Title
	if title == "" {
		title = defaultTitle
	}
	f := Feed{
		Title:       title,
		Description: "Japanese online shops whose card payment stopped suddenly \"for maintenance\": a known precursor of card-data leaks. Every item links to its evidence.",
		HomeURL:     base + "/",
		SelfURL: map[string]string{
			"rss":  base + "/feed.rss",
			"atom": base + "/feed.atom",
			"json": base + "/feed.json",
		},
	}
	for _, e := range eps {
		it := buildItem(e, base, opts.Now)
		if it.Updated.After(f.Updated) {
			f.Updated = it.Updated
		}
		f.Items = append(f.Items, it)
	}
	if f.Updated.IsZero() {
		// No items: gorilla/feeds would write an empty <updated/>. The day
		// keeps the ETag of an empty feed stable within a day.
		f.Updated = opts.Now.UTC().Truncate(24 * time.Hour)
	}
	return f
}

// SiteName is the shop's name, or its host when it was imported without one,
// stripped of characters XML forbids (control characters have no place in a
// page or a digest either).
func SiteName(s store.Site) string {
	return textutil.StripInvalidXML(siteName(s))
}

func siteName(s store.Site) string {
	if n := strings.TrimSpace(s.Name); n != "" {
		return n
	}
	if u, err := url.Parse(s.URL); err == nil && u.Host != "" {
		return u.Host
	}
	return s.URL
}

// StoppedDays is how long card payment has been (or was) stopped: from the
// episode's opening to its close, or to now while it is open.
func StoppedDays(e judge.Episode, now time.Time) int {
	end := now
	if !e.Closed.IsZero() {
		end = e.Closed
	}
	return textutil.DaysBetween(e.Opened, end)
}

func stoppedPhrase(e judge.Episode, now time.Time) string {
	d := StoppedDays(e, now)
	span := "less than a day"
	switch {
	case d == 1:
		span = "1 day"
	case d > 1:
		span = fmt.Sprintf("%d days", d)
	}
	if !e.Closed.IsZero() {
		return "card payment was stopped for " + span
	}
	return "card payment stopped for " + span
}

func buildItem(e store.SiteEpisode, base string, now time.Time) Item {
	x := textutil.StripInvalidXML
	name := x(SiteName(e.Site))
	it := Item{
		ID:        ItemID(e.Site.ID, e.Key),
		Title:     name + " — " + string(e.Status) + " — " + stoppedPhrase(e.Episode, now),
		Link:      fmt.Sprintf("%s/sites/%d", base, e.Site.ID),
		Published: e.FirstFlagged.UTC(),
		Updated:   e.Updated.UTC(),
	}
	it.Categories = []string{string(e.Status)}
	if p := x(e.Site.Platform); p != "" {
		it.Categories = append(it.Categories, p)
	}
	it.Summary = fmt.Sprintf("%s (%s): %s, score %.2f, first flagged %s.",
		name, x(e.Site.URL), e.Status, e.Score, textutil.BothDates(e.FirstFlagged.UTC()))
	it.Watcher = Watcher{
		Site:         x(e.Site.URL),
		Status:       string(e.Status),
		Score:        e.Score,
		FirstFlagged: e.FirstFlagged.UTC().Format(time.RFC3339),
		Evidence:     []Evidence{},
	}
	for _, o := range e.Evidence {
		text := x(excerpt(o))
		if text == "" && o.URL == "" {
			continue
		}
		it.Watcher.Evidence = append(it.Watcher.Evidence, Evidence{
			URL:  x(o.URL),
			Text: text,
			Seen: o.Seen.UTC().Format(time.RFC3339),
		})
	}
	it.ContentHTML = renderContent(it, e, name)
	return it
}

// excerpt is the text an observation shows as evidence. State observations
// without text of their own are described, so every piece of evidence says
// what was seen.
func excerpt(o judge.Observation) string {
	t := strings.TrimSpace(o.Text)
	if t == "" && o.Title == "" {
		switch o.Kind {
		case judge.KindPayment:
			card := "card payment not offered or marked suspended"
			if o.CardAvailable {
				card = "card payment offered"
			}
			other := "no other method offered"
			if o.OtherMethods {
				other = "other methods (bank transfer, cash on delivery ...) offered"
			}
			return "payment-methods page: " + card + "; " + other
		case judge.KindBanner:
			return "top-page banner gone"
		case judge.KindSiteDown:
			return "whole site down or showing a maintenance page"
		case judge.KindFetchErr:
			return "site could not be crawled"
		case judge.KindNoNews:
			return "news no longer found on a site that used to have it"
		}
	}
	if o.Title != "" && !strings.Contains(t, o.Title) {
		if t == "" {
			return o.Title
		}
		return o.Title + ": " + t
	}
	return t
}

// contentTmpl is the item body. html/template escapes every value, so a
// hostile shop notice can never inject markup into a reader.
var contentTmpl = template.Must(template.New("content").Parse(
	`<p>{{.Name}} (<a href="{{.Site}}">{{.Site}}</a>): <strong>{{.Status}}</strong>, score {{printf "%.2f" .Score}}, platform {{.Platform}}, card payment stopped since {{.Opened}}, first flagged {{.Flagged}}.</p>
<ul>
{{- range .Evidence}}
<li><a href="{{.URL}}">{{.URL}}</a>{{with .Dated}}, dated {{.}}{{end}}, seen {{.Seen}}:<br><q>{{.Text}}</q></li>
{{- end}}
</ul>
<p><a href="{{.Link}}">Full evidence and timeline</a></p>`))

type contentEvidence struct{ URL, Text, Seen, Dated string }

func renderContent(it Item, e store.SiteEpisode, name string) string {
	x := textutil.StripInvalidXML
	data := struct {
		Name, Site, Status, Platform, Opened, Flagged, Link string
		Score                                               float64
		Evidence                                            []contentEvidence
	}{
		Name: name, Site: x(e.Site.URL), Status: string(e.Status), Platform: x(e.Site.Platform),
		Opened: textutil.BothDates(e.Opened.UTC()), Flagged: textutil.BothDates(e.FirstFlagged.UTC()),
		Link: it.Link, Score: e.Score,
	}
	if data.Platform == "" {
		data.Platform = "unknown"
	}
	for _, o := range e.Evidence {
		text := x(excerpt(o))
		if text == "" && o.URL == "" {
			continue
		}
		ev := contentEvidence{URL: x(o.URL), Text: text,
			Seen: textutil.DateTime(o.Seen) + " (" + textutil.JPDate(o.Seen) + ")"}
		if !o.Date.IsZero() {
			ev.Dated = textutil.BothDates(o.Date)
		}
		data.Evidence = append(data.Evidence, ev)
	}
	var b bytes.Buffer
	if err := contentTmpl.Execute(&b, data); err != nil {
		// Only a template bug can fail here; fall back to the escaped summary.
		return template.HTMLEscapeString(it.Summary)
	}
	return b.String()
}
