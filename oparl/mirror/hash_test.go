package mirror

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"
)

// FuzzHashOf holds hashOf to the fingerprint of earlier versions, SHA-256 over
// json.Marshal: any JSON object, decoded as the importer decodes pages (with
// UseNumber) or without, must give the same bytes and the same fingerprint.
func FuzzHashOf(f *testing.F) {
	for _, seed := range []string{
		`{}`,
		`{"id":"https://x/paper/1","name":"Anfrage <Smart City> & mehr","date":"2023-01-16","z":null,"a":true}`,
		`{"n":[1,1.5,-0,1e21,1e-7,123456789012345678901234567890,0.000001,-2.5e-10],"o":{"b":[],"a":{}}}`,
		"{\"s\":\"tab\\t nl\\n cr\\r \\u0001 \\u001f \\u007f \\u2028 \\u2029 ü € 𝄞 \\\"q\\\" \\\\ /\"}",
		`{"geojson":{"type":"Feature","geometry":{"type":"Point","coordinates":[9.98,53.7]}}}`,
		`{"keyword":["a","b"],"deleted":false,"size":0}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, useNumber := range []bool{true, false} {
			dec := json.NewDecoder(bytes.NewReader(data))
			if useNumber {
				dec.UseNumber()
			}
			var o map[string]any
			if dec.Decode(&o) != nil || o == nil {
				return
			}
			checkHash(t, o)
		}
	})
}

func checkHash(t *testing.T, o map[string]any) {
	want, err := json.Marshal(o)
	if err != nil {
		t.Skip(err)
	}
	if got := appendCanonical(nil, o); string(got) != string(want) {
		t.Fatalf("canonical\n%s\nwant\n%s", got, want)
	}
	sum := sha256.Sum256(want)
	if got, want := hashOf(o), hex.EncodeToString(sum[:16]); got != want {
		t.Fatalf("hashOf = %s, want %s", got, want)
	}
}
