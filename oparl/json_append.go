package oparl

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/ratsinfo/ratsinfo/internal/jsonquote"
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
		e.b = jsonquote.Append(e.b, v)
	}
}

func (e *enc) strAlways(k, v string) {
	e.key(k)
	e.b = jsonquote.Append(e.b, v)
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
		e.b = jsonquote.Append(e.b, v)
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
