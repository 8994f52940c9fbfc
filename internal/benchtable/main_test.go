package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	f, err := os.Open("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := parse(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		r    ref
		want float64
	}{
		{ref{"crawler", "BenchmarkCrawl", "ratio"}, 0.61},
		{ref{"crawler", "BenchmarkCrawl", "cycle2-cpu-%"}, 12.5},
		{ref{"crawler", "BenchmarkCrawl", "ns/op"}, 4321000000},
		{ref{"nlp", "BenchmarkClassify", "dictload-ms"}, 750},
		{ref{"nlp", "BenchmarkClassify", "allocs/op"}, 2},
		// GOMAXPROCS=1 prints no suffix.
		{ref{"nlp", "BenchmarkRenderVsMarshal/rss", "ratio"}, 0.42},
	} {
		if got, ok := res.metrics[c.r]; !ok || got != c.want {
			t.Errorf("%v = %v (found %v), want %v", c.r, got, ok, c.want)
		}
	}
	if res.commit != "abc1234" || res.date != "2026-06-01" {
		t.Errorf("header: commit %q date %q", res.commit, res.date)
	}
	if len(res.failed) != 2 {
		t.Errorf("failures %q, want the --- FAIL and FAIL lines", res.failed)
	}
}

func TestTrimProcs(t *testing.T) {
	for in, want := range map[string]string{
		"BenchmarkCrawl-2":        "BenchmarkCrawl",
		"BenchmarkRender/rss-16":  "BenchmarkRender/rss",
		"BenchmarkRender/a-b":     "BenchmarkRender/a-b",
		"BenchmarkX":              "BenchmarkX",
		"BenchmarkServe/json-2-2": "BenchmarkServe/json-2",
	} {
		if got := trimProcs(in); got != want {
			t.Errorf("trimProcs(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEvaluate(t *testing.T) {
	figs := []figure{
		{Label: "ratio", Pkg: "p", Bench: "B", Metric: "ratio", Unit: "×", Op: ">=", Limit: 0.7},
		{Label: "cpu", Pkg: "p", Bench: "B", Metric: "cpu-%", Unit: "%", Op: "<=", Limit: 10},
		{Label: "base", Pkg: "p", Bench: "B", Metric: "pages/s", Unit: "pages/s"},
		{Label: "gone", Pkg: "p", Bench: "B", Metric: "renamed", Unit: "×", Op: ">=", Limit: 1},
		{Label: "heap", Pkg: "p", Bench: "B", Metric: "heap", Unit: "MB", Op: "<=", Limit: 50, Plus: &ref{"p", "B", "dict"}},
		{Label: "heap, no dict", Pkg: "p", Bench: "B", Metric: "heap", Unit: "MB", Op: "<=", Limit: 50, Plus: &ref{"p", "B", "nodict"}},
		{Label: "zero", Pkg: "p", Bench: "B", Metric: "errors", Unit: "errors", Op: "==", Limit: 0},
	}
	res := results{metrics: map[ref]float64{
		{"p", "B", "ratio"}: 0.7, {"p", "B", "cpu-%"}: 12, {"p", "B", "pages/s"}: 3000,
		{"p", "B", "heap"}: 140, {"p", "B", "dict"}: 95, {"p", "B", "errors"}: 0,
	}}
	rows, sum := evaluate(figs, res)
	want := []string{verdictMet, verdictMissed, verdictNone, verdictMissing, verdictMet, verdictMissing, verdictMet}
	for i, r := range rows {
		if r.Verdict != want[i] {
			t.Errorf("%s: verdict %q, want %q", r.Label, r.Verdict, want[i])
		}
	}
	if sum != (summary{Met: 3, Missed: 1, Missing: 2}) {
		t.Errorf("summary %+v", sum)
	}
	if rows[4].Target != "≤ 145.0 MB" {
		t.Errorf("computed target %q", rows[4].Target)
	}
	var b bytes.Buffer
	if err := writeText(&b, rows); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"0.70×", "12.0%", "3000 pages/s", "missing", "NO", "≥ 0.70×"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("text table lacks %q:\n%s", s, b.String())
		}
	}
}

// TestFiguresWellFormed: every target has an operator the evaluator knows,
// and no two rows read the same figure.
func TestFiguresWellFormed(t *testing.T) {
	seen := map[ref]bool{}
	for _, f := range append(append([]figure{}, figures...), loadFigures...) {
		r := ref{f.Pkg, f.Bench, f.Metric}
		if seen[r] {
			t.Errorf("%v listed twice", r)
		}
		seen[r] = true
		switch f.Op {
		case "", ">=", "<=", "==":
		default:
			t.Errorf("%s: unknown op %q", f.Label, f.Op)
		}
		if f.Label == "" || f.Pkg == "" || f.Bench == "" || f.Metric == "" {
			t.Errorf("incomplete figure %+v", f)
		}
	}
}

func TestSplice(t *testing.T) {
	doc := "# T\n\n## Performance\n\nintro\n" + markStart + "\nold table\n" + markEnd + "\nafter\n"
	got, err := splice([]byte(doc), []byte("new table\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "# T\n\n## Performance\n\nintro\n" + markStart + "\nnew table\n" + markEnd + "\nafter\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, bad := range []string{"no markers", markEnd + markStart, markStart + markEnd + markStart + markEnd} {
		if _, err := splice([]byte(bad), nil); err == nil {
			t.Errorf("splice(%q) accepted", bad)
		}
	}
}

// TestRunFromFile runs the command on saved output: the README section is
// rewritten, missing figures make it fail, and the rest of the README stays.
func TestRunFromFile(t *testing.T) {
	dir := t.TempDir()
	readme := filepath.Join(dir, "README.md")
	before := "# x\n" + markStart + "\n" + markEnd + "\n## Safety\nkept\n"
	if err := os.WriteFile(readme, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	load := filepath.Join(dir, "load.json")
	if err := os.WriteFile(load, []byte(`{"shops":5,"clients":3,"seconds":1,"cycles":2,"metrics":{"requests":99,"errors":0,"locked":0,"p99-ms":12.5}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	err := run(t.Context(), []string{"-from", "testdata/bench.txt", "-load", load, "-readme", readme}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("want an error naming missing figures, got %v", err)
	}
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{"| crawler ÷ plain net/http, pages/s | 0.61× | ≥ 0.70× | NO |", "| load: requests served | 99 |", "5 shops", "## Safety\nkept\n", "Measured at `abc1234`, 2026-06-01", "| load: errors | 0 | = 0 | yes |"} {
		if !strings.Contains(s, want) {
			t.Errorf("README lacks %q:\n%s", want, s)
		}
	}
}
