package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"maintwatch/feeds"
)

// feedHandler serves one format with an ETag (hash of the body, so the
// same data always gives the same tag) and Last-Modified (newest episode
// update), answering 304 to a matching conditional request.
func (s *Server) feedHandler(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := feeds.ParseQuery(r.URL.Query())
		if err != nil {
			plain(w, http.StatusBadRequest, strings.TrimPrefix(err.Error(), "feeds: "))
			return
		}
		eps, err := feeds.Load(r.Context(), s.src, q)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		f := feeds.Build(eps, feeds.Options{BaseURL: s.baseURL(r), Now: s.opts.Now()})
		var body bytes.Buffer
		if err := feeds.Render(&body, format, f); err != nil {
			s.fail(w, r, err)
			return
		}
		sum := sha256.Sum256(body.Bytes())
		etag := `"` + hex.EncodeToString(sum[:16]) + `"`
		lastMod := f.Updated.UTC().Truncate(time.Second)
		h := w.Header()
		h.Set("ETag", etag)
		h.Set("Last-Modified", lastMod.Format(http.TimeFormat))
		h.Set("Cache-Control", "public, max-age=300")
		if notModified(r, etag, lastMod) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		h.Set("Content-Type", feeds.Formats[format])
		_, _ = w.Write(body.Bytes())
	}
}

// notModified applies RFC 9110 §13.1: If-None-Match wins; If-Modified-Since
// is looked at only when If-None-Match is absent.
func notModified(r *http.Request, etag string, lastMod time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimSpace(t)
			if t == "*" || strings.TrimPrefix(t, "W/") == etag {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" {
		t, err := http.ParseTime(ims)
		return err == nil && !lastMod.After(t)
	}
	return false
}
