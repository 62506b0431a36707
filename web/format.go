package web

import (
	"fmt"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/ratsinfo/ratsinfo"
)

// funcs are the template functions that do not depend on the language; those that
// do are methods of Page, so a template cannot format in the wrong language.
func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"paragraphs": paragraphs,
		// pair hands a partial both the page (for translations) and its own data.
		"pair": func(page any, x any) pair { return pair{Page: page, X: x} },
	}
}

// pair is the argument of partials: the page and the partial's own data.
type pair struct {
	Page any
	X    any
}

var weekdaysDE = [...]string{"So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."}

// When formats a meeting's start in Berlin time: "Mo., 27.02.2023, 17:00 Uhr".
func (p *Page) When(t time.Time) string {
	if t.IsZero() {
		return p.T("Termin offen")
	}
	t = t.In(p.zone())
	if p.Lang == "en" {
		return t.Format("Mon 2006-01-02, 15:04")
	}
	return weekdaysDE[t.Weekday()] + " " + t.Format("02.01.2006, 15:04") + " Uhr"
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

// zone is the page's time zone, Europe/Berlin. The server loads it once:
// time.LoadLocation reads the zone file on every call, which cost a calendar
// month of a big city several milliseconds.
func (p *Page) zone() *time.Location {
	if p.loc == nil {
		p.loc = ratsinfo.Berlin()
	}
	return p.loc
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

// paragraphs splits extracted text into paragraphs at blank lines and joins the
// lines inside a paragraph, so that text from PDF layout reads as running text.
// Layout debris of council PDFs is repaired on the way: a numbered question
// ("1) …") starts a paragraph and a question mark ends one, and a paragraph cut
// by a stray blank line mid-sentence is joined again.
func paragraphs(text string) []string {
	var raw [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			raw = append(raw, cur)
			cur = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flush()
			continue
		case numbered.MatchString(line):
			flush()
		}
		cur = append(cur, line)
		if strings.HasSuffix(line, "?") {
			flush()
		}
	}
	flush()
	var out []string
	for i := 0; i < len(raw); i++ {
		lines := raw[i]
		// Join across a blank line that cut a sentence: the paragraph ends without
		// punctuation and either with a hyphen or as a lone question's first line.
		for i+1 < len(raw) && cutMidSentence(lines) {
			i++
			lines = append(lines, raw[i]...)
		}
		out = append(out, joinLines(lines))
	}
	return out
}

var numbered = regexp.MustCompile(`^\d{1,2}\)\s`)

func cutMidSentence(lines []string) bool {
	last := lines[len(lines)-1]
	if last == "" || strings.ContainsAny(last[len(last)-1:], ".:!?;") {
		return false
	}
	return strings.HasSuffix(last, "-") || (len(lines) == 1 && numbered.MatchString(lines[0]))
}

// fileURL is the absolute address of a file's content as the OParl server serves it:
// mode "access" shows it in the browser, "download" saves it.
func (s *Server) fileURL(id int64, mode string) string {
	return s.baseURL + "/oparl/v1.1/file/" + strconv.FormatInt(id, 10) + "/" + mode
}

// joinLines joins the lines of a paragraph, undoing line-break hyphenation
// ("Pro-" + "jekt" → "Projekt") but keeping real hyphens before capitals
// ("Smart-" + "City" stays "Smart-City").
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			if strings.HasSuffix(prev, "-") && len(prev) > 1 && startsLower(l) {
				s := b.String()
				b.Reset()
				b.WriteString(strings.TrimSuffix(s, "-"))
			} else if !strings.HasSuffix(prev, "-") {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}
