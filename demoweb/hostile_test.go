package demoweb

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

func startHostile(t *testing.T) *Web {
	t.Helper()
	w, err := StartHostile(newClock(t0).Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	return w
}

func hostileURL(t *testing.T, w *Web, name string) string {
	t.Helper()
	s := w.Shop(name)
	if s == nil {
		t.Fatalf("no hostile shop %s", name)
	}
	return s.URL
}

func TestHostileXSSEscapedInASuspiciousNotice(t *testing.T) {
	w := startHostile(t)
	s := w.Shop(HostileXSS)
	if !s.Suspicious(t0) {
		t.Error("the injected card-stop shop should be suspicious")
	}
	b := string(get(t, s.URL, nil).body)
	for _, raw := range []string{XSSTitle, "<img src=x"} {
		if strings.Contains(b, raw) {
			t.Errorf("payload %q served unescaped", raw)
		}
	}
	if !strings.Contains(b, "&lt;script&gt;alert(1)&lt;/script&gt;【重要】クレジットカード決済の一時停止について") {
		t.Error("escaped script payload missing from the card-stop title")
	}
	if !strings.Contains(b, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Error("escaped attribute payload missing")
	}
}

func TestHostileHugePage(t *testing.T) {
	w := startHostile(t)
	res, err := http.Get(hostileURL(t, w, HostileHugePage))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	n, err := io.Copy(io.Discard, res.Body)
	if err != nil || n != HugePageBytes || res.ContentLength != HugePageBytes {
		t.Errorf("read %d bytes (Content-Length %d, err %v), want %d", n, res.ContentLength, err, HugePageBytes)
	}
}

func TestHostileGzipBomb(t *testing.T) {
	w := startHostile(t)
	c := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, hostileURL(t, w, HostileGzipBomb), nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q", res.Header.Get("Content-Encoding"))
	}
	compressed, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if len(compressed) > 4<<20 {
		t.Errorf("bomb is %d bytes compressed: not a bomb", len(compressed))
	}
	// Count the expansion member by member instead of inflating a gigabyte.
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		t.Fatal(err)
	}
	zr.Multistream(false)
	br := bytes.NewReader(compressed)
	var total int64
	for {
		if err := zr.Reset(br); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		zr.Multistream(false)
		n, err := io.Copy(io.Discard, zr)
		if err != nil {
			t.Fatal(err)
		}
		total += n
		if total > 8<<20 && total%(1<<20) == 0 {
			// The members are identical: the rest only adds their count.
			rest := int64(br.Len())
			member := int64(len(compressed)-br.Len()) / (total >> 20)
			total += rest / member << 20
			break
		}
	}
	if total != BombBytes {
		t.Errorf("bomb expands to %d bytes, want %d", total, BombBytes)
	}
}

func TestHostileRedirects(t *testing.T) {
	w := startHostile(t)
	_, err := http.Get(hostileURL(t, w, HostileRedirectLoop))
	if err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Errorf("redirect loop: %v", err)
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Get(hostileURL(t, w, HostileMetadata))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "http://169.254.169.254/") {
		t.Errorf("metadata redirect to %q", loc)
	}
}

func TestHostileMarkupAndBytes(t *testing.T) {
	w := startHostile(t)
	deep := get(t, hostileURL(t, w, HostileDeepHTML), nil).body
	if n := bytes.Count(deep, []byte(`<div class="x">`)); n != DeepNesting {
		t.Errorf("%d nested divs, want %d", n, DeepNesting)
	}
	bad := get(t, hostileURL(t, w, HostileBadBytes), nil)
	if ct := bad.header.Get("Content-Type"); ct != "text/html; charset=Shift_JIS" {
		t.Errorf("Content-Type %q", ct)
	}
	if utf8.Valid(bad.body) {
		t.Error("bad-bytes page is valid UTF-8")
	}
	dec := decodeLossy(bad.body)
	if !strings.Contains(dec, HostileBadBytes) || strings.Count(dec, "\uFFFD") < 10 {
		t.Errorf("bad-bytes page: name found %v, %d replacement characters", strings.Contains(dec, HostileBadBytes), strings.Count(dec, "\uFFFD"))
	}
	robots := get(t, hostileURL(t, w, HostileHugeRobots)+"robots.txt", nil).body
	if len(robots) != HugeRobotsBytes {
		t.Errorf("huge robots.txt is %d bytes", len(robots))
	}
	if g := get(t, hostileURL(t, w, HostileGarbageRobot)+"robots.txt", nil).body; !bytes.Contains(g, []byte{0}) {
		t.Error("garbage robots.txt holds no binary noise")
	}
	for _, name := range []string{HostileNormalCard, HostileNormalPlain, HostileHugeRobots, HostileGarbageRobot} {
		if r := get(t, hostileURL(t, w, name), nil); r.status != http.StatusOK {
			t.Errorf("%s top page: %d", name, r.status)
		}
	}
	if !w.Shop(HostileNormalCard).Suspicious(t0) || w.Shop(HostileNormalPlain).Suspicious(t0) {
		t.Error("normal shops' truths are wrong")
	}
}

// TestHostileCloseWithSlowClients closes the web while clients hang on the
// trickling and the silent shop; Close must return and so must the clients.
func TestHostileCloseWithSlowClients(t *testing.T) {
	w, err := StartHostile(newClock(t0).Now)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	started := make(chan struct{}, 2)
	clientsDone := make(chan error, 2)
	for _, name := range []string{HostileTrickle, HostileSilent} {
		u := hostileURL(t, w, name)
		go func() {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
			started <- struct{}{}
			res, err := http.DefaultClient.Do(req)
			if err == nil {
				_, err = io.Copy(io.Discard, res.Body)
				res.Body.Close()
			}
			clientsDone <- err
		}()
	}
	<-started
	<-started
	// Make sure the trickle has begun sending.
	tr, err := http.Get(hostileURL(t, w, HostileTrickle))
	if err != nil {
		t.Fatal(err)
	}
	first := make([]byte, 1)
	if _, err := io.ReadFull(tr.Body, first); err != nil || first[0] != '<' {
		t.Fatalf("trickle's first byte %q, %v", first, err)
	}
	closed := make(chan error, 1)
	go func() { closed <- w.Close() }()
	// A hang guard, not a speed assertion: Close must not wait on handlers.
	select {
	case err := <-closed:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Close hangs on slow handlers")
	}
	if _, err := io.ReadAll(tr.Body); err == nil {
		t.Error("trickle read completed after Close")
	}
	tr.Body.Close()
	for range 2 {
		select {
		case <-clientsDone:
		case <-time.After(20 * time.Second):
			t.Fatal("a client still hangs after Close")
		}
	}
}

func decodeLossy(b []byte) string {
	out, _ := japanese.ShiftJIS.NewDecoder().Bytes(b)
	return string(out)
}
