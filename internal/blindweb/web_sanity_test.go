package blindweb

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
)

// TestWebServes checks the simulated web itself, without maintwatch: every
// page linked from a shop's top page answers, decodes to the text the script
// wrote, and the faults fire on their days.
func TestWebServes(t *testing.T) {
	w := &web{shops: newShops()}
	w.start()
	defer w.close()
	href := regexp.MustCompile(`href="(/[^"]*)"`)
	for _, d := range []int{0, 21, 30} {
		w.day.Store(int64(d))
		for _, s := range w.shops {
			resp, err := http.Get(s.topURL)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if s.down.to > 0 && s.down.has(d) {
				if resp.StatusCode != 503 {
					t.Errorf("%s day %d: status %d, want 503", s.key, d, resp.StatusCode)
				}
				continue
			}
			if contains(s.err500, d) {
				continue
			}
			if resp.StatusCode != 200 {
				t.Errorf("%s day %d: top page status %d", s.key, d, resp.StatusCode)
				continue
			}
			text := decode(t, s.cs, body)
			if !strings.Contains(text, s.name) {
				t.Errorf("%s day %d: top page does not decode to the shop's name", s.key, d)
			}
			if s.slowPath {
				continue
			}
			for _, m := range href.FindAllStringSubmatch(text, -1) {
				p := strings.ReplaceAll(m[1], "&amp;", "&")
				if strings.Contains(p, "cart") || strings.Contains(p, "product") || strings.Contains(p, "item") ||
					strings.Contains(p, "shopdetail") || strings.Contains(p, "pid=") || strings.Contains(p, "syouhin") {
					continue
				}
				u := strings.TrimSuffix(s.srv.URL, "/") + p
				r2, err := http.Get(u)
				if err != nil {
					t.Fatal(err)
				}
				r2.Body.Close()
				if r2.StatusCode != 200 && r2.StatusCode != 404 {
					t.Errorf("%s day %d: %s answers %d", s.key, d, p, r2.StatusCode)
				}
			}
		}
	}
}

func decode(t *testing.T, cs charsetStyle, body []byte) string {
	t.Helper()
	var enc encoding.Encoding
	switch cs {
	case sjisMeta, sjisNone, sjisLying:
		enc = japanese.ShiftJIS
	case eucMeta, eucHeader:
		enc = japanese.EUCJP
	default:
		return string(body)
	}
	b, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
