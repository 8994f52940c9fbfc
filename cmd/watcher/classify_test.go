package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// The contract's classify output: --json one object with label, score in
// [0, 1] and an evidence list (present even when empty); --jsonl one line per
// input line in the same order, the id first, an error object for a
// malformed line and the rest still answered.
func TestClassifyOutputFollowsTheContract(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionary")
	}
	stop := "当店では現在、システムメンテナンスのため当面の間クレジットカード決済を停止しております。銀行振込・代金引換はご利用いただけます。"
	code, out, stderr := runCLI(t, stop, "classify", "--json")
	if code != 0 {
		t.Fatalf("classify --json: exit %d: %s", code, stderr)
	}
	var one struct {
		Label    string  `json:"label"`
		Score    float64 `json:"score"`
		Evidence []struct {
			Text   string `json:"text"`
			Reason string `json:"reason"`
		} `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(out), &one); err != nil {
		t.Fatalf("classify --json printed %q: %v", out, err)
	}
	if one.Label != "suspicious_suspension" || len(one.Evidence) == 0 || one.Evidence[0].Reason == "" || one.Evidence[0].Text == "" {
		t.Errorf("classify --json of an open-ended card stop: %+v", one)
	}

	in := strings.Join([]string{
		`{"id":"a","text":"カード決済を再開いたしました。"}`,
		`not json`,
		`{"id":7}`,
		`{"id":[1,2],"text":"新商品のお知らせです。"}`,
		``, // blank lines are skipped, not answered
		`{"text":"` + stop + `"}`,
	}, "\n")
	code, out, stderr = runCLI(t, in, "classify", "--jsonl")
	if code != 0 {
		t.Fatalf("classify --jsonl: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []struct {
		id, label string
		isErr     bool
	}{
		{`"a"`, "resumed", false},
		{`null`, "", true},
		{`7`, "", true},
		{`[1,2]`, "unrelated", false},
		{`null`, "suspicious_suspension", false},
	}
	if len(lines) != len(want) {
		t.Fatalf("classify --jsonl: %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], `{"id":`) {
			t.Errorf("line %d does not start with the id: %s", i+1, lines[i])
		}
		var got map[string]json.RawMessage
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatalf("line %d is not JSON: %v: %s", i+1, err, lines[i])
		}
		if string(got["id"]) != w.id {
			t.Errorf("line %d: id %s, want %s", i+1, got["id"], w.id)
		}
		if w.isErr {
			if _, ok := got["error"]; !ok || got["label"] != nil {
				t.Errorf("line %d: want an error object alone, got %s", i+1, lines[i])
			}
			continue
		}
		var label string
		var score float64
		_ = json.Unmarshal(got["label"], &label)
		_ = json.Unmarshal(got["score"], &score)
		if label != w.label {
			t.Errorf("line %d: label %q, want %q", i+1, label, w.label)
		}
		if score < 0 || score > 1 || math.Round(score*1000)/1000 != score {
			t.Errorf("line %d: score %v: want [0, 1] with at most three decimals", i+1, score)
		}
		if ev, ok := got["evidence"]; !ok || ev[0] != '[' {
			t.Errorf("line %d: evidence must be a list, present even when empty: %s", i+1, lines[i])
		}
	}
}
