package legacy

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalise maps characters that carry no words to their plain forms: invalid
// UTF-8 to U+FFFD, line breaks of every system and form feeds (page breaks of
// pdftotext) to "\n", control characters and no-break spaces to spaces, the soft
// hyphen to "-". It changes no letter or digit; CheckWords applies it too.
func normalise(s string) (out string, invalid, controls int) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		invalid = 1
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteByte('\n')
		case r == '\f' || r == '\n' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\u2007':
			b.WriteByte(' ')
		case r == '\u00ad':
			b.WriteByte('-')
		case r == '\uFFFD':
			invalid++
			b.WriteByte(' ')
		case unicode.IsControl(r) || r == '\uFEFF' || unicode.Is(unicode.Cf, r):
			controls++
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), invalid, controls
}

// pageNumber matches a line that is only a page number: "3", "- 3 -", "– 3 –",
// "Seite 3", "Seite 3 von 7", "3/7".
var pageNumber = regexp.MustCompile(`^(?:[-–]\s*\d{1,4}\s*[-–]|Seite\s+\d{1,4}(?:\s*(?:von|/)\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4}|\d{1,3})$`)

// Limits of furniture detection: a line repeated at least furnitureRepeats
// times and at least furnitureMinLen bytes long (digits count as one) is a
// page header or footer. Shorter lines ("Antwort:") repeat by design.
const (
	furnitureRepeats = 3
	furnitureMinLen  = 12
)

// digitsAsOne replaces each run of ASCII digits in l by "#", so that "Seite 3"
// and "Seite 4" are the same footer.
func digitsAsOne(l string) string {
	if !strings.ContainsAny(l, "0123456789") {
		return l
	}
	b := make([]byte, 0, len(l))
	for i := 0; i < len(l); i++ {
		if c := l[i]; c >= '0' && c <= '9' {
			if len(b) == 0 || b[len(b)-1] != '#' || i == 0 || l[i-1] < '0' || l[i-1] > '9' {
				b = append(b, '#')
			}
			continue
		}
		b = append(b, l[i])
	}
	return string(b)
}

// removeFurniture returns the lines without page numbers and repeated headers
// and footers (removed lines become blank), and the removed lines as written.
func removeFurniture(lines []string) (kept []string, removed []string) {
	counts := map[string]int{}
	keys := make([]string, len(lines))
	for i, l := range lines {
		if l == "" || !strings.ContainsFunc(l, unicode.IsLetter) || markerish(l) {
			continue
		}
		k := digitsAsOne(l)
		if len(k) < furnitureMinLen {
			continue
		}
		keys[i] = k
		counts[k]++
	}
	kept = make([]string, len(lines))
	for i, l := range lines {
		switch {
		case l != "" && pageNumber.MatchString(l):
			removed = append(removed, l)
		case keys[i] != "" && counts[keys[i]] >= furnitureRepeats:
			removed = append(removed, l)
		default:
			kept[i] = l
		}
	}
	return kept, removed
}

// markerRe matches lines that may start a structural unit: a numbered
// question, a sub-point, "Zu …", "Frage", "Antwort", "Sachverhalt".
var markerRe = regexp.MustCompile(`^(?:\d{1,3}\s*[).]|[a-z]\s*\)|Frage\s*\d|Frage\s*:|Zu\s+(?:Frage\s+)?(?:\d|[a-z]\s*[).:])|Antwort\b|Sachverhalt\b|Begründung\s*:)`)

func markerish(l string) bool { return markerRe.MatchString(l) }

// Hyphenation: a line ending in "-" continues on the next content line, at most
// maxHyphenGap blank lines further down (pdftotext puts blank lines into
// paragraphs; removed page furniture leaves blank lines). At most maxHyphenChain lines are joined into one: more is no
// text but a pattern, and the limit keeps the joining linear in the input.
const (
	maxHyphenGap   = 6
	maxHyphenChain = 64
)

// suspended are the words after which a hyphen at a line end is a suspended
// compound ("Organisationsstruktur- und stärke"), not a split word.
var suspended = map[string]bool{"und": true, "oder": true, "bzw": true, "sowie": true, "bis": true, "als": true, "wie": true}

// joinHyphenated joins lines split at a hyphen. A word split by hyphenation
// ("Rei-" + "seorganisation") is joined without the hyphen; a real hyphen
// ("Smart City-" + "Offensive", "E-" + "Bike", "Covid-" + "19") and a hyphen
// inside a URL are kept. Blank entries stay blank. Linear in the length of the
// text (see maxHyphenChain).
func joinHyphenated(lines []string) []string {
	out := make([]string, 0, len(lines))
	var b strings.Builder
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasSuffix(l, "-") && !urlContinues(lastField(l)) {
			out = append(out, l)
			continue
		}
		b.Reset()
		b.WriteString(l)
		last := lastField(l) // the last word of the joined line so far
		for chain := 0; chain < maxHyphenChain && (strings.HasSuffix(last, "-") || urlContinues(last)); chain++ {
			j := i + 1
			for j < len(lines) && lines[j] == "" && j-i <= maxHyphenGap {
				j++
			}
			if j >= len(lines) || lines[j] == "" || markerish(lines[j]) {
				break
			}
			how := joinHow(last, lines[j])
			if how == noJoin {
				break
			}
			next := lines[j]
			switch how {
			case dropHyphen:
				cut := b.String()
				b.Reset()
				b.WriteString(cut[:len(cut)-1])
				last = last[:len(last)-1] + firstField(next)
			case keepHyphen:
				last += firstField(next)
			case withSpace:
				b.WriteByte(' ')
				last = firstField(next)
			}
			b.WriteString(next)
			if k := strings.LastIndexByte(next, ' '); k >= 0 {
				last = next[k+1:]
			}
			i = j
		}
		out = append(out, b.String())
	}
	return out
}

// urlContinues reports whether the last word of a line is a URL that
// pdftotext broke after a "/" or similar character.
func urlContinues(last string) bool {
	if !isURL(last) {
		return false
	}
	switch last[len(last)-1] {
	case '/', '_', '=', '&', '.':
		return true
	}
	return false
}

func isURL(tok string) bool {
	return strings.HasPrefix(tok, "http://") || strings.HasPrefix(tok, "https://") || strings.HasPrefix(tok, "www.")
}

func lastField(l string) string {
	if i := strings.LastIndexByte(l, ' '); i >= 0 {
		return l[i+1:]
	}
	return l
}

func firstField(l string) string {
	if i := strings.IndexByte(l, ' '); i >= 0 {
		return l[:i]
	}
	return l
}

type joining int

const (
	noJoin     joining = iota
	dropHyphen         // hyphenation: "Rei-" + "seorganisation"
	keepHyphen         // a real hyphen or a URL: "City-" + "Offensive"
	withSpace          // a suspended compound: "Organisationsstruktur-" + " und"
)

// joinHow decides how the last word of a line, which ends in a hyphen or
// inside a URL, goes on with the next content line b.
func joinHow(last, b string) joining {
	next, _ := utf8.DecodeRuneInString(b)
	if isURL(last) {
		// A URL goes on only with characters a URL may hold.
		if unicode.IsLetter(next) || unicode.IsDigit(next) || strings.ContainsRune("/_-%.~", next) {
			return keepHyphen
		}
		return noJoin
	}
	word := strings.TrimSuffix(last, "-")
	before, _ := utf8.DecodeLastRuneInString(word)
	switch {
	case word == "" || !(unicode.IsLetter(before) || unicode.IsDigit(before)):
		return noJoin // a dash, not a hyphen
	case unicode.IsUpper(next) || unicode.IsDigit(next):
		return keepHyphen // a real hyphen: "City-Offensive", "Covid-19"
	case unicode.IsLower(next):
		if suspended[strings.TrimRight(firstField(b), ".,;:")] {
			return withSpace
		}
		if unicode.IsLower(before) && utf8.RuneCountInString(word) >= 2 {
			return dropHyphen
		}
		return keepHyphen // "E-" + "bike": a one-letter or upper-case prefix keeps its hyphen
	}
	return noJoin
}

// terminal reports whether line l ends a sentence or a heading, so that a blank
// line after it ends the paragraph. A blank line after any other line is an
// artefact of the text extraction inside a paragraph.
func terminal(l string) bool {
	r, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(".?!:)\"“”»«'…", r)
}

// notPlainSpace reports white space other than " ", which strings.Fields
// would also split at.
func notPlainSpace(r rune) bool { return r != ' ' && unicode.IsSpace(r) }

// cleanLines splits normalised text into lines, trims them and collapses inner
// runs of spaces.
func cleanLines(s string) []string {
	raw := strings.Split(s, "\n")
	for i, l := range raw {
		if strings.Contains(l, "  ") || strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") || strings.ContainsFunc(l, notPlainSpace) {
			raw[i] = strings.Join(strings.Fields(l), " ")
		}
	}
	return raw
}
