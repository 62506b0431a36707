package blob

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ligatures maps the typographic ligatures PDFs keep as one character, so that
// "Straßenﬂäche" is found as "Straßenfläche".
var ligatures = strings.NewReplacer(
	"\uFB00", "ff", "\uFB01", "fi", "\uFB02", "fl", "\uFB03", "ffi", "\uFB04", "ffl",
	"\uFB05", "st", "\uFB06", "st", "\u00AD", "", "\r\n", "\n", "\r", "\n",
)

// pageNumber matches lines that are only page furniture: "3", "- 3 -",
// "Seite 3", "Seite 3 von 7", "3/7".
var pageNumber = regexp.MustCompile(`^(?i:seite\s+)?[-–]?\s*\d{1,4}\s*[-–]?(\s*(von|/)\s*\d{1,4})?$`)

// digits turns the numbers of a line into one placeholder, so a running header
// "Drucksache A 23/0012 – Seite 3" is recognised as the same line on every page.
var digits = regexp.MustCompile(`\d+`)

// keepHyphenBefore are the words after which a hyphen at a line end is a
// suspended compound ("Hoch- und Tiefbau"), never a break inside a word.
var keepHyphenBefore = map[string]bool{"und": true, "oder": true, "bzw": true, "sowie": true, "bis": true, "als": true}

// CleanGerman turns the pages of extracted text into plain running text:
// ligatures mapped, page numbers and headers or footers repeated on most pages
// dropped, and words broken at a line end joined again. A hyphen stays where it
// is a real one: before an upper-case part ("Smart City-Offensive", "E-Bike")
// and before "und"/"oder" ("Hoch- und Tiefbau").
func CleanGerman(pages []string) string {
	split := make([][]string, len(pages))
	for i, p := range pages {
		split[i] = strings.Split(ligatures.Replace(p), "\n")
	}
	furniture := repeatedEdges(split)
	var lines []string
	for _, page := range split {
		edge := edges(page)
		for i, l := range page {
			l = strings.TrimRightFunc(l, unicode.IsSpace)
			t := strings.TrimSpace(l)
			if edge[i] && (pageNumber.MatchString(t) || furniture[digits.ReplaceAllString(t, "#")]) {
				continue
			}
			lines = append(lines, l)
		}
		lines = append(lines, "")
	}
	return joinLines(lines)
}

// repeatedEdges finds lines that open or close most pages (the first and last
// two non-empty lines): running headers and footers. It needs three pages to
// tell furniture from a line that happens to repeat.
func repeatedEdges(pages [][]string) map[string]bool {
	out := map[string]bool{}
	if len(pages) < 3 {
		return out
	}
	count := map[string]int{}
	for _, page := range pages {
		seen := map[string]bool{}
		for i := range edges(page) {
			k := digits.ReplaceAllString(strings.TrimSpace(page[i]), "#")
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	for k, n := range count {
		if 2*n > len(pages) {
			out[k] = true
		}
	}
	return out
}

// edges returns the indexes of a page's first and last two non-empty lines:
// where headers, footers and page numbers stand. A line in the middle of a
// page is text even when it looks like furniture ("3" in a table).
func edges(page []string) map[int]bool {
	var idx []int
	for i, l := range page {
		if strings.TrimSpace(l) != "" {
			idx = append(idx, i)
		}
	}
	out := map[int]bool{}
	for j, i := range idx {
		if j < 2 || j >= len(idx)-2 {
			out[i] = true
		}
	}
	return out
}

// joinLines mends words broken at a line end and collapses runs of empty lines.
func joinLines(lines []string) string {
	var b strings.Builder
	blank := 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimSpace(l) == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		// A line ending in letter + hyphen followed by a line starting with a
		// letter: the word goes on there.
		for i+1 < len(lines) && brokenWord(l, lines[i+1]) {
			next := strings.TrimLeftFunc(lines[i+1], unicode.IsSpace)
			first, _ := utf8.DecodeRuneInString(next)
			if unicode.IsLower(first) && !keepHyphenBefore[firstWord(next)] {
				l = l[:len(l)-1] + next // "Verkehrs-" + "führung"
			} else if unicode.IsUpper(first) {
				l += next // "City-" + "Offensive": a real hyphen
			} else {
				break // "Hoch-" / "und Tiefbau": keep the line break
			}
			i++
		}
		b.WriteString(l)
	}
	return b.String()
}

// brokenWord reports whether line ends in a letter and a hyphen and next
// begins with a letter.
func brokenWord(line, next string) bool {
	if !strings.HasSuffix(line, "-") || len(line) < 2 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(line[:len(line)-1])
	first, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(next, unicode.IsSpace))
	return unicode.IsLetter(prev) && unicode.IsLetter(first)
}

func firstWord(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}
