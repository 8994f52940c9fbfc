package judge

import (
	"fmt"
	"strings"
	"time"
)

// Explain is a multi-line summary of an episode for a person: status, dates,
// every factor with its contribution, the history and the evidence.
func Explain(e Episode) string {
	var b strings.Builder
	fmt.Fprintf(&b, "episode %s: %s, score %.2f\n", e.Key, statusText(e.Status), e.Score)
	fmt.Fprintf(&b, "  opened %s", day(e.Opened))
	if !e.FirstFlagged.IsZero() {
		fmt.Fprintf(&b, ", first flagged %s", day(e.FirstFlagged))
	}
	if !e.Closed.IsZero() {
		fmt.Fprintf(&b, ", closed %s", day(e.Closed))
	}
	if !e.Updated.IsZero() {
		fmt.Fprintf(&b, ", updated %s", day(e.Updated))
	}
	b.WriteByte('\n')
	if e.Status == ConfirmedLeak {
		fmt.Fprintf(&b, "  lead time: %d days before the leak announcement\n", int(e.LeadTime/(24*time.Hour)))
	}
	if len(e.History) > 0 {
		b.WriteString("  history:")
		for i, t := range e.History {
			if i > 0 {
				b.WriteString(" →")
			}
			fmt.Fprintf(&b, " %s %s", t.Status, day(t.At))
		}
		b.WriteByte('\n')
	}
	if len(e.Factors) > 0 {
		b.WriteString("  factors:\n")
		for _, f := range e.Factors {
			fmt.Fprintf(&b, "    %+.3f %-17s %s\n", f.Contribution, f.Name, oneLine(f.Detail))
		}
	}
	if len(e.Evidence) > 0 {
		b.WriteString("  evidence:\n")
		for _, o := range e.Evidence {
			fmt.Fprintf(&b, "    %s %-8s %s", day(o.When()), o.Kind, o.URL)
			if t := evidenceText(o); t != "" {
				fmt.Fprintf(&b, " %s", t)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func statusText(s Status) string {
	switch s {
	case Suspected:
		return "suspected (card payment stopped suddenly)"
	case Escalated:
		return "escalated (the stop persists or its story changed)"
	case ConfirmedLeak:
		return "confirmed leak"
	case Resolved:
		return "resolved (card payment is back)"
	}
	return string(s)
}

func evidenceText(o Observation) string {
	if o.Title == "" && strings.TrimSpace(o.Text) == "" {
		return ""
	}
	s := quote(o)
	if o.Label != "" {
		s += " [" + string(o.Label) + "]"
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
