package feeds

import (
	"encoding/xml"
	"time"

	gfeeds "github.com/gorilla/feeds"
)

// gorilla/feeds writes one <link> per Atom feed and a category as element
// text, while Atom (RFC 4287 §4.2.2) wants <category term="..."/>.

type atomFeed struct {
	XMLName xml.Name `xml:"feed"`
	*gfeeds.AtomFeed
	Lang    string            `xml:"xml:lang,attr"`
	Links   []gfeeds.AtomLink `xml:"link"`
	Entries []*atomEntry      `xml:"entry"`
}

type atomEntry struct {
	*gfeeds.AtomEntry
	Categories []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

func atomDoc(f Feed) *atomFeed {
	g := (&gfeeds.Atom{Feed: gorilla(f)}).AtomFeed()
	g.Updated = f.Updated.Format(time.RFC3339)
	g.Link = nil
	g.Id = FeedID
	out := &atomFeed{
		AtomFeed: g,
		Lang:     "ja",
		Links: []gfeeds.AtomLink{
			{Href: f.HomeURL, Rel: "alternate", Type: "text/html"},
			{Href: f.SelfURL["atom"], Rel: "self", Type: "application/atom+xml"},
		},
	}
	for i, e := range g.Entries {
		it := f.Items[i]
		// Ids and dates are always ours: gorilla would otherwise invent a
		// random urn:uuid per render or leave <updated> empty.
		e.Id = it.ID
		e.Updated = it.Updated.Format(time.RFC3339)
		e.Published = it.Published.Format(time.RFC3339)
		ae := &atomEntry{AtomEntry: e}
		for _, c := range it.Categories {
			ae.Categories = append(ae.Categories, atomCategory{Term: c})
		}
		out.Entries = append(out.Entries, ae)
	}
	g.Entries = nil
	return out
}
