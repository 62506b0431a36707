package validate

import (
	"context"
	"os"
	"testing"
	"time"
)

// run validates a fake server with fast retries.
func run(t *testing.T, sys string) *Report {
	t.Helper()
	rep, err := Run(context.Background(), sys, Options{Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestCleanServer guards against false positives: a correct 1.1 server,
// with keyset cursors and a retried 503, must yield zero violations.
func TestCleanServer(t *testing.T) {
	for name, f := range map[string]faults{"sauber": {}, "503 mit Retry-After": {flaky503: true}} {
		t.Run(name, func(t *testing.T) {
			rep := run(t, startFake(t, f))
			if len(rep.Violations) > 0 || rep.Version != "1.1" {
				rep.WriteText(os.Stderr)
				t.Fatalf("%d Verstöße an einem korrekten Server (Version %s)", len(rep.Violations), rep.Version)
			}
			if rep.Objects < 15 {
				t.Errorf("nur %d Objekte geprüft", rep.Objects)
			}
		})
	}
}

// TestFaults injects one defect at a time and expects its rule.
func TestFaults(t *testing.T) {
	cases := []struct {
		name string
		f    faults
		rule string
	}{
		{"next fehlt", faults{noNext: true}, "pagination.next-missing"},
		{"Schleife", faults{loop: true}, "pagination.loop"},
		{"null", faults{null: true}, "value.null"},
		{"leere Zeichenkette", faults{emptyString: true}, "value.empty-string"},
		{"Datum mit Z", faults{badDateTime: true}, "format.date-time"},
		{"ohne CORS", faults{noCORS: true}, "http.cors"},
		{"leere Liste 404", faults{empty404: true}, "filter.status"},
		{"Filter verloren", faults{dropFilter: true}, "filter.dropped"},
		{"id ungleich URL", faults{idMismatch: true}, "object.id-mismatch"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := run(t, startFake(t, c.f))
			if rep.Count(c.rule) == 0 {
				rep.WriteText(os.Stderr)
				t.Fatalf("Regel %s nicht gemeldet", c.rule)
			}
		})
	}
}
