package web

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The ways people type a month: "2023-02" (what a month picker sends),
// "02.2023", "2/2023", "Februar 2023". A two-digit year ("2.23") is refused: it
// is ambiguous in a record that reaches back decades.
var (
	monthISO     = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
	monthGerman  = regexp.MustCompile(`^(\d{1,2})\s*[./-]\s*(\d{4})$`)
	monthByName  = regexp.MustCompile(`^(\p{L}+)\.?\s+(\d{4})$`)
	monthNamesDE = map[string]int{}
)

func init() {
	for i, n := range monthsDE[1:] {
		n = strings.ToLower(n)
		monthNamesDE[n] = i + 1
		monthNamesDE[n[:3]] = i + 1 // "feb", "mär", "okt"
	}
	monthNamesDE["maerz"], monthNamesDE["mrz"], monthNamesDE["sept"] = 3, 3, 9
	for i := time.January; i <= time.December; i++ {
		n := strings.ToLower(i.String())
		monthNamesDE[n] = int(i)
		monthNamesDE[n[:3]] = int(i) // English too: "March 2023", "Dec 2023"
	}
}

// parseMonth reads a month as Germans type it: "2023-02", "02.2023", "2/2023",
// "Februar 2023", "Feb. 2023". ok is false for anything else and for years
// outside 1900–2200 (the calendar's sane range).
func parseMonth(s string, loc *time.Location) (first time.Time, ok bool) {
	s = strings.TrimSpace(s)
	var year, month int
	if m := monthISO.FindStringSubmatch(s); m != nil {
		year, _ = strconv.Atoi(m[1])
		month, _ = strconv.Atoi(m[2])
	} else if m := monthGerman.FindStringSubmatch(s); m != nil {
		month, _ = strconv.Atoi(m[1])
		year, _ = strconv.Atoi(m[2])
	} else if m := monthByName.FindStringSubmatch(s); m != nil {
		month = monthNamesDE[strings.ToLower(m[1])]
		year, _ = strconv.Atoi(m[2])
	}
	if month < 1 || month > 12 || year < 1900 || year > 2200 {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), 1, 0, 0, 0, 0, loc), true
}

// parseYear reads a year of the calendar's sane range.
func parseYear(s string) (int, bool) {
	y, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || y < 1900 || y > 2200 {
		return 0, false
	}
	return y, true
}
