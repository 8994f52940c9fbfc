package feeds

import (
	gfeeds "github.com/gorilla/feeds"
)

// The JSON Feed 1.1 spec allows extensions as keys starting with "_"; the
// contract's `_watcher` object is added by wrapping gorilla's item.

type jsonFeed struct {
	*gfeeds.JSONFeed
	Items []*jsonItem `json:"items"`
}

type jsonItem struct {
	*gfeeds.JSONItem
	Watcher Watcher `json:"_watcher"`
}

func jsonDoc(f Feed) *jsonFeed {
	g := (&gfeeds.JSON{Feed: gorilla(f)}).JSONFeed()
	g.Language = "ja"
	g.FeedUrl = f.SelfURL["json"]
	out := &jsonFeed{JSONFeed: g, Items: []*jsonItem{}}
	for i, gi := range g.Items {
		it := f.Items[i]
		gi.Summary = it.Summary // JSON Feed's summary is plain text
		gi.Tags = it.Categories
		out.Items = append(out.Items, &jsonItem{JSONItem: gi, Watcher: it.Watcher})
	}
	g.Items = nil
	return out
}
