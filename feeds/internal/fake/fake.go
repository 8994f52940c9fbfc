// Package fake is an in-memory stand-in for the store, implementing every
// method the feeds, pages and digest read, for their tests.
package fake

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"maintwatch/crawler"
	"maintwatch/judge"
	"maintwatch/nlp"
	"maintwatch/store"
)

// Store holds sites, episodes, observations, fetches and snapshots.
type Store struct {
	mu           sync.Mutex
	SiteList     []store.Site
	EpisodeList  []store.SiteEpisode
	Obs          map[int64][]judge.Observation
	FetchList    []store.FetchRecord
	Snaps        map[string]store.Snapshot
	EpisodeCalls int
	Err          error // returned by every method when set
}

// Sites returns every site.
func (s *Store) Sites(ctx context.Context) ([]store.Site, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	return append([]store.Site(nil), s.SiteList...), nil
}

// Site returns one site or store.ErrNotFound.
func (s *Store) Site(ctx context.Context, id int64) (store.Site, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return store.Site{}, s.Err
	}
	for _, x := range s.SiteList {
		if x.ID == id {
			return x, nil
		}
	}
	return store.Site{}, fmt.Errorf("site %d: %w", id, store.ErrNotFound)
}

// Episodes filters like the store: most recently updated first.
func (s *Store) Episodes(ctx context.Context, q store.EpisodeQuery) ([]store.SiteEpisode, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.EpisodeCalls++
	if s.Err != nil {
		return nil, s.Err
	}
	var out []store.SiteEpisode
	for _, e := range s.EpisodeList {
		if q.SiteID != 0 && e.Site.ID != q.SiteID {
			continue
		}
		if len(q.Statuses) > 0 && !hasStatus(q.Statuses, e.Status) {
			continue
		}
		if e.Score < q.MinScore {
			continue
		}
		if q.Platform != "" && e.Site.Platform != q.Platform {
			continue
		}
		if !q.Since.IsZero() && e.Updated.Before(q.Since) {
			continue
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Updated.Equal(out[j].Updated) {
			return out[i].Updated.After(out[j].Updated)
		}
		return out[i].ID > out[j].ID
	})
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
}

func hasStatus(list []judge.Status, s judge.Status) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Observations returns a site's observations, oldest first.
func (s *Store) Observations(ctx context.Context, siteID int64) ([]judge.Observation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	return append([]judge.Observation(nil), s.Obs[siteID]...), nil
}

// Fetches returns a site's fetches, newest first.
func (s *Store) Fetches(ctx context.Context, siteID int64, limit int) ([]store.FetchRecord, error) {
	return s.fetches(func(f store.FetchRecord) bool { return f.SiteID == siteID }, limit)
}

// FetchesByURL returns the fetches of one URL, newest first.
func (s *Store) FetchesByURL(ctx context.Context, url string, limit int) ([]store.FetchRecord, error) {
	return s.fetches(func(f store.FetchRecord) bool { return f.URL == url || f.FinalURL == url }, limit)
}

func (s *Store) fetches(keep func(store.FetchRecord) bool, limit int) ([]store.FetchRecord, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	var out []store.FetchRecord
	for _, f := range s.FetchList {
		if keep(f) {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].FetchedAt.After(out[j].FetchedAt) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// Snapshot returns a stored body or store.ErrNotFound.
func (s *Store) Snapshot(ctx context.Context, sha string) (store.Snapshot, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return store.Snapshot{}, s.Err
	}
	sn, ok := s.Snaps[sha]
	if !ok {
		return store.Snapshot{}, fmt.Errorf("snapshot %s: %w", sha, store.ErrNotFound)
	}
	return sn, nil
}

// SetStatus moves an episode to a new status at time at, as a later crawl
// would: same key, new Updated, a history entry.
func (s *Store) SetStatus(episodeID int64, st judge.Status, at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.EpisodeList {
		e := &s.EpisodeList[i]
		if e.ID != episodeID {
			continue
		}
		e.Status = st
		e.Updated = at
		e.History = append(append([]judge.Transition(nil), e.History...), judge.Transition{Status: st, At: at})
		if st == judge.Resolved {
			e.Closed = at
		}
		e.Site.Status = st
	}
}

// Hostile is a shop name meant to break out of any markup it lands in.
const Hostile = `<script>alert(1)</script>"><img src=x onerror=alert(1)>`

// D is a UTC date at 09:00.
func D(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 0, 0, 0, time.UTC) }

// New returns a store with four sites and their episodes: a suspected Japanese
// shop, a hostile one (escalated, with XML-illegal characters), a confirmed
// leak and a resolved one, plus a never-flagged episode feeds must not show.
func New() *Store {
	sites := []store.Site{
		{ID: 1, URL: "https://shop-a.example.jp/", Name: "さくら雑貨店", Platform: "ec-cube", AddedAt: D(2026, 1, 5)},
		{ID: 2, URL: "https://hostile.example.jp/", Name: Hostile + "\x00\x1b", Platform: "makeshop", AddedAt: D(2026, 1, 5)},
		{ID: 3, URL: "https://leaky.example.jp/", Name: "山田商店", Platform: "ec-cube", AddedAt: D(2026, 1, 5)},
		{ID: 4, URL: "https://fine.example.jp/", Name: "", Platform: "futureshop", AddedAt: D(2026, 1, 5)},
		{ID: 5, URL: "https://quiet.example.jp/", Name: "静かな店", Platform: "colorme", AddedAt: D(2026, 1, 5)},
	}
	noticeA := judge.Observation{ID: 11, Kind: judge.KindNotice, Seen: D(2026, 5, 20), Date: D(2026, 5, 19),
		URL: "https://shop-a.example.jp/news/12", Title: "クレジットカード決済一時停止のお知らせ",
		Text:  "現在、システムメンテナンスのためクレジットカード決済を停止しております。再開時期は未定です。銀行振込はご利用いただけます。",
		Label: nlp.Suspicious, Score: 0.91, Reasons: []nlp.Reason{nlp.ReasonCardStop, nlp.ReasonOpenEnded}}
	noticeH := judge.Observation{ID: 21, Kind: judge.KindNotice, Seen: D(2026, 5, 10),
		URL: "https://hostile.example.jp/news?id=1&x=<b>", Title: Hostile,
		Text: "システム不具合のためカード決済を停止中" + Hostile + "\x01\uFFFE", Label: nlp.Suspicious, Score: 0.88}
	noticeL1 := judge.Observation{ID: 31, Kind: judge.KindNotice, Seen: D(2026, 2, 2),
		URL: "https://leaky.example.jp/info/1", Title: "カード決済停止のお知らせ", Text: "当面の間、クレジットカード決済を停止いたします。", Label: nlp.Suspicious, Score: 0.9}
	noticeL2 := judge.Observation{ID: 32, Kind: judge.KindNotice, Seen: D(2026, 5, 25),
		URL: "https://leaky.example.jp/info/2", Title: "不正アクセスによる個人情報漏えいに関するお詫び", Text: "第三者による不正アクセスを受け、クレジットカード情報が漏えいした可能性があることが判明いたしました。", Label: nlp.Leak, Score: 0.97}
	noticeF := judge.Observation{ID: 41, Kind: judge.KindBanner, Seen: D(2026, 4, 1),
		URL: "https://fine.example.jp/", Text: "カード決済を一時停止しております", Label: nlp.Suspicious, Score: 0.7}
	paymentA := judge.Observation{ID: 12, Kind: judge.KindPayment, Seen: D(2026, 5, 20), URL: "https://shop-a.example.jp/guide/payment", OtherMethods: true}
	factors := []judge.Factor{
		{Name: "notice_label", Contribution: 0.55, Detail: "notice classified suspicious_suspension (0.91)"},
		{Name: "open_ended", Contribution: 0.2, Detail: "再開時期未定"},
		{Name: "other_methods", Contribution: 0.1, Detail: "bank transfer still offered"},
	}
	eps := []store.SiteEpisode{
		{ID: 101, Site: sites[0], Episode: judge.Episode{Key: "n11", Status: judge.Suspected, Score: 0.85,
			Opened: D(2026, 5, 19), FirstFlagged: D(2026, 5, 20), Updated: D(2026, 5, 20), Factors: factors,
			Evidence: []judge.Observation{noticeA, paymentA}, History: []judge.Transition{{Status: judge.Suspected, At: D(2026, 5, 20)}}}},
		{ID: 102, Site: sites[1], Episode: judge.Episode{Key: "n21", Status: judge.Escalated, Score: 0.93,
			Opened: D(2026, 5, 10), FirstFlagged: D(2026, 5, 10), Updated: D(2026, 5, 24), Factors: factors,
			Evidence: []judge.Observation{noticeH}, History: []judge.Transition{{Status: judge.Suspected, At: D(2026, 5, 10)}, {Status: judge.Escalated, At: D(2026, 5, 24)}}}},
		{ID: 103, Site: sites[2], Episode: judge.Episode{Key: "n31", Status: judge.ConfirmedLeak, Score: 1,
			Opened: D(2026, 2, 2), FirstFlagged: D(2026, 2, 2), Updated: D(2026, 5, 25), Closed: D(2026, 5, 25),
			LeadTime: D(2026, 5, 25).Sub(D(2026, 2, 2)), Factors: factors, Evidence: []judge.Observation{noticeL1, noticeL2},
			History: []judge.Transition{{Status: judge.Suspected, At: D(2026, 2, 2)}, {Status: judge.Escalated, At: D(2026, 3, 2)}, {Status: judge.ConfirmedLeak, At: D(2026, 5, 25)}}}},
		{ID: 104, Site: sites[3], Episode: judge.Episode{Key: "b41", Status: judge.Resolved, Score: 0.4,
			Opened: D(2026, 4, 1), FirstFlagged: D(2026, 4, 2), Updated: D(2026, 5, 21), Closed: D(2026, 5, 21), Factors: factors,
			Evidence: []judge.Observation{noticeF}, History: []judge.Transition{{Status: judge.Suspected, At: D(2026, 4, 2)}, {Status: judge.Resolved, At: D(2026, 5, 21)}}}},
		// Never flagged: must not be published.
		{ID: 105, Site: sites[4], Episode: judge.Episode{Key: "n51", Status: judge.Resolved, Score: 0.2,
			Opened: D(2026, 5, 1), Updated: D(2026, 5, 26), Closed: D(2026, 5, 26)}},
	}
	for i := range sites {
		for _, e := range eps {
			if e.Site.ID == sites[i].ID {
				sites[i].Status, sites[i].Score, sites[i].Factors = e.Status, e.Score, e.Factors
			}
		}
	}
	for i := range eps {
		eps[i].Site = sites[i]
	}
	body := []byte("<html><head><meta charset=\"utf-8\"></head><body><script>alert(1)</script>" + noticeA.Text + "</body></html>")
	sha := "5d41402abc4b2a76b9719d911017c592aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	return &Store{
		SiteList:    sites,
		EpisodeList: eps,
		Obs: map[int64][]judge.Observation{
			1: {{Kind: judge.KindCrawl, Seen: D(2026, 5, 19)}, noticeA, paymentA},
			2: {noticeH},
			3: {noticeL1, noticeL2},
			4: {noticeF},
		},
		FetchList: []store.FetchRecord{
			{ID: 1, SiteID: 1, Fetch: crawler.Fetch{URL: noticeA.URL, Kind: crawler.KindDetail, FetchedAt: D(2026, 5, 20), Status: 200,
				ContentType: "text/html; charset=Shift_JIS", Charset: "shift_jis", SHA256: sha, Readable: true}},
			{ID: 2, SiteID: 2, Fetch: crawler.Fetch{URL: noticeH.URL, Kind: crawler.KindNews, FetchedAt: D(2026, 5, 10), Status: 200,
				Charset: "utf-8", SHA256: "ab" + sha[2:], Readable: true}},
		},
		Snaps: map[string]store.Snapshot{
			sha: {SHA256: sha, Body: body, Size: len(body), ContentType: "text/html; charset=Shift_JIS", Charset: "shift_jis", FirstSeen: D(2026, 5, 20)},
		},
	}
}
