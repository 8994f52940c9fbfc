package feeds

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"testing"

	"maintwatch/feeds/internal/fake"
	"maintwatch/store"
)

// FuzzRender: whatever a shop writes (name, notice title and text, URL),
// every feed stays well-formed and carries no markup of its own.
func FuzzRender(f *testing.F) {
	f.Add("ショップ", "お知らせ", "カード決済を停止", "https://a.example.jp/")
	f.Add(fake.Hostile, "]]>", "\x00\x1b\uFFFE<![CDATA[", "javascript:alert(1)")
	f.Add("a&b", "<q>", "\xff\xfe", "https://x/?a=<b>&c=\"d\"")
	f.Fuzz(func(t *testing.T, name, title, text, url string) {
		src := fake.New()
		e := src.EpisodeList[0]
		e.Site.Name, e.Site.Platform = name, name
		e.Evidence[0].Title, e.Evidence[0].Text, e.Evidence[0].URL = title, text, url
		eps := []store.SiteEpisode{e}
		for _, format := range []string{"rss", "atom", "json"} {
			var b bytes.Buffer
			if err := Render(&b, format, Build(eps, Options{BaseURL: testBase, Now: testNow})); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if bytes.Contains(b.Bytes(), []byte("<script")) || bytes.Contains(b.Bytes(), []byte("<img")) {
				t.Fatalf("%s: markup leaked:\n%s", format, b.Bytes())
			}
			if format == "json" {
				if !json.Valid(b.Bytes()) {
					t.Fatalf("json: invalid:\n%s", b.Bytes())
				}
				continue
			}
			d := xml.NewDecoder(&b)
			for {
				_, err := d.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("%s: not well-formed: %v", format, err)
				}
			}
		}
	})
}
