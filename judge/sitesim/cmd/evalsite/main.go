// Command evalsite prints the judge's site-level precision and recall on
// synthetic shop histories (judge/sitesim), each figure beside the issue's
// target. `make eval` runs it after the classifier's figures and before the
// replay of generated shops through the whole pipeline (cycle's
// TestSiteLevelEval). It exits 1 when a target is missed.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"maintwatch/judge/sitesim"
)

func main() {
	perScenario := flag.Int("per-scenario", 12, "synthetic shops per scenario")
	seeds := flag.Int("seeds", 3, "seeds to run (1..N)")
	flag.Parse()
	if !run(os.Stdout, *perScenario, *seeds) {
		os.Exit(1)
	}
}

// run prints one report per seed and reports whether every one met the
// targets.
func run(w io.Writer, perScenario, seeds int) bool {
	ok := true
	n := perScenario * sitesim.Scenarios()
	fmt.Fprintf(w, "== judge on synthetic histories (judge/sitesim): %d shops per seed, targets precision ≥ %.2f, recall ≥ %.2f ==\n",
		n, sitesim.TargetPrecision, sitesim.TargetRecall)
	for seed := 1; seed <= seeds; seed++ {
		r := sitesim.Evaluate(sitesim.Generate(n, uint64(seed)))
		fmt.Fprintf(w, "seed %d: %s", seed, r)
		ok = ok && r.Met()
	}
	if ok {
		fmt.Fprintln(w, "all targets met")
	} else {
		fmt.Fprintln(w, "TARGETS NOT MET")
	}
	fmt.Fprintln(w)
	return ok
}
