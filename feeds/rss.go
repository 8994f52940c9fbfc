package feeds

import (
	"encoding/xml"
	"time"

	gfeeds "github.com/gorilla/feeds"
)

// gorilla/feeds v1.2.0 has no atom:link rel="self" in RSS (#32, #111) and
// one category string per item (#51); these structs wrap its output.

type rssRoot struct {
	XMLName   xml.Name    `xml:"rss"`
	Version   string      `xml:"version,attr"`
	ContentNS string      `xml:"xmlns:content,attr"`
	AtomNS    string      `xml:"xmlns:atom,attr"`
	Channel   *rssChannel `xml:"channel"`
}

type rssChannel struct {
	*gfeeds.RssFeed
	AtomSelf rssAtomLink `xml:"atom:link"`
	Items    []*rssItem  `xml:"item"`
}

type rssAtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	*gfeeds.RssItem
	Categories []string `xml:"category"`
}

func rssDoc(f Feed) *rssRoot {
	ch := (&gfeeds.Rss{Feed: gorilla(f)}).RssFeed()
	ch.Language = "ja"
	ch.ManagingEditor = "" // RSS wants an e-mail address here; we have none
	ch.Ttl = 60
	ch.PubDate = f.Updated.Format(time.RFC1123Z)
	ch.LastBuildDate = ch.PubDate
	c := &rssChannel{
		RssFeed:  ch,
		AtomSelf: rssAtomLink{Href: f.SelfURL["rss"], Rel: "self", Type: "application/rss+xml"},
	}
	for i, gi := range ch.Items {
		c.Items = append(c.Items, &rssItem{RssItem: gi, Categories: f.Items[i].Categories})
	}
	ch.Items = nil
	return &rssRoot{
		Version:   "2.0",
		ContentNS: "http://purl.org/rss/1.0/modules/content/",
		AtomNS:    "http://www.w3.org/2005/Atom",
		Channel:   c,
	}
}
