package demoweb

import (
	"io"
	"net/http"
	"runtime"
	"testing"
)

// TestGenerate2000 starts the benchmark-size web and reads top pages:
// 2000 listeners must fit in the file limit (raised if needed).
func TestGenerate2000(t *testing.T) {
	if testing.Short() {
		t.Skip("2000 shops")
	}
	w := generate(t, 2000, 11, newClock(t0.Add(90*day)))
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1, MaxIdleConns: 64}}
	defer c.CloseIdleConnections()
	// Every shop listens; reading every tenth keeps the test short under -race.
	for i, s := range w.Shops {
		if i%10 != 0 {
			continue
		}
		res, err := c.Get(s.URL)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK && !(s.Scenario == SiteDown && res.StatusCode == http.StatusServiceUnavailable) {
			t.Fatalf("%s: status %d", s.Name, res.StatusCode)
		}
	}
}

// BenchmarkGenerate2000 measures starting and closing a 2000-shop web and
// reports the heap it holds while running.
func BenchmarkGenerate2000(b *testing.B) {
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		w, err := Generate(2000, 1, t0, newClock(t0).Now)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/(1<<20), "heapMiB")
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func benchGet(b *testing.B, hdr map[string]string) {
	w, err := StartDemo(newClock(t0).Now)
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	url := w.Shop("宇治茶房 やまもと園").URL
	first, err := http.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	first.Body.Close()
	if hdr != nil {
		hdr["If-None-Match"] = first.Header.Get("ETag")
	}
	b.ResetTimer()
	for b.Loop() {
		req, _ := http.NewRequest(http.MethodGet, url, nil)
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
}

// BenchmarkTopPage renders and serves a full EC-CUBE 2 top page.
func BenchmarkTopPage(b *testing.B) { benchGet(b, nil) }

// BenchmarkTopPage304 is the same request revalidated with its ETag.
func BenchmarkTopPage304(b *testing.B) { benchGet(b, map[string]string{}) }
