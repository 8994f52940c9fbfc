package feeds

import (
	"errors"
	"net/url"
	"testing"
)

// FuzzParseQuery: any query string either parses into values in range or
// fails with ErrBadQuery; never panics.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"status=suspected,resolved&min_score=0.5", "since=2026-06-01", "since=2026-06-01T00:00:00%2B09:00", "min_score=NaN", "limit=99999999999999999999", "status=%00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := ParseQuery(v)
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("%q: error %v does not wrap ErrBadQuery", raw, err)
			}
			return
		}
		if q.MinScore < 0 || q.MinScore > 1 || q.MinScore != q.MinScore {
			t.Fatalf("%q: min score %v", raw, q.MinScore)
		}
		if q.limit() < 1 || q.limit() > 1000 {
			t.Fatalf("%q: limit %d", raw, q.limit())
		}
		for _, s := range q.statuses() {
			if !published(s) {
				t.Fatalf("%q: status %q", raw, s)
			}
		}
	})
}

// BenchmarkRender: building and rendering a full feed (DefaultLimit items),
// the store excluded.
func BenchmarkRender(b *testing.B) {
	eps, err := Load(b.Context(), newBenchSource(20), Query{})
	if err != nil || len(eps) != DefaultLimit {
		b.Fatalf("%d episodes, %v", len(eps), err)
	}
	for _, format := range []string{"rss", "atom", "json"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := Render(discard{}, format, Build(eps, Options{BaseURL: testBase, Now: testNow})); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
