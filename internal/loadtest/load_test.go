package loadtest

import (
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"maintwatch/crawler"
	"maintwatch/cycle"
	"maintwatch/feeds/web"
	"maintwatch/nlp"
	"maintwatch/store"
)

// loadConfig sizes the load test. The full size is issue 7's: 500 shops,
// 200 clients, 60 s (MAINTWATCH_LOAD=full, `make load`); the default is small
// enough for every CI run and asserts the same things.
// The server reads through a store.ReadView of the crawl's handle, as
// `watcher run` does (one writer, a reader pool each);
// MAINTWATCH_LOAD_SEPARATE=1 gives it a store handle of its own instead, as a
// separate `watcher serve` process would have.
type loadConfig struct {
	shops, clients int
	dur            time.Duration
}

func configFromEnv() loadConfig {
	if os.Getenv("MAINTWATCH_LOAD") == "full" {
		return loadConfig{shops: 500, clients: 200, dur: 60 * time.Second}
	}
	if raceEnabled {
		return loadConfig{shops: 30, clients: 10, dur: 2 * time.Second}
	}
	return loadConfig{shops: 100, clients: 50, dur: 5 * time.Second}
}

var jst = time.FixedZone("JST", 9*3600)

// TestLoad: while crawl cycles of a generated web write the database, many
// clients read the feeds and site pages from the web server over the same
// database (one *store.DB, as `watcher run` shares it: one writer
// connection, readers on their own pool). Asserted: no request fails, no log
// line of the server or the crawler reports an error or a locked database,
// every cycle completes, and the readers really ran while the writer wrote.
// Measured and logged (not asserted: speed belongs in reports): latency
// percentiles, the same readers with no crawl running, and the same cycles
// on a copy of the database with no readers at all, with every store write
// (a reader blocking the writer at the SQLite level would show there as a
// wait of up to busy_timeout) and every read the cycle makes itself (those
// share the store's reader pool with the server, and wait behind it).
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test: crawls a generated web and serves many clients")
	}
	cfg := configFromEnv()
	ctx := t.Context()
	shops := startWeb(t, cfg.shops)
	var clock atomic.Int64
	now := func() time.Time { return time.Unix(0, clock.Load()).In(jst) }
	setDay := func(d int) {
		clock.Store(dayAt(d).UnixNano())
		if err := shops.setTime(dayAt(d)); err != nil {
			t.Fatal(err)
		}
	}
	setDay(40) // most scenarios of the generated web have begun
	cls, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}

	// Prime one database with a first cycle, so that feeds and site pages
	// have something to show, and copy it: the loaded run and the quiet run
	// start from the same state.
	dir := t.TempDir()
	loadedPath, quietPath := filepath.Join(dir, "loaded.db"), filepath.Join(dir, "quiet.db")
	var logs logCapture
	prime, err := store.Open(ctx, loadedPath)
	if err != nil {
		t.Fatal(err)
	}
	defer prime.Close()
	if _, err := prime.AddSites(ctx, shops.Sites); err != nil {
		t.Fatal(err)
	}
	db := &timedStore{DB: prime}
	p0 := time.Now()
	sum, err := newRunner(t, db, cls, now, logs.logger("crawler")).Run(ctx)
	if err != nil {
		t.Fatalf("priming cycle: %v", err)
	}
	t.Logf("priming cycle: %d sites, %d pages, %d flagged, %v", sum.Sites, sum.Pages, sum.Flagged, time.Since(p0).Round(time.Millisecond))
	if sum.Flagged == 0 {
		t.Fatal("no site flagged after the priming cycle: the feeds would be empty and the load meaningless")
	}
	if err := prime.Backup(ctx, quietPath); err != nil {
		t.Fatal(err)
	}
	sites, err := prime.Sites(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(sites))
	for i, s := range sites {
		ids[i] = s.ID
	}

	// Loaded: the clients read for cfg.dur while cycles run back to back (a
	// new one starts only while they read).
	pool := "view"
	var srvDB *store.DB
	if os.Getenv("MAINTWATCH_LOAD_SEPARATE") != "" {
		pool = "separate"
		srvDB, err = store.Open(ctx, loadedPath)
	} else {
		srvDB, err = db.DB.ReadView(ctx)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer srvDB.Close()
	srvURL := serve(t, srvDB, now, logs.logger("web"))
	db.writes, db.reads = nil, nil
	r := newRunner(t, db, cls, now, logs.logger("crawler"))
	t0 := time.Now()
	waitReaders := startClients(t, clientSpec{Base: srvURL, SiteIDs: ids, Clients: cfg.clients, For: cfg.dur, Seed: 1})
	var busy []interval
	var loadedCycles []time.Duration
	for day := 41; len(loadedCycles) == 0 || time.Since(t0) < cfg.dur; day++ {
		setDay(day)
		c0 := time.Now()
		sum, err := r.Run(ctx)
		busy = append(busy, interval{c0, time.Now()})
		loadedCycles = append(loadedCycles, time.Since(c0))
		if err != nil {
			t.Fatalf("cycle of day %d under load: %v", day, err)
		}
		t.Logf("cycle day %d under load: %d pages (%d unchanged), %d new notices, %d flagged, %v",
			day, sum.Pages, sum.NotChanged, sum.NewNotices, sum.Flagged, loadedCycles[len(loadedCycles)-1].Round(time.Millisecond))
	}
	loaded := summarize(waitReaders(), busy)
	readSecs := cfg.dur.Seconds()
	crawlSecs := time.Since(t0).Seconds()
	loadedWrites, loadedReads := db.writeTimes(), db.readTimes()

	// The same clients with no crawl running.
	alone := summarize(startClients(t, clientSpec{Base: srvURL, SiteIDs: ids, Clients: cfg.clients, For: max(cfg.dur/4, 2*time.Second), Seed: 2})(), nil)

	// Quiet: the same cycles, same days, on the copy, with no reader.
	quietDB, err := store.Open(ctx, quietPath)
	if err != nil {
		t.Fatal(err)
	}
	defer quietDB.Close()
	quiet := &timedStore{DB: quietDB}
	qr := newRunner(t, quiet, cls, now, logs.logger("crawler"))
	var quietCycles []time.Duration
	for i := range loadedCycles {
		setDay(41 + i)
		c0 := time.Now()
		if _, err := qr.Run(ctx); err != nil {
			t.Fatalf("quiet cycle of day %d: %v", 41+i, err)
		}
		quietCycles = append(quietCycles, time.Since(c0))
	}

	logErrs, logLocked, logSample := logs.scan()
	rep := loadReport{ServerPool: pool, Shops: cfg.shops, Clients: cfg.clients, Seconds: readSecs, Cycles: len(loadedCycles), Metrics: map[string]float64{
		"requests":          float64(loaded.requests),
		"errors":            float64(loaded.errors + alone.errors + logErrs),
		"locked":            float64(loaded.locked + alone.locked + logLocked),
		"p50-ms":            ms(loaded.quantile(0.50)),
		"p99-ms":            ms(loaded.quantile(0.99)),
		"max-ms":            ms(loaded.quantile(1)),
		"alone-p99-ms":      ms(alone.quantile(0.99)),
		"crawl-slowdown":    sumDur(loadedCycles).Seconds() / sumDur(quietCycles).Seconds(),
		"save-max-ms":       ms(maxDur(loadedWrites)),
		"quiet-save-max-ms": ms(maxDur(quiet.writeTimes())),
		"req/s":             float64(loaded.requests) / readSecs,
		"crawl-read-p99-ms": ms(quantile(sorted(loadedReads), 0.99)),
		"quiet-read-p99-ms": ms(quantile(sorted(quiet.readTimes()), 0.99)),
	}}

	t.Logf("%d shops, %d clients, %.1f s of reading, %d cycles under load (%.1f s of crawling)", cfg.shops, cfg.clients, readSecs, len(loadedCycles), crawlSecs)
	t.Logf("requests served: %d (%.0f/s), %d of them while a cycle was writing; by target %v", loaded.requests, rep.Metrics["req/s"], loaded.duringWrites, loaded.byTarget)
	t.Logf("latency with crawl: p50 %v  p99 %v  max %v", loaded.quantile(0.5), loaded.quantile(0.99), loaded.quantile(1))
	for name, l := range loaded.byTargetLat {
		t.Logf("  %-12s p50 %v  p99 %v  max %v", name, quantile(l, 0.5), quantile(l, 0.99), quantile(l, 1))
	}
	t.Logf("latency, readers alone: p50 %v  p99 %v  max %v (%d requests)", alone.quantile(0.5), alone.quantile(0.99), alone.quantile(1), alone.requests)
	t.Logf("crawl cycles with readers %v, without %v: %.2f×", roundAll(loadedCycles), roundAll(quietCycles), rep.Metrics["crawl-slowdown"])
	t.Logf("store writes with readers: %d, p99 %v, max %v; without: p99 %v, max %v",
		len(loadedWrites), quantile(sorted(loadedWrites), 0.99), maxDur(loadedWrites), quantile(sorted(quiet.writeTimes()), 0.99), maxDur(quiet.writeTimes()))
	t.Logf("the cycle's own reads with readers: %d, total %v, p99 %v, max %v; without: total %v, p99 %v, max %v",
		len(loadedReads), sumDur(loadedReads).Round(time.Millisecond), quantile(sorted(loadedReads), 0.99), maxDur(loadedReads),
		sumDur(quiet.readTimes()).Round(time.Millisecond), quantile(sorted(quiet.readTimes()), 0.99), maxDur(quiet.readTimes()))
	t.Logf("errors: %d client, %d log lines; locked: %d client, %d log lines", loaded.errors+alone.errors, logErrs, loaded.locked+alone.locked, logLocked)

	for _, s := range append(loaded.errSample, alone.errSample...) {
		t.Errorf("request failed: %s", s)
	}
	for _, s := range logSample {
		t.Errorf("log: %s", s)
	}
	if rep.Metrics["errors"] != 0 || rep.Metrics["locked"] != 0 {
		t.Errorf("%v errors, %v locked, want none", rep.Metrics["errors"], rep.Metrics["locked"])
	}
	for _, name := range targetNames {
		if loaded.byTarget[name] == 0 {
			t.Errorf("no %s request served", name)
		}
	}
	if loaded.duringWrites == 0 {
		t.Error("no request completed while a cycle was writing: the test proved nothing")
	}
	if out := os.Getenv("MAINTWATCH_LOAD_OUT"); out != "" {
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// loadReport is read by internal/benchtable (-load): keep the keys.
type loadReport struct {
	// ServerPool: "view" (the server reads through a store.ReadView of the
	// crawl's handle, as `watcher run`) or "separate" (MAINTWATCH_LOAD_SEPARATE).
	ServerPool string             `json:"server_pool"`
	Shops      int                `json:"shops"`
	Clients    int                `json:"clients"`
	Seconds    float64            `json:"seconds"`
	Cycles     int                `json:"cycles"`
	Metrics    map[string]float64 `json:"metrics"`
}

// newRunnerB is newRunner for a benchmark.
func newRunnerB(b *testing.B, st cycle.Store, cls *nlp.Classifier, now func() time.Time) *cycle.Runner {
	b.Helper()
	cr, err := crawler.New(crawlerConfig(now))
	if err != nil {
		b.Fatal(err)
	}
	return &cycle.Runner{Crawler: cr, Classifier: cls, Store: st, Now: now}
}

// crawlerConfig is `watcher crawl --delay 0 --allow-private`'s.
func crawlerConfig(now func() time.Time) crawler.Config {
	return crawler.Config{AllowPrivate: true, Delay: -1, Jitter: -1, Parallelism: 16, Retries: 2, Timeout: 10 * time.Second, Now: now}
}

// newRunner builds the cycle as `watcher crawl --delay 0 --allow-private`
// does (crawl.go's newRunner), on the given store.
func newRunner(t *testing.T, st cycle.Store, cls *nlp.Classifier, now func() time.Time, log *slog.Logger) *cycle.Runner {
	t.Helper()
	cr, err := crawler.New(crawlerConfig(now))
	if err != nil {
		t.Fatal(err)
	}
	return &cycle.Runner{Crawler: cr, Classifier: cls, Store: st, Now: now, Logger: log}
}

// serve runs the web server over db on a loopback port, with the timeouts
// `watcher serve` sets, until the test ends.
func serve(t *testing.T, db *store.DB, now func() time.Time, log *slog.Logger) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := web.NewServer(db, web.ServerOptions{BaseURL: "http://" + ln.Addr().String(), Now: now, Logger: log})
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 60 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func sumDur(ds []time.Duration) time.Duration {
	var s time.Duration
	for _, d := range ds {
		s += d
	}
	return s
}

func maxDur(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	return slices.Max(ds)
}

func sorted(ds []time.Duration) []time.Duration {
	out := slices.Clone(ds)
	slices.Sort(out)
	return out
}

func roundAll(ds []time.Duration) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = d.Round(10 * time.Millisecond).String()
	}
	return strings.Join(s, " ")
}
