package textutil

import (
	"testing"
	"time"
)

func TestStripInvalidXML(t *testing.T) {
	cases := []struct{ in, want string }{
		{"ショップ", "ショップ"},
		{"a\x00b\x01c\x1fd", "abcd"},
		{"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
		{"bad\xffutf8", "badutf8"},
		{"\uFFFE\uFFFFok", "ok"},
		{"emoji 😀", "emoji 😀"},
		{"replacement \uFFFD kept", "replacement \uFFFD kept"},
	}
	for _, c := range cases {
		if got := StripInvalidXML(c.in); got != c.want {
			t.Errorf("StripInvalidXML(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzStripInvalidXML(f *testing.F) {
	f.Add("a\x00b")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		out := StripInvalidXML(s)
		for _, r := range out {
			if !validXMLRune(r) {
				t.Fatalf("left %U in %q", r, out)
			}
		}
		if StripInvalidXML(out) != out {
			t.Fatalf("not idempotent on %q", s)
		}
	})
}

func TestDates(t *testing.T) {
	d := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	if got := JPDate(d); got != "2026年6月1日" {
		t.Errorf("JPDate = %q", got)
	}
	if got := Wareki(d); got != "令和8年6月1日" {
		t.Errorf("Wareki = %q", got)
	}
	if got := Wareki(time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)); got != "令和元年5月1日" {
		t.Errorf("Wareki first year = %q", got)
	}
	if got := BothDates(d); got != "2026-06-01 (2026年6月1日)" {
		t.Errorf("BothDates = %q", got)
	}
	late := time.Date(2026, 5, 31, 15, 0, 0, 0, time.UTC) // 6月1日 0:00 JST
	if got := BothDates(late); got != "2026-06-01 (2026年6月1日)" {
		t.Errorf("BothDates(15:00Z) = %q, want the JST date", got)
	}
	if got := DateTime(late); got != "2026-06-01T00:00:00+09:00" {
		t.Errorf("DateTime = %q", got)
	}
	if got := DaysBetween(d, d.Add(36*time.Hour)); got != 1 {
		t.Errorf("DaysBetween = %d", got)
	}
}

func TestDays(t *testing.T) {
	for n, want := range map[int]string{0: "less than a day", 1: "1 day", 12: "12 days"} {
		if got := Days(n); got != want {
			t.Errorf("Days(%d) = %q, want %q", n, got, want)
		}
	}
}
