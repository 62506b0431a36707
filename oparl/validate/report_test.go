package validate

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// TestReportRoundTrip checks that the JSON report reads back unchanged and
// that the text report ends with the summary line.
func TestReportRoundTrip(t *testing.T) {
	rep := run(t, startFake(t, faults{null: true, emptyString: true, noCORS: true}))
	var buf bytes.Buffer
	if err := rep.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*rep, back) {
		t.Errorf("JSON-Bericht ändert sich beim Einlesen:\n%+v\n%+v", *rep, back)
	}
	buf.Reset()
	if err := rep.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	summary := regexp.MustCompile(`(?m)^Ergebnis: \d+ Objekte, \d+ Seiten, 3 Regeln verletzt \((\d+) Fehler, (\d+) Warnungen\)\n$`)
	m := summary.FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("Zusammenfassung fehlt:\n%s", text)
	}
	if m[1] != itoa(rep.Errors()) || m[2] != itoa(rep.Warnings()) || rep.Errors() == 0 {
		t.Errorf("Zählung falsch: %v", m)
	}
	for _, want := range []string{"FEHLER http.cors", "WARNUNG value.null", "Access-Control-Allow-Origin"} {
		if !strings.Contains(text, want) {
			t.Errorf("Textbericht ohne %q", want)
		}
	}
}

// TestMaxObjectsAndProgress checks that the crawl stops early when told
// to and reports progress at least once.
func TestMaxObjectsAndProgress(t *testing.T) {
	var calls atomic.Int64
	sys := startFake(t, faults{})
	all := run(t, sys)
	rep, err := Run(context.Background(), sys, Options{
		MaxObjects: 5,
		Progress:   func(Progress) { calls.Add(1) },
	})
	if err != nil {
		t.Fatal(err)
	}
	// The limit is checked between pages, so a few more objects may come in;
	// what matters is that dereferencing stops.
	if !rep.Truncated || rep.Requests >= all.Requests {
		t.Errorf("Truncated=%v, %d Anfragen (ohne Grenze %d)", rep.Truncated, rep.Requests, all.Requests)
	}
	if calls.Load() == 0 {
		t.Error("Progress nie aufgerufen")
	}
}

// TestUnreachableSystem is the one case that is an error, not a report.
func TestUnreachableSystem(t *testing.T) {
	sys := startFake(t, faults{})
	if _, err := Run(context.Background(), sys+"-gibt-es-nicht", Options{Retries: -1}); err == nil {
		t.Error("kein Fehler für ein fehlendes System")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
