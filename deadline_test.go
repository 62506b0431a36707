package ratsinfo

import (
	"testing"
	"time"
)

func TestPeriodEnd(t *testing.T) {
	d := NewDate
	tests := []struct {
		name   string
		start  Date
		period string
		state  State
		want   Date
		moved  bool
	}{
		{"two weeks end on the same weekday", d(2023, 1, 16), "P2W", StateSH, d(2023, 1, 30), false},
		{"ten days, start day not counted", d(2023, 2, 17), "P10D", StateSH, d(2023, 2, 27), false},
		{"one month from the 16th", d(2023, 1, 16), "P1M", StateSH, d(2023, 2, 16), false},
		{"month end: 31 January + 1 month", d(2023, 1, 31), "P1M", StateSH, d(2023, 2, 28), false},
		{"leap year: 31 January 2024 + 1 month", d(2024, 1, 31), "P1M", StateSH, d(2024, 2, 29), false},
		{"29 February + 1 year", d(2024, 2, 29), "P1Y", StateSH, d(2025, 2, 28), false},
		{"Sunday, then Tag der Arbeit", d(2023, 3, 31), "P1M", StateSH, d(2023, 5, 2), true},
		{"Saturday moves to Monday", d(2023, 2, 4), "P2W", StateSH, d(2023, 2, 20), true},
		{"Karfreitag, weekend and Ostermontag", d(2024, 3, 15), "P2W", StateSH, d(2024, 4, 2), true},
		{"Christi Himmelfahrt", d(2023, 5, 4), "P2W", StateSH, d(2023, 5, 19), true},
		{"Pfingstmontag", d(2023, 5, 15), "P2W", StateSH, d(2023, 5, 30), true},
		{"Reformationstag in Schleswig-Holstein", d(2023, 10, 17), "P2W", StateSH, d(2023, 11, 1), true},
		{"Reformationstag is no holiday in Bavaria", d(2023, 10, 17), "P2W", StateBY, d(2023, 10, 31), false},
		{"Reformationstag before 2018 in Schleswig-Holstein", d(2016, 10, 17), "P2W", StateSH, d(2016, 10, 31), false},
		{"Reformationstag 2017 everywhere", d(2017, 10, 17), "P2W", StateNW, d(2017, 11, 2), true},
		{"Allerheiligen in Nordrhein-Westfalen", d(2023, 10, 18), "P2W", StateNW, d(2023, 11, 2), true},
		{"Allerheiligen is no holiday in Schleswig-Holstein", d(2023, 10, 18), "P2W", StateSH, d(2023, 11, 1), false},
		{"Fronleichnam in Hessen", d(2023, 5, 25), "P2W", StateHE, d(2023, 6, 9), true},
		{"Buß- und Bettag in Sachsen", d(2023, 11, 8), "P2W", StateSN, d(2023, 11, 23), true},
		{"Frauentag in Berlin", d(2023, 2, 22), "P2W", StateBE, d(2023, 3, 9), true},
		{"Christmas", d(2023, 12, 11), "P2W", StateSH, d(2023, 12, 27), true},
		{"Neujahr across the year", d(2023, 12, 18), "P2W", StateSH, d(2024, 1, 2), true},
		{"month and weeks", d(2023, 1, 16), "P1M2W", StateSH, d(2023, 3, 2), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePeriod(tt.period)
			if err != nil {
				t.Fatal(err)
			}
			got := PeriodEnd(tt.start, p, tt.state)
			if got.Day != tt.want {
				t.Fatalf("PeriodEnd(%s, %s, %s) = %s, want %s (%s)", tt.start, tt.period, tt.state, got.Day, tt.want, got.Explain())
			}
			if moved := got.MovedBecause != ""; moved != tt.moved || moved != (got.Day != got.Nominal) {
				t.Fatalf("moved = %v (%q, nominal %s), want %v", moved, got.MovedBecause, got.Nominal, tt.moved)
			}
		})
	}
}

func TestDaysBefore(t *testing.T) {
	d := NewDate
	tests := []struct {
		meeting Date
		days    int
		want    Date
	}{
		{d(2023, 2, 27), 7, d(2023, 2, 20)},   // Monday to Monday
		{d(2023, 2, 27), 8, d(2023, 2, 17)},   // Sunday → Friday before
		{d(2024, 4, 8), 7, d(2024, 3, 28)},    // Ostermontag, weekend, Karfreitag → Thursday
		{d(2023, 11, 7), 7, d(2023, 10, 30)},  // Reformationstag in SH → Monday
		{d(2024, 1, 8), 7, d(2023, 12, 29)},   // Neujahr, weekend → Friday of the old year
		{d(2023, 3, 9), 2, d(2023, 3, 7)},     // plain weekdays
		{d(2023, 5, 22), 3, d(2023, 5, 19)},   // Friday stays
		{d(2023, 5, 29), 11, d(2023, 5, 17)},  // Himmelfahrt (18 May) → Wednesday
		{d(2023, 12, 29), 3, d(2023, 12, 22)}, // 26th, 25th, weekend → Friday 22nd
		{d(2023, 10, 10), 7, d(2023, 10, 2)},  // Tag der Deutschen Einheit → Monday
		{d(2023, 1, 8), 7, d(2022, 12, 30)},   // Neujahr 2023 is a Sunday → Friday
		{d(2023, 6, 5), 0, d(2023, 6, 5)},     // zero days: the meeting day itself
		{d(2023, 6, 10), 0, d(2023, 6, 9)},    // a Saturday meeting: Friday
		{d(2023, 6, 12), 14, d(2023, 5, 26)},  // Pfingstmontag 29 May, weekend → Friday 26th
	}
	for _, tt := range tests {
		got := DaysBefore(tt.meeting, tt.days, StateSH)
		if got.Day != tt.want {
			t.Errorf("DaysBefore(%s, %d) = %s, want %s (%s)", tt.meeting, tt.days, got.Day, tt.want, got.Explain())
		}
		if tt.meeting.Before(got.Day) {
			t.Errorf("DaysBefore(%s, %d) = %s lies after the meeting", tt.meeting, tt.days, got.Day)
		}
	}
}

func TestEaster(t *testing.T) {
	for _, want := range []Date{
		NewDate(1818, 3, 22), NewDate(1943, 4, 25), NewDate(2000, 4, 23), NewDate(2019, 4, 21),
		NewDate(2023, 4, 9), NewDate(2024, 3, 31), NewDate(2025, 4, 20), NewDate(2026, 4, 5),
		NewDate(2038, 4, 25), NewDate(2285, 3, 22),
	} {
		if got := Easter(want.Year); got != want {
			t.Errorf("Easter(%d) = %s, want %s", want.Year, got, want)
		}
		if got := want.Weekday(); got != time.Sunday {
			t.Errorf("%s is a %s", want, got)
		}
	}
}

func TestHolidayNames(t *testing.T) {
	tests := []struct {
		state State
		day   Date
		want  string
	}{
		{StateSH, NewDate(2023, 5, 29), "Pfingstmontag"},
		{StateSH, NewDate(2023, 5, 18), "Christi Himmelfahrt"},
		{StateHE, NewDate(2023, 6, 8), "Fronleichnam"},
		{StateSN, NewDate(2024, 11, 20), "Buß- und Bettag"},
		{StateTH, NewDate(2023, 9, 20), "Weltkindertag"},
		{StateBW, NewDate(2023, 1, 6), "Heilige Drei Könige"},
		{StateSL, NewDate(2023, 8, 15), "Mariä Himmelfahrt"},
		{StateSH, NewDate(2023, 6, 8), ""},
		{StateBY, NewDate(2023, 8, 15), ""}, // not statewide in Bavaria
		{StateBE, NewDate(2025, 5, 8), "Tag der Befreiung"},
		{StateBE, NewDate(2026, 5, 8), ""},
	}
	for _, tt := range tests {
		got, ok := tt.state.Holiday(tt.day)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s.Holiday(%s) = %q, %v; want %q", tt.state, tt.day, got, ok, tt.want)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	good := map[string]Period{
		"P2W": {Weeks: 2}, "p1m": {Months: 1}, "P1M2W": {Months: 1, Weeks: 2}, "P10D": {Days: 10},
		"2 Wochen": {Weeks: 2}, "ein Monat": {Months: 1}, "1 Monat und 10 Tage": {Months: 1, Days: 10},
		"drei Wochen": {Weeks: 3}, " 14 Tage ": {Days: 14}, "P1Y": {Years: 1},
	}
	for in, want := range good {
		got, err := ParsePeriod(in)
		if err != nil || got != want {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want %+v", in, got, err, want)
		}
		if back, err := ParsePeriod(got.String()); err != nil || back != got {
			t.Errorf("ParsePeriod(%q.String() = %q) = %+v, %v", in, got.String(), back, err)
		}
	}
	for _, in := range []string{"", "P", "P0D", "0 Tage", "2 Wochn", "P2Y", "PT2H", "P-1D", "400 Tage", "2", "Wochen", "P1W1", "P99999999999D"} {
		if p, err := ParsePeriod(in); err == nil || ErrorCode(err) != EINVALID || ErrorMessage(err) == "" {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want a German EINVALID error", in, p, err)
		}
	}
	if got := (Period{Months: 1, Days: 10}).German(); got != "1 Monat und 10 Tage" {
		t.Errorf("German() = %q", got)
	}
}

func TestParseState(t *testing.T) {
	for in, want := range map[string]State{"SH": StateSH, "sh": StateSH, "Schleswig-Holstein": StateSH, "bayern": StateBY} {
		if got, err := ParseState(in); err != nil || got != want {
			t.Errorf("ParseState(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseState("Holstein"); ErrorCode(err) != EINVALID {
		t.Errorf("ParseState(Holstein) = %v, want EINVALID", err)
	}
}
