package main

// figure is one row of the table: a value one benchmark reports with
// b.ReportMetric (matched by package, benchmark name and unit), and the
// target it must meet, if it has one.
type figure struct {
	Label  string // what the reader sees
	Pkg    string // package below the module, e.g. "crawler"
	Bench  string // benchmark name without the -GOMAXPROCS suffix, e.g. "BenchmarkCrawl"
	Metric string // the unit given to b.ReportMetric
	Unit   string // how the value is printed: "×", "%", "MB", "ms", "pages/s", ...
	// Op and Limit: the target, value Op Limit. Op "" is a figure shown
	// without a target (a baseline, or context for a ratio).
	Op    string // ">=" or "<="
	Limit float64
	// Plus, when set, makes the limit another figure plus Limit (for
	// "dictionary footprint + 50 MB").
	Plus *ref
	Note string // how the figure is measured, one line
}

// ref names a figure by its source.
type ref struct{ Pkg, Bench, Metric string }

// figures is the whole table, in print order. Targets come from the issues
// (crawler: issue 3; classifier: issue 4; load and suite: issue 7); a row
// without Op shows the in-run baseline a ratio is taken against.
var figures = []figure{
	// Crawler (crawler/bench_test.go): a local web of 2,000 shops served by
	// a child process, politeness delay 0, the same URLs fetched by a plain
	// net/http client at the same concurrency in the same run.
	{Label: "crawler ÷ plain net/http, pages/s", Pkg: "crawler", Bench: "BenchmarkCrawl", Metric: "ratio", Unit: "×",
		Op: ">=", Limit: 0.7, Note: "crawler with extraction replayed (its fetch layer alone) against net/http fetching the same URLs"},
	{Label: "crawler ÷ net/http + hashing and decoding", Pkg: "crawler", Bench: "BenchmarkCrawl", Metric: "ratio-same-work", Unit: "×",
		Note: "the baseline also does what the crawler must do to every page besides extraction: SHA-256 and charset decoding"},
	{Label: "crawler ÷ net/http + same extraction", Pkg: "crawler", Bench: "BenchmarkCrawl", Metric: "ratio-with-extract", Unit: "×",
		Note: "both sides parse every page with crawler/extract"},
	{Label: "crawler, cycle 1", Pkg: "crawler", Bench: "BenchmarkCrawl", Metric: "crawler-pages/s", Unit: "pages/s"},
	{Label: "plain net/http (baseline)", Pkg: "crawler", Bench: "BenchmarkCrawl", Metric: "nethttp-pages/s", Unit: "pages/s"},
	{Label: "re-crawl, nothing changed: 304 share", Pkg: "crawler", Bench: "BenchmarkCrawl", Metric: "cycle2-304-%", Unit: "%",
		Op: ">=", Limit: 95, Note: "cycle 2 over the same web with the ETags of cycle 1"},
	{Label: "re-crawl CPU ÷ first crawl CPU", Pkg: "crawler", Bench: "BenchmarkCrawl", Metric: "cycle2-cpu-%", Unit: "%",
		Op: "<=", Limit: 10, Note: "getrusage of the crawling process, cycle 2 against cycle 1"},
	{Label: "crawl live-heap peak (no dictionary)", Pkg: "crawler", Bench: "BenchmarkCrawl", Metric: "cycle1-heap-peak-MB", Unit: "MB",
		Op: "<=", Limit: 50, Note: "the crawl's own share of the memory budget: 2,000 shops, cycle 1"},
	{Label: "crawl process peak RSS", Pkg: "crawler", Bench: "BenchmarkCrawl", Metric: "peak-rss-MB", Unit: "MB"},

	// Classifier (nlp/bench_test.go): whole shop pages' text, classifier
	// and raw kagome tokenising interleaved page by page.
	{Label: "classifier ÷ raw kagome, MB/s", Pkg: "nlp", Bench: "BenchmarkClassify", Metric: "ratio", Unit: "×",
		Op: ">=", Limit: 1.0, Note: "classifier throughput against tokenising the same text line by line"},
	{Label: "classifier", Pkg: "nlp", Bench: "BenchmarkClassify", Metric: "classify-MB/s", Unit: "MB/s"},
	{Label: "raw kagome tokenising (baseline)", Pkg: "nlp", Bench: "BenchmarkClassify", Metric: "raw-kagome-MB/s", Unit: "MB/s"},
	{Label: "kagome ipa dictionary load", Pkg: "nlp", Bench: "BenchmarkClassify", Metric: "dictload-ms", Unit: "ms"},

	// Memory of a whole cycle (internal/loadtest/memory_test.go): crawl,
	// classify and store of a generated web served by a child process.
	{Label: "kagome dictionary footprint", Pkg: "internal/loadtest", Bench: "BenchmarkCycleMemory", Metric: "dict-heap-MB", Unit: "MB",
		Note: "live heap after loading the ipa dictionary, before anything else"},
	{Label: "500-shop cycle live-heap peak, dictionary included", Pkg: "internal/loadtest", Bench: "BenchmarkCycleMemory", Metric: "live-heap-peak-MB", Unit: "MB",
		Op: "<=", Limit: 50, Plus: &ref{"internal/loadtest", "BenchmarkCycleMemory", "dict-heap-MB"},
		Note: "crawl, classify, store and judge of 500 generated shops; the live heap each collection marked; target: dictionary footprint + 50 MB"},
	{Label: "same, garbage not yet collected included", Pkg: "internal/loadtest", Bench: "BenchmarkCycleMemory", Metric: "heap-peak-MB", Unit: "MB",
		Note: "with GOGC=100 the heap grows to about twice the live heap between collections"},
	{Label: "cycle process peak RSS", Pkg: "internal/loadtest", Bench: "BenchmarkCycleMemory", Metric: "peak-rss-MB", Unit: "MB"},

	// Feeds (feeds/bench_test.go): building and rendering a full feed
	// against marshalling the same items with encoding/xml or encoding/json.
	{Label: "RSS render ÷ encoding/xml marshal, items/s", Pkg: "feeds", Bench: "BenchmarkRenderVsMarshal/rss", Metric: "ratio", Unit: "×",
		Note: "gorilla/feeds with escaping and evidence against a bare xml.Marshal of the same items"},
	{Label: "Atom render ÷ encoding/xml marshal", Pkg: "feeds", Bench: "BenchmarkRenderVsMarshal/atom", Metric: "ratio", Unit: "×"},
	{Label: "JSON Feed render ÷ encoding/json marshal", Pkg: "feeds", Bench: "BenchmarkRenderVsMarshal/json", Metric: "ratio", Unit: "×"},
	{Label: "/feed.json served from SQLite", Pkg: "feeds/web", Bench: "BenchmarkServeFeed/json", Metric: "req/s", Unit: "req/s",
		Note: "the HTTP handler over a real store of flagged sites, sequential requests"},
	{Label: "served ÷ rendered from memory", Pkg: "feeds/web", Bench: "BenchmarkServeFeed/json", Metric: "ratio", Unit: "×",
		Note: "what the store read and HTTP add to rendering alone"},

	// Store (store/bench_test.go): 30 simulated daily crawls of 200 shops.
	{Label: "database after 30 daily crawls of 200 shops", Pkg: "store", Bench: "BenchmarkThirtyDays", Metric: "MB-30days", Unit: "MB"},
	{Label: "snapshots kept after pruning to 7 days", Pkg: "store", Bench: "BenchmarkThirtyDays", Metric: "MB-snapshots-kept-7d", Unit: "MB"},
	{Label: "snapshot gzip ratio", Pkg: "store", Bench: "BenchmarkThirtyDays", Metric: "gzip-ratio", Unit: "×"},
}

// loadFigures come from the load test (internal/loadtest, `make load`),
// which writes its figures as JSON; they join the table when -load names
// that file.
var loadFigures = []figure{
	{Label: "load: requests served", Pkg: loadPkg, Bench: loadBench, Metric: "requests", Unit: "requests",
		Note: "concurrent clients reading /feed.rss, /feed.json and site pages while crawl cycles write the same database"},
	{Label: "load: errors", Pkg: loadPkg, Bench: loadBench, Metric: "errors", Unit: "errors", Op: "==", Limit: 0,
		Note: "transport errors and any status other than 200, in responses and in the server's and crawler's logs"},
	{Label: `load: "database is locked"`, Pkg: loadPkg, Bench: loadBench, Metric: "locked", Unit: "errors", Op: "==", Limit: 0},
	{Label: "load: requests per second", Pkg: loadPkg, Bench: loadBench, Metric: "req/s", Unit: "req/s"},
	{Label: "load: latency p50", Pkg: loadPkg, Bench: loadBench, Metric: "p50-ms", Unit: "ms"},
	{Label: "load: latency p99", Pkg: loadPkg, Bench: loadBench, Metric: "p99-ms", Unit: "ms"},
	{Label: "load: latency max", Pkg: loadPkg, Bench: loadBench, Metric: "max-ms", Unit: "ms"},
	{Label: "load: readers alone, p99", Pkg: loadPkg, Bench: loadBench, Metric: "alone-p99-ms", Unit: "ms",
		Note: "the same clients with no crawl running: what the writer costs the readers"},
	{Label: "load: crawl cycle with readers ÷ without", Pkg: loadPkg, Bench: loadBench, Metric: "crawl-slowdown", Unit: "×",
		Note: "the same cycles on copies of one database, with and without the readers; both share the CPU"},
	{Label: "load: the cycle's own reads, p99, with readers", Pkg: loadPkg, Bench: loadBench, Metric: "crawl-read-p99-ms", Unit: "ms",
		Note: "history, observations and corroboration lookups of the cycle, which share the store's reader pool with the server"},
	{Label: "load: the cycle's own reads, p99, without readers", Pkg: loadPkg, Bench: loadBench, Metric: "quiet-read-p99-ms", Unit: "ms"},
	{Label: "load: slowest store write with readers", Pkg: loadPkg, Bench: loadBench, Metric: "save-max-ms", Unit: "ms",
		Note: "a reader holding the writer up would show here as a wait of up to busy_timeout (5 s)"},
	{Label: "load: slowest store write without readers", Pkg: loadPkg, Bench: loadBench, Metric: "quiet-save-max-ms", Unit: "ms"},
}

const (
	loadPkg   = "internal/loadtest"
	loadBench = "TestLoad"
)
