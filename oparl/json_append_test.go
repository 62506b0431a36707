package oparl

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestAppendMatchesEncodingJSON holds the hand-written encoder to encoding/json:
// every golden object and a string full of escaping traps must come out
// byte-identical.
func TestAppendMatchesEncodingJSON(t *testing.T) {
	tricky := "a\"b\\c\n\r\t\b\f\x01\x1f <&> ü \u2028\u2029 \xff end"
	f := &fileJSON{head: head{ID: "x", Type: "y"}, Name: tricky, Size: 7, AccessURL: "u",
		Meeting: []string{"m1", "m2"}, tail: tail{Keyword: []string{tricky}, Deleted: true}}
	loc := &locationJSON{head: head{ID: "l", Type: "t"}, GeoJSON: json.RawMessage(`{ "type" : "Feature",
		"geometry": {"type":"Point","coordinates":[1, 2]} }`)}
	total := 3
	cases := []any{
		f, loc,
		&paperJSON{head: head{ID: "p", Type: "t"}, MainFile: f, AuxiliaryFile: []*fileJSON{f, f},
			Location: []*locationJSON{loc}, Consultation: []*consultationJSON{{head: head{ID: "c"}}}},
		&meetingJSON{head: head{ID: "m"}, Invitation: f, AgendaItem: []*agendaItemJSON{{Order: 0, ResolutionFile: f}}},
		&listJSON{Data: []any{f, &personJSON{Name: tricky}, &tombstoneJSON{ID: "d", Deleted: true}},
			Pagination: paginationJSON{TotalElements: &total, ElementsPerPage: 100}, Links: linksJSON{Self: "s"}},
		&listJSON{Data: []any{}},
	}
	for i, v := range cases {
		compare(t, i, v)
	}
	// The golden files, decoded into the real types through the list wrapper.
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.json"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		must(t, err)
		for _, v := range []any{&paperJSON{}, &meetingJSON{}, &fileJSON{}, &locationJSON{}, &agendaItemJSON{}, &consultationJSON{}} {
			if json.Unmarshal(data, v) == nil {
				compare(t, name, v)
			}
		}
	}
}

func compare(t *testing.T, name any, v any) {
	t.Helper()
	want, err := marshalNoEscape(v)
	must(t, err)
	var e enc
	e.any(v)
	if string(e.b) != string(want) {
		t.Errorf("%v: appendJSON\n%s\nencoding/json\n%s", name, e.b, want)
	}
}
