// Command benchtable runs every benchmark of the project once and prints one
// table: each benchmark's figures against its in-run baseline (the metrics
// the benchmarks report with b.ReportMetric), so a regression shows as a
// ratio, not as a wall time that depends on the machine.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"text/tabwriter"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

func run() error {
	args := []string{"test", "-run", "^$", "-bench", ".", "-benchmem", "-count", "1"}
	if bt := os.Getenv("BENCHTIME"); bt != "" {
		args = append(args, "-benchtime", bt)
	}
	args = append(args, "./...")
	cmd := exec.Command("go", args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	runErr := cmd.Run()

	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "package\tbenchmark\tmetric\tvalue\t")
	pkg := ""
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "pkg: ") {
			pkg = strings.TrimPrefix(line, "pkg: maintwatch/")
			continue
		}
		if !strings.HasPrefix(line, "Benchmark") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			continue
		}
		name := strings.TrimSuffix(f[0], fmt.Sprintf("-%s", lastDash(f[0])))
		// Fields after the iteration count come in value/unit pairs.
		metrics := map[string]string{}
		for i := 2; i+1 < len(f); i += 2 {
			metrics[f[i+1]] = f[i]
		}
		units := make([]string, 0, len(metrics))
		for u := range metrics {
			units = append(units, u)
		}
		sort.Strings(units)
		for _, u := range units {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", pkg, name, u, metrics[u])
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if runErr != nil {
		return fmt.Errorf("go test -bench: %w", runErr)
	}
	return nil
}

// lastDash returns the GOMAXPROCS suffix of a benchmark name ("Foo-2" → "2").
func lastDash(s string) string {
	if i := strings.LastIndex(s, "-"); i >= 0 {
		return s[i+1:]
	}
	return ""
}
