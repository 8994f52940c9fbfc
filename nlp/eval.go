package nlp

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Item is one labelled notice of an evaluation set (one JSON object per line).
type Item struct {
	ID    string `json:"id"`
	Label Label  `json:"label"`
	Text  string `json:"text"`
	Kind  string `json:"kind"` // positive, hard_negative, negative
	Note  string `json:"note"`
}

// LoadItems reads JSON lines; blank lines are skipped, a malformed line or an
// unknown label is an error naming the line.
func LoadItems(r io.Reader) ([]Item, error) {
	var items []Item
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		b := strings.TrimSpace(sc.Text())
		if b == "" {
			continue
		}
		var it Item
		if err := json.Unmarshal([]byte(b), &it); err != nil {
			return nil, fmt.Errorf("nlp: items line %d: %w", line, err)
		}
		if labelIndex(it.Label) < 0 {
			return nil, fmt.Errorf("nlp: items line %d: unknown label %q", line, it.Label)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("nlp: read items: %w", err)
	}
	return items, nil
}

func labelIndex(l Label) int {
	for i, x := range Labels {
		if x == l {
			return i
		}
	}
	return -1
}

// LabelScore is precision, recall and F1 for one label.
type LabelScore struct {
	Label                 Label
	Precision, Recall, F1 float64
	Support               int // items whose true label is Label
}

// Scores is one system's result on an evaluation set.
type Scores struct {
	Confusion [][]int // [true][predicted], indexed like Labels
	PerLabel  []LabelScore
	MacroF1   float64
	Accuracy  float64
}

// Mistake is one misclassified item of the classifier.
type Mistake struct {
	ID, Kind    string
	Want, Got   Label
	Score       float64
	FirstReason Reason
}

// Report compares the classifier and the keyword baseline on the same items.
type Report struct {
	N          int
	Classifier Scores
	Baseline   Scores
	Mistakes   []Mistake
	// Calibration: mean score and accuracy of the classifier per score band
	// (<0.6, 0.6–0.8, 0.8–0.9, ≥0.9), to check that Score means confidence.
	Calibration []CalibrationBand
}

// CalibrationBand is one score band of the classifier's answers.
type CalibrationBand struct {
	Lo, Hi    float64
	N         int
	MeanScore float64
	Accuracy  float64
}

// Evaluate classifies every item with c and with Baseline.
func Evaluate(c *Classifier, items []Item) Report {
	rep := Report{N: len(items)}
	cm := newConfusion()
	bm := newConfusion()
	bands := []CalibrationBand{{Lo: 0, Hi: 0.6}, {Lo: 0.6, Hi: 0.8}, {Lo: 0.8, Hi: 0.9}, {Lo: 0.9, Hi: 1.01}}
	for _, it := range items {
		want := labelIndex(it.Label)
		res := c.Classify(it.Text)
		got := labelIndex(res.Label)
		cm[want][got]++
		bm[want][labelIndex(Baseline(it.Text))]++
		for i := range bands {
			if res.Score >= bands[i].Lo && res.Score < bands[i].Hi {
				bands[i].N++
				bands[i].MeanScore += res.Score
				if got == want {
					bands[i].Accuracy++
				}
			}
		}
		if got != want {
			m := Mistake{ID: it.ID, Kind: it.Kind, Want: it.Label, Got: res.Label, Score: res.Score}
			if len(res.Evidence) > 0 {
				m.FirstReason = res.Evidence[0].Reason
			}
			rep.Mistakes = append(rep.Mistakes, m)
		}
	}
	for i := range bands {
		if bands[i].N > 0 {
			bands[i].MeanScore /= float64(bands[i].N)
			bands[i].Accuracy /= float64(bands[i].N)
		}
	}
	rep.Calibration = bands
	rep.Classifier = scoresOf(cm)
	rep.Baseline = scoresOf(bm)
	return rep
}

func newConfusion() [][]int {
	m := make([][]int, len(Labels))
	for i := range m {
		m[i] = make([]int, len(Labels))
	}
	return m
}

// scoresOf computes per-label precision/recall/F1 and macro-F1 over the
// labels that occur (as truth or prediction), so a set without leaks does not
// count a meaningless 0 for them.
func scoresOf(m [][]int) Scores {
	s := Scores{Confusion: m}
	total, correct := 0, 0
	sumF1, nF1 := 0.0, 0
	for i, l := range Labels {
		tp, fp, fn := m[i][i], 0, 0
		for j := range Labels {
			total += m[i][j]
			if j != i {
				fn += m[i][j]
				fp += m[j][i]
			}
		}
		correct += tp
		ls := LabelScore{Label: l, Support: tp + fn}
		if tp+fp > 0 {
			ls.Precision = float64(tp) / float64(tp+fp)
		}
		if tp+fn > 0 {
			ls.Recall = float64(tp) / float64(tp+fn)
		}
		if ls.Precision+ls.Recall > 0 {
			ls.F1 = 2 * ls.Precision * ls.Recall / (ls.Precision + ls.Recall)
		}
		if tp+fp+fn > 0 {
			sumF1 += ls.F1
			nF1++
		}
		s.PerLabel = append(s.PerLabel, ls)
	}
	if nF1 > 0 {
		s.MacroF1 = sumF1 / float64(nF1)
	}
	if total > 0 {
		s.Accuracy = float64(correct) / float64(total)
	}
	return s
}

// shortLabel names a label in a narrow table column.
func shortLabel(l Label) string {
	switch l {
	case Suspicious:
		return "susp"
	case Scheduled:
		return "sched"
	case Resumed:
		return "resum"
	case Leak:
		return "leak"
	}
	return "unrel"
}

// Format writes the report: per-label scores of both systems side by side,
// both confusion matrices, calibration, and the classifier's mistakes by
// category (true → predicted, kind), not by sentence.
func (r Report) Format(w io.Writer, title string) {
	fmt.Fprintf(w, "== %s: %d notices ==\n", title, r.N)
	fmt.Fprintf(w, "%-22s | %-26s | %-26s\n", "", "classifier (kagome rules)", "baseline (keywords)")
	fmt.Fprintf(w, "%-22s | %8s %8s %8s | %8s %8s %8s\n", "label (support)", "P", "R", "F1", "P", "R", "F1")
	for i, l := range Labels {
		c, b := r.Classifier.PerLabel[i], r.Baseline.PerLabel[i]
		fmt.Fprintf(w, "%-22s | %8.3f %8.3f %8.3f | %8.3f %8.3f %8.3f\n", fmt.Sprintf("%s (%d)", shortLabel(l), c.Support),
			c.Precision, c.Recall, c.F1, b.Precision, b.Recall, b.F1)
	}
	fmt.Fprintf(w, "%-22s | %26.3f | %26.3f\n", "macro-F1", r.Classifier.MacroF1, r.Baseline.MacroF1)
	fmt.Fprintf(w, "%-22s | %26.3f | %26.3f\n", "accuracy", r.Classifier.Accuracy, r.Baseline.Accuracy)
	for _, sys := range []struct {
		name string
		s    Scores
	}{{"classifier", r.Classifier}, {"baseline", r.Baseline}} {
		fmt.Fprintf(w, "confusion (%s; rows = truth, columns = predicted)\n%8s", sys.name, "")
		for _, l := range Labels {
			fmt.Fprintf(w, " %6s", shortLabel(l))
		}
		fmt.Fprintln(w)
		for i, l := range Labels {
			fmt.Fprintf(w, "%8s", shortLabel(l))
			for j := range Labels {
				fmt.Fprintf(w, " %6d", sys.s.Confusion[i][j])
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintln(w, "calibration (classifier): score band, n, mean score, accuracy")
	for _, b := range r.Calibration {
		fmt.Fprintf(w, "  [%.1f,%.1f) n=%-4d mean=%.3f acc=%.3f\n", b.Lo, min(b.Hi, 1), b.N, b.MeanScore, b.Accuracy)
	}
	cats := map[string]int{}
	var order []string
	for _, m := range r.Mistakes {
		k := fmt.Sprintf("%s → %s (%s)", shortLabel(m.Want), shortLabel(m.Got), m.Kind)
		if cats[k] == 0 {
			order = append(order, k)
		}
		cats[k]++
	}
	fmt.Fprintf(w, "classifier mistakes by category: %d\n", len(r.Mistakes))
	for _, k := range order {
		fmt.Fprintf(w, "  %-40s %d\n", k, cats[k])
	}
}
