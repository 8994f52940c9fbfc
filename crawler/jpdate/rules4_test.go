package jpdate

import "testing"

// English month-name dates and apostrophe years (blind set 4): read only in
// their full shape, never from a word that merely starts like a month.
func TestEnglishAndApostropheDates(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when no date may be read
	}{
		{"June 12, 2026", "2026-06-12"},
		{"Jun 4, 2026", "2026-06-04"},
		{"jun 4 2026", "2026-06-04"},
		{"Sept. 3rd, 2026", "2026-09-03"},
		{"May 28, 2026 • 0 comments", "2026-05-28"},
		{"10 Jun 2026 / お知らせ", "2026-06-10"},
		{"01 June 2026", "2026-06-01"},
		{"3rd Dec, 2025", "2025-12-03"},
		{"'26.06.12", "2026-06-12"},
		{"’26/6/1 カード", "2026-06-01"},
		{"June 31, 2026", ""},  // not a real day: refused, never corrected
		{"13 Foo 2026", ""},    // not a month
		{"Summer 2026", ""},    // no day
		{"June 2026", ""},      // no day
		{"Bmay 5, 2026", ""},   // the month must be a word of its own
		{"Jun 4, 20267", ""},   // glued to more digits
		{"It's26.06.12", ""},   // the apostrophe belongs to a word
		{"'26.06/12", ""},      // separators must agree
		{"version 2.6.12", ""}, // no apostrophe: no two-digit year
		{"Summer glass 2026", ""},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in, ref)
		switch {
		case tt.want == "" && ok:
			t.Errorf("Parse(%q) = %s, want no date", tt.in, got.Format("2006-01-02"))
		case tt.want != "" && (!ok || got.Format("2006-01-02") != tt.want):
			t.Errorf("Parse(%q) = %s %v, want %s", tt.in, got.Format("2006-01-02"), ok, tt.want)
		}
	}
	// A full Japanese date before an English one wins, and the match text
	// is the English date as written.
	m, ok := Find("Posted 10 Jun 2026 by admin", ref)
	if !ok || m.Text != "10 Jun 2026" {
		t.Errorf("Find text %q %v", m.Text, ok)
	}
}
