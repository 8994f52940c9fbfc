package digest

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"maintwatch/feeds/internal/fake"
	"maintwatch/feeds/internal/textutil"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

var testNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

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

func TestParseWeek(t *testing.T) {
	cases := []struct {
		in   string
		want time.Time
	}{
		{"2026-W01", time.Date(2025, 12, 29, 0, 0, 0, 0, textutil.JST)},
		{"2026-W22", time.Date(2026, 5, 25, 0, 0, 0, 0, textutil.JST)},
		{"2026-W53", time.Date(2026, 12, 28, 0, 0, 0, 0, textutil.JST)},
		{"2021-W01", time.Date(2021, 1, 4, 0, 0, 0, 0, textutil.JST)},
	}
	for _, c := range cases {
		got, err := ParseWeek(c.in)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("ParseWeek(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
		if WeekOf(got) != c.in {
			t.Errorf("WeekOf(%v) = %q", got, WeekOf(got))
		}
	}
	for _, bad := range []string{"", "2026-22", "2026-W1", "2026-W00", "2025-W53", "2026-W54", "2026W22", "x2026-W22"} {
		if _, err := ParseWeek(bad); !errors.Is(err, ErrBadWeek) {
			t.Errorf("ParseWeek(%q) err = %v, want ErrBadWeek", bad, err)
		}
	}
}

func FuzzParseWeek(f *testing.F) {
	f.Add("2026-W22")
	f.Add("0000-W01")
	f.Fuzz(func(t *testing.T, s string) {
		start, err := ParseWeek(s)
		if err != nil {
			return
		}
		if start.Weekday() != time.Monday || WeekOf(start) != s {
			t.Fatalf("ParseWeek(%q) = %v (week %s)", s, start, WeekOf(start))
		}
	})
}

func TestDigestGolden(t *testing.T) {
	cases := []struct{ name, week string }{
		{"busy", "2026-W21"},  // 18–24 May: a new flag, an escalation, a resolution
		{"leak", "2026-W22"},  // 25–31 May: a confirmed leak
		{"empty", "2026-W12"}, // nothing happened
	}
	for _, c := range cases {
		for _, format := range []string{"md", "html"} {
			t.Run(c.name+"."+format, func(t *testing.T) {
				got, err := Digest(t.Context(), fake.New(), c.week, format, testNow)
				if err != nil {
					t.Fatal(err)
				}
				golden(t, "digest-"+c.name+"."+format, got)
			})
		}
	}
}

func TestBusyWeek(t *testing.T) {
	r, err := Build(t.Context(), fake.New(), "2026-W21", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.New) != 1 || r.New[0].Site.ID != 1 {
		t.Errorf("new = %v", r.New)
	}
	if len(r.Resolved) != 1 || r.Resolved[0].Site.ID != 4 || r.Resolved[0].Days != 50 {
		t.Errorf("resolved = %+v", r.Resolved)
	}
	if len(r.Escalated) != 1 || r.Escalated[0].Site.ID != 2 {
		t.Errorf("escalated = %+v", r.Escalated)
	}
	if r.Empty() {
		t.Error("busy week reported empty")
	}
	r, err = Build(t.Context(), fake.New(), "2026-W22", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Confirmed) != 1 || r.Confirmed[0].LeadDays != 112 {
		t.Errorf("confirmed = %+v", r.Confirmed)
	}
	if len(r.Escalated) != 0 || len(r.New) != 0 {
		t.Errorf("W22 escalated = %v, new = %v", r.Escalated, r.New)
	}
	if r.Track.Flags != 4 || r.Track.Confirmed != 1 || r.Track.Resolved != 1 || r.Track.Open != 2 || r.Track.MedianLeadDays != 112 {
		t.Errorf("track = %+v", r.Track)
	}
	var total int
	for _, w := range r.Chart {
		total += w.Flags
	}
	// W11..W22: the flags of 2 April, 10 May and 20 May; 2 February is
	// older than 12 weeks.
	if len(r.Chart) != 12 || r.Chart[0].Week != "2026-W11" || r.Chart[11].Week != "2026-W22" || total != 3 {
		t.Errorf("chart = %+v (total %d)", r.Chart, total)
	}
	if !strings.HasPrefix(r.ChartSVG, "<svg") {
		t.Errorf("chart is not SVG: %.40q", r.ChartSVG)
	}
}

func TestEmptyWeekSaysSo(t *testing.T) {
	for _, format := range []string{"md", "html"} {
		got, err := Digest(t.Context(), fake.New(), "2026-W12", format, testNow)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(got, []byte("Nothing happened this week")) {
			t.Errorf("%s: empty week not stated", format)
		}
	}
}

func TestHostileEscaped(t *testing.T) {
	for _, format := range []string{"md", "html"} {
		got, err := Digest(t.Context(), fake.New(), "2026-W21", format, testNow)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(got, []byte("alert(1)")) {
			t.Errorf("%s: hostile site missing from the digest", format)
		}
		for _, bad := range []string{"<script", "<img", "onerror=alert(1)>"} {
			if bytes.Contains(got, []byte(bad)) {
				t.Errorf("%s digest contains %q", format, bad)
			}
		}
	}
}

func TestDigestErrors(t *testing.T) {
	if _, err := Digest(t.Context(), fake.New(), "2026-W99", "md", testNow); !errors.Is(err, ErrBadWeek) {
		t.Errorf("bad week: %v", err)
	}
	if _, err := Digest(t.Context(), fake.New(), "2026-W22", "pdf", testNow); !errors.Is(err, ErrFormat) {
		t.Errorf("bad format: %v", err)
	}
	src := fake.New()
	src.Err = errors.New("boom")
	if _, err := Digest(t.Context(), src, "2026-W22", "md", testNow); err == nil {
		t.Error("store error swallowed")
	}
}

// FuzzMarkdownEscape: an escaped string can open no HTML tag, link or
// emphasis in Markdown.
func FuzzMarkdownEscape(f *testing.F) {
	f.Add(fake.Hostile)
	f.Add("[x](javascript:alert(1)) *a* _b_ `c` | # !")
	f.Fuzz(func(t *testing.T, s string) {
		out := mdEscape(s)
		if strings.ContainsAny(out, "<>\n") {
			t.Fatalf("mdEscape(%q) = %q", s, out)
		}
		for i := 0; i < len(out); i++ {
			if strings.IndexByte("*_[]`|#!", out[i]) >= 0 && (i == 0 || out[i-1] != '\\') {
				t.Fatalf("mdEscape(%q) = %q: unescaped %q at %d", s, out, out[i], i)
			}
		}
	})
}
