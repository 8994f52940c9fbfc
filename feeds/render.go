package feeds

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"

	gfeeds "github.com/gorilla/feeds"
)

// Formats lists the feed formats with their Content-Type.
var Formats = map[string]string{
	"rss":  "application/rss+xml; charset=utf-8",
	"atom": "application/atom+xml; charset=utf-8",
	"json": "application/feed+json; charset=utf-8",
}

// ErrFormat is returned for a format other than rss, atom or json.
var ErrFormat = fmt.Errorf("feeds: unknown format (want rss, atom or json)")

// Render writes f in format "rss", "atom" or "json".
func Render(w io.Writer, format string, f Feed) error {
	var err error
	switch format {
	case "rss":
		err = writeXML(w, rssDoc(f))
	case "atom":
		err = writeXML(w, atomDoc(f))
	case "json":
		err = writeJSON(w, jsonDoc(f))
	default:
		return fmt.Errorf("%w: %q", ErrFormat, format)
	}
	if err != nil {
		return fmt.Errorf("feeds: render %s: %w", format, err)
	}
	return nil
}

// gorilla converts the model to gorilla/feeds' generic Feed, whose
// format-specific structs we then extend.
func gorilla(f Feed) *gfeeds.Feed {
	g := &gfeeds.Feed{
		Title:       f.Title,
		Link:        &gfeeds.Link{Href: f.HomeURL},
		Description: f.Description,
		Updated:     f.Updated,
		Created:     f.Updated,
		// Atom requires an author on the feed when entries have none
		// (RFC 4287 §4.1.1).
		Author: &gfeeds.Author{Name: "maintwatch"},
	}
	for _, it := range f.Items {
		g.Items = append(g.Items, &gfeeds.Item{
			Id:          it.ID,
			IsPermaLink: "false",
			Title:       it.Title,
			Link:        &gfeeds.Link{Href: it.Link},
			// Description is HTML in RSS and Atom (type="html"); the plain
			// summary is escaped so a shop name cannot become markup.
			Description: html.EscapeString(it.Summary),
			Content:     it.ContentHTML,
			Created:     it.Published,
			Updated:     it.Updated,
		})
	}
	return g
}

func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func writeJSON(w io.Writer, doc any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Default HTML escaping stays on: <, > and & become \u003c etc., so the
	// raw bytes of a JSON feed never carry markup either.
	return enc.Encode(doc)
}
