// Package store keeps maintwatch's evidence in SQLite: sites, every fetch with
// its validators and hash, raw snapshots, deduplicated notices with their
// classification, observations and episodes.
package store

import (
	"errors"
	"time"

	"maintwatch/crawler"
	"maintwatch/crawler/extract"
	"maintwatch/judge"
	"maintwatch/nlp"
)

// ErrNotFound is returned when a site, snapshot or episode does not exist.
var ErrNotFound = errors.New("not found")

// SiteInput is one site to add.
type SiteInput struct {
	URL  string
	Name string
}

// Site is a watched shop and its current state.
type Site struct {
	ID               int64          `json:"id"`
	URL              string         `json:"url"` // top-page URL as imported
	Name             string         `json:"name"`
	AddedAt          time.Time      `json:"added_at"`
	Platform         string         `json:"platform"`
	PlatformVersion  string         `json:"platform_version,omitempty"`
	LastCrawl        time.Time      `json:"last_crawl,omitzero"`
	LastResult       string         `json:"last_result"`       // "", "ok", "unchanged", "maintenance", "extraction_failed", "error: ..."
	Status           judge.Status   `json:"status"`            // status of the latest episode, "" when none
	Score            float64        `json:"score"`             // score of the latest episode
	Factors          []judge.Factor `json:"factors,omitempty"` // of the latest episode
	ExtractionFailed bool           `json:"extraction_failed"`
	NoticesSeen      int            `json:"notices_seen"` // notices ever stored for the site
}

// NoticeRecord is one extracted notice with its classification and the
// observation to store if the notice is new.
type NoticeRecord struct {
	extract.Notice
	FetchSHA256 string
	Result      nlp.Result
	Observation judge.Observation
}

// CrawlRecord is one site's cycle, stored in one transaction by SaveCrawl.
type CrawlRecord struct {
	SiteID           int64
	At               time.Time
	Platform         string
	PlatformVersion  string
	Result           string // as Site.LastResult
	ExtractionFailed bool
	// Fetches: every request; bodies are kept as snapshots, deduplicated by
	// SHA-256 and compressed; validators and links feed Prior.
	Fetches []crawler.Fetch
	// Notices are deduplicated per site by a hash of normalised title+body;
	// an observation is stored only for a notice not seen before.
	Notices []NoticeRecord
	// Observations: the state observations of this cycle (banner, payment,
	// sitedown, fetcherr, nonews, crawl).
	Observations []judge.Observation
}

// FetchRecord is a stored fetch, without its body.
type FetchRecord struct {
	ID     int64 `json:"id"`
	SiteID int64 `json:"site_id"`
	crawler.Fetch
}

// Snapshot is a stored raw page body.
type Snapshot struct {
	SHA256      string    `json:"sha256"`
	Body        []byte    `json:"-"`
	Size        int       `json:"size"`
	ContentType string    `json:"content_type"`
	Charset     string    `json:"charset"`
	FirstSeen   time.Time `json:"first_seen"`
}

// SiteEpisode is an episode with its site.
type SiteEpisode struct {
	ID   int64 `json:"id"`
	Site Site  `json:"site"`
	judge.Episode
}

// EpisodeQuery filters Episodes. Zero fields do not filter.
type EpisodeQuery struct {
	SiteID   int64
	Statuses []judge.Status
	MinScore float64
	Platform string
	Since    time.Time // episodes updated at or after
	Limit    int       // most recently updated first; 0 = no limit
}
