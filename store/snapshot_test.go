package store

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
)

// compress reuses pooled gzip writers: every body must come back exact
// whatever writer compressed it before, from any goroutine (run with -race).
func TestCompressReusedWritersRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	bodies := make([][]byte, 64)
	for i := range bodies {
		var b bytes.Buffer
		for range rng.IntN(4000) {
			fmt.Fprintf(&b, "<li>%d クレジットカード決済 %x</li>", rng.IntN(1000), rng.Uint32())
		}
		bodies[i] = b.Bytes() // some empty
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(bodies)*4; i += 4 {
				body := bodies[i%len(bodies)]
				z, err := compress(body)
				if err != nil {
					t.Error(err)
					return
				}
				back, err := decompress(encGzip, z)
				if err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(back, body) {
					t.Errorf("body %d: %d bytes back for %d", i%len(bodies), len(back), len(body))
				}
			}
		}()
	}
	wg.Wait()
}
