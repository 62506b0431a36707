package web

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

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
