package crawler

import (
	"compress/gzip"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// hdrRawContentType carries the server's Content-Type past colly when colly
// would act on it. colly transcodes a body whose Content-Type names a
// charset other than UTF-8 (Response.fixCharset), trusting a header that
// often lies and ignoring <meta>; the crawler wants the raw bytes and
// decodes them itself (crawler/decode). The shield moves such a header here
// and leaves colly only the media type; contentType reads it back.
const hdrRawContentType = "X-Maintwatch-Content-Type"

// contentType is the Content-Type the server sent.
func contentType(h http.Header) string {
	if v := h[hdrRawContentType]; len(v) > 0 {
		return v[0]
	}
	return h.Get("Content-Type")
}

// hideCharset moves a Content-Type that colly would transcode by (one with
// a charset parameter that is not UTF-8) out of colly's sight. Most shops
// send "text/html; charset=utf-8" or no charset, which colly leaves alone:
// those headers are not touched.
func hideCharset(h http.Header) {
	ct := h.Get("Content-Type")
	if ct == "" {
		return
	}
	lower := strings.ToLower(ct)
	if !strings.Contains(lower, "charset") || strings.Contains(lower, "utf-8") || strings.Contains(lower, "utf8") {
		return
	}
	h[hdrRawContentType] = []string{ct}
	mt, _, _ := strings.Cut(ct, ";")
	h["Content-Type"] = []string{strings.TrimSpace(mt)}
}

// newTransport is the only way the crawler reaches the network.
// No proxy: the dial guard must see the shop's own address.
func newTransport(cfg Config) http.RoundTripper {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: dialControl(cfg.AllowPrivate)}
	t := &http.Transport{
		Proxy:                 nil,
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          max(256, 8*cfg.Parallelism),
		MaxIdleConnsPerHost:   1, // one request in flight per host: one idle conn is all it reuses
		IdleConnTimeout:       30 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: cfg.Timeout,
		ExpectContinueTimeout: time.Second,
	}
	return &shield{next: t, limit: cfg.MaxBodySize + 1}
}

// shield sits between colly and net/http: it decompresses what the Go
// transport left compressed, caps every body after decompression at limit
// bytes (MaxBodySize+1, so the fetch can tell "exactly the cap" from "cut"),
// and hides a non-UTF-8 charset from colly.
type shield struct {
	next  http.RoundTripper
	limit int64
}

func (s *shield) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := s.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	// The Go transport only decompresses gzip it asked for itself; a server
	// may send gzip unasked. colly would then inflate it past the cap: a
	// gzip bomb. Inflate here, under the cap.
	if !res.Uncompressed && strings.EqualFold(strings.TrimSpace(res.Header.Get("Content-Encoding")), "gzip") {
		zr, err := gzip.NewReader(res.Body)
		if err == nil {
			res.Body = &gzipBody{Reader: zr, under: res.Body}
			res.Header.Del("Content-Encoding")
			res.Header.Del("Content-Length")
			res.ContentLength = -1
			res.Uncompressed = true
		}
		// Not gzip after all: leave it; decode will judge the bytes.
	}
	res.Body = limitBody{Reader: io.LimitReader(res.Body, s.limit), Closer: res.Body}
	// colly also inflates a body it takes for gzip by its Content-Type
	// (application/x-gzip, no Content-Encoding) or a .xml.gz path, after
	// any cap. Uncompressed tells it the body is final: what it reads is
	// exactly what the cap let through.
	res.Uncompressed = true
	hideCharset(res.Header)
	return res, nil
}

type gzipBody struct {
	*gzip.Reader
	under io.Closer
}

func (g *gzipBody) Close() error {
	g.Reader.Close()
	return g.under.Close()
}

type limitBody struct {
	io.Reader
	io.Closer
}
