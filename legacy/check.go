package legacy

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CheckWords verifies the promise of Parse for input and its result d: every
// word of the input is in exactly one field of d, in d.Labels or in d.Removed.
//
// Words are runs of letters and digits; a hyphen between two of them (also
// across a line break) joins them, because hyphenation repair removes or keeps
// it. Where the document split such a joined word (a word before a hyphen at a
// line end, a numbered question on the next line), its parts count. Each entry
// of d.Removed must be a whole line of the input. Labels may hold only
// structure words, numbers and single letters. Derived fields (inquirer,
// subject, dates, paper type) repeat words of the title and do not count.
func CheckWords(input string, d *Document) error {
	s, _, _ := normalise(input)
	lines := cleanLines(s)
	at := map[string][]int{} // line → its indexes, to take out removed lines in linear time
	for i, l := range lines {
		at[l] = append(at[l], i)
	}
	for _, r := range d.Removed {
		idx := at[r]
		if len(idx) == 0 {
			return fmt.Errorf("removed %q is no line of the input (or removed more often than it occurs)", r)
		}
		lines[idx[0]] = ""
		at[r] = idx[1:]
	}
	for _, l := range d.Labels {
		for _, w := range words(l) {
			if !labelWords[strings.ToLower(w)] && !isNumber(w) && !(utf8.RuneCountInString(w) == 1 && unicode.IsLower([]rune(w)[0])) {
				return fmt.Errorf("label %q holds the content word %q", l, w)
			}
		}
	}

	have := map[string]int{}
	for _, f := range d.sourceFields() {
		for _, t := range tokens(f) {
			have[t.word]++
		}
	}
	var missing []string
	for _, t := range tokens(strings.Join(lines, "\n")) {
		if have[t.word] > 0 {
			have[t.word]--
			continue
		}
		if !takeParts(have, t.parts) {
			missing = append(missing, t.word)
		}
	}
	var extra []string
	for w, n := range have {
		for ; n > 0; n-- {
			extra = append(extra, w)
		}
	}
	if len(missing) > 0 || len(extra) > 0 {
		sort.Strings(extra)
		return fmt.Errorf("words of the input lost: %q; words in the result not in the input (or twice): %q", head(missing), head(extra))
	}
	return nil
}

// takeParts takes the parts of a hyphen-joined word from have, where the
// document split it: left to right, each time the longest run of parts that
// have holds as one word. It takes nothing and reports false if that fails.
func takeParts(have map[string]int, parts []string) bool {
	if len(parts) < 2 {
		return false
	}
	var taken []string
	for i := 0; i < len(parts); {
		j := len(parts)
		for ; j > i; j-- {
			if w := strings.Join(parts[i:j], ""); have[w] > 0 {
				have[w]--
				taken = append(taken, w)
				break
			}
		}
		if j == i {
			for _, w := range taken {
				have[w]++
			}
			return false
		}
		i = j
	}
	return true
}

func head(s []string) []string {
	if len(s) > 20 {
		return s[:20]
	}
	return s
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// sourceFields are the fields that hold words of the input.
func (d *Document) sourceFields() []string {
	f := []string{d.Reference, d.Header, d.Title, d.Text}
	for _, c := range d.Consultations {
		f = append(f, c.Organization, c.Role)
	}
	for _, q := range d.Questions {
		f = append(f, q.Number, q.Text, q.Explanation, q.Answer)
		for _, p := range q.Points {
			f = append(f, p.Label, p.Text, p.Answer)
		}
	}
	f = append(f, d.Labels...)
	return f
}

type token struct {
	word  string
	parts []string // the words a hyphen joined, if any
}

// tokens splits s into words as CheckWords counts them.
func tokens(s string) []token {
	var out []token
	var cur strings.Builder
	var parts []string
	start := 0 // byte offset of the current part in cur
	flush := func() {
		if cur.Len() == 0 {
			return
		}
		w := cur.String()
		var ps []string
		if len(parts) > 0 {
			ps = append(parts, w[start:])
		}
		out = append(out, token{word: w, parts: ps})
		cur.Reset()
		parts, start = nil, 0
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			cur.WriteRune(r)
			i += size
			continue
		}
		if r == '-' && cur.Len() > 0 {
			// A hyphen joins when a letter or digit follows after nothing but
			// white space.
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\n') {
				j++
			}
			if j < len(s) {
				next, _ := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(next) || unicode.IsDigit(next) {
					w := cur.String()
					parts = append(parts, w[start:])
					start = len(w)
					i = j
					continue
				}
			}
		}
		flush()
		i += size
	}
	flush()
	return out
}

// words splits s into runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
