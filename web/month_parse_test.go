package web

import (
	"testing"
	"time"
)

func TestParseMonth(t *testing.T) {
	loc := time.UTC
	for _, tc := range []struct {
		in   string
		want string // "" : not understood
	}{
		{"2023-02", "2023-02"}, {"2023-2", "2023-02"}, {" 2023-12 ", "2023-12"},
		{"02.2023", "2023-02"}, {"2.2023", "2023-02"}, {"2/2023", "2023-02"}, {"02/2023", "2023-02"}, {"2 / 2023", "2023-02"},
		{"Februar 2023", "2023-02"}, {"februar 2023", "2023-02"}, {"Feb. 2023", "2023-02"}, {"März 2023", "2023-03"},
		{"Maerz 2023", "2023-03"}, {"Okt 2024", "2024-10"}, {"Dezember 2026", "2026-12"}, {"October 2023", "2023-10"},
		{"13.2023", ""}, {"0/2023", ""}, {"2023-13", ""}, {"Februar", ""}, {"Brumaire 2023", ""}, {"02.23", ""},
		{"zwölf", ""}, {"", ""}, {"02.1850", ""}, {"2023-02-01", ""}, {"1/2/2023", ""},
	} {
		got, ok := parseMonth(tc.in, loc)
		switch {
		case tc.want == "" && ok:
			t.Errorf("parseMonth(%q) = %s, want not understood", tc.in, got.Format("2006-01"))
		case tc.want != "" && (!ok || got.Format("2006-01") != tc.want):
			t.Errorf("parseMonth(%q) = %s, %v; want %s", tc.in, got.Format("2006-01"), ok, tc.want)
		}
	}
}
