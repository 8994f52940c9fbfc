package extract

import (
	"strings"
	"testing"
)

func benchPage(b *testing.B, src string) {
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Page(top, src, ref)
	}
}

func BenchmarkPageDeepDiv(b *testing.B) {
	benchPage(b, strings.Repeat("<div>", 50000)+"2026.06.01 カード決済停止"+strings.Repeat("</div>", 50000))
}

func BenchmarkPageDeepList(b *testing.B) {
	benchPage(b, strings.Repeat("<ul><li>クレジットカード 2026.06.01 x", 20000))
}

func BenchmarkPageDeepTable(b *testing.B) {
	benchPage(b, strings.Repeat("<table><tr><td>2026.06.01 お支払い方法", 5000))
}

func BenchmarkPageHugeList(b *testing.B) {
	var s strings.Builder
	for s.Len() < maxInput {
		s.WriteString("<li>2026.06.01 <a href='/n'>お知らせ</a></li>")
	}
	benchPage(b, s.String())
}

func BenchmarkPageShopify(b *testing.B) {
	benchPage(b, mustRead(b, "testdata/shopify_top.html"))
}
