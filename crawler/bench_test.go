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
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// The crawl benchmark: a local web of shops served by a separate process (so
// that getrusage measures the crawler, not the servers), crawled by the
// crawler and by a plain net/http client in the same run.
//
//	go test -run '^$' -bench BenchmarkCrawl -benchtime 1x ./crawler
//
// MAINTWATCH_BENCH_SHOPS (default 2000), MAINTWATCH_BENCH_HOSTS (listeners,
// default 200) and MAINTWATCH_BENCH_PAR (sites in flight, default 64) size it;
// CI runs a small web with MAINTWATCH_BENCH_SHOPS=100.
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

func maxRSS() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Maxrss * 1024 // kilobytes on Linux
}

// plainFetch fetches each site's URLs in order, par sites at a time, with a
// fresh net/http transport and io.ReadAll: the same shape of concurrency as
// the crawler, without its politeness, parsing or bookkeeping.
func plainFetch(b *testing.B, bySite [][]string, par int) (pages int, d time.Duration) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 20 * time.Second}
	work := make(chan []string)
	var n atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range par {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for urls := range work {
				for _, u := range urls {
					res, err := client.Get(u)
					if err != nil {
						b.Error(err)
						continue
					}
					io.ReadAll(res.Body)
					res.Body.Close()
					n.Add(1)
				}
			}
		}()
	}
	for _, s := range bySite {
		work <- s
	}
	close(work)
	wg.Wait()
	return int(n.Load()), time.Since(start)
}

func BenchmarkCrawl(b *testing.B) {
	sites := startBenchWeb(b)
	par := envInt("MAINTWATCH_BENCH_PAR", 64)
	b.ResetTimer()
	for range b.N {
		cfg := Config{Delay: -1, Jitter: -1, Parallelism: par, AllowPrivate: true, Timeout: 20 * time.Second}
		c, err := New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		h := newFakeHistory()
		var reps []SiteReport
		emit := func(r SiteReport) { reps = append(reps, r) }

		// Cycle 1: everything fresh.
		cpu0, t0 := cpuTime(), time.Now()
		if err := c.Crawl(context.Background(), sites, h, emit); err != nil {
			b.Fatal(err)
		}
		cycle1, cpu1 := time.Since(t0), cpuTime()-cpu0
		var bySite [][]string
		pages1 := 0
		for _, r := range reps {
			if r.ErrKind != "" {
				b.Fatalf("site failed: %s", describe(r))
			}
			var urls []string
			for _, f := range r.Fetches {
				urls = append(urls, f.URL)
			}
			pages1 += len(urls)
			bySite = append(bySite, urls)
		}
		h.save(reps)

		// The plain client over the same URLs, same concurrency, same run.
		plainPages, plainDur := plainFetch(b, bySite, par)

		// Cycle 2: nothing changed.
		reps = reps[:0]
		cpu0, t0 = cpuTime(), time.Now()
		if err := c.Crawl(context.Background(), sites, h, emit); err != nil {
			b.Fatal(err)
		}
		cycle2, cpu2 := time.Since(t0), cpuTime()-cpu0
		var total, notModified int
		for _, r := range reps {
			for _, f := range r.Fetches {
				total++
				if f.NotModified {
					notModified++
				}
			}
		}

		crawlRate := float64(pages1) / cycle1.Seconds()
		plainRate := float64(plainPages) / plainDur.Seconds()
		b.ReportMetric(crawlRate, "crawler-pages/s")
		b.ReportMetric(plainRate, "nethttp-pages/s")
		b.ReportMetric(crawlRate/plainRate, "ratio")
		b.ReportMetric(100*float64(notModified)/float64(max(total, 1)), "cycle2-304-%")
		b.ReportMetric(100*cpu2.Seconds()/cpu1.Seconds(), "cycle2-cpu-%")
		b.ReportMetric(float64(maxRSS())/(1<<20), "peak-rss-MB")
		b.Logf("%d sites, %d pages: cycle 1 %v (cpu %v), plain net/http %v, cycle 2 %v (cpu %v, %d/%d 304)",
			len(sites), pages1, cycle1.Round(time.Millisecond), cpu1.Round(time.Millisecond), plainDur.Round(time.Millisecond),
			cycle2.Round(time.Millisecond), cpu2.Round(time.Millisecond), notModified, total)
	}
}
