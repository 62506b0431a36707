// Package jsonquote writes JSON strings exactly as encoding/json does, without
// its reflection: the OParl server writes hundreds of thousands of strings per
// second, and the mirror fingerprints every object it reads.
package jsonquote

import "unicode/utf8"

const hexDigits = "0123456789abcdef"

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// plain8 reports whether the eight bytes of s are ASCII that JSON takes as they
// are: no control byte, quote or backslash (the bit tricks of "Hacker's Delight",
// chapter 6: x-lsb*n & ^x & msb is non-zero if some byte of x is below n).
func plain8(s string) bool {
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	quote, backslash := x^(lsb*'"'), x^(lsb*'\\')
	special := (x-lsb*0x20) & ^x | (quote-lsb) & ^quote | (backslash-lsb) & ^backslash
	return (special|x)&msb == 0
}

// Append quotes s exactly as encoding/json does with HTML escaping off (an
// Encoder with SetEscapeHTML(false)): short escapes for \b \f \n \r \t, \u00XX
// for other control bytes, \u2028 and \u2029 escaped, invalid UTF-8 replaced by
// \ufffd.
func Append(b []byte, s string) []byte { return appendQuoted(b, s, false) }

// AppendHTML quotes s as json.Marshal does: like Append, and <, > and & as
// \u003c, \u003e and \u0026.
func AppendHTML(b []byte, s string) []byte { return appendQuoted(b, s, true) }

func appendQuoted(b []byte, s string, html bool) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Most of a page is URLs and dates: skip eight plain bytes at a time.
		for !html && i+8 <= len(s) && plain8(s[i:i+8]) {
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
