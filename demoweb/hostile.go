package demoweb

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// Payloads the hostile web injects; tests grep outputs for them unescaped.
const (
	XSSTitle = "<script>alert(1)</script>"
	XSSAttr  = `"><img src=x onerror=alert(1)>`
)

// Hostile shop names, so tests can find each misbehaving shop.
const (
	HostileHugePage     = "巨大ページ商店"
	HostileGzipBomb     = "圧縮爆弾商店"
	HostileRedirectLoop = "転送ループ商店"
	HostileMetadata     = "メタデータ転送商店"
	HostileTrickle      = "低速応答商店"
	HostileSilent       = "無応答商店"
	HostileDeepHTML     = "深い入れ子商店"
	HostileBadBytes     = "文字化け商店"
	HostileXSS          = "スクリプト注入商店"
	HostileHugeRobots   = "巨大robots商店"
	HostileGarbageRobot = "壊れたrobots商店"
	HostileNormalCard   = "まとも商店 カード停止"
	HostileNormalPlain  = "まとも商店 通常"
)

// Hostile marks a shop whose misbehaviour is the point: it has no story and
// is never suspicious.
const Hostile Scenario = "hostile"

// Sizes of the hostile payloads.
const (
	HugePageBytes   = 20 << 20 // 20 MiB
	BombBytes       = 1 << 30  // 1 GiB of zeros once decompressed
	HugeRobotsBytes = 1 << 20  // 1 MiB
	DeepNesting     = 100_000
)

// StartHostile serves shops that each misbehave, plus two normal shops
// (one with an open-ended card stop, one ordinary) so a test can check that
// the others are crawled normally in the same cycle. Truths: the injected
// shop and the normal card-stop shop are suspicious (classic, started two
// days before now() at start); all the others never are. Close returns at
// once even while the trickling and silent shops hold connections.
func StartHostile(now func() time.Time) (*Web, error) {
	t0 := now()
	ago := t0.Add(-2 * day)
	specs := []spec{
		{Name: HostileXSS, Genre: 2, Var: 0, Platform: PlatformECCUBE2, Charset: "utf-8", Scenario: Classic, Start: ago, Inject: true},
		{Name: HostileHugeRobots, Genre: 3, Var: 1, Platform: PlatformECCUBE4, Charset: "utf-8", Scenario: Ordinary, Start: ago, Robots: hugeRobots()},
		{Name: HostileGarbageRobot, Genre: 4, Var: 2, Platform: PlatformColorMe, Charset: "utf-8", Scenario: Ordinary, Start: ago, Robots: garbageRobots},
		{Name: HostileNormalCard, Genre: 5, Var: 1, Platform: PlatformWordPress, Charset: "utf-8", Scenario: Classic, Start: ago},
		{Name: HostileNormalPlain, Genre: 6, Var: 3, Platform: PlatformShopify, Charset: "utf-8", Scenario: Ordinary, Start: ago},
	}
	w, err := startShops(specs, now)
	if err != nil {
		return nil, err
	}
	h := &hostile{w: w}
	handlers := []struct {
		name, charset string
		h             http.HandlerFunc
	}{
		{HostileHugePage, "utf-8", h.hugePage},
		{HostileGzipBomb, "utf-8", h.gzipBomb},
		{HostileRedirectLoop, "utf-8", h.redirectLoop},
		{HostileMetadata, "utf-8", h.metadata},
		{HostileTrickle, "utf-8", h.trickle},
		{HostileDeepHTML, "utf-8", h.deepHTML},
		{HostileBadBytes, "shift_jis", h.badBytes},
	}
	for _, x := range handlers {
		sh := hostileShop(x.name, x.charset)
		if err := w.serve(sh, withRobots(x.h)); err != nil {
			_ = w.Close()
			return nil, err
		}
	}
	if err := w.serveSilent(hostileShop(HostileSilent, "utf-8")); err != nil {
		_ = w.Close()
		return nil, err
	}
	return w, nil
}

func hostileShop(name, charset string) *Shop {
	return &Shop{
		Name: name, Platform: PlatformUnknown, Charset: charset, Scenario: Hostile,
		Suspicious: func(time.Time) bool { return false },
	}
}

// withRobots answers robots.txt normally so that a crawler reaches the
// misbehaving pages themselves.
func withRobots(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			rw.Header().Set("Content-Type", "text/plain")
			_, _ = rw.Write([]byte("User-agent: *\nDisallow: /admin/\n"))
			return
		}
		h(rw, r)
	})
}

type hostile struct{ w *Web }

// stopped reports whether the handler should give up because the client
// went away. When the web is closing it aborts the response instead of
// ending it, so a client never mistakes a cut-off body for a complete one.
func (h *hostile) stopped(r *http.Request) bool {
	select {
	case <-h.w.done:
		panic(http.ErrAbortHandler)
	case <-r.Context().Done():
		return true
	default:
		return false
	}
}

const hostileHead = `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>%s</title></head>
<body><h1>%s</h1>
<div id="news"><dl><dt>2026年06月01日</dt><dd>新商品のお知らせ</dd></dl></div>
<p><a href="/guide.html">お支払い方法</a></p>
`

// hugePage streams a 20 MiB page with an exact Content-Length, written in
// chunks so that it stops as soon as the client or the web goes away.
func (h *hostile) hugePage(rw http.ResponseWriter, r *http.Request) {
	head := fmt.Sprintf(hostileHead, HostileHugePage, HostileHugePage)
	row := []byte("<tr><td>特選 宇治煎茶 100g</td><td>1,080円</td><td>在庫あり</td></tr>\n")
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.Header().Set("Content-Length", fmt.Sprint(HugePageBytes))
	n, _ := rw.Write([]byte(head))
	chunk := bytes.Repeat(row, 64<<10/len(row))
	for n < HugePageBytes && !h.stopped(r) {
		c := chunk
		if rest := HugePageBytes - n; rest < len(c) {
			c = c[:rest]
		}
		m, err := rw.Write(c)
		n += m
		if err != nil {
			return
		}
	}
}

// gzipBomb sends 1 GiB of zeros as ~1 MB of gzip. It is generated on the
// fly as one gzip member of 1 MiB of zeros repeated 1024 times: RFC 1952
// allows concatenated members and Go's gzip reader (and net/http's
// transparent decompression) reads them as one stream, so the crawler sees
// the full gigabyte unless it caps after decompression.
func (h *hostile) gzipBomb(rw http.ResponseWriter, r *http.Request) {
	var member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	_, _ = zw.Write(make([]byte, 1<<20))
	_ = zw.Close()
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.Header().Set("Content-Encoding", "gzip")
	for i := 0; i < BombBytes>>20 && !h.stopped(r); i++ {
		if _, err := rw.Write(member.Bytes()); err != nil {
			return
		}
	}
}

// redirectLoop: / → /a → /b → /a ...
func (h *hostile) redirectLoop(rw http.ResponseWriter, r *http.Request) {
	next := map[string]string{"/": "/a", "/a": "/b", "/b": "/a"}[r.URL.Path]
	if next == "" {
		http.NotFound(rw, r)
		return
	}
	http.Redirect(rw, r, next, http.StatusFound)
}

// metadata redirects every page to the cloud metadata address, the classic
// server-side request forgery.
func (h *hostile) metadata(rw http.ResponseWriter, r *http.Request) {
	http.Redirect(rw, r, "http://169.254.169.254/latest/meta-data/iam/security-credentials/", http.StatusFound)
}

// trickle sends a page one byte a second.
func (h *hostile) trickle(rw http.ResponseWriter, r *http.Request) {
	page := []byte(fmt.Sprintf(hostileHead, HostileTrickle, HostileTrickle) + "</body></html>\n")
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(http.StatusOK)
	fl, _ := rw.(http.Flusher)
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for _, b := range page {
		if _, err := rw.Write([]byte{b}); err != nil {
			return
		}
		if fl != nil {
			fl.Flush()
		}
		select {
		case <-t.C:
		case <-h.w.done:
			panic(http.ErrAbortHandler) // see stopped
		case <-r.Context().Done():
			return
		}
	}
}

// deepHTML is 100k nested divs around a notice, then broken markup.
func (h *hostile) deepHTML(rw http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	fmt.Fprintf(&b, hostileHead, HostileDeepHTML, HostileDeepHTML)
	b.WriteString(strings.Repeat(`<div class="x">`, DeepNesting))
	b.WriteString("<dl class=newslist><dt>2026年06月01日<dt>送料改定のお知らせ<dd class=mini>送料を改定いたします<br>")
	b.WriteString(strings.Repeat("<span><b><i>", 2000))
	b.WriteString(`</td></tr></table><p <a href=/x" onclick=>壊れた属性</a <<>> &#xZZZ; &amp &; <!-- 閉じないコメント`)
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = rw.Write(b.Bytes())
}

// badBytes is a Shift_JIS page with invalid byte sequences: lone lead bytes
// before line ends, bytes no Shift_JIS table maps, and a lead byte followed
// by an invalid trail byte.
func (h *hostile) badBytes(rw http.ResponseWriter, r *http.Request) {
	day0 := time.Date(2026, 1, 5, 9, 0, 0, 0, jst)
	s := newShop(spec{Name: HostileBadBytes, Genre: 8, Var: 1, Platform: PlatformUnknown, Charset: "shift_jis", Scenario: Ordinary, Start: day0}, func() time.Time { return day0.Add(100 * day) })
	page, err := s.render(pageTop, s.view(s.stateAt(s.now())))
	if err != nil {
		http.Error(rw, err.Error(), http.StatusInternalServerError)
		return
	}
	var out []byte
	for i, line := range bytes.Split(page, []byte("\n")) {
		if i > 3 {
			switch i % 3 {
			case 0:
				line = append(line, 0x82) // lead byte with no trail
			case 1:
				line = append([]byte{0xFF, 0xFD, 0xA0}, line...) // unmapped
			default:
				line = append(line, 0x81, 0x7F) // invalid trail byte
			}
		}
		out = append(append(out, line...), '\n')
	}
	rw.Header().Set("Content-Type", "text/html; charset=Shift_JIS")
	_, _ = rw.Write(out)
}

// hugeRobots is a 1 MiB robots.txt of distinct rules.
func hugeRobots() string {
	var b strings.Builder
	b.WriteString("User-agent: *\n")
	for i := 0; b.Len() < HugeRobotsBytes; i++ {
		fmt.Fprintf(&b, "Disallow: /private/archive/%08d/\n", i)
	}
	return b.String()[:HugeRobotsBytes]
}

// garbageRobots is what a broken server sends as robots.txt: an HTML error
// page, binary noise and rules without a user agent.
const garbageRobots = "<html><body><h1>500 Internal Server Error</h1></body></html>\n\x00\x01\x02\xff\xfe\x89PNG\r\n\x1a\nDisallow /\nAllow:: ::\nUser-agent\nCrawl-delay: -7\nDisallow: /" + "\xe3\x81" + "\n"

// serveSilent accepts connections and never answers: no status line, no
// bytes, until the web is closed.
func (w *Web) serveSilent(sh *Shop) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("demoweb: listen for %s: %w", sh.Name, err)
	}
	w.raw = append(w.raw, ln)
	sh.URL = "http://" + ln.Addr().String() + "/"
	w.Shops = append(w.Shops, sh)
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			w.mu.Lock()
			if w.closed {
				_ = c.Close()
			} else {
				w.conns[c] = struct{}{}
			}
			w.mu.Unlock()
		}
	}()
	return nil
}
