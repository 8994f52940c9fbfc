package web

import (
	"errors"
	"net/http"
	"strings"

	"maintwatch/feeds/digest"
)

// handleDigest serves /digest/{YYYY-Www} as HTML; /digest/latest redirects
// to the current week.
func (s *Server) handleDigest(w http.ResponseWriter, r *http.Request) {
	week := r.PathValue("week")
	now := s.opts.Now()
	if week == "latest" {
		http.Redirect(w, r, "/digest/"+digest.WeekOf(now), http.StatusFound)
		return
	}
	body, err := digest.Digest(r.Context(), s.src, week, "html", now)
	if errors.Is(err, digest.ErrBadWeek) {
		plain(w, http.StatusBadRequest, strings.TrimPrefix(err.Error(), "digest: "))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", htmlCSP)
	_, _ = w.Write(body)
}
