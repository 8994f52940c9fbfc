package crawler

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
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
	// may send gzip (or deflate, from old IIS and Apache setups) unasked.
	// colly would then inflate gzip past the cap (a gzip bomb) and hand
	// deflate on as bytes that decode only as mojibake. Inflate here, under
	// the cap.
	if !res.Uncompressed {
		var ok bool
		if res.Body, ok = inflate(res.Header.Get("Content-Encoding"), res.Body); ok {
			res.Header.Del("Content-Encoding")
			res.Header.Del("Content-Length")
			res.ContentLength = -1
			res.Uncompressed = true
		}
		// Not what it says after all: leave it; decode will judge the bytes.
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

// inflate wraps body in the decompressor its Content-Encoding names, if it
// is one of gzip, x-gzip or deflate and the stream starts as such. The
// returned body replaces the original even when ok is false: the bytes
// peeked at are in its buffer. "deflate" is meant as zlib (RFC 9110
// 8.4.1.2), but some servers send raw DEFLATE under that name: the zlib
// header (RFC 1950: method 8, header checksum divisible by 31) tells them
// apart.
func inflate(encoding string, body io.ReadCloser) (_ io.ReadCloser, ok bool) {
	enc := strings.ToLower(strings.TrimSpace(encoding))
	if enc != "gzip" && enc != "x-gzip" && enc != "deflate" {
		return body, false
	}
	br := bufio.NewReader(body)
	buffered := &inflated{Reader: br, close: func() error { return nil }, under: body}
	h, err := br.Peek(2)
	if err != nil {
		return buffered, false
	}
	switch {
	case enc != "deflate":
		if h[0] != 0x1f || h[1] != 0x8b {
			return buffered, false
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			// A broken header: the peeked bytes are gone into zr; what is
			// left is not worth a page.
			return buffered, false
		}
		return &inflated{Reader: zr, close: zr.Close, under: body}, true
	case h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0:
		zr, err := zlib.NewReader(br)
		if err != nil {
			return buffered, false
		}
		return &inflated{Reader: zr, close: zr.Close, under: body}, true
	default:
		fr := flate.NewReader(br)
		return &inflated{Reader: fr, close: fr.Close, under: body}, true
	}
}

// inflated is a decompressing body that closes the network body under it.
type inflated struct {
	io.Reader
	close func() error
	under io.Closer
}

func (z *inflated) Close() error {
	z.close()
	return z.under.Close()
}

type limitBody struct {
	io.Reader
	io.Closer
}
