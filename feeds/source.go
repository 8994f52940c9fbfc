package feeds

import (
	"context"
	"fmt"
	"sort"

	"maintwatch/store"
)

// Source is what the feeds read from the store.
type Source interface {
	Episodes(ctx context.Context, q store.EpisodeQuery) ([]store.SiteEpisode, error)
}

// Load returns the episodes a feed shows for q, most recently updated first.
// Episodes that never crossed the flag threshold are left out: a feed names
// shops in public, and an episode that was never flagged must not.
func Load(ctx context.Context, src Source, q Query) ([]store.SiteEpisode, error) {
	limit := q.limit()
	sq := store.EpisodeQuery{
		Statuses: q.statuses(),
		MinScore: q.MinScore,
		Platform: q.Platform,
		Since:    q.Since,
		Limit:    limit,
	}
	for {
		eps, err := src.Episodes(ctx, sq)
		if err != nil {
			return nil, fmt.Errorf("feeds: load episodes: %w", err)
		}
		out := Publishable(eps)
		// The store limits before we drop never-flagged episodes; ask for
		// more until the page is full or the store has no more.
		if len(out) >= limit || len(eps) < sq.Limit {
			if len(out) > limit {
				out = out[:limit]
			}
			return out, nil
		}
		sq.Limit *= 2
	}
}

// Publishable keeps the episodes that were flagged at some point, with a
// published status, sorted most recently updated first (ties by id, so two
// renders of the same data are byte-identical).
func Publishable(eps []store.SiteEpisode) []store.SiteEpisode {
	out := make([]store.SiteEpisode, 0, len(eps))
	for _, e := range eps {
		if e.FirstFlagged.IsZero() || !published(e.Status) {
			continue
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Updated.Equal(b.Updated) {
			return a.Updated.After(b.Updated)
		}
		return a.ID > b.ID
	})
	return out
}
