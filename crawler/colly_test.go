package crawler

import (
	"bytes"
	"os"
	"testing"
)

// colly reads COLLY_* environment variables when a collector is built. None
// of them may change what the crawler does: no disk cache, no body cap or
// charset detection of colly's, no robots.txt of colly's.
func TestCollyEnvironmentIgnored(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("COLLY_CACHE_DIR", cache)
	t.Setenv("COLLY_MAX_BODY_SIZE", "10")
	t.Setenv("COLLY_DETECT_CHARSET", "yes")
	t.Setenv("COLLY_IGNORE_ROBOTSTXT", "no")
	t.Setenv("COLLY_PARSE_HTTP_ERROR_RESPONSE", "no")
	t.Setenv("COLLY_USER_AGENT", "colly")
	body := sjis(t, newsHTML) // no charset anywhere: colly's detection would transcode it
	s := fullShop(t).raw("/news/", page{body: body, contentType: "text/html"})
	srv := s.start()
	rep := crawl(t, mustNew(t, testConfig()), nil, srv.URL+"/")[0]
	if rep.ErrKind != "" {
		t.Fatalf("site failed: %s", describe(rep))
	}
	f, _ := fetchOf(rep, srv.URL+"/news/")
	if !bytes.Equal(f.Body, body) || f.Charset != "shift_jis" {
		t.Errorf("news body %d bytes (want %d as served), charset %q: colly changed the body", len(f.Body), len(body), f.Charset)
	}
	if ents, _ := os.ReadDir(cache); len(ents) != 0 {
		t.Errorf("colly cached %d entries on disk", len(ents))
	}
	for _, r := range s.requests() {
		if r.userAgent == "colly" {
			t.Errorf("%s requested with colly's User-Agent", r.path)
		}
	}
	if len(rep.Notices) == 0 {
		t.Errorf("no notices: %s", describe(rep))
	}
}
