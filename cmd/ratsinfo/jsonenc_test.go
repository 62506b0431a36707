package main

import (
	"encoding/json"
	"io"
)

// jsonEncoder escapes like the OParl server does (no HTML escaping), so that a
// secret is searched for in the exact form it would have in a response.
func jsonEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}
