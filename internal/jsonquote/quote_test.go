package jsonquote

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// FuzzAppend holds Append, with its eight-bytes-at-a-time fast path, to an
// encoding/json Encoder without HTML escaping, and AppendHTML to json.Marshal, on
// any input; the seeds put every kind of special byte at every position of an
// eight-byte word.
func FuzzAppend(f *testing.F) {
	for _, special := range []string{"\"", "\\", "\n", "\x00", "\x1f", "\x7f", "ü", "\u2028", "\xff", " ", "<", ">", "&"} {
		for pos := range 17 {
			f.Add(strings.Repeat("a", pos) + special + strings.Repeat("b", 16-pos))
		}
	}
	f.Add("http://ratsinfo.test/oparl/v1.1/file/150004/download")
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(Append(nil, s)) + "\n"; got != want.String() {
			t.Errorf("Append(%q) = %s, encoding/json: %s", s, got, want.String())
		}
		marshalled, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(AppendHTML(nil, s)); got != string(marshalled) {
			t.Errorf("AppendHTML(%q) = %s, json.Marshal: %s", s, got, marshalled)
		}
	})
}
