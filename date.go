package ratsinfo

import (
	"fmt"
	"sync"
	"time"
	// Embedded so Europe/Berlin exists on machines without a zoneinfo database.
	_ "time/tzdata"
)

// Date is a calendar day without time zone, as OParl's `date` format (yyyy-mm-dd).
// The zero Date means "not set".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{y, m, d} }

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses yyyy-mm-dd; "" gives the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	d, ok := parseISODate(s)
	if !ok {
		return Date{}, Errorf(EINVALID, "%q ist kein gültiges Datum; erwartet wird JJJJ-MM-TT, z. B. 2023-02-27.", s)
	}
	return d, nil
}

// parseISODate reads exactly yyyy-mm-dd of a day that exists. It does what
// time.Parse("2006-01-02", s) does at a fraction of the cost: every date read
// from the database passes through here, hundreds per page.
func parseISODate(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	y, okY := digits(s[0:4])
	m, okM := digits(s[5:7])
	d, okD := digits(s[8:10])
	if !okY || !okM || !okD || m < 1 || m > 12 || d < 1 {
		return Date{}, false
	}
	if time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() != d {
		return Date{}, false // 31 April, 29 February of a common year
	}
	return Date{y, time.Month(m), d}, true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String returns yyyy-mm-dd, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.String() < e.String() }

// AddDays returns the day n days after d (before d for negative n).
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 0, 0, 0, 0, time.UTC))
}

// AddMonths returns the day n months after d with the same day number; where the
// target month is shorter, its last day (31 January + 1 month = 28 or 29
// February), as § 188(3) BGB ends such a period.
func (d Date) AddMonths(n int) Date {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return NewDate(first.Year(), first.Month(), min(d.Day, last))
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Weekday()
}

// German returns d as Germans write it, "27.02.2023", or "" for the zero Date.
func (d Date) German() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d.%02d.%04d", d.Day, d.Month, d.Year)
}

// Berlin is the time zone of German councils. The tzdata is embedded (see the
// imports), so this never fails on a bare machine.
func Berlin() *time.Location { return berlin() }

// berlin loads the zone once: LoadLocation parses the zone data on every call,
// and Berlin is asked for every date a page shows.
var berlin = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic("ratsinfo: time zone Europe/Berlin missing: " + err.Error())
	}
	return loc
})
