// Command benchtable runs every benchmark of the project and prints one
// table: each figure the benchmarks report with b.ReportMetric, mostly ratios
// against a baseline measured in the same run, beside its target and whether
// it is met. The figures and targets are listed in targets.go.
//
//	go run ./internal/benchtable                     # run, print the table (make bench)
//	go run ./internal/benchtable -from bin/bench.txt # table from a saved run
//	go run ./internal/benchtable -from bin/bench.txt -load bin/load.json -readme README.md
//
// -readme rewrites the part of the README between the bench markers, so the
// performance section is never typed by hand. The exit status is 1 when a
// figure is missing or a benchmark failed; a missed target is shown as NO
// and fails only with -strict (the shared 2-core machine is noisy).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

type options struct {
	from, rawOut, load, readme string
	strict, markdown           bool
	pattern                    string
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := flag.NewFlagSet("benchtable", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.from, "from", "", "read saved `go test -bench` output from this file instead of running the benchmarks")
	fs.StringVar(&o.rawOut, "raw-out", "", "save the raw `go test -bench` output to this file")
	fs.StringVar(&o.load, "load", "", "add the load test's figures from this JSON `file` (written by make load)")
	fs.StringVar(&o.readme, "readme", "", "rewrite the generated performance section of this README")
	fs.BoolVar(&o.markdown, "markdown", false, "print the table as Markdown")
	fs.BoolVar(&o.strict, "strict", false, "exit 1 when a target is missed")
	fs.StringVar(&o.pattern, "bench", ".", "benchmark `regexp` passed to go test -bench")
	if err := fs.Parse(args); err != nil {
		return err
	}

	raw, benchErr := benchOutput(ctx, o, stderr)
	if raw == nil {
		return benchErr
	}
	res, err := parse(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("read benchmark output: %w", err)
	}
	figs := figures
	var load *loadReport
	if o.load != "" {
		load, err = readLoad(o.load)
		if err != nil {
			return err
		}
		load.addTo(res.metrics)
		figs = append(append([]figure{}, figures...), loadFigures...)
	}
	rows, sum := evaluate(figs, res)

	if o.markdown {
		writeMarkdown(stdout, rows)
	} else if err := writeText(stdout, rows); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\n%d targets met, %d missed, %d figures missing\n", sum.Met, sum.Missed, sum.Missing)
	for _, f := range res.failed {
		fmt.Fprintln(stdout, "failed:", f)
	}
	if o.readme != "" {
		var sec bytes.Buffer
		if res.commit == "" && o.from == "" {
			res.commit, res.date = gitDescribe(ctx), time.Now().UTC().Format("2006-01-02")
		}
		writeSection(&sec, rows, load, res.commit, res.date)
		if err := spliceReadme(o.readme, sec.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "benchtable: rewrote the performance section of %s\n", o.readme)
	}

	var errs []error
	if benchErr != nil {
		errs = append(errs, benchErr)
	}
	if sum.Missing > 0 {
		errs = append(errs, fmt.Errorf("%d figures missing (renamed ReportMetric, failed or absent benchmark?)", sum.Missing))
	}
	if len(res.failed) > 0 {
		errs = append(errs, fmt.Errorf("%d benchmark failures", len(res.failed)))
	}
	if o.strict && sum.Missed > 0 {
		errs = append(errs, fmt.Errorf("%d targets missed", sum.Missed))
	}
	return errors.Join(errs...)
}

// benchOutput runs the benchmarks (or reads a saved run). A failed go test
// still returns its output, with the error, so the table shows what ran.
func benchOutput(ctx context.Context, o options, stderr io.Writer) ([]byte, error) {
	if o.from != "" {
		b, err := os.ReadFile(o.from)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", o.from, err)
		}
		return b, nil
	}
	// -p 1: one package's benchmarks at a time, so that two packages do not
	// share the CPU and skew each other's ratios.
	args := []string{"test", "-p", "1", "-run", "^$", "-bench", o.pattern, "-benchmem", "-count", "1", "-timeout", "30m"}
	if bt := os.Getenv("BENCHTIME"); bt != "" {
		args = append(args, "-benchtime", bt)
	}
	args = append(args, "./...")
	fmt.Fprintf(stderr, "benchtable: go %s\n", strings.Join(args, " "))
	start := time.Now()
	cmd := exec.CommandContext(ctx, "go", args...)
	var out bytes.Buffer
	// Progress: each package's "ok"/"FAIL" line as it finishes.
	cmd.Stdout = io.MultiWriter(&out, &progress{w: stderr})
	cmd.Stderr = stderr
	runErr := cmd.Run()
	fmt.Fprintf(stderr, "benchtable: benchmarks took %v\n", time.Since(start).Round(time.Second))
	if o.rawOut != "" {
		// The code measured and when, for the README (read back by parse).
		head := fmt.Sprintf("commit: %s\ndate: %s\n", gitDescribe(ctx), time.Now().UTC().Format("2006-01-02"))
		if err := os.WriteFile(o.rawOut, append([]byte(head), out.Bytes()...), 0o644); err != nil {
			return nil, fmt.Errorf("save raw output: %w", err)
		}
	}
	if runErr != nil {
		runErr = fmt.Errorf("go test -bench: %w", runErr)
	}
	return out.Bytes(), runErr
}

// progress passes on the lines that say a package is done.
type progress struct {
	w   io.Writer
	buf []byte
}

func (p *progress) Write(b []byte) (int, error) {
	p.buf = append(p.buf, b...)
	for {
		i := bytes.IndexByte(p.buf, '\n')
		if i < 0 {
			return len(b), nil
		}
		line := string(p.buf[:i])
		p.buf = p.buf[i+1:]
		if strings.HasPrefix(line, "ok ") || strings.HasPrefix(line, "ok\t") || strings.HasPrefix(line, "FAIL") || strings.HasPrefix(line, "--- FAIL") {
			fmt.Fprintln(p.w, line)
		}
	}
}

// loadReport is what the load test writes (internal/loadtest, keys shared
// by name): the conditions of the run and its figures.
type loadReport struct {
	ServerPool string             `json:"server_pool"`
	Shops      int                `json:"shops"`
	Clients    int                `json:"clients"`
	Seconds    float64            `json:"seconds"`
	Cycles     int                `json:"cycles"`
	Metrics    map[string]float64 `json:"metrics"`
}

func readLoad(path string) (*loadReport, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read load figures: %w", err)
	}
	var l loadReport
	if err := json.Unmarshal(b, &l); err != nil {
		return nil, fmt.Errorf("read load figures %s: %w", path, err)
	}
	return &l, nil
}

func (l *loadReport) addTo(m map[ref]float64) {
	for k, v := range l.Metrics {
		m[ref{loadPkg, loadBench, k}] = v
	}
}

// gitDescribe names the code measured; "" outside a work tree.
func gitDescribe(ctx context.Context) string {
	out, err := exec.CommandContext(ctx, "git", "describe", "--always", "--dirty").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// machine describes where the figures were measured.
func machine() string {
	return fmt.Sprintf("%s/%s, %d CPUs, %s", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
}
