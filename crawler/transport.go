package crawler

import (
	"compress/gzip"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

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

// shield wraps the Go transport: it decompresses what the transport left
// compressed and caps every body after decompression at limit bytes
// (MaxBodySize+1, so the fetch can tell "exactly the cap" from "cut").
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
	// may send gzip unasked. Inflating it anywhere past the cap would be a
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
