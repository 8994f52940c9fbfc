package jpdate

import (
	"testing"
	"time"
	"unicode/utf8"
)

// ref is a Monday, 2026-06-15 10:00 jst.
var ref = time.Date(2026, 6, 15, 10, 0, 0, 0, jst)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want string // YYYY-MM-DD, "" for not ok
	}{
		{"2026/06/01", "2026-06-01"},
		{"2026/6/1", "2026-06-01"},
		{"2026.06.01", "2026-06-01"},
		{"2026-6-1", "2026-06-01"},
		{"2026-06-01", "2026-06-01"},
		{"2026年6月1日", "2026-06-01"},
		{"2026年06月01日", "2026-06-01"},
		{"2026 年 6 月 1 日", "2026-06-01"},
		{"２０２６年６月１日", "2026-06-01"},
		{"２０２６／０６／０１", "2026-06-01"},
		{"2026年6月1日(月)", "2026-06-01"},
		{"2026-06-01T10:00:00+09:00", "2026-06-01"},
		{"2026-05-31T20:00:00Z", "2026-06-01"},
		{"2026-06-01T08:00:00Z", "2026-06-01"},
		{"2026-06-01T00:30:00-05:00", "2026-06-01"},
		{"2026/06/01 14:30", "2026-06-01"},
		{"令和8年6月1日", "2026-06-01"},
		{"令和８年６月１日（月）", "2026-06-01"},
		{"令和 8 年 6 月 1 日", "2026-06-01"},
		{"R8.6.1", "2026-06-01"},
		{"R8/6/1", "2026-06-01"},
		{"r8.06.01", "2026-06-01"},
		{"㋿8年6月1日", "2026-06-01"},
		{"令和元年5月1日", "2019-05-01"},
		{"平成31年4月30日", "2019-04-30"},
		{"H31.4.30", "2019-04-30"},
		{"平成元年1月8日", "1989-01-08"},
		{"令和八年六月一日", "2026-06-01"},
		{"令和元年十二月二十五日", "2019-12-25"},
		{"二〇二六年六月十日", "2026-06-10"},
		{"令和八年二月三十日", ""},
		{"六年六月一日", ""}, // no era: no year
		{"【重要】2026.06.01 クレジットカード決済停止のお知らせ", "2026-06-01"},
		{"お知らせ 2026年6月1日 更新 2026年5月1日", "2026-06-01"},
		{"送料1/2キャンペーン 2026年6月1日", "2026-06-01"},
		// year-less, ref 2026-06-15
		{"6月1日(月)", "2026-06-01"},
		{"6月1日（月）", "2026-06-01"},
		{"6月1日(月曜日)", "2026-06-01"},
		{"6/1", "2026-06-01"},
		{"6/1(Mon)", "2026-06-01"},
		{"8月10日", "2026-08-10"},    // within ~2 months ahead
		{"9月1日", "2025-09-01"},     // too far ahead: last year
		{"12月25日", "2025-12-25"},   // last Christmas
		{"12/25(木)", "2025-12-25"}, // weekday agrees with 2025
		{"6/1(火)", ""},             // fits only 2027, a year ahead of the fetch: unknown, not guessed
		{"6/1(木)", ""},             // Thursday in none of 2025..2027
		{"6月1日(水)", ""},
		{"2/29", ""}, // no leap year in 2025..2027
		// invalid: never guessed
		{"2026/02/30", ""},
		{"2026/13/01", ""},
		{"2026年13月1日", ""},
		{"2026.06.32", ""},
		{"令和1年4月30日", ""}, // before 令和 began
		{"平成0年1月1日", ""},
		{"令和8年2月30日", ""},
		{"2026/06.01", ""}, // mixed separators
		{"1985/06/01", ""},
		{"2200/06/01", ""},
		{"26/06/01", ""},
		{"Ver8.6.1", ""},
		{"TEL 0120-12-3456", ""},
		{"", ""},
		{"お知らせはありません", ""},
		{"13/1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := Parse(tt.in, ref)
			if tt.want == "" {
				if ok {
					t.Fatalf("Parse(%q) = %v, want not ok", tt.in, got)
				}
				return
			}
			if !ok {
				t.Fatalf("Parse(%q) not ok, want %s", tt.in, tt.want)
			}
			if s := got.Format("2006-01-02"); s != tt.want {
				t.Fatalf("Parse(%q) = %s, want %s", tt.in, s, tt.want)
			}
			if got.Location() != jst || got.Hour() != 0 || got.Minute() != 0 {
				t.Fatalf("Parse(%q) = %v, want midnight jst", tt.in, got)
			}
		})
	}
}

func TestFindText(t *testing.T) {
	tests := []struct{ in, text string }{
		{"2026.06.01 カード決済停止", "2026.06.01"},
		{"【重要】令和8年6月1日(月)メンテナンス", "令和8年6月1日(月)"},
		{"6月1日(月)メンテナンス", "6月1日(月)"},
		{"2026-06-01T10:00:00+09:00 x", "2026-06-01T10:00:00+09:00"},
		{"2026/06/01(月) カード", "2026/06/01(月)"},
		{"2026年6月1日（月曜日）カード", "2026年6月1日(月曜日)"},
		{"2026.06.01 (Mon) x", "2026.06.01 (Mon)"},
		{"2026.06.01(お知らせ)", "2026.06.01"},
	}
	for _, tt := range tests {
		m, ok := Find(tt.in, ref)
		if !ok {
			t.Fatalf("Find(%q) not ok", tt.in)
		}
		if m.Text != tt.text {
			t.Errorf("Find(%q).Text = %q, want %q", tt.in, m.Text, tt.text)
		}
		if n := Normalize(tt.in); n[m.Start:m.End] != m.Text {
			t.Errorf("Find(%q) offsets %d:%d do not select %q", tt.in, m.Start, m.End, m.Text)
		}
	}
}

// The reference's zone must not shift the resolved year: ref is converted to jst.
func TestYearlessRefInUTC(t *testing.T) {
	r := time.Date(2025, 12, 31, 20, 0, 0, 0, time.UTC) // 2026-01-01 05:00 jst
	got, ok := Parse("1月1日", r)
	if !ok || got.Format("2006-01-02") != "2026-01-01" {
		t.Fatalf("got %v %v, want 2026-01-01", got, ok)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2026/06/01", "令和元年5月1日", "令和八年十二月三十一日", "R8.6.1", "6月1日(月)", "6/1", "2026-06-01T10:00:00+09:00", "２０２６年６月１日", "2026/02/30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := Find(s, ref)
		if !ok {
			return
		}
		y := m.Time.Year()
		if y < minYear || y > maxYear {
			t.Fatalf("Find(%q) year %d out of range", s, y)
		}
		if m.Time.Location() != jst || m.Time.Hour() != 0 {
			t.Fatalf("Find(%q) = %v, not midnight jst", s, m.Time)
		}
		n := Normalize(s)
		if m.Start < 0 || m.End > len(n) || m.Start >= m.End || n[m.Start:m.End] != m.Text {
			t.Fatalf("Find(%q) bad span %d:%d", s, m.Start, m.End)
		}
		if !utf8.ValidString(m.Text) {
			t.Fatalf("Find(%q) invalid UTF-8 text", s)
		}
	})
}

// Year inference for year-less dates, checked against the fetch time.
func TestYearless(t *testing.T) {
	jan3 := time.Date(2027, 1, 3, 10, 0, 0, 0, jst) // a Sunday
	tests := []struct {
		in   string
		ref  time.Time
		want string
	}{
		{"12月28日", jan3, "2026-12-28"},    // seen on 1月3日: last year's notice
		{"12月28日(月)", jan3, "2026-12-28"}, // the weekday agrees
		{"12月28日(火)", jan3, ""},           // agrees only with 2027-12-28, a year ahead
		{"1月5日(火)", jan3, "2027-01-05"},   // two days ahead: an announcement
		{"12/31(木)", jan3, "2026-12-31"},
		{"6月1日(月)", ref, "2026-06-01"},
		{"6月1日(日)", ref, "2025-06-01"}, // the weekday picks last year
		{"6/10(水)2:00～6:00", ref, "2026-06-10"},
		{"6/10(水)2:00〜6:00", ref, "2026-06-10"},
		{"6月10日(水)午前2時～6時", ref, "2026-06-10"},
		{"6月31日", ref, ""},
		{"2月29日", ref, ""}, // no 2月29日 in 2025–2027: unknown, never moved to 3月1日
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in, tt.ref)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != tt.want {
			t.Errorf("Parse(%q, %s) = %q, want %q", tt.in, tt.ref.Format("2006-01-02"), s, tt.want)
		}
	}
}

// Era boundaries: 平成 ended on 2019-04-30, 令和 began on 2019-05-01.
func TestEraBoundaries(t *testing.T) {
	tests := []struct{ in, want string }{
		{"平成31年4月30日", "2019-04-30"},
		{"H31.4.30", "2019-04-30"},
		{"令和元年5月1日", "2019-05-01"},
		{"R1.5.1", "2019-05-01"},
		{"令和1年5月1日", "2019-05-01"},
		{"令和元年4月30日", ""},           // before 令和 began
		{"平成31年5月1日", "2019-05-01"}, // written by habit after the change: one day, no doubt
		{"平成元年1月8日", "1989-01-08"},
		{"平成元年1月7日", ""},
		{"昭和64年1月7日", "1989-01-07"},
		{"昭和64年1月8日", ""}, // 昭和 had ended: not read as 1月8日 either
		{"昭和60年6月1日", ""}, // before 1989: not a shop notice, and not 6月1日
		{"2026年6月1日～当面の間", "2026-06-01"},
		{"2026年6月1日〜当面の間", "2026-06-01"},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in, ref)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != tt.want {
			t.Errorf("Parse(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}
