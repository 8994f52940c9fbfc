package crawler

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// A server may compress a body the crawler did not ask to have compressed
// (or name the encoding wrongly): every body must reach decode as the page's
// own bytes, inflated under the cap, or untouched when it is not what the
// header says.
func TestShieldContentEncodings(t *testing.T) {
	page := []byte("<html><head><meta charset=\"utf-8\"></head><body>クレジットカード決済を停止しております</body></html>")
	compress := func(w func(io.Writer) io.WriteCloser) []byte {
		var b bytes.Buffer
		zw := w(&b)
		zw.Write(page)
		zw.Close()
		return b.Bytes()
	}
	gz := compress(func(w io.Writer) io.WriteCloser { return gzip.NewWriter(w) })
	zl := compress(func(w io.Writer) io.WriteCloser { return zlib.NewWriter(w) })
	raw := compress(func(w io.Writer) io.WriteCloser { fw, _ := flate.NewWriter(w, flate.DefaultCompression); return fw })
	cases := []struct {
		name, encoding string
		body           []byte
	}{
		{"gzip", "gzip", gz},
		{"x-gzip", "x-gzip", gz},
		{"upper case", " GZIP ", gz},
		{"deflate as zlib", "deflate", zl},
		{"deflate as raw DEFLATE", "deflate", raw},
		{"gzip header over plain bytes", "gzip", page},
		{"unknown encoding left alone", "identity", page},
		{"empty gzip body", "gzip", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.Header().Set("Content-Encoding", tc.encoding)
				w.Write(tc.body)
			}))
			defer srv.Close()
			req, _ := http.NewRequest(http.MethodGet, srv.URL, nil)
			// Naming Accept-Encoding ourselves keeps the Go transport from
			// inflating: what the shield sees is what a server sends unasked.
			req.Header.Set("Accept-Encoding", "identity")
			cfg := testConfig()
			cfg.MaxBodySize = 1 << 20
			res, err := newTransport(cfg).RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			got, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			want := page
			if tc.body == nil {
				want = nil
			}
			if !bytes.Equal(got, want) {
				t.Errorf("body %q, want %q", got[:min(len(got), 40)], want[:min(len(want), 40)])
			}
			if !res.Uncompressed {
				t.Error("Uncompressed not set: colly would inflate again")
			}
		})
	}
}
