package demoweb

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
)

// view is what every template receives.
type view struct {
	Name          string
	Charset       string // as printed in the page's meta tag
	Var           int
	Genre         string
	Banner        string
	Items         []newsView
	Item          newsView // the detail page's item
	Products      []product
	CardName      string
	Others        []string
	CardSuspended bool
	Year          int
}

type newsView struct {
	ID    int
	Date  time.Time
	Title string
	Body  string
}

func (s *shop) view(st state) *view {
	v := &view{
		Name:          s.name,
		Charset:       metaCharset(s.charset),
		Var:           s.var_,
		Genre:         s.genre.noun,
		Banner:        st.Banner,
		Products:      s.genre.products,
		CardName:      s.cardName,
		Others:        s.others,
		CardSuspended: st.CardSuspended,
		Year:          s.start.In(jst).Year(),
	}
	if st.CardRemoved {
		v.CardName = "" // the templates leave the card entry out
	}
	for _, it := range st.Items {
		n := s.text(it)
		v.Items = append(v.Items, newsView{ID: it.ID, Date: it.Date, Title: n.Title, Body: n.Body})
	}
	return v
}

func metaCharset(cs string) string {
	switch cs {
	case "shift_jis":
		return "Shift_JIS"
	case "euc-jp":
		return "EUC-JP"
	}
	return "UTF-8"
}

func encoderFor(cs string) *encoding.Encoder {
	switch cs {
	case "shift_jis":
		return japanese.ShiftJIS.NewEncoder()
	case "euc-jp":
		return japanese.EUCJP.NewEncoder()
	}
	return nil
}

// legacyFix maps the few characters that Shift_JIS and EUC-JP cannot encode
// to what Windows-era authors typed instead, so the encoder never fails.
var legacyFix = strings.NewReplacer("〜", "～", "−", "－", "©", "(C)", "™", "(TM)", "¥", "￥", "–", "－")

// encode turns a rendered UTF-8 page into the shop's charset.
func (s *shop) encode(page string) ([]byte, error) {
	enc := encoderFor(s.charset)
	if enc == nil {
		return []byte(page), nil
	}
	b, err := enc.Bytes([]byte(legacyFix.Replace(page)))
	if err != nil {
		return nil, fmt.Errorf("demoweb: encode %s page of %s: %w", s.charset, s.name, err)
	}
	return b, nil
}

func (s *shop) contentType(mime string) string {
	if s.metaOnly && mime == "text/html" {
		return "text/html"
	}
	return mime + "; charset=" + metaCharset(s.charset)
}

// ServeHTTP renders the page for the injected clock's now.
func (s *shop) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	st := s.stateAt(s.now())
	if r.URL.Path == "/robots.txt" {
		// robots.txt never changes: dated at the shop's oldest page.
		serveBody(w, r, "text/plain; charset=utf-8", []byte(s.robots), s.start.Add(-200*day))
		return
	}
	page, id := s.markup.route(r)
	if page == "" {
		s.serveError(w, http.StatusNotFound, "notfound", st)
		return
	}
	if page == pageScript {
		serveBody(w, r, "application/javascript", []byte(eccubeLegacyJS), s.start.Add(-200*day))
		return
	}
	if st.Down {
		// A whole-site maintenance: most shops answer 503, some a plain 200
		// page that only says メンテナンス中.
		status := http.StatusServiceUnavailable
		if s.var_%3 == 2 {
			status = http.StatusOK
		}
		s.serveError(w, status, "down", st)
		return
	}
	v := s.view(st)
	if page == pageDetail {
		found := false
		for _, it := range v.Items {
			if it.ID == id {
				v.Item, found = it, true
			}
		}
		if !found {
			s.serveError(w, http.StatusNotFound, "notfound", st)
			return
		}
	}
	body, err := s.render(page, v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	serveBody(w, r, s.contentType("text/html"), body, st.Modified)
}

func (s *shop) render(page string, v *view) ([]byte, error) {
	var buf bytes.Buffer
	if err := s.markup.tmpl.ExecuteTemplate(&buf, page, v); err != nil {
		return nil, fmt.Errorf("demoweb: render %s of %s: %w", page, s.name, err)
	}
	return s.encode(buf.String())
}

func (s *shop) serveError(w http.ResponseWriter, status int, page string, st state) {
	v := s.view(state{})
	body, err := s.render(page, v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", s.contentType("text/html"))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// serveBody answers with validators: a strong ETag from the body's hash and
// Last-Modified from the last change of the shop's state, so http.ServeContent
// can answer 304 to If-None-Match / If-Modified-Since.
func serveBody(w http.ResponseWriter, r *http.Request, ctype string, body []byte, mod time.Time) {
	sum := sha256.Sum256(body)
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:12])+`"`)
	http.ServeContent(w, r, "", mod, bytes.NewReader(body))
}

// eccubeLegacyJS is a fingerprint file EC-CUBE 2.13 shops serve.
const eccubeLegacyJS = `/*
 * This file is part of EC-CUBE
 * Copyright(c) EC-CUBE CO.,LTD. All Rights Reserved.
 */
function fnSetFocus(name) { if (document.form1[name]) { document.form1[name].focus(); } }
function fnChangeAction(url) { document.form1.action = url; }
`
