package feeds

import (
	"encoding/json"
	"encoding/xml"
	"testing"
	"time"
)

// BenchmarkRenderVsMarshal measures what serving a feed costs beyond plain
// serialisation: building the model from the episodes and rendering it
// (gorilla/feeds, escaping, the evidence HTML) against marshalling the same
// items with encoding/xml (RSS, Atom) or encoding/json (JSON Feed), the two
// interleaved in every iteration so that machine load hits both alike.
// ratio = render throughput ÷ marshal throughput (1 would mean rendering is
// free beyond serialisation).
func BenchmarkRenderVsMarshal(b *testing.B) {
	eps, err := Load(b.Context(), newBenchSource(20), Query{})
	if err != nil || len(eps) == 0 {
		b.Fatalf("%d episodes, %v", len(eps), err)
	}
	items := Build(eps, Options{BaseURL: testBase, Now: testNow}).Items
	for _, format := range []string{"rss", "atom", "json"} {
		b.Run(format, func(b *testing.B) {
			var renderDur, marshalDur time.Duration
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				if err := Render(discard{}, format, Build(eps, Options{BaseURL: testBase, Now: testNow})); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				var err error
				if format == "json" {
					err = json.NewEncoder(discard{}).Encode(plainItems{Items: items})
				} else {
					err = xml.NewEncoder(discard{}).Encode(plainItems{Items: items})
				}
				if err != nil {
					b.Fatal(err)
				}
				renderDur += t1.Sub(t0)
				marshalDur += time.Since(t1)
			}
			n := float64(len(items) * b.N)
			b.ReportMetric(n/renderDur.Seconds(), "render-items/s")
			b.ReportMetric(n/marshalDur.Seconds(), "marshal-items/s")
			b.ReportMetric(marshalDur.Seconds()/renderDur.Seconds(), "ratio")
		})
	}
}

// plainItems is the baseline document: the items as they are, no feed format.
type plainItems struct {
	XMLName xml.Name `xml:"items" json:"-"`
	Items   []Item   `xml:"item" json:"items"`
}
