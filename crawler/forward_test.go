package crawler

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const framesetHTML = `<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN"><html><head><meta charset="utf-8"><title>テスト商店</title></head>
<frameset cols="180,*"><frame src="menu.html" name="menu"><frame src="main.html" name="main"></frameset>
<noframes><body>フレーム対応のブラウザでご覧ください。</body></noframes></html>`

// frameShop: the top page is a frameset; the menu frame links the news and
// payment pages, the main frame shows the shop.
func frameShop(t *testing.T) *shop {
	return fullShop(t).html("/", framesetHTML).
		html("/menu.html", `<html><head><meta charset="utf-8"></head><body><a href="/news/" target="main">お知らせ</a><br><a href="/guide/payment.html" target="main">お支払い方法</a></body></html>`).
		html("/main.html", `<html><head><meta charset="utf-8"></head><body><h1>テスト商店へようこそ</h1><p>いつもご利用ありがとうございます。</p></body></html>`)
}

func TestFramesetTopPage(t *testing.T) {
	s := frameShop(t)
	s.etags = true
	srv := s.start()
	c := mustNew(t, testConfig())
	h := newFakeHistory()
	first := crawl(t, c, h, srv.URL+"/")[0]
	for _, p := range []string{"/menu.html", "/main.html", "/news/", "/news/1.html", "/guide/payment.html"} {
		if s.count(p) != 1 {
			t.Errorf("%s requested %d times, want 1\n%s", p, s.count(p), describe(first))
		}
	}
	if f, _ := fetchOf(first, srv.URL+"/menu.html"); f.Kind != KindTop {
		t.Errorf("frame recorded as %q, want top", f.Kind)
	}
	if !first.NewsFound || len(first.Notices) != 2 || first.Payment == nil || !first.TopFresh {
		t.Fatalf("frameset shop: NewsFound %v, %d notices, payment %v, TopFresh %v\n%s",
			first.NewsFound, len(first.Notices), first.Payment != nil, first.TopFresh, describe(first))
	}

	// Nothing changed: the frames answer 304 and the walk goes on through
	// the links remembered from them.
	h.save([]SiteReport{first})
	second := crawl(t, c, h, srv.URL+"/")[0]
	if s.count("/news/1.html") != 2 || !second.NewsFound || second.TopFresh {
		t.Errorf("cycle 2: detail requested %d times in all, NewsFound %v, TopFresh %v\n%s",
			s.count("/news/1.html"), second.NewsFound, second.TopFresh, describe(second))
	}
}

// A frame disallowed by robots.txt is recorded as such and not requested.
func TestFrameObeysRobots(t *testing.T) {
	s := frameShop(t).raw("/robots.txt", page{body: []byte("User-agent: *\nDisallow: /menu.html\n"), contentType: "text/plain"})
	srv := s.start()
	rep := crawl(t, mustNew(t, testConfig()), nil, srv.URL+"/")[0]
	if s.count("/menu.html") != 0 {
		t.Errorf("disallowed frame requested")
	}
	if f, ok := fetchOf(rep, srv.URL+"/menu.html"); !ok || f.ErrKind != ErrRobots {
		t.Errorf("disallowed frame recorded as %+v", f)
	}
	if s.count("/main.html") != 1 {
		t.Errorf("the allowed frame was not fetched\n%s", describe(rep))
	}
}

func TestMetaRefreshTopPage(t *testing.T) {
	s := fullShop(t).
		html("/", `<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;URL=/shop/index.html"></head><body>移動します</body></html>`).
		html("/shop/index.html", topHTML)
	srv := s.start()
	rep := crawl(t, mustNew(t, testConfig()), nil, srv.URL+"/")[0]
	if s.count("/shop/index.html") != 1 || !rep.NewsFound || len(rep.Notices) != 2 || rep.Payment == nil {
		t.Errorf("refresh target requested %d times, NewsFound %v, %d notices, payment %v\n%s",
			s.count("/shop/index.html"), rep.NewsFound, len(rep.Notices), rep.Payment != nil, describe(rep))
	}
}

// Forwards to another site are not followed; a chain of refreshes stops
// after MaxRedirects hops.
func TestForwardLimits(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("other site requested: %s", r.URL)
	}))
	defer other.Close()
	s := newShop(t).raw("/robots.txt", page{status: 404}).
		html("/", `<frameset><frame src="`+other.URL+`/frame.html"><frame src="/r1.html"></frameset>`)
	for i := 1; i <= 8; i++ {
		s.html(fmt.Sprintf("/r%d.html", i), fmt.Sprintf(`<meta http-equiv="refresh" content="0;URL=/r%d.html">`, i+1))
	}
	srv := s.start()
	cfg := testConfig()
	rep := crawl(t, mustNew(t, cfg), nil, srv.URL+"/")[0]
	for i := 1; i <= 8; i++ {
		want := 0
		if i <= defaultRedirects {
			want = 1
		}
		if n := s.count(fmt.Sprintf("/r%d.html", i)); n != want {
			t.Errorf("/r%d.html requested %d times, want %d\n%s", i, n, want, describe(rep))
		}
	}
	if strings.Contains(describe(rep), other.URL) {
		t.Errorf("other site's frame recorded\n%s", describe(rep))
	}
}

// iframeShop: an old shop's top page embeds its news list (news.html) in
// an iframe, next to another site's video, an image and a small same-site
// iframe that says 準備中です.
func iframeShop(t *testing.T, otherURL string) *shop {
	return fullShop(t).
		html("/", `<html><head><meta charset="utf-8"><title>テスト商店</title></head><body>
<h1>テスト商店</h1><a href="/guide/payment.html">お支払い方法</a>
<iframe src="`+otherURL+`/embed/video" width="560"></iframe>
<iframe src="news.html" width="400" height="300" frameborder="0"></iframe>
<iframe src="/img/banner.jpg"></iframe>
<iframe src="calendar.html"></iframe>
<p>いつもご利用ありがとうございます。</p></body></html>`).
		html("/news.html", strings.ReplaceAll(newsHTML, `<ul class="news">`, `<ul class="news" id="news_area">`)).
		html("/calendar.html", `<html><head><meta charset="utf-8"><title>営業日カレンダー</title></head><body><p>ただいま準備中です。</p></body></html>`)
}

func TestIframeNewsOnTopPage(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("other site's iframe requested: %s", r.URL)
	}))
	defer other.Close()
	s := iframeShop(t, other.URL)
	s.etags = true
	srv := s.start()
	c := mustNew(t, testConfig())
	h := newFakeHistory()
	first := crawl(t, c, h, srv.URL+"/")[0]
	for p, want := range map[string]int{"/news.html": 1, "/news/1.html": 1, "/news/2.html": 1, "/calendar.html": 1, "/img/banner.jpg": 0} {
		if n := s.count(p); n != want {
			t.Errorf("%s requested %d times, want %d\n%s", p, n, want, describe(first))
		}
	}
	if f, _ := fetchOf(first, srv.URL+"/news.html"); f.Kind != KindTop {
		t.Errorf("iframe recorded as %q, want top", f.Kind)
	}
	if !first.NewsFound || len(first.Notices) != 2 || first.Payment == nil || !first.TopFresh {
		t.Fatalf("iframe shop: NewsFound %v, %d notices, payment %v, TopFresh %v\n%s",
			first.NewsFound, len(first.Notices), first.Payment != nil, first.TopFresh, describe(first))
	}
	if first.Maintenance || first.ErrKind != "" {
		t.Errorf("a small iframe saying 準備中です made the site a maintenance site: %v %s/%s", first.Maintenance, first.ErrKind, first.Err)
	}

	// Nothing changed: the top page and its iframes answer 304, and news is
	// still found through the links remembered from them.
	h.save([]SiteReport{first})
	second := crawl(t, c, h, srv.URL+"/")[0]
	if f, _ := fetchOf(second, srv.URL+"/news.html"); !f.NotModified || !second.NewsFound || s.count("/news/1.html") != 2 {
		t.Errorf("cycle 2: iframe 304 %v, NewsFound %v, detail requested %d times in all\n%s",
			f.NotModified, second.NewsFound, s.count("/news/1.html"), describe(second))
	}
}

// An iframe disallowed by robots.txt is recorded as such and not requested;
// at most maxForwards iframes are followed from one page.
func TestIframeLimits(t *testing.T) {
	top := `<html><head><meta charset="utf-8"></head><body>`
	for i := 1; i <= maxForwards+2; i++ {
		top += fmt.Sprintf(`<iframe src="/f%d.html"></iframe>`, i)
	}
	s := fullShop(t).html("/", top+`</body></html>`).
		raw("/robots.txt", page{body: []byte("User-agent: *\nDisallow: /f1.html\n"), contentType: "text/plain"})
	for i := 1; i <= maxForwards+2; i++ {
		s.html(fmt.Sprintf("/f%d.html", i), `<html><body><p>x</p></body></html>`)
	}
	srv := s.start()
	rep := crawl(t, mustNew(t, testConfig()), nil, srv.URL+"/")[0]
	if f, ok := fetchOf(rep, srv.URL+"/f1.html"); !ok || f.ErrKind != ErrRobots || s.count("/f1.html") != 0 {
		t.Errorf("disallowed iframe: requested %d times, recorded as %+v", s.count("/f1.html"), f)
	}
	got := 0
	for i := 1; i <= maxForwards+2; i++ {
		if _, ok := fetchOf(rep, fmt.Sprintf("%s/f%d.html", srv.URL, i)); ok {
			got++
		}
	}
	if got != maxForwards {
		t.Errorf("%d iframes visited, want %d (the disallowed one counts)\n%s", got, maxForwards, describe(rep))
	}
}
