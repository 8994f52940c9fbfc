package crawler

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"maintwatch/crawler/decode"
	"maintwatch/crawler/extract"
)

// The crawl benchmark: a local web of shops served by a separate process (so
// that getrusage measures the crawler, not the servers), crawled by the
// crawler and by a plain net/http client in the same run.
//
//	go test -run '^$' -bench BenchmarkCrawl -benchtime 1x ./crawler
//
// MAINTWATCH_BENCH_SHOPS (default 2000), MAINTWATCH_BENCH_HOSTS (listeners,
// default 200), MAINTWATCH_BENCH_PAR (sites in flight, default 64) and
// MAINTWATCH_BENCH_ROUNDS (passes per comparison, default 3, medians
// reported) size it; CI runs a small web with MAINTWATCH_BENCH_SHOPS=100.
// MAINTWATCH_BENCH_PROFILE=dir writes CPU and allocation profiles per phase.
const benchServeEnv = "MAINTWATCH_BENCH_SERVE"

func TestMain(m *testing.M) {
	if os.Getenv(benchServeEnv) != "" {
		if err := serveBenchWeb(); err != nil {
			fmt.Fprintln(os.Stderr, "bench web:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// benchPages are one shop's pages (2-3 KB each, like a small shop's HTML
// without its assets), keyed by path below the shop's prefix.
func benchPages(shop int) map[string]string {
	pad := "<div class=\"item\"><a href=\"/item/%d\">商品%d</a><span class=\"price\">%d円（税込）</span></div>\n"
	var items strings.Builder
	for i := range 12 {
		fmt.Fprintf(&items, pad, i, i, 1000+i*shop%977)
	}
	prefix := fmt.Sprintf("/s%d", shop)
	rel := func(s string) string { return strings.ReplaceAll(s, `href="/`, `href="`+prefix+`/`) }
	return map[string]string{
		"/":                   rel(strings.Replace(topHTML, "</body>", items.String()+"</body>", 1)),
		"/news/":              rel(strings.Replace(newsHTML, "</body>", items.String()+"</body>", 1)),
		"/news/1.html":        strings.Replace(detail1HTML, "</body>", items.String()+"</body>", 1),
		"/news/2.html":        strings.Replace(detail2HTML, "</body>", items.String()+"</body>", 1),
		"/guide/payment.html": strings.Replace(paymentHTML, "</body>", items.String()+"</body>", 1),
	}
}

// serveBenchWeb runs in the child process: it prints one base URL per shop
// and serves until stdin closes.
func serveBenchWeb() error {
	shops := envInt("MAINTWATCH_BENCH_SHOPS", 2000)
	hosts := envInt("MAINTWATCH_BENCH_HOSTS", 200)
	type resource struct {
		body []byte
		etag string
	}
	muxes := make([]map[string]resource, hosts)
	for i := range muxes {
		muxes[i] = map[string]resource{"/robots.txt": {body: []byte("User-agent: *\nDisallow: /cart/\n"), etag: `"r1"`}}
	}
	for s := range shops {
		for p, body := range benchPages(s) {
			sum := sha256.Sum256([]byte(body))
			muxes[s%hosts][fmt.Sprintf("/s%d%s", s, p)] = resource{body: []byte(body), etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		}
	}
	addrs := make([]string, hosts)
	for h := range hosts {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		addrs[h] = ln.Addr().String()
		m := muxes[h]
		srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			res, ok := m[r.URL.Path]
			if !ok {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("ETag", res.etag)
			if r.Header.Get("If-None-Match") == res.etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			if strings.HasSuffix(r.URL.Path, ".txt") {
				w.Header().Set("Content-Type", "text/plain")
			} else {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
			}
			w.Write(res.body)
		})}
		go srv.Serve(ln)
	}
	out := bufio.NewWriter(os.Stdout)
	for s := range shops {
		fmt.Fprintf(out, "http://%s/s%d/\n", addrs[s%hosts], s)
	}
	fmt.Fprintln(out, "ready")
	out.Flush()
	io.Copy(io.Discard, os.Stdin)
	return nil
}

func startBenchWeb(b *testing.B) []string {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), benchServeEnv+"=1")
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { stdin.Close(); cmd.Wait() })
	var sites []string
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if sc.Text() == "ready" {
			return sites
		}
		sites = append(sites, sc.Text())
	}
	b.Fatalf("bench web exited before ready: %v", sc.Err())
	return nil
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// heapPeak samples the live heap every few milliseconds until stop is
// called, and returns the peak seen above the heap at the start.
func heapPeak() (stop func() int64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() int64 { metrics.Read(sample); return int64(sample[0].Value.Uint64()) }
	runtime.GC()
	base := read()
	var peak atomic.Int64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			if v := read() - base; v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() int64 { close(done); <-finished; return peak.Load() }
}

func maxRSS() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Maxrss * 1024 // kilobytes on Linux
}

// What the plain net/http baseline does with each body.
type plainWork int

const (
	plainFetchOnly plainWork = iota // io.ReadAll, nothing else
	// plainSameWork: also what the crawler must do to every page besides
	// extraction: SHA-256 (change detection) and charset decoding.
	plainSameWork
	plainExtract // also crawler/extract, as the crawler's cycle 1 does
)

var plainPhase = [...]string{"plain", "plain-samework", "plain-extract"}

// plainFetch fetches each site's URLs in order, par sites at a time, with a
// fresh net/http transport: the same shape of concurrency as the crawler,
// without its politeness or bookkeeping, doing work w with each body.
func plainFetch(b *testing.B, bySite [][]Fetch, par int, w plainWork) (pages int, d time.Duration) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	// The crawler's pool size: the default (100 idle in all) is smaller than
	// the number of hosts and would make the baseline redial.
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = max(256, 8*par), 1
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 20 * time.Second}
	work := make(chan []Fetch)
	var n atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	labels := pprof.Labels("phase", plainPhase[w])
	for range par {
		wg.Add(1)
		go pprof.Do(context.Background(), labels, func(context.Context) {
			defer wg.Done()
			for fs := range work {
				for _, f := range fs {
					res, err := client.Get(f.URL)
					if err != nil {
						b.Error(err)
						continue
					}
					body, _ := io.ReadAll(res.Body)
					res.Body.Close()
					n.Add(1)
					if w == plainSameWork {
						sum := sha256.Sum256(body)
						_ = hex.EncodeToString(sum[:])
						if f.Kind != KindRobots {
							decode.HTML(body, res.Header.Get("Content-Type"))
						}
					}
					switch {
					case w != plainExtract || f.Kind == KindRobots:
					case f.Kind == KindDetail:
						extract.Detail(f.URL, string(body), f.FetchedAt)
					default:
						extract.Page(f.URL, string(body), f.FetchedAt)
					}
				}
			}
		})
	}
	for _, s := range bySite {
		work <- s
	}
	close(work)
	wg.Wait()
	return int(n.Load()), time.Since(start)
}

// memo remembers what extract said about each URL in cycle 1 so that a
// second crawler can walk the same web without extracting: that isolates
// the crawler's own cost (HTTP, politeness, decoding, bookkeeping).
type memo struct {
	mu      sync.Mutex
	pages   map[string]extract.Result
	details map[string]extract.Notice
}

func (m *memo) record(c *Crawler) {
	m.pages, m.details = map[string]extract.Result{}, map[string]extract.Notice{}
	page, detail := c.page, c.detail
	c.page = func(u, html string, ref time.Time) extract.Result {
		r := page(u, html, ref)
		m.mu.Lock()
		m.pages[u] = r
		m.mu.Unlock()
		return r
	}
	c.detail = func(u, html string, ref time.Time) extract.Notice {
		n := detail(u, html, ref)
		m.mu.Lock()
		m.details[u] = n
		m.mu.Unlock()
		return n
	}
}

func (m *memo) replay(c *Crawler) {
	c.page = func(u, _ string, _ time.Time) extract.Result { m.mu.Lock(); defer m.mu.Unlock(); return m.pages[u] }
	c.detail = func(u, _ string, _ time.Time) extract.Notice { m.mu.Lock(); defer m.mu.Unlock(); return m.details[u] }
}

// benchCycle crawls once, keeping only what the benchmark needs (the
// report's fetch list, saved to history as the store would) so that peak
// RSS reflects the crawler, not retained reports.
func benchCycle(b *testing.B, phase string, c *Crawler, sites []string, h *fakeHistory) (bySite [][]Fetch, pages, notModified int, wall, cpu time.Duration) {
	var hist History // a nil *fakeHistory must stay a nil interface
	if h != nil {
		hist = h
	}
	defer phaseProfile(b, phase)()
	cpu0, t0 := cpuTime(), time.Now()
	// The label lets a CPU profile be cut by phase: -tagfocus phase=cycle2.
	// Labels miss the connection goroutines started in an earlier phase and
	// the GC; MAINTWATCH_BENCH_PROFILE (see phaseProfile) catches all of it.
	var err error
	pprof.Do(context.Background(), pprof.Labels("phase", phase), func(ctx context.Context) {
		err = c.Crawl(ctx, sites, hist, func(r SiteReport) {
			if r.ErrKind != "" {
				b.Errorf("site failed: %s", describe(r))
			}
			var fs []Fetch
			for _, f := range r.Fetches {
				fs = append(fs, Fetch{URL: f.URL, Kind: f.Kind, FetchedAt: f.FetchedAt})
				if f.NotModified {
					notModified++
				}
			}
			pages += len(fs)
			bySite = append(bySite, fs)
			if h != nil {
				h.save([]SiteReport{r})
			}
		})
	})
	if err != nil {
		b.Fatal(err)
	}
	return bySite, pages, notModified, time.Since(t0), cpuTime() - cpu0
}

// phaseProfile writes a CPU profile of one phase to
// $MAINTWATCH_BENCH_PROFILE/<phase>.pprof when that variable names a
// directory (not together with -cpuprofile: one CPU profile at a time),
// and heap profiles at its start and end (<phase>.heap0, <phase>.heap):
// go tool pprof -sample_index=alloc_space -diff_base X.heap0 X.heap.
func phaseProfile(b *testing.B, phase string) (stop func()) {
	dir := os.Getenv("MAINTWATCH_BENCH_PROFILE")
	if dir == "" {
		return func() {}
	}
	writeHeap := func(name string) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			b.Fatal(err)
		}
	}
	writeHeap(phase + ".heap0")
	f, err := os.Create(filepath.Join(dir, phase+".pprof"))
	if err != nil {
		b.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		b.Fatal(err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
		writeHeap(phase + ".heap")
	}
}

// run is one pass of one side of a comparison.
type run struct {
	pages     int
	wall, cpu time.Duration
}

func (r run) rate() float64 { return float64(r.pages) / r.wall.Seconds() }

func medianRate(rs []run) float64 {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = r.rate()
	}
	slices.Sort(v)
	return v[len(v)/2]
}

func medianCPU(rs []run) time.Duration {
	v := make([]time.Duration, len(rs))
	for i, r := range rs {
		v[i] = r.cpu
	}
	slices.Sort(v)
	return v[len(v)/2]
}

// describeRuns prints the median pages/s and CPU with their ranges.
func describeRuns(rs []run) string {
	rates := make([]float64, len(rs))
	cpus := make([]time.Duration, len(rs))
	for i, r := range rs {
		rates[i], cpus[i] = r.rate(), r.cpu
	}
	slices.Sort(rates)
	slices.Sort(cpus)
	ms := func(d time.Duration) int64 { return d.Milliseconds() }
	return fmt.Sprintf("%6.0f pages/s [%.0f-%.0f], cpu %d ms [%d-%d]",
		rates[len(rates)/2], rates[0], rates[len(rates)-1], ms(cpus[len(cpus)/2]), ms(cpus[0]), ms(cpus[len(cpus)-1]))
}

func cpuShares(rs []run, base time.Duration) string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%.1f", 100*r.cpu.Seconds()/base.Seconds()))
	}
	return strings.Join(out, " ")
}

func BenchmarkCrawl(b *testing.B) {
	sites := startBenchWeb(b)
	// Passes per comparison; medians are reported.
	rounds := envInt("MAINTWATCH_BENCH_ROUNDS", 3)
	par := envInt("MAINTWATCH_BENCH_PAR", 64)
	cfg := Config{Delay: -1, Jitter: -1, Parallelism: par, AllowPrivate: true, Timeout: 20 * time.Second}
	b.ResetTimer()
	for range b.N {
		c, err := New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		var m memo
		m.record(c)
		h := newFakeHistory()

		// Cycle 1: everything fresh.
		stopHeap := heapPeak()
		bySite, pages1, _, wall1, cpu1 := benchCycle(b, "cycle1", c, sites, h)
		heap1 := stopHeap()
		rss1 := maxRSS() // the peak so far: test binary plus one full crawl
		runtime.GC()

		// The plain client with the same extraction, over the same URLs at
		// the same concurrency.
		cpu0 := cpuTime()
		stop := phaseProfile(b, "plain-extract")
		parsePages, parseDur := plainFetch(b, bySite, par, plainExtract)
		stop()
		cpuParse := cpuTime() - cpu0

		// The crawler's fetch layer alone (a new crawler: no history, no
		// robots cache; extraction replayed from cycle 1) against plain
		// net/http over the same URLs, interleaved round by round so that
		// load from elsewhere on the machine hits all sides alike; medians.
		var bareRuns, plainRuns, sameRuns []run
		for range rounds {
			bare, err := New(cfg)
			if err != nil {
				b.Fatal(err)
			}
			m.replay(bare)
			_, n, _, wall, cpu := benchCycle(b, "bare", bare, sites, nil)
			bareRuns = append(bareRuns, run{n, wall, cpu})
			for _, w := range []plainWork{plainFetchOnly, plainSameWork} {
				cpu0 := cpuTime()
				stop := phaseProfile(b, plainPhase[w])
				n, wall := plainFetch(b, bySite, par, w)
				stop()
				r := run{n, wall, cpuTime() - cpu0}
				if w == plainFetchOnly {
					plainRuns = append(plainRuns, r)
				} else {
					sameRuns = append(sameRuns, r)
				}
			}
		}

		// Cycle 2 and later: nothing changed.
		var cycle2 []run
		var pages2, notModified int
		for range rounds {
			_, n, nm, wall, cpu := benchCycle(b, "cycle2", c, sites, h)
			cycle2 = append(cycle2, run{n, wall, cpu})
			pages2, notModified = pages2+n, notModified+nm
		}

		crawlRate := float64(pages1) / wall1.Seconds()
		parseRate := float64(parsePages) / parseDur.Seconds()
		bareRate, plainRate, sameRate := medianRate(bareRuns), medianRate(plainRuns), medianRate(sameRuns)
		cpu2 := medianCPU(cycle2)
		b.ReportMetric(crawlRate, "crawler-pages/s")
		b.ReportMetric(plainRate, "nethttp-pages/s")
		b.ReportMetric(bareRate/plainRate, "ratio")
		b.ReportMetric(bareRate/sameRate, "ratio-same-work")
		b.ReportMetric(crawlRate/parseRate, "ratio-with-extract")
		b.ReportMetric(100*float64(notModified)/float64(max(pages2, 1)), "cycle2-304-%")
		b.ReportMetric(100*cpu2.Seconds()/cpu1.Seconds(), "cycle2-cpu-%")
		b.ReportMetric(float64(rss1)/(1<<20), "peak-rss-MB")
		b.ReportMetric(float64(heap1)/(1<<20), "cycle1-heap-peak-MB")
		b.Logf("%d sites, %d pages, %d in flight; %d rounds, medians [min-max]", len(sites), pages1, par, rounds)
		b.Logf("crawler, cycle 1:             %8v wall %8v cpu  %6.0f pages/s", wall1.Round(time.Millisecond), cpu1.Round(time.Millisecond), crawlRate)
		b.Logf("net/http + extract:           %8v wall %8v cpu  %6.0f pages/s", parseDur.Round(time.Millisecond), cpuParse.Round(time.Millisecond), parseRate)
		b.Logf("crawler, extraction replayed: %s", describeRuns(bareRuns))
		b.Logf("net/http, fetch only:         %s", describeRuns(plainRuns))
		b.Logf("net/http + SHA-256 + decode:  %s", describeRuns(sameRuns))
		b.Logf("ratio (fetch only) %.2f, ratio (same work) %.2f", bareRate/plainRate, bareRate/sameRate)
		b.Logf("crawler, unchanged cycles:    %s; %d/%d answered 304; cpu %% of cycle 1: %s",
			describeRuns(cycle2), notModified, pages2, cpuShares(cycle2, cpu1))
	}
}
