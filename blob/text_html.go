package blob

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlText returns the visible text of an HTML page: scripts, styles and the
// head are skipped, block elements end a line. The tokenizer never builds a
// tree, so a huge page costs no more than its text.
func htmlText(b []byte, maxText int) string {
	z := html.NewTokenizer(bytes.NewReader(b))
	var sb strings.Builder
	skip := 0
	for sb.Len() < maxText {
		switch z.Next() {
		case html.ErrorToken:
			return CleanGerman([]string{collapseSpaces(sb.String())})
		case html.TextToken:
			if skip == 0 {
				sb.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Head, atom.Noscript, atom.Template:
				skip++
			case atom.Br:
				sb.WriteByte('\n')
			}
			if block[a] {
				sb.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Head, atom.Noscript, atom.Template:
				skip = max(0, skip-1)
			}
			if block[a] {
				sb.WriteByte('\n')
			}
		}
	}
	return CleanGerman([]string{collapseSpaces(sb.String())})
}

var block = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Tr: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Section: true,
	atom.Article: true, atom.Blockquote: true, atom.Pre: true, atom.Title: true,
}

// collapseSpaces folds the source's indentation: runs of spaces and tabs
// become one space, and lines are trimmed.
func collapseSpaces(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}
