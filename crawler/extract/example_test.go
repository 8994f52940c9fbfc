package extract_test

import (
	"fmt"
	"time"

	"maintwatch/crawler/extract"
)

func ExamplePage() {
	src := `<html><head><script src="/js/eccube.js"></script></head><body>
<div id="news_area"><dl class="newslist">
  <dt>2026年06月10日</dt>
  <dt><a href="/user_data/card.php">クレジットカード決済一時停止のお知らせ</a></dt>
  <dd class="mini">決済システムのメンテナンスのため、クレジットカード決済を停止しております。</dd>
</dl></div>
<a href="/order/index.php">特定商取引法に基づく表記</a>
</body></html>`
	fetched := time.Date(2026, 6, 15, 10, 0, 0, 0, time.UTC)
	r := extract.Page("https://shop.example.jp/", src, fetched)
	fmt.Println(r.Platform, r.PlatformVersion)
	for _, n := range r.Notices {
		fmt.Println(n.Date.Format("2006-01-02"), n.Title)
		fmt.Println(n.DetailURL)
	}
	for _, l := range r.Links {
		fmt.Println(l.Kind, l.URL)
	}
	// Output:
	// eccube2 2.13+
	// 2026-06-10 クレジットカード決済一時停止のお知らせ
	// https://shop.example.jp/user_data/card.php
	// detail https://shop.example.jp/user_data/card.php
	// payment https://shop.example.jp/order/index.php
}

func ExampleDetail() {
	src := `<html><head><title>カード決済停止のお知らせ | ショップ</title></head><body>
<nav><a href="/">トップ</a></nav>
<article><h1 class="entry-title">カード決済停止のお知らせ</h1>
<time datetime="2026-06-09T18:30:00+09:00">2026年6月9日</time>
<div class="entry-content"><p>当面の間、クレジットカード決済をご利用いただけません。</p></div></article>
</body></html>`
	n := extract.Detail("https://shop.example.jp/news/1/", src, time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC))
	fmt.Println(n.Date.Format("2006-01-02"), n.DateText)
	fmt.Println(n.Title)
	fmt.Println(n.Body)
	// Output:
	// 2026-06-09 2026年6月9日
	// カード決済停止のお知らせ
	// 当面の間、クレジットカード決済をご利用いただけません。
}
