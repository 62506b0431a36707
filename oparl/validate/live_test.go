package validate

import (
	"context"
	"os"
	"testing"
)

// TestLiveEndpoint validates the endpoint named by RATSINFO_VALIDATE_URL
// (a System URL) and prints the text report; it is a manual tool for
// checking our own demo server or a vendor, skipped otherwise.
func TestLiveEndpoint(t *testing.T) {
	sys := os.Getenv("RATSINFO_VALIDATE_URL")
	if sys == "" {
		t.Skip("RATSINFO_VALIDATE_URL nicht gesetzt")
	}
	rep, err := Run(context.Background(), sys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep.WriteText(os.Stdout)
	if rep.Errors() > 0 {
		t.Errorf("%d Fehler", rep.Errors())
	}
}
