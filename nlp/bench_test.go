package nlp

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// benchMix is the realistic input: whole shop pages' text from
// testdata/mix/*.txt (written with the corpus), or, if absent, the dev
// notices embedded in long unrelated shop text.
func benchMix(tb testing.TB) []string {
	tb.Helper()
	paths, _ := filepath.Glob("testdata/mix/*.txt")
	var pages []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, string(b))
	}
	if len(pages) > 0 {
		return pages
	}
	f, err := os.Open("testdata/dev.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	items, err := LoadItems(f)
	if err != nil {
		tb.Fatal(err)
	}
	filler := strings.Repeat("ホーム | 新着商品 | ランキング | カテゴリ一覧\n"+
		"国産ひのきのまな板 大 税込3,980円 在庫あり。職人が一枚ずつ仕上げました。\n"+
		"5,000円以上のお買い上げで送料無料。ギフト包装承ります。\n"+
		"会社概要 | 特定商取引法に基づく表記 | プライバシーポリシー | お問い合わせ\n", 40)
	for _, it := range items {
		pages = append(pages, filler+it.Text+"\n"+filler)
	}
	return pages
}

// BenchmarkClassify measures the whole classifier on the mix and, in the same
// run, raw kagome tokenizing of the same text line by line (what a pipeline
// without a prefilter would pay). The two are interleaved page by page so
// that load from other processes hits both alike. ratio = classifier
// throughput / raw throughput: above 1 means the prefilter saves more than
// normalising and the rules cost.
func BenchmarkClassify(b *testing.B) {
	c, err := New()
	if err != nil {
		b.Fatal(err)
	}
	pages := benchMix(b)
	lines := make([][]string, len(pages))
	total := 0
	for i, p := range pages {
		total += len(p)
		lines[i] = strings.Split(p, "\n")
	}
	b.ReportAllocs()
	var clsDur, rawDur time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, p := range pages {
			t0 := time.Now()
			c.Classify(p)
			t1 := time.Now()
			for _, line := range lines[k] {
				c.tok.Tokenize(line)
			}
			clsDur += t1.Sub(t0)
			rawDur += time.Since(t1)
		}
	}
	b.StopTimer()
	mb := float64(total) * float64(b.N) / 1e6
	b.ReportMetric(mb/clsDur.Seconds(), "classify-MB/s")
	b.ReportMetric(mb/rawDur.Seconds(), "raw-kagome-MB/s")
	b.ReportMetric(rawDur.Seconds()/clsDur.Seconds(), "ratio")
	b.ReportMetric(float64(DictLoadTime().Milliseconds()), "dictload-ms")
	if rss := residentMB(); rss > 0 {
		b.ReportMetric(rss, "rss-MB")
	}
	// The live heap after a collection is the dictionary plus what the
	// classifier keeps (nothing between calls): its resident memory, without
	// the garbage and the runtime's reserve that rss-MB includes.
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/1e6, "live-heap-MB")
}

// BenchmarkClassifyNotice is one typical notice, for per-call cost.
func BenchmarkClassifyNotice(b *testing.B) {
	c, err := New()
	if err != nil {
		b.Fatal(err)
	}
	text := "【重要】クレジットカード決済一時停止のお知らせ\n現在、決済システムのメンテナンスのため、クレジットカード決済を一時停止しております。再開時期につきましては決定次第お知らせいたします。銀行振込・代金引換はご利用いただけます。"
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c.Classify(text)
	}
}

// TestDictLoadAndMemory logs the dictionary load time and resident memory
// (numbers, not assertions: speed and size belong in reports, not in tests).
func TestDictLoadAndMemory(t *testing.T) {
	newTestClassifier(t)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("kagome ipa dictionary load: %v; heap in use after GC: %.0f MB; Go runtime Sys: %.0f MB; process RSS: %.0f MB",
		DictLoadTime().Round(time.Millisecond), float64(ms.HeapInuse)/1e6, float64(ms.Sys)/1e6, residentMB())
	if DictLoadTime() <= 0 {
		t.Error("dictionary load time not recorded")
	}
}

// residentMB reads VmRSS from /proc (Linux); 0 elsewhere.
func residentMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, err := strconv.ParseFloat(f[0], 64)
				if err == nil {
					return kb / 1024
				}
			}
		}
	}
	return 0
}

// BenchmarkClassifyRealLength classifies the real-length notices of
// testdata/blind4.jsonl (structured leak announcements, stops with signature
// blocks, long guides; 0.4 to 6 KB) one by one, and one long notice made of
// the first two over 4 KB (about 11 KB), for the per-notice cost at the
// length real shops publish.
func BenchmarkClassifyRealLength(b *testing.B) {
	c, err := New()
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Open("testdata/blind4.jsonl")
	if err != nil {
		b.Skip("no blind4.jsonl")
	}
	items, err := LoadItems(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	var long []string
	total := 0
	for _, it := range items {
		total += len(it.Text)
		if len(it.Text) >= 4000 {
			long = append(long, it.Text)
		}
	}
	b.Run("each", func(b *testing.B) {
		b.ReportAllocs()
		t0 := time.Now()
		for i := 0; i < b.N; i++ {
			for _, it := range items {
				c.Classify(it.Text)
			}
		}
		d := time.Since(t0)
		b.ReportMetric(float64(d.Microseconds())/float64(b.N*len(items)), "µs/notice")
		b.ReportMetric(float64(total)/1e3/float64(len(items)), "KB/notice")
	})
	if len(long) >= 2 {
		text := long[0] + "\n" + long[1]
		b.Run("two-long", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				c.Classify(text)
			}
		})
	}
}
