package ratsinfo

import (
	"fmt"
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
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, Errorf(EINVALID, "%q ist kein gültiges Datum; erwartet wird JJJJ-MM-TT, z. B. 2023-02-27.", s)
	}
	return DateOf(t), nil
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

// Berlin is the time zone of German councils. The tzdata is embedded (see the
// imports), so this never fails on a bare machine.
func Berlin() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic("ratsinfo: time zone Europe/Berlin missing: " + err.Error())
	}
	return loc
}
