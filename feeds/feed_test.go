package feeds

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"maintwatch/feeds/internal/fake"
	"maintwatch/judge"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

var testNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

const testBase = "http://127.0.0.1:8080"

func render(t *testing.T, src Source, format string, q Query) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(t.Context(), src, &b, format, q, testNow, testBase); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	return b.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden; got:\n%s", name, got)
	}
}

func TestGolden(t *testing.T) {
	for _, format := range []string{"rss", "atom", "json"} {
		t.Run(format, func(t *testing.T) {
			golden(t, "feed."+format, render(t, fake.New(), format, Query{}))
		})
	}
}

func parse(t *testing.T, body []byte) *gofeed.Feed {
	t.Helper()
	f, err := gofeed.NewParser().ParseString(string(body))
	if err != nil {
		t.Fatalf("gofeed: %v\n%s", err, body)
	}
	return f
}

func TestParsedFields(t *testing.T) {
	wantIDs := []string{
		"tag:maintwatch,2026:site/3/episode/n31",
		"tag:maintwatch,2026:site/2/episode/n21",
		"tag:maintwatch,2026:site/4/episode/b41",
		"tag:maintwatch,2026:site/1/episode/n11",
	}
	for _, format := range []string{"rss", "atom", "json"} {
		t.Run(format, func(t *testing.T) {
			f := parse(t, render(t, fake.New(), format, Query{}))
			if f.Language != "ja" {
				t.Errorf("language = %q, want ja", f.Language)
			}
			if f.FeedLink != testBase+"/feed."+format {
				t.Errorf("feed link = %q", f.FeedLink)
			}
			if len(f.Items) != len(wantIDs) {
				t.Fatalf("%d items, want %d (never-flagged episode must be left out)", len(f.Items), len(wantIDs))
			}
			for i, it := range f.Items {
				if it.GUID != wantIDs[i] {
					t.Errorf("item %d id = %q, want %q", i, it.GUID, wantIDs[i])
				}
				if it.UpdatedParsed == nil && it.PublishedParsed == nil {
					t.Errorf("item %d has no date", i)
				}
			}
			last := f.Items[3]
			if want := "さくら雑貨店 — suspected — card payment stopped for 13 days"; last.Title != want {
				t.Errorf("title = %q, want %q", last.Title, want)
			}
			if last.Link != testBase+"/sites/1" {
				t.Errorf("link = %q", last.Link)
			}
			if got := strings.Join(last.Categories, ","); got != "suspected,ec-cube" {
				t.Errorf("categories = %q", got)
			}
			if !strings.Contains(last.Content, "https://shop-a.example.jp/news/12") || !strings.Contains(last.Content, "2026年5月20日") ||
				!strings.Contains(last.Content, "再開時期は未定です") || !strings.Contains(last.Content, "dated 2026-05-19 (2026年5月19日)") {
				t.Errorf("content lacks evidence url/date/text: %s", last.Content)
			}
			if want := "ec-cube"; f.Items[0].Categories[1] != want {
				t.Errorf("confirmed leak platform = %q", f.Items[0].Categories[1])
			}
			if !strings.Contains(f.Items[2].Title, "resolved — card payment was stopped for 50 days") {
				t.Errorf("resolved title = %q", f.Items[2].Title)
			}
		})
	}
}

func TestJSONWatcher(t *testing.T) {
	body := render(t, fake.New(), "json", Query{})
	var doc struct {
		Version string `json:"version"`
		Items   []struct {
			ID      string                     `json:"id"`
			Watcher map[string]json.RawMessage `json:"_watcher"`
		} `json:"items"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "https://jsonfeed.org/version/1.1" {
		t.Errorf("version = %q", doc.Version)
	}
	w := doc.Items[3].Watcher
	keys := []string{"site", "status", "score", "first_flagged", "evidence"}
	if len(w) != len(keys) {
		t.Errorf("_watcher has keys %v, want exactly %v", w, keys)
	}
	var got struct {
		Site         string  `json:"site"`
		Status       string  `json:"status"`
		Score        float64 `json:"score"`
		FirstFlagged string  `json:"first_flagged"`
		Evidence     []struct {
			URL, Text, Seen string
		} `json:"evidence"`
	}
	raw, _ := json.Marshal(w)
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if got.Site != "https://shop-a.example.jp/" || got.Status != "suspected" || got.Score != 0.85 ||
		got.FirstFlagged != "2026-05-20T09:00:00Z" || len(got.Evidence) != 2 ||
		got.Evidence[1].Text != "payment-methods page: card payment not offered or marked suspended; other methods (bank transfer, cash on delivery ...) offered" ||
		got.Evidence[0].URL != "https://shop-a.example.jp/news/12" || got.Evidence[0].Seen != "2026-05-20T09:00:00Z" ||
		!strings.Contains(got.Evidence[0].Text, "クレジットカード決済を停止") {
		t.Errorf("_watcher = %+v", got)
	}
	for _, key := range []string{"score"} {
		if _, err := json.Number(string(w[key])).Float64(); err != nil {
			t.Errorf("%s is not a number: %s", key, w[key])
		}
	}
}

// Rendering the same data twice, and after a status change, keeps ids; the
// body (hence the ETag) is identical when nothing changed.
func TestStableIDs(t *testing.T) {
	for _, format := range []string{"rss", "atom", "json"} {
		t.Run(format, func(t *testing.T) {
			src := fake.New()
			a, b := render(t, src, format, Query{}), render(t, src, format, Query{})
			if !bytes.Equal(a, b) {
				t.Fatal("two renders of the same data differ")
			}
			before := parse(t, a)
			src.SetStatus(101, judge.Escalated, fake.D(2026, 5, 31))
			c := render(t, src, format, Query{})
			if bytes.Equal(a, c) {
				t.Fatal("status change did not change the feed")
			}
			after := parse(t, c)
			if after.Items[0].GUID != before.Items[3].GUID {
				t.Errorf("id changed: %q → %q", before.Items[3].GUID, after.Items[0].GUID)
			}
			if !strings.Contains(after.Items[0].Title, "escalated") {
				t.Errorf("title %q", after.Items[0].Title)
			}
			if format != "rss" && !after.Items[0].UpdatedParsed.Equal(fake.D(2026, 5, 31)) {
				t.Errorf("updated = %v", after.Items[0].UpdatedParsed)
			}
			ids := map[string]bool{}
			for _, it := range after.Items {
				if ids[it.GUID] {
					t.Errorf("duplicate id %q", it.GUID)
				}
				ids[it.GUID] = true
			}
		})
	}
}

func TestHostileAndIllegalChars(t *testing.T) {
	for _, format := range []string{"rss", "atom", "json"} {
		body := render(t, fake.New(), format, Query{})
		for _, bad := range []string{"<script", "<img", "\x00", "\x01", "\x1b", "\uFFFE"} {
			if bytes.Contains(body, []byte(bad)) {
				t.Errorf("%s feed contains %q", format, bad)
			}
		}
		f := parse(t, body)
		if !strings.Contains(f.Items[1].Title, "<script>alert(1)</script>") {
			t.Errorf("%s: hostile title not kept as text: %q", format, f.Items[1].Title)
		}
	}
}

func TestFilters(t *testing.T) {
	cases := []struct {
		query string
		want  []string // site ids in order
	}{
		{"", []string{"3", "2", "4", "1"}},
		{"status=suspected,escalated", []string{"2", "1"}},
		{"status=resolved", []string{"4"}},
		{"min_score=0.9", []string{"3", "2"}},
		{"platform=ec-cube", []string{"3", "1"}},
		{"since=2026-05-22", []string{"3", "2"}},
		{"since=2026-05-24T09:00:00Z", []string{"3", "2"}},
		{"limit=1", []string{"3"}},
		{"status=suspected&platform=makeshop", nil},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			v, _ := url.ParseQuery(c.query)
			q, err := ParseQuery(v)
			if err != nil {
				t.Fatal(err)
			}
			eps, err := Load(t.Context(), fake.New(), q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range eps {
				got = append(got, string(rune('0'+e.Site.ID)))
			}
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("got sites %v, want %v", got, c.want)
			}
		})
	}
}

func TestBadQuery(t *testing.T) {
	for _, q := range []string{"status=open", "status=suspected,,", "min_score=high", "min_score=2", "since=yesterday", "since=2026-13-01", "limit=0", "limit=x"} {
		v, _ := url.ParseQuery(q)
		if _, err := ParseQuery(v); !errors.Is(err, ErrBadQuery) {
			t.Errorf("%s: err = %v, want ErrBadQuery", q, err)
		}
	}
}

// The store limits before unflagged episodes are dropped: Load must still
// fill the page.
func TestLoadRefills(t *testing.T) {
	src := fake.New()
	eps, err := Load(context.Background(), src, Query{Limit: 1, Statuses: []judge.Status{judge.Resolved}})
	if err != nil {
		t.Fatal(err)
	}
	if len(eps) != 1 || eps[0].Site.ID != 4 {
		t.Fatalf("got %d episodes (%v), want the flagged resolved one", len(eps), eps)
	}
}

func TestEmptyFeed(t *testing.T) {
	src := fake.New()
	src.EpisodeList = nil
	for _, format := range []string{"rss", "atom", "json"} {
		body := render(t, src, format, Query{})
		f := parse(t, body)
		if len(f.Items) != 0 {
			t.Errorf("%s: %d items", format, len(f.Items))
		}
		if format == "atom" && bytes.Contains(body, []byte("<updated></updated>")) {
			t.Error("atom: empty <updated>")
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := Write(t.Context(), fake.New(), &bytes.Buffer{}, "html", Query{}, testNow, ""); !errors.Is(err, ErrFormat) {
		t.Errorf("err = %v", err)
	}
}

// newBenchSource is the fake store with n copies of its episodes.
func newBenchSource(n int) *fake.Store {
	src := fake.New()
	base := src.EpisodeList
	for i := 1; i < n; i++ {
		for _, e := range base {
			e.ID += int64(i * 1000)
			e.Key = fmt.Sprintf("%s-%d", e.Key, i)
			src.EpisodeList = append(src.EpisodeList, e)
		}
	}
	return src
}
