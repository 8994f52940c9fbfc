package web

import (
	"fmt"
	"net/http"
	"strconv"
)

// handleSnapshot serves a stored raw body so that it can never run: as
// plain text (bytes exactly as stored), no sniffing, and a CSP that sandboxes
// the document and allows no resource at all.
func (s *Server) handleSnapshot(w http.ResponseWriter, r *http.Request) {
	sha := r.PathValue("sha256")
	if !isHexSHA256(sha) {
		plain(w, http.StatusNotFound, "not found")
		return
	}
	snap, err := s.src.Snapshot(r.Context(), sha)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: snapshot %s: %w", sha, err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Content-Length", strconv.Itoa(len(snap.Body)))
	// The original type and charset are shown, not applied.
	if snap.ContentType != "" {
		h.Set("X-Original-Content-Type", snap.ContentType)
	}
	if r.URL.Query().Get("download") != "" {
		h.Set("Content-Disposition", `attachment; filename="`+sha+`.txt"`)
	}
	// Snapshots are content-addressed: they never change.
	h.Set("ETag", `"`+sha+`"`)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	_, _ = w.Write(snap.Body)
}

func isHexSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
