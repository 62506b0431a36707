package web

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"
)

// icalWriter writes RFC 5545 text: CRLF line ends, lines folded at 75 octets
// without splitting a UTF-8 character, and TEXT values escaped.
type icalWriter struct {
	buf bytes.Buffer
}

// line writes "NAME:value" with value already in its final form. Lines longer
// than 75 octets continue on lines that start with a space (section 3.1).
func (w *icalWriter) line(name, value string) {
	l := name + ":" + value
	limit := 75
	for len(l) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		w.buf.WriteString(l[:cut])
		w.buf.WriteString("\r\n ")
		l = l[cut:]
		limit = 74 // the leading space counts
	}
	w.buf.WriteString(l)
	w.buf.WriteString("\r\n")
}

// text writes a TEXT property, escaping what RFC 5545 section 3.3.11 demands.
func (w *icalWriter) text(name, value string) {
	w.line(name, icalEscape(value))
}

var icalEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

func icalEscape(s string) string { return icalEscaper.Replace(s) }

// icalUTC formats a time as a UTC DATE-TIME: 20230227T160000Z.
func icalUTC(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// icalLocal formats a time as local Berlin time for use with TZID=Europe/Berlin.
func icalLocal(t time.Time, loc *time.Location) string { return t.In(loc).Format("20060102T150405") }

// berlinVTimezone describes Europe/Berlin with the EU summer-time rule that has
// held since 1996, so calendars without a time zone database place meetings right.
const berlinVTimezone = "BEGIN:VTIMEZONE\r\n" +
	"TZID:Europe/Berlin\r\n" +
	"X-LIC-LOCATION:Europe/Berlin\r\n" +
	"BEGIN:DAYLIGHT\r\n" +
	"TZOFFSETFROM:+0100\r\n" +
	"TZOFFSETTO:+0200\r\n" +
	"TZNAME:CEST\r\n" +
	"DTSTART:19700329T020000\r\n" +
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n" +
	"END:DAYLIGHT\r\n" +
	"BEGIN:STANDARD\r\n" +
	"TZOFFSETFROM:+0200\r\n" +
	"TZOFFSETTO:+0100\r\n" +
	"TZNAME:CET\r\n" +
	"DTSTART:19701025T030000\r\n" +
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n" +
	"END:STANDARD\r\n" +
	"END:VTIMEZONE\r\n"
