package site

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Formatting in the page's language and in Berlin time, as methods of Page so
// that a template cannot format in the wrong language.

// WeekdaysDE are the German weekday abbreviations, Sunday first as time.Weekday.
var WeekdaysDE = [...]string{"So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."}

// Date formats a calendar day: 27.02.2023 in German, 2023-02-27 in English.
func (p *Page) Date(d ratsinfo.Date) string {
	if d.IsZero() {
		return ""
	}
	if p.Lang == "en" {
		return d.String()
	}
	return fmt.Sprintf("%02d.%02d.%04d", d.Day, d.Month, d.Year)
}

// When formats a meeting's start in Berlin time: "Mo., 27.02.2023, 17:00 Uhr".
func (p *Page) When(t time.Time) string {
	if t.IsZero() {
		return p.T("Termin offen")
	}
	t = t.In(p.zone())
	if p.Lang == "en" {
		return t.Format("Mon 2006-01-02, 15:04")
	}
	return WeekdaysDE[t.Weekday()] + " " + t.Format("02.01.2006, 15:04") + " Uhr"
}

// Day formats only the calendar day of t in Berlin time.
func (p *Page) Day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return p.Date(ratsinfo.DateOf(t.In(p.zone())))
}

// Clock formats only the time of day of t in Berlin time.
func (p *Page) Clock(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(p.zone()).Format("15:04")
}

// ISO formats t for a <time datetime> attribute, with Berlin's offset rather
// than in UTC, so that the machine-readable time names the same wall-clock time
// as the text beside it.
func (p *Page) ISO(t time.Time) string {
	return t.In(p.zone()).Format(time.RFC3339)
}

// zone is the page's time zone, Europe/Berlin. The site loads it once:
// time.LoadLocation reads the zone file on every call, which cost a calendar
// month of a big city several milliseconds.
func (p *Page) zone() *time.Location {
	if p.site != nil {
		return p.site.loc
	}
	return ratsinfo.Berlin()
}

// Size formats a file size the German way: "1,2 MB".
func (p *Page) Size(n int64) string {
	if n <= 0 {
		return ""
	}
	var s string
	switch {
	case n < 1000:
		s = strconv.FormatInt(n, 10) + " B"
	case n < 1000*1000:
		s = fmt.Sprintf("%.0f kB", float64(n)/1000)
	default:
		s = fmt.Sprintf("%.1f MB", float64(n)/1000/1000)
	}
	if p.Lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
