package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	"maintwatch/nlp"
)

// maxNoticeBytes bounds one notice read from stdin: a notice, not a book.
const maxNoticeBytes = 4 << 20

func runClassify(ctx context.Context, g *globals, args []string, sio stdio) error {
	fs := g.flagSet("classify", sio.errOut)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	jsonl := fs.Bool("jsonl", false, `batch: read {"id":...,"text":...} lines, write one result line each, same order`)
	fs.Usage = func() {
		fmt.Fprintln(sio.errOut, "usage: watcher classify [--json] < notice.txt\n       watcher classify --jsonl < notices.jsonl")
		fs.PrintDefaults()
	}
	pos, err := g.parseCommand(fs, args, sio.errOut)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, "watcher classify [--json|--jsonl] (text on stdin)"); err != nil {
		return err
	}
	c, err := nlp.New()
	if err != nil {
		return fmt.Errorf("load classifier: %w", err)
	}
	if *jsonl {
		return classifyLines(ctx, c, sio.in, sio.out)
	}
	data, err := io.ReadAll(io.LimitReader(sio.in, maxNoticeBytes+1))
	if err != nil {
		return fmt.Errorf("read stdin: %w", err)
	}
	if len(data) > maxNoticeBytes {
		return fmt.Errorf("notice on stdin is larger than %d bytes", maxNoticeBytes)
	}
	res := printable(c.Classify(string(data)))
	if *asJSON {
		return json.NewEncoder(sio.out).Encode(res)
	}
	fmt.Fprintf(sio.out, "%s %.2f\n", res.Label, res.Score)
	for _, e := range res.Evidence {
		fmt.Fprintf(sio.out, "  %-24s %s\n", e.Reason, e.Text)
	}
	return nil
}

// printable is a result as the contract prints it: evidence always a list
// (never null), and the score rounded to three decimals, since the sum of
// rule weights prints as 0.9199999999999999 otherwise.
func printable(res nlp.Result) nlp.Result {
	if res.Evidence == nil {
		res.Evidence = []nlp.Evidence{}
	}
	res.Score = math.Round(res.Score*1000) / 1000
	return res
}

// lineResult is one --jsonl answer: the id first, then the result or an
// error for that line alone. Evidence is a pointer so that a result with no
// evidence still prints "evidence": [] while an error line prints none.
type lineResult struct {
	ID       json.RawMessage `json:"id"`
	Label    nlp.Label       `json:"label,omitempty"`
	Score    *float64        `json:"score,omitempty"`
	Evidence *[]nlp.Evidence `json:"evidence,omitempty"`
	Error    string          `json:"error,omitempty"`
}

// classifyLines answers every input line in order; a malformed line gets an
// error object and the rest are still processed.
func classifyLines(ctx context.Context, c *nlp.Classifier, in io.Reader, out io.Writer) error {
	r := bufio.NewReaderSize(in, 64<<10)
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := r.ReadString('\n')
		if err != nil && err != io.EOF {
			return fmt.Errorf("read stdin line %d: %w", n, err)
		}
		if strings.TrimSpace(line) != "" {
			if err := enc.Encode(classifyLine(c, line, n)); err != nil {
				return fmt.Errorf("write result %d: %w", n, err)
			}
		}
		if err == io.EOF {
			break
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write results: %w", err)
	}
	return nil
}

func classifyLine(c *nlp.Classifier, line string, n int) lineResult {
	var in struct {
		ID   json.RawMessage `json:"id"`
		Text *string         `json:"text"`
	}
	if err := json.Unmarshal([]byte(line), &in); err != nil {
		return lineResult{ID: json.RawMessage("null"), Error: fmt.Sprintf("line %d: not a JSON object: %v", n, err)}
	}
	if len(in.ID) == 0 {
		in.ID = json.RawMessage("null")
	}
	if in.Text == nil {
		return lineResult{ID: in.ID, Error: fmt.Sprintf("line %d: no \"text\" field", n)}
	}
	res := printable(c.Classify(*in.Text))
	return lineResult{ID: in.ID, Label: res.Label, Score: &res.Score, Evidence: &res.Evidence}
}
