package judge

import (
	"math/rand/v2"
	"testing"
)

// TestRandomHistories runs the fuzz target's checks over a fixed set of
// random histories, so `go test` exercises them without -fuzz.
func TestRandomHistories(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 800
	if testing.Short() {
		n = 50
	}
	for range n {
		data := make([]byte, r.IntN(400))
		for j := range data {
			data[j] = byte(r.IntN(256))
		}
		fuzzBody(t, data)
	}
}
