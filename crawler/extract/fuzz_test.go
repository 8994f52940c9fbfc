package extract

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzPage(f *testing.F) {
	for _, s := range []string{
		`<dl class="newslist"><dt>2026年06月10日</dt><dt><a href="/n.php">カード停止</a></dt><dd class="mini">停止中</dd></dl>`,
		`<ul><li>2026.06.01 <a href="//evil.example/x">x</a></li><li>R8.6.1 お知らせ</li></ul>`,
		`<table><tr><th>お支払い方法</th><td>クレジットカード(停止中)、銀行振込</td></tr></table>`,
		`<p>・<a href="/n/1">停止</a>（2026/6/9）<br>・<a href="/n/2">別件</a>［2026年6月2日］<br></p>`,
		`<article class="post-1 post"><time>2026/06/10</time><h2><a href="/a">a</a></h2></article><article class="post-2 post"><h2><a href="/b">b</a></h2></article><article class="post-3 post"><time>2026/06/01</time><h2>c</h2></article>`,
		`<h2>2026年06月14日</h2><div class="a"><h3>x</h3></div><div class="a"><h3>y</h3></div>`,
		`<title>メンテナンス中</title><h1>ただいまメンテナンス中です</h1>`,
		`<div class="announcement-bar__message">カード決済停止中</div><a href="javascript:alert(1)">お知らせ</a>`,
		`<base href="http://other.example/"><a href="/news/">NEWS</a><a href="http://shop.example.jp:8080/law">特定商取引法</a>`,
	} {
		f.Add(s)
	}
	const pageURL = "https://shop.example.jp/top/index.html"
	f.Fuzz(func(t *testing.T, src string) {
		r := Page(pageURL, src, ref)
		for _, l := range r.Links {
			u, err := url.Parse(l.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host != "shop.example.jp" || u.Fragment != "" {
				t.Fatalf("bad link %q", l.URL)
			}
		}
		var texts []string
		for _, n := range r.Notices {
			texts = append(texts, n.Title, n.Body, n.DateText, n.URL, n.DetailURL)
			if !n.Date.IsZero() && (n.Date.Year() < 1989 || n.Date.Year() > 2100) {
				t.Fatalf("date out of range: %v", n.Date)
			}
			if utf8.RuneCountInString(n.Title) > maxTitle+1 {
				t.Fatalf("title not capped: %d runes", utf8.RuneCountInString(n.Title))
			}
		}
		for _, b := range r.Banners {
			texts = append(texts, b.Text)
			if utf8.RuneCountInString(b.Text) > maxBanner+1 {
				t.Fatalf("banner not capped")
			}
		}
		if r.Payment != nil {
			for _, m := range r.Payment.Methods {
				texts = append(texts, m.Name, m.Text)
			}
		}
		d := Detail(pageURL, src, ref)
		texts = append(texts, d.Title, d.Body, d.DateText)
		for _, s := range texts {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q", s)
			}
			if s != strings.TrimSpace(s) {
				t.Fatalf("untrimmed text %q", s)
			}
		}
	})
}
