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

// BenchmarkPageLargeShop is a 300 KB top page: a news list, 600 product
// cards and a long footer, the size of a real theme's home page.
func BenchmarkPageLargeShop(b *testing.B) {
	var s strings.Builder
	s.WriteString(`<html><head><title>shop</title><script src="https://cdn.shopify.com/x.js"></script></head><body><div class="announcement-bar__message">送料無料</div><ul class="news">`)
	for i := 0; i < 20; i++ {
		s.WriteString(`<li><span class="date">2026.06.01</span><a href="/blogs/news/a">お知らせタイトル</a></li>`)
	}
	s.WriteString(`</ul><ul class="grid">`)
	for i := 0; i < 600; i++ {
		s.WriteString(`<li class="grid__item"><div class="card"><a href="/products/p"><img src="/cdn/shop/p.jpg" alt="商品"></a><h3 class="card__heading"><a href="/products/p">オーガニックコットンのTシャツ</a></h3><span class="price">¥3,300</span><span class="badge">SALE</span></div></li>`)
	}
	s.WriteString(`</ul><footer><a href="/pages/guide">ご利用ガイド</a><a href="/policies/legal-notice">特定商取引法に基づく表記</a></footer></body></html>`)
	benchPage(b, s.String())
}
