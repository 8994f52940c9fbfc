package web

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"

	"maintwatch/feeds/internal/textutil"
)

//go:embed templates/*.html
var templateFS embed.FS

var funcs = template.FuncMap{
	"date":     textutil.BothDates,
	"jp":       textutil.JPDate,
	"wareki":   textutil.Wareki,
	"ndays":    textutil.Days,
	"datetime": textutil.DateTime,
}

// pages holds one template set per page, each with the shared layout.
var pages = map[string]*template.Template{
	"index": mustPage("index.html"),
	"site":  mustPage("site.html"),
}

func mustPage(name string) *template.Template {
	return template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name))
}

// render executes a page into a buffer first, so a template error becomes a
// clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, page string, data any) {
	var b bytes.Buffer
	if err := pages[page].ExecuteTemplate(&b, page+".html", data); err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", htmlCSP)
	_, _ = w.Write(b.Bytes())
}
