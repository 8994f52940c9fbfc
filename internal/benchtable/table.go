package main

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"
)

// verdict of one row.
const (
	verdictMet     = "yes"
	verdictMissed  = "NO"
	verdictNone    = "" // no target
	verdictMissing = "missing"
)

// row is a figure with its value looked up and judged.
type row struct {
	figure
	Value   float64
	Found   bool
	Target  string // "≥ 0.70×", "≤ 102.3 MB", ""
	Verdict string
}

// summary counts the verdicts of a table.
type summary struct {
	Met, Missed, Missing int
}

// evaluate looks every figure up in res and judges it against its target.
func evaluate(figs []figure, res results) ([]row, summary) {
	var rows []row
	var sum summary
	for _, f := range figs {
		r := row{figure: f}
		r.Value, r.Found = res.metrics[ref{f.Pkg, f.Bench, f.Metric}]
		limit, limitKnown := f.Limit, true
		if f.Plus != nil {
			base, ok := res.metrics[*f.Plus]
			limit, limitKnown = base+f.Limit, ok
		}
		if f.Op != "" {
			if limitKnown {
				r.Target = opSign(f.Op) + " " + format(limit, f.Unit)
			} else {
				r.Target = fmt.Sprintf("%s %s + %g %s", opSign(f.Op), f.Plus.Metric, f.Limit, f.Unit)
			}
		}
		switch {
		case !r.Found || !limitKnown:
			r.Verdict = verdictMissing
			sum.Missing++
		case f.Op == "":
			r.Verdict = verdictNone
		case meets(r.Value, f.Op, limit):
			r.Verdict = verdictMet
			sum.Met++
		default:
			r.Verdict = verdictMissed
			sum.Missed++
		}
		rows = append(rows, r)
	}
	return rows, sum
}

func meets(v float64, op string, limit float64) bool {
	switch op {
	case ">=":
		return v >= limit
	case "<=":
		return v <= limit
	case "==":
		return v == limit
	}
	return false
}

func opSign(op string) string {
	switch op {
	case ">=":
		return "≥"
	case "<=":
		return "≤"
	}
	return "="
}

// format prints a value with the precision its unit deserves.
func format(v float64, unit string) string {
	var s string
	switch unit {
	case "×", "MB/s":
		s = fmt.Sprintf("%.2f", v)
	case "%", "MB":
		s = fmt.Sprintf("%.1f", v)
	case "ms", "pages/s", "req/s", "requests", "errors", "":
		s = fmt.Sprintf("%.0f", v)
	default:
		s = fmt.Sprintf("%.3g", v)
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		s = fmt.Sprint(v)
	}
	switch unit {
	case "", "requests", "errors":
		return s
	case "×", "%":
		return s + unit
	}
	return s + " " + unit
}

func (r row) value() string {
	if !r.Found {
		return "missing"
	}
	return format(r.Value, r.Unit)
}

// writeText prints the table for a terminal.
func writeText(w io.Writer, rows []row) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FIGURE\tVALUE\tTARGET\tMET\tFROM")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Label, r.value(), dash(r.Target), dash(r.Verdict), r.Pkg+" "+r.Bench+" "+r.Metric)
	}
	return tw.Flush()
}

// writeMarkdown prints the table and the notes on how figures are measured.
func writeMarkdown(w io.Writer, rows []row) {
	fmt.Fprintln(w, "| figure | value | target | met |")
	fmt.Fprintln(w, "|---|---:|---|---|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", mdEscape(r.Label), r.value(), dash(r.Target), dash(r.Verdict))
	}
	var notes []string
	for _, r := range rows {
		if r.Note != "" {
			notes = append(notes, fmt.Sprintf("- %s: %s (`%s` in `%s`).", r.Label, r.Note, r.Bench, r.Pkg))
		}
	}
	if len(notes) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, strings.Join(notes, "\n"))
	}
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
