package ratsinfo

import (
	"encoding/json"
	"testing"
)

func TestNormalizeGeoJSON(t *testing.T) {
	cases := []struct{ in, want string }{
		// already canonical: returned unchanged, key order and all
		{`{"type":"Feature","geometry":{"type":"Point","coordinates":[9.9865,53.7063]},"properties":{}}`,
			`{"type":"Feature","geometry":{"type":"Point","coordinates":[9.9865,53.7063]},"properties":{}}`},
		// the Hürtgenwald case: a float64 printed with 17 digits
		{`{"type":"Feature","geometry":{"type":"Point","coordinates":[6.3957759999999997,50.7107]},"properties":null}`,
			`{"geometry":{"coordinates":[6.395776,50.7107],"type":"Point"},"properties":null,"type":"Feature"}`},
		// properties missing: null, as RFC 7946 section 3.2 demands a member
		{`{"type":"Feature","geometry":{"type":"Point","coordinates":[10.0,53.5]}}`,
			`{"geometry":{"coordinates":[10,53.5],"type":"Point"},"properties":null,"type":"Feature"}`},
		// integer literals in properties are kept digit for digit
		{`{"type":"Feature","geometry":{"type":"Point","coordinates":[10.50,53.5]},"properties":{"id":12345678901234567890}}`,
			`{"geometry":{"coordinates":[10.5,53.5],"type":"Point"},"properties":{"id":12345678901234567890},"type":"Feature"}`},
		// strings that look like numbers are not numbers
		{`{"type":"Feature","geometry":{"type":"Point","coordinates":[10.5,53.5]},"properties":{"n":"1.50"}}`,
			`{"type":"Feature","geometry":{"type":"Point","coordinates":[10.5,53.5]},"properties":{"n":"1.50"}}`},
		{`{"type":"Feature","geometry":{"type":"Point","coordinates":[1e-7,0.0000001]},"properties":{}}`,
			`{"geometry":{"coordinates":[1e-7,1e-7],"type":"Point"},"properties":{},"type":"Feature"}`},
	}
	for _, c := range cases {
		got, err := NormalizeGeoJSON(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("NormalizeGeoJSON(%s)\n got  %s\n want %s", c.in, got, c.want)
		}
		again, err := NormalizeGeoJSON(got)
		if err != nil || again != got {
			t.Errorf("not stable: %s -> %s (%v)", got, again, err)
		}
	}
	if _, err := NormalizeGeoJSON(`{"type":"Point","coordinates":[1,2]}`); ErrorCode(err) != EINVALID {
		t.Errorf("bare geometry: err %v, want invalid", err)
	}
}

// FuzzNormalizeGeoJSON: whatever passes validation normalizes to valid JSON that is
// stable, and the fast path agrees with the slow one.
func FuzzNormalizeGeoJSON(f *testing.F) {
	f.Add(`{"type":"Feature","geometry":{"type":"Point","coordinates":[6.3957759999999997,50.7]}}`)
	f.Add(`{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1.10,2],[3,4e2]]},"properties":{"a":"\"1.0"}}`)
	f.Fuzz(func(t *testing.T, s string) {
		got, err := NormalizeGeoJSON(s)
		if err != nil {
			return
		}
		if !json.Valid([]byte(got)) {
			t.Fatalf("invalid JSON %q from %q", got, s)
		}
		again, err := NormalizeGeoJSON(got)
		if err != nil || again != got {
			t.Fatalf("not stable: %q -> %q (%v)", got, again, err)
		}
	})
}
