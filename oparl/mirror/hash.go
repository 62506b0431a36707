package mirror

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math"
	"slices"
	"strconv"

	"github.com/ratsinfo/ratsinfo/internal/jsonquote"
)

// hashOf fingerprints a decoded source object. It hashes exactly the bytes that
// json.Marshal would produce (keys sorted, HTML characters escaped), so the
// fingerprints stored by earlier imports stay valid, but it writes them itself:
// json.Marshal's reflection over every page object was a tenth of the writer's
// time.
func hashOf(o map[string]any) string {
	h := sha256.New()
	b := appendCanonical(make([]byte, 0, 1024), o)
	h.Write(b)
	sum := h.Sum(nil)
	return hex.EncodeToString(sum[:16])
}

// appendCanonical appends v, a value from encoding/json's decoding into any (with
// or without UseNumber), as json.Marshal writes it.
func appendCanonical(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, x)
	case json.Number: // pages are decoded with UseNumber
		if x == "" {
			return append(b, '0')
		}
		return append(b, x...)
	case float64:
		return appendFloat(b, x)
	case string:
		return jsonquote.AppendHTML(b, x)
	case []any:
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendCanonical(b, e)
		}
		return append(b, ']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonquote.AppendHTML(b, k)
			b = append(b, ':')
			b = appendCanonical(b, x[k])
		}
		return append(b, '}')
	}
	// Not produced by decoding into any: no fingerprint is better than a wrong
	// one, and unequal fingerprints only cost a comparison.
	return append(b, '?')
}

// appendFloat formats f as encoding/json does.
func appendFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
