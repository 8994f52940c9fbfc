package extract

import (
	"reflect"
	"strings"
	"testing"
)

func TestForwards(t *testing.T) {
	const page = "http://shop.example/top/index.html"
	tests := []struct {
		name, html string
		want       []string
	}{
		{"frameset", `<html><frameset cols="200,*"><frame src="menu.html" name="m"><FRAME SRC="/main.html#x"></frameset><noframes>古いブラウザ</noframes></html>`,
			[]string{"http://shop.example/top/menu.html", "http://shop.example/main.html"}},
		{"meta refresh 0", `<html><head><meta http-equiv="Refresh" content="0;URL=/shop/">`, []string{"http://shop.example/shop/"}},
		{"meta refresh quoted, spaces, comma", `<meta content=" 3 , url = 'https://shop.example/new/' " http-equiv="refresh">`, []string{"https://shop.example/new/"}},
		{"meta refresh without url=", `<meta http-equiv="refresh" content="0; next.html">`, []string{"http://shop.example/top/next.html"}},
		{"refresh after a minute is a page of its own", `<meta http-equiv="refresh" content="60;URL=/next.html">`, nil},
		{"reload only", `<meta http-equiv="refresh" content="30">`, nil},
		{"refresh to itself", `<meta http-equiv="refresh" content="0;URL=index.html">`, nil},
		{"base href", `<head><base href="http://shop.example/sub/"></head><frameset><frame src="a.html"></frameset>`, []string{"http://shop.example/sub/a.html"}},
		{"not http", `<frameset><frame src="javascript:void(0)"><frame src="mailto:a@b"></frameset>`, nil},
		{"duplicates once", `<frameset><frame src="a.html"><frame src="a.html"></frameset>`, []string{"http://shop.example/top/a.html"}},
		// An iframe is an embed (marked "embed "), other sites' too: the
		// crawler keeps the same-site ones.
		{"iframe", `<body><IFRAME SRC="news.html" width="400"></IFRAME><iframe src="https://www.youtube.com/embed/x"></iframe></body>`,
			[]string{"embed http://shop.example/top/news.html", "embed https://www.youtube.com/embed/x"}},
		{"iframe of an image, a pdf, nothing", `<iframe src="/img/bnr.JPG"></iframe><iframe src="/guide.pdf#p2"></iframe><iframe src="about:blank"></iframe><iframe srcdoc="<p>x</p>"></iframe>`, nil},
		{"iframe path with a dot in a directory", `<iframe src="/v1.2/news"></iframe>`, []string{"embed http://shop.example/v1.2/news"}},
		{"frame and iframe in order", `<frameset><frame src="a.html"></frameset><iframe src="b.php?x=1"></iframe>`,
			[]string{"http://shop.example/top/a.html", "embed http://shop.example/top/b.php?x=1"}},
		{"other meta", `<meta name="refresh" content="0;URL=/x">`, nil},
		{"plain page", `<html><body><a href="/news/">お知らせ</a></body></html>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range Forwards(page, tt.html) {
				switch l.Kind {
				case LinkForward:
					got = append(got, l.URL)
				case LinkEmbed:
					got = append(got, "embed "+l.URL)
				default:
					t.Errorf("kind %q", l.Kind)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Forwards = %q, want %q", got, tt.want)
			}
		})
	}
}

// The pre-check must let through every page the lower-cased search would.
func TestMentionsForward(t *testing.T) {
	for _, doc := range []string{"", "<", "<FRAME", "<FrAmEsEt>", "<frame", "REFRESH", "ReFresh", "refres", "<fram", "＜frame", "お知らせ<a>", "xx<iframe", "<IFrame", "<ifram"} {
		want := wantMention(doc)
		if got := mentionsForward(doc); got != want {
			t.Errorf("mentionsForward(%q) = %v, want %v", doc, got, want)
		}
	}
}

func wantMention(doc string) bool {
	l := asciiLower(doc)
	return strings.Contains(l, "<frame") || strings.Contains(l, "<iframe") || strings.Contains(l, "refresh")
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func FuzzMentionsForward(f *testing.F) {
	f.Add("<FRAMESET>")
	f.Add("http-equiv=REFRESH")
	f.Fuzz(func(t *testing.T, doc string) {
		want := wantMention(doc)
		if got := mentionsForward(doc); got != want {
			t.Errorf("mentionsForward(%q) = %v, want %v", doc, got, want)
		}
	})
}

func FuzzForwards(f *testing.F) {
	f.Add(`<frameset><frame src="a.html"></frameset>`)
	f.Add(`<meta http-equiv="refresh" content="0;URL='x'">`)
	f.Add(`<meta http-equiv=refresh content="1.5.;url=">`)
	f.Fuzz(func(t *testing.T, doc string) {
		for _, l := range Forwards("http://shop.example/", doc) {
			if l.URL == "" || l.URL == "http://shop.example/" {
				t.Errorf("forward %q", l.URL)
			}
		}
	})
}
