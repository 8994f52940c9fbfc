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
	"time"
)

// loadGen is the load generator: clients goroutines, each a closed loop (send
// a request, read the whole answer, send the next) with no pause, reading
// what feed readers and visitors read. It runs in a child process of its
// own (clients.go), as real readers would be, so its goroutines do not take
// the Go scheduler's time from the crawl being measured.
type loadGen struct {
	base    string  // http://127.0.0.1:PORT
	siteIDs []int64 // for /sites/{id}
	client  *http.Client
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

var targetNames = []string{"/feed.rss", "/feed.json", "/sites/{id}"}

// wireStats is what the clients saw, as the child sends it to the test.
type wireStats struct {
	Requests  []wireReq `json:"requests"`
	Errors    int       `json:"errors"`
	Locked    int       `json:"locked"`
	ErrSample []string  `json:"err_sample"`
}

// wireReq is one answered request: when it ended (Unix ns), how long it took
// (ns) and what it asked for.
type wireReq struct {
	End    int64  `json:"e"`
	Lat    int64  `json:"l"`
	Target string `json:"t"`
}

// run sends requests from clients goroutines until ctx ends. A request cut
// short by the end of the run is not counted; any other failure is.
func (g *loadGen) run(ctx context.Context, clients int, seed uint64) wireStats {
	per := make([]wireStats, clients)
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, uint64(c)))
			ts := g.targets()
			res := &per[c]
			for ctx.Err() == nil {
				t := pickTarget(ts, rng)
				t0 := time.Now()
				err := g.get(ctx, t.path(rng))
				end := time.Now()
				if ctx.Err() != nil {
					return // the run ended during this request
				}
				if err != nil {
					res.Errors++
					if lockedText(err.Error()) {
						res.Locked++
					}
					if len(res.ErrSample) < 3 {
						res.ErrSample = append(res.ErrSample, err.Error())
					}
					continue
				}
				res.Requests = append(res.Requests, wireReq{End: end.UnixNano(), Lat: int64(end.Sub(t0)), Target: t.name})
			}
		}()
	}
	wg.Wait()
	var all wireStats
	for _, r := range per {
		all.Requests = append(all.Requests, r.Requests...)
		all.Errors += r.Errors
		all.Locked += r.Locked
		for _, m := range r.ErrSample {
			if len(all.ErrSample) < 5 {
				all.ErrSample = append(all.ErrSample, m)
			}
		}
	}
	return all
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
	return &http.Client{Transport: tr, Timeout: 120 * time.Second}
}

// interval is a span of wall time during which a crawl cycle was running.
type interval struct{ from, to time.Time }

// loadStats summarises wireStats for the report.
type loadStats struct {
	requests     int
	duringWrites int // requests that ended while a cycle was running
	byTarget     map[string]int
	errors       int
	locked       int
	errSample    []string
	latencies    []time.Duration // sorted
	byTargetLat  map[string][]time.Duration
}

func summarize(w wireStats, busy []interval) *loadStats {
	st := &loadStats{byTarget: map[string]int{}, byTargetLat: map[string][]time.Duration{},
		errors: w.Errors, locked: w.Locked, errSample: w.ErrSample, requests: len(w.Requests)}
	for _, r := range w.Requests {
		d := time.Duration(r.Lat)
		st.latencies = append(st.latencies, d)
		st.byTarget[r.Target]++
		st.byTargetLat[r.Target] = append(st.byTargetLat[r.Target], d)
		end := time.Unix(0, r.End)
		for _, iv := range busy {
			if !end.Before(iv.from) && !end.After(iv.to) {
				st.duringWrites++
				break
			}
		}
	}
	slices.Sort(st.latencies)
	for _, l := range st.byTargetLat {
		slices.Sort(l)
	}
	return st
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
