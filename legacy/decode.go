package legacy

import (
	"strings"
	"unicode/utf8"
)

// Encodings Decode tells apart.
const (
	EncodingUTF8        = "UTF-8"
	EncodingWindows1252 = "Windows-1252"
)

// windows1252 maps the bytes 0x80–0x9F of Windows-1252 to Unicode; the bytes
// 0xA0–0xFF are Latin-1, the same code points. Undefined bytes become U+FFFD.
var windows1252 = [32]rune{
	'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
}

// Decode returns the text of a file's bytes and the encoding it was read in:
// UTF-8 (a byte order mark is dropped) if the bytes are valid UTF-8, else
// Windows-1252, the encoding of text exported by older Windows programs.
func Decode(b []byte) (text, encoding string) {
	if utf8.Valid(b) {
		return strings.TrimPrefix(string(b), "\uFEFF"), EncodingUTF8
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	for _, c := range b {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c < 0xA0:
			sb.WriteRune(windows1252[c-0x80])
		default:
			sb.WriteRune(rune(c))
		}
	}
	return sb.String(), EncodingWindows1252
}
