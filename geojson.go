package ratsinfo

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
)

// NormalizeGeoJSON validates s (see ValidateGeoJSON) and returns it in the form RFC
// 7946 asks for: every Feature has "properties" (null when there are none), and
// every non-integer number is written as the shortest decimal that reads back as the
// same float64, so that a point reads 6.395776 and not 6.3957759999999997 whichever
// way it arrived. Integer literals (ids in properties) stay as they are. Text that is
// already in that form is returned unchanged without being decoded, which keeps the
// check cheap enough to run on every object we serve.
func NormalizeGeoJSON(s string) (string, error) {
	if err := ValidateGeoJSON(s); err != nil {
		return "", err
	}
	if geoJSONCanonical(s) {
		return s, nil
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return "", Errorf(EINVALID, "Die Geodaten sind kein gültiges JSON.")
	}
	v = normalizeGeoValue(v)
	out, err := json.Marshal(v)
	if err != nil {
		return "", Errorf(EINVALID, "Die Geodaten lassen sich nicht als JSON schreiben.")
	}
	return string(out), nil
}

// normalizeGeoValue adds missing Feature properties and shortens numbers, in place.
func normalizeGeoValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalizeGeoValue(e)
		}
		if x["type"] == "Feature" {
			if _, ok := x["properties"]; !ok {
				x["properties"] = nil
			}
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = normalizeGeoValue(e)
		}
		return x
	case json.Number:
		if isIntegerLiteral(string(x)) {
			return x
		}
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil || math.IsInf(f, 0) {
			return x
		}
		return json.Number(shortestFloat(f))
	}
	return v
}

// geoJSONCanonical reports whether s already has Feature properties and only
// shortest numbers. It scans the text without allocating.
func geoJSONCanonical(s string) bool {
	if !bytes.Contains([]byte(s), []byte(`"properties"`)) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			for i++; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case c == '-' || (c >= '0' && c <= '9'):
			j := i
			for j < len(s) && bytes.IndexByte([]byte("+-.0123456789eE"), s[j]) >= 0 {
				j++
			}
			num := s[i:j]
			if !isIntegerLiteral(num) {
				f, err := strconv.ParseFloat(num, 64)
				if err != nil || shortestFloat(f) != num {
					return false
				}
			}
			i = j - 1
		}
	}
	return true
}

func isIntegerLiteral(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '.' || c == 'e' || c == 'E' {
			return false
		}
	}
	return true
}

// shortestFloat writes f as encoding/json does: the shortest decimal that reads back
// as f, in plain notation between 1e-6 and 1e21.
func shortestFloat(f float64) string {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(nil, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return string(b)
}
