package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// terminalSafe makes s harmless to print in a terminal: what citizens type is
// shown, but it can no longer act on the office's screen. Controls (C0, DEL, C1)
// would move the cursor, recolour or retitle the terminal, or with a carriage
// return overwrite the start of a line to forge a sender; bidi overrides would
// reorder what is shown. Each is written as a visible escape (\x1b, \r, \u202e),
// and so are bytes that are not UTF-8 (\xNN), since some terminals read a lone
// 0x9b as the start of a control sequence. Line feeds are escaped too (\n), so
// a value takes one line; the caller splits running text itself.
func terminalSafe(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// unsafeRune reports the runes beyond ASCII that a terminal acts on or that
// reorder a line: C1 controls, the line and paragraph separators, the bidi
// embeddings, overrides and isolates, and the Arabic letter mark.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029, r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func needsEscape(s string) bool {
	for i, r := range s {
		if r < 0x20 || r == 0x7f || unsafeRune(r) {
			return true
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return true
			}
		}
	}
	return false
}
