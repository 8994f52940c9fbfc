package loadtest

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// loadGen is the load generator: clients goroutines, each a closed loop (send
// a request, read the whole answer, send the next) with no pause, reading
// what feed readers and visitors read.
type loadGen struct {
	base    string  // http://127.0.0.1:PORT
	siteIDs []int64 // for /sites/{id}
	client  *http.Client
	// busy reports whether a crawl cycle is writing right now; requests
	// that finish while it does are counted apart, to prove the overlap.
	busy func() bool
}

// target is one kind of request, with its share of the mix.
type target struct {
	name  string
	share int // out of 100
	path  func(rng *rand.Rand) string
}

func (g *loadGen) targets() []target {
	return []target{
		{"/feed.rss", 30, func(*rand.Rand) string { return "/feed.rss" }},
		{"/feed.json", 30, func(*rand.Rand) string { return "/feed.json" }},
		{"/sites/{id}", 40, func(rng *rand.Rand) string {
			return fmt.Sprintf("/sites/%d", g.siteIDs[rng.IntN(len(g.siteIDs))])
		}},
	}
}

// loadStats is what the clients saw.
type loadStats struct {
	requests     int
	duringWrites int // requests that completed while a cycle was running
	byTarget     map[string]int
	errors       int
	locked       int
	errSample    []string
	latencies    []time.Duration // sorted
	byTargetLat  map[string][]time.Duration
}

func (s *loadStats) quantile(q float64) time.Duration { return quantile(s.latencies, q) }

// quantile of sorted durations (nearest rank); 0 for none.
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

type clientResult struct {
	lat      []time.Duration
	targets  []string
	during   int
	errors   int
	locked   int
	messages []string
}

// run sends requests from clients goroutines until ctx ends. A request cut
// short by the end of the run is not counted; any other failure is.
func (g *loadGen) run(ctx context.Context, clients int, seed uint64) *loadStats {
	results := make([]clientResult, clients)
	var wg sync.WaitGroup
	var started atomic.Int64
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			started.Add(1)
			rng := rand.New(rand.NewPCG(seed, uint64(c)))
			ts := g.targets()
			res := &results[c]
			for ctx.Err() == nil {
				t := pickTarget(ts, rng)
				t0 := time.Now()
				err := g.get(ctx, t.path(rng))
				d := time.Since(t0)
				if ctx.Err() != nil {
					return // the run ended during this request
				}
				if err != nil {
					res.errors++
					if lockedText(err.Error()) {
						res.locked++
					}
					if len(res.messages) < 3 {
						res.messages = append(res.messages, err.Error())
					}
					continue
				}
				res.lat = append(res.lat, d)
				res.targets = append(res.targets, t.name)
				if g.busy != nil && g.busy() {
					res.during++
				}
			}
		}()
	}
	wg.Wait()
	st := &loadStats{byTarget: map[string]int{}, byTargetLat: map[string][]time.Duration{}}
	for _, r := range results {
		st.requests += len(r.lat)
		st.duringWrites += r.during
		st.errors += r.errors
		st.locked += r.locked
		for i, d := range r.lat {
			st.latencies = append(st.latencies, d)
			st.byTarget[r.targets[i]]++
			st.byTargetLat[r.targets[i]] = append(st.byTargetLat[r.targets[i]], d)
		}
		for _, m := range r.messages {
			if len(st.errSample) < 5 {
				st.errSample = append(st.errSample, m)
			}
		}
	}
	slices.Sort(st.latencies)
	for _, l := range st.byTargetLat {
		slices.Sort(l)
	}
	return st
}

func pickTarget(ts []target, rng *rand.Rand) target {
	n := rng.IntN(100)
	for _, t := range ts {
		if n < t.share {
			return t
		}
		n -= t.share
	}
	return ts[len(ts)-1]
}

// get fetches one page and reads it whole. Anything but 200 is an error
// (the clients send no validators, so 304 cannot be a right answer).
func (g *loadGen) get(ctx context.Context, path string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, g.base+path, nil)
	if err != nil {
		return err
	}
	res, err := g.client.Do(req)
	if err != nil {
		return fmt.Errorf("GET %s: %w", path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return fmt.Errorf("GET %s: read body: %w", path, err)
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s: %s", path, res.Status, strings.TrimSpace(string(body[:min(len(body), 200)])))
	}
	if len(body) == 0 {
		return fmt.Errorf("GET %s: empty body", path)
	}
	return nil
}

func newClient(clients int) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	// One kept-alive connection per client: the default of 2 idle per host
	// would make most clients dial a new connection per request.
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = clients, clients
	return &http.Client{Transport: tr, Timeout: 60 * time.Second}
}
