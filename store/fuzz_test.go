package store

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzNormalizeURL: site URLs come from user files. Whatever the input,
// NormalizeURL must not panic, must accept only http(s) with a host and no
// fragment, and must be idempotent (a normalised URL is its own key).
func FuzzNormalizeURL(f *testing.F) {
	for _, s := range []string{"https://Shop.Example:443/a?b#c", "http://[::1]:80", "HTTP://x", "javascript:alert(1)",
		"https://ショップ.example/お知らせ", "http://a:b@c/", "//x/y", "http://x:99999/", "https://%zz/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		n, err := NormalizeURL(raw)
		if err != nil {
			return
		}
		u, err := url.Parse(n)
		if err != nil {
			t.Fatalf("NormalizeURL(%q) = %q, which does not parse: %v", raw, n, err)
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.Contains(n, "#") {
			t.Fatalf("NormalizeURL(%q) = %q", raw, n)
		}
		again, err := NormalizeURL(n)
		if err != nil || again != n {
			t.Fatalf("not idempotent: %q -> %q -> %q, %v", raw, n, again, err)
		}
	})
}

// FuzzNoticeHash: spacing never changes a notice's key.
func FuzzNoticeHash(f *testing.F) {
	f.Add("カード決済停止のお知らせ", "本日より当面の間停止しております。")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, title, body string) {
		h := NoticeHash(title, body)
		if len(h) != 64 {
			t.Fatalf("hash %q", h)
		}
		spaced := func(s string) string { return " \n" + s + "\u3000\t" }
		if NoticeHash(spaced(title), spaced(body)) != h {
			t.Fatalf("surrounding whitespace changed the hash of %q / %q", title, body)
		}
	})
}
