package main

import (
	"strings"
	"testing"
)

func TestRunPrintsTargets(t *testing.T) {
	var b strings.Builder
	if !run(&b, 2, 1) {
		t.Errorf("targets missed on 2 shops per scenario:\n%s", b.String())
	}
	out := b.String()
	for _, want := range []string{"precision", "recall", "target ≥ 0.97", "target ≥ 0.95", "first crawl", "all targets met"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
