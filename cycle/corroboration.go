package cycle

import (
	"context"
	"fmt"

	"maintwatch/judge"
	"maintwatch/nlp"
	"maintwatch/store"
)

// corroboration counts, for each site and each notice or banner wording that
// could matter (called a card stop or planned work), how many shops showed
// it within a day of the site's first sighting: one store query for every
// site of the cycle, rather than one per wording per site over the whole
// history. A wording only this site showed counts 1.
func (r *Runner) corroboration(ctx context.Context, sites []store.Site) (map[int64]map[string]int, error) {
	q := store.CorroborationQuery{
		Kinds:  []judge.Kind{judge.KindNotice, judge.KindBanner},
		Labels: []nlp.Label{nlp.Suspicious, nlp.Scheduled},
		Window: CorroborationWindow,
	}
	q.SiteIDs = make([]int64, 0, len(sites))
	for _, s := range sites {
		q.SiteIDs = append(q.SiteIDs, s.ID)
	}
	m, err := r.Store.CorroborationBySite(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("cycle: corroboration: %w", err)
	}
	for _, fps := range m {
		for fp, n := range fps {
			fps[fp] = max(n, 1)
		}
	}
	return m, nil
}
