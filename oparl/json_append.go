package oparl

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// A list page of 100 papers embeds some 700 objects. encoding/json walks them by
// reflection at roughly 150 MB/s; the hot types therefore also write themselves
// with appendJSON, which is several times faster and allocation-free. The output is
// byte-identical to encoding/json with SetEscapeHTML(false) (TestAppendMatchesEncodingJSON
// checks every golden object), so the struct tags stay the one description of the
// shape, and types without appendJSON simply fall back to encoding/json.

// appender is a JSON type that can write itself.
type appender interface {
	appendJSON(e *enc)
}

// enc is an append-only JSON writer. A comma goes before every member or element
// unless the previous byte opened the object or array.
type enc struct {
	b []byte
}

func (e *enc) sep() {
	if n := len(e.b); n > 0 && e.b[n-1] != '{' && e.b[n-1] != '[' {
		e.b = append(e.b, ',')
	}
}

func (e *enc) key(k string) {
	e.sep()
	e.b = append(e.b, '"')
	e.b = append(e.b, k...)
	e.b = append(e.b, '"', ':')
}

// str writes a member; empty strings are omitted (omitempty).
func (e *enc) str(k, v string) {
	if v != "" {
		e.key(k)
		e.b = appendString(e.b, v)
	}
}

func (e *enc) strAlways(k, v string) {
	e.key(k)
	e.b = appendString(e.b, v)
}

func (e *enc) strs(k string, vs []string) {
	if len(vs) == 0 {
		return
	}
	e.key(k)
	e.b = append(e.b, '[')
	for i, v := range vs {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.b = appendString(e.b, v)
	}
	e.b = append(e.b, ']')
}

func (e *enc) int(k string, v int64, always bool) {
	if v != 0 || always {
		e.key(k)
		e.b = strconv.AppendInt(e.b, v, 10)
	}
}

func (e *enc) bool(k string, v, always bool) {
	if v || always {
		e.key(k)
		e.b = strconv.AppendBool(e.b, v)
	}
}

// raw writes pre-encoded JSON, which must be compact like encoding/json's output of
// a json.RawMessage.
func (e *enc) raw(k string, v json.RawMessage) {
	if len(v) == 0 {
		return
	}
	e.key(k)
	e.b = appendCompact(e.b, v)
}

// any writes a value: itself if it can, else through encoding/json.
func (e *enc) any(v any) {
	if a, ok := v.(appender); ok {
		a.appendJSON(e)
		return
	}
	out, err := marshalNoEscape(v)
	if err != nil {
		out = []byte("null") // unreachable for our types; keeps the page valid JSON
	}
	e.b = append(e.b, out...)
}

func marshalNoEscape(v any) ([]byte, error) {
	var b jsonBuffer
	je := json.NewEncoder(&b)
	je.SetEscapeHTML(false)
	if err := je.Encode(v); err != nil {
		return nil, err
	}
	return b[:len(b)-1], nil // drop Encode's newline
}

type jsonBuffer []byte

func (b *jsonBuffer) Write(p []byte) (int, error) { *b = append(*b, p...); return len(p), nil }

// appendCompact writes raw compacted, as encoding/json does with a RawMessage.
func appendCompact(b []byte, raw []byte) []byte {
	buf := bytes.NewBuffer(b)
	if err := json.Compact(buf, raw); err != nil {
		return append(b, "null"...)
	}
	return buf.Bytes()
}

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

// appendString quotes s exactly as encoding/json does with HTML escaping off:
// short escapes for \b \f \n \r \t, \u00XX for other control bytes, \u2028 and
// \u2029 escaped, invalid UTF-8 replaced by \ufffd.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Most of a page is URLs and dates: skip eight plain bytes at a time.
		for i+8 <= len(s) && plain8(s[i:i+8]) {
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
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
