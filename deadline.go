package ratsinfo

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is the time the administration has to answer, as a Geschäftsordnung or the
// council office states it: two weeks, one month, ten days. It is written as an
// ISO 8601 duration ("P2W", "P1M", "P10D") in the API and in German ("2 Wochen")
// on pages.
type Period struct {
	Years, Months, Weeks, Days int
}

// maxPeriodDays bounds a period: no Geschäftsordnung gives more than a year, and
// an unbounded number would let a typo put a deadline into another century.
const maxPeriodDays = 366

// ParsePeriod reads an ISO 8601 duration of whole days ("P2W", "P1M", "P1M2W",
// "P10D") or the German words a clerk types ("2 Wochen", "1 Monat", "10 Tage").
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	p, ok := parseISOPeriod(s)
	if !ok {
		p, ok = parseGermanPeriod(s)
	}
	if !ok {
		return Period{}, Errorf(EINVALID, "%q ist keine Frist, die Ratsinfo versteht. Bitte als Zahl und Einheit angeben, "+
			"z. B. „2 Wochen“, „1 Monat“, „10 Tage“ (in der API als ISO-8601-Dauer: P2W, P1M, P10D).", s)
	}
	if p.IsZero() {
		return Period{}, Errorf(EINVALID, "Eine Frist von null Tagen ist keine Frist. Bitte eine Dauer angeben, z. B. „2 Wochen“.")
	}
	if p.approxDays() > maxPeriodDays {
		return Period{}, Errorf(EINVALID, "Die Frist %q ist länger als ein Jahr. Bitte eine kürzere Dauer angeben oder stattdessen ein festes Fristdatum setzen.", s)
	}
	return p, nil
}

func parseISOPeriod(s string) (Period, bool) {
	rest, ok := strings.CutPrefix(strings.ToUpper(s), "P")
	if !ok || rest == "" {
		return Period{}, false
	}
	var p Period
	units := []struct {
		unit byte
		dst  *int
	}{{'Y', &p.Years}, {'M', &p.Months}, {'W', &p.Weeks}, {'D', &p.Days}}
	for _, u := range units {
		i := strings.IndexByte(rest, u.unit)
		if i < 0 {
			continue
		}
		n, err := strconv.Atoi(rest[:i])
		if err != nil || n < 0 || i > 4 {
			return Period{}, false
		}
		*u.dst = n
		rest = rest[i+1:]
	}
	return p, rest == ""
}

var germanPeriodUnits = map[string]func(*Period, int){
	"tag": func(p *Period, n int) { p.Days += n }, "tage": func(p *Period, n int) { p.Days += n },
	"woche": func(p *Period, n int) { p.Weeks += n }, "wochen": func(p *Period, n int) { p.Weeks += n },
	"monat": func(p *Period, n int) { p.Months += n }, "monate": func(p *Period, n int) { p.Months += n },
	"jahr": func(p *Period, n int) { p.Years += n }, "jahre": func(p *Period, n int) { p.Years += n },
}

var germanNumbers = map[string]int{"ein": 1, "eine": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "sechs": 6, "zehn": 10}

// parseGermanPeriod reads "2 Wochen", "ein Monat", "1 Monat und 2 Wochen".
func parseGermanPeriod(s string) (Period, bool) {
	fields := strings.Fields(strings.ToLower(strings.ReplaceAll(s, ",", " ")))
	var p Period
	seen := false
	for i := 0; i < len(fields); i++ {
		if fields[i] == "und" && seen {
			continue
		}
		n, err := strconv.Atoi(fields[i])
		if err != nil {
			var ok bool
			if n, ok = germanNumbers[fields[i]]; !ok {
				return Period{}, false
			}
		}
		if i+1 >= len(fields) || n < 0 || n > maxPeriodDays {
			return Period{}, false
		}
		add, ok := germanPeriodUnits[fields[i+1]]
		if !ok {
			return Period{}, false
		}
		add(&p, n)
		seen = true
		i++
	}
	return p, seen
}

// IsZero reports whether p is no period at all.
func (p Period) IsZero() bool { return p == Period{} }

func (p Period) approxDays() int { return p.Years*366 + p.Months*31 + p.Weeks*7 + p.Days }

// String returns p as an ISO 8601 duration, "P2W"; the zero Period is "".
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	var b strings.Builder
	b.WriteByte('P')
	for _, part := range []struct {
		n    int
		unit string
	}{{p.Years, "Y"}, {p.Months, "M"}, {p.Weeks, "W"}, {p.Days, "D"}} {
		if part.n != 0 {
			fmt.Fprintf(&b, "%d%s", part.n, part.unit)
		}
	}
	return b.String()
}

// German returns p as a page shows it: "2 Wochen", "1 Monat und 10 Tage".
func (p Period) German() string {
	var parts []string
	for _, part := range []struct {
		n           int
		one, plural string
	}{{p.Years, "Jahr", "Jahre"}, {p.Months, "Monat", "Monate"}, {p.Weeks, "Woche", "Wochen"}, {p.Days, "Tag", "Tage"}} {
		switch {
		case part.n == 1:
			parts = append(parts, "1 "+part.one)
		case part.n > 1:
			parts = append(parts, strconv.Itoa(part.n)+" "+part.plural)
		}
	}
	return strings.Join(parts, " und ")
}

// Deadline is a computed last day to answer, with the reason when § 193 BGB moved
// it, so a page can explain the date instead of just showing it.
type Deadline struct {
	// Day is the last day on which the answer is on time.
	Day Date
	// Nominal is where the period itself ends, before weekends and holidays.
	Nominal Date
	// MovedBecause names the day that moved it ("Samstag", "Ostermontag"); empty
	// when Day == Nominal.
	MovedBecause string
}

// Explain says in German how the deadline came about, for the inquiry's page.
func (d Deadline) Explain() string {
	if d.MovedBecause == "" {
		return "Frist bis " + d.Day.German()
	}
	return fmt.Sprintf("Frist bis %s (rechnerisch %s, %s)", d.Day.German(), d.Nominal.German(), d.MovedBecause)
}

// PeriodEnd computes the deadline of period p that starts with an event on day
// start (the receipt of an inquiry), as §§ 187(1), 188 and 193 BGB say and § 31
// VwVfG applies them to the administration: the day of the event is not
// counted; a period of weeks or months ends on the day that has the weekday or
// the number of the start day (31 January + 1 month ends on the last day of
// February); a last day that is a Saturday, a Sunday or a public holiday of state
// st gives way to the next working day.
func PeriodEnd(start Date, p Period, st State) Deadline {
	nominal := start.AddMonths(12*p.Years + p.Months).AddDays(7*p.Weeks + p.Days)
	day, why := nominal, ""
	for {
		reason, closed := nonWorkingDay(day, st)
		if !closed {
			break
		}
		if why == "" {
			why = "verschoben, weil der " + day.German() + " " + reason + " ist"
		}
		day = day.AddDays(1)
	}
	return Deadline{Day: day, Nominal: nominal, MovedBecause: why}
}

// DaysBefore computes a deadline that lies n full days before day (the meeting
// that is to hear the answer): the meeting's day is not counted, so n = 7 before
// a Thursday meeting ends on the Thursday before. Such a period is counted
// backwards, where § 193 BGB cannot move the end later without shortening the
// time the councillors have to read; a deadline that falls on a weekend or
// holiday moves to the working day before instead.
func DaysBefore(day Date, n int, st State) Deadline {
	nominal := day.AddDays(-n)
	d, why := nominal, ""
	for {
		reason, closed := nonWorkingDay(d, st)
		if !closed {
			break
		}
		if why == "" {
			why = "vorgezogen, weil der " + d.German() + " " + reason + " ist"
		}
		d = d.AddDays(-1)
	}
	return Deadline{Day: d, Nominal: nominal, MovedBecause: why}
}

// nonWorkingDay reports whether d ends no period in state st, and why.
func nonWorkingDay(d Date, st State) (string, bool) {
	switch d.Weekday() {
	case time.Saturday:
		return "ein Samstag", true
	case time.Sunday:
		return "ein Sonntag", true
	}
	if name, ok := st.Holiday(d); ok {
		return "ein Feiertag (" + name + ")", true
	}
	return "", false
}
