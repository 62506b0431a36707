// Package richtext turns the plain text that staff type into answers into safe
// HTML: paragraphs, bulleted and numbered lists, and links. The text is stored as
// typed; this is the only way it becomes markup, and every character of it is
// escaped, so no input can inject HTML, script or a javascript: link.
package richtext

import (
	"html"
	"html/template"
	"regexp"
	"strings"
)

// blockKind is what a group of lines becomes.
type blockKind int

const (
	paragraph blockKind = iota
	bullets
	numbered
)

var (
	bulletLine   = regexp.MustCompile(`^\s*[-*•–]\s+(.*)$`)
	numberedLine = regexp.MustCompile(`^\s*\d{1,3}[.)]\s+(.*)$`)
	// webAddress finds http(s) links; the trailing punctuation of a sentence is
	// not part of the link.
	webAddress = regexp.MustCompile(`https?://[^\s<>"]+[^\s<>".,;:!?)\]]`)
)

// HTML renders text: blank lines separate paragraphs, lines that start with "-",
// "*" or "•" form a bulleted list, lines that start with "1." or "1)" a numbered
// list, single line breaks inside a paragraph are kept, and http(s) addresses
// become links that open in the same tab and carry rel="nofollow".
func HTML(text string) template.HTML {
	var b strings.Builder
	kind, open := paragraph, false
	var para []string
	flush := func() {
		if len(para) > 0 {
			b.WriteString("<p>")
			for i, line := range para {
				if i > 0 {
					b.WriteString("<br>\n")
				}
				b.WriteString(inline(line))
			}
			b.WriteString("</p>\n")
			para = nil
		}
		if open {
			if kind == bullets {
				b.WriteString("</ul>\n")
			} else {
				b.WriteString("</ol>\n")
			}
			open = false
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		lk, item := classify(line)
		if lk == paragraph {
			if open {
				flush()
			}
			para = append(para, strings.TrimSpace(line))
			continue
		}
		if len(para) > 0 || (open && kind != lk) {
			flush()
		}
		if !open {
			kind, open = lk, true
			if lk == bullets {
				b.WriteString("<ul>\n")
			} else {
				b.WriteString("<ol>\n")
			}
		}
		b.WriteString("<li>" + inline(item) + "</li>\n")
	}
	flush()
	return template.HTML(b.String())
}

func classify(line string) (blockKind, string) {
	if m := bulletLine.FindStringSubmatch(line); m != nil {
		return bullets, m[1]
	}
	if m := numberedLine.FindStringSubmatch(line); m != nil {
		return numbered, m[1]
	}
	return paragraph, line
}

// inline escapes s and turns its web addresses into links.
func inline(s string) string {
	var b strings.Builder
	last := 0
	for _, loc := range webAddress.FindAllStringIndex(s, -1) {
		b.WriteString(html.EscapeString(s[last:loc[0]]))
		addr := html.EscapeString(s[loc[0]:loc[1]])
		b.WriteString(`<a href="` + addr + `" rel="nofollow">` + addr + `</a>`)
		last = loc[1]
	}
	b.WriteString(html.EscapeString(s[last:]))
	return b.String()
}
