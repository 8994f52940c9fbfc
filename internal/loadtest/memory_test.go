package loadtest

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"maintwatch/nlp"
	"maintwatch/store"
)

// heapSample reads the heap objects (live, and dead ones not swept yet:
// what the heap holds between two collections) and the live heap as the
// last collection marked it (what the program retains).
func heapSample() (objects, live int64) {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
}

func liveHeap() int64 { o, _ := heapSample(); return o }

// heapPeak samples the heap every few milliseconds until stop is called and
// returns the highest values seen.
func heapPeak() (stop func() (objects, live int64)) {
	var peakObj, peakLive atomic.Int64
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			o, l := heapSample()
			if o > peakObj.Load() {
				peakObj.Store(o)
			}
			if l > peakLive.Load() {
				peakLive.Store(l)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() (int64, int64) { close(done); <-finished; return peakObj.Load(), peakLive.Load() }
}

func maxRSS() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Maxrss * 1024 // kilobytes on Linux
}

// BenchmarkCycleMemory: the memory of one whole cycle as `watcher crawl`
// runs it (crawl, classify, store, judge) over a generated web of
// MAINTWATCH_MEMORY_SHOPS shops (default 500) served by a child process, with
// the kagome dictionary loaded first. Reported, all above the test binary's
// heap before the dictionary: the dictionary's own live heap; the peak live
// heap of the cycle, dictionary included, as each collection marked it (what
// the process retains: the figure the target is about); the peak of heap
// objects, garbage not yet collected included (with GOGC=100 the heap may
// grow to about twice the live heap before a collection); and peak RSS, which
// also holds SQLite's page cache. Run it alone (-run '^$'): the dictionary
// must not be loaded in this process before.
func BenchmarkCycleMemory(b *testing.B) {
	n := 500
	if v, err := strconv.Atoi(os.Getenv("MAINTWATCH_MEMORY_SHOPS")); err == nil && v > 0 {
		n = v
	}
	sites := startWeb(b, n).Sites // its clock stays at day 40
	runtime.GC()
	base := liveHeap()
	cls, err := nlp.New()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	dict := liveHeap() - base
	if dict < 10<<20 {
		b.Fatalf("the dictionary added only %d bytes: it was loaded before this benchmark; run it alone", dict)
	}
	var peak, peakLive int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := store.Open(b.Context(), filepath.Join(b.TempDir(), "mem.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.AddSites(b.Context(), sites); err != nil {
			b.Fatal(err)
		}
		at := dayAt(40)
		r := newRunnerB(b, db, cls, func() time.Time { return at })
		runtime.GC()
		b.StartTimer()
		stop := heapPeak()
		sum, err := r.Run(b.Context())
		p, pl := stop()
		if err != nil {
			b.Fatal(err)
		}
		if sum.Pages == 0 || sum.Failed == sum.Sites {
			b.Fatalf("the cycle crawled nothing: %+v", sum)
		}
		peak, peakLive = max(peak, p-base), max(peakLive, pl-base)
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(dict)/(1<<20), "dict-heap-MB")
	b.ReportMetric(float64(peakLive)/(1<<20), "live-heap-peak-MB")
	b.ReportMetric(float64(peak)/(1<<20), "heap-peak-MB")
	b.ReportMetric(float64(maxRSS())/(1<<20), "peak-rss-MB")
	b.ReportMetric(float64(n), "shops")
}
