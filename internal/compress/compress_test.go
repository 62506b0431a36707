package compress

import "testing"

func TestNegotiate(t *testing.T) {
	for header, want := range map[string]string{
		"":                       "",
		"identity":               "",
		"gzip":                   "gzip",
		"gzip, deflate, br":      "br",
		"br;q=0, gzip;q=0.8":     "gzip",
		"BR; q=0.5":              "br",
		"*":                      "br",
		"gzip;q=0, br;q=0":       "",
		"deflate, gzip;q=0.001 ": "gzip",
	} {
		if got := negotiate(header); got != want {
			t.Errorf("negotiate(%q) = %q, want %q", header, got, want)
		}
	}
}
