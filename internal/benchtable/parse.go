package main

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// results are the metrics of one `go test -bench` run, keyed by package
// (below the module), benchmark name (without -GOMAXPROCS) and unit.
type results struct {
	metrics map[ref]float64
	benches []string // "pkg BenchmarkName" in output order
	failed  []string // "FAIL" lines: packages or benchmarks that failed
	// commit and date of the run, from the header -raw-out writes.
	commit, date string
}

const modulePrefix = "maintwatch/"

// parse reads plain `go test -bench` output. Packages run one after another
// (go test -p 1), each introduced by a "pkg:" line.
func parse(r io.Reader) (results, error) {
	res := results{metrics: map[ref]float64{}}
	pkg := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "commit: "):
			res.commit = strings.TrimPrefix(line, "commit: ")
			continue
		case strings.HasPrefix(line, "date: "):
			res.date = strings.TrimPrefix(line, "date: ")
			continue
		case strings.HasPrefix(line, "pkg: "):
			pkg = strings.TrimPrefix(strings.TrimPrefix(line, "pkg: "), modulePrefix)
			continue
		case strings.HasPrefix(line, "--- FAIL: "), strings.HasPrefix(line, "FAIL\t"):
			res.failed = append(res.failed, strings.TrimSpace(line))
			continue
		case !strings.HasPrefix(line, "Benchmark"):
			continue
		}
		f := strings.Fields(line)
		// name, iterations, then value/unit pairs.
		if len(f) < 4 {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		name := trimProcs(f[0])
		res.benches = append(res.benches, pkg+" "+name)
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			res.metrics[ref{pkg, name, f[i+1]}] = v
		}
	}
	return res, sc.Err()
}

// trimProcs drops the -GOMAXPROCS suffix go test adds to a benchmark name
// ("BenchmarkRender/rss-2" → "BenchmarkRender/rss"); a name with no numeric
// suffix (GOMAXPROCS=1) is returned whole.
func trimProcs(name string) string {
	i := strings.LastIndex(name, "-")
	if i < 0 {
		return name
	}
	if _, err := strconv.Atoi(name[i+1:]); err != nil {
		return name
	}
	return name[:i]
}
