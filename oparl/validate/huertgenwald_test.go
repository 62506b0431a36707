package validate

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo/internal/huertgenwald"
)

// TestHuertgenwald runs the validator against the replayed real 1.0 crawl
// and expects the defects the dump is known for, and no 1.1-only findings.
func TestHuertgenwald(t *testing.T) {
	sys := huertgenwald.Start(t)
	rep, err := Run(context.Background(), sys, Options{Concurrency: 8})
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		rep.WriteText(os.Stdout)
	}
	if rep.Version != "1.0" {
		t.Fatalf("Version %q, erwartet 1.0", rep.Version)
	}
	if rep.Objects < 14000 || rep.Pages < 104 {
		t.Errorf("nur %d Objekte, %d Seiten geprüft", rep.Objects, rep.Pages)
	}
	expect := []struct{ rule, url, msg string }{
		{"deleted.unfiltered", "/body/1/paper/3419", "ungefilterte"},
		{"deleted.properties", "/body/1/paper/3419", "„type“"},
		{"body.ags", "/body/1", `"5358016"`},
		{"location.lat-lon", "/body/1/location/0-1", "[50.72"},
		{"value.whitespace", "/body/1", `Location.postalCode = "52393\u00a0"`},
		{"ref.not-found", "/body/1/organization/1-3/meeting", "404"},
		{"filter.status", "/body/1/paper?modified_since=2199", "404"},
	}
	for _, e := range expect {
		if !hasViolation(rep, e.rule, e.url, e.msg) {
			t.Errorf("%s für %s (%s) nicht gefunden", e.rule, e.url, e.msg)
		}
	}
	counts := map[string]int{"deleted.unfiltered": 39, "deleted.properties": 39, "ref.not-found": 12}
	for rule, n := range counts {
		if got := rep.Count(rule); got != n {
			t.Errorf("%s: %d Verstöße, erwartet %d", rule, got, n)
		}
	}
	// 1.1-only rules must stay silent on a 1.0 endpoint, and embedded 1.0
	// objects without created/modified are legal.
	for _, rule := range []string{"object.timestamps", "body.list-missing", "agendaitem.order", "error.object"} {
		if n := rep.Count(rule); n != 0 {
			t.Errorf("1.1-Regel %s meldet %d Verstöße an einem 1.0-Endpunkt", rule, n)
		}
	}
	for _, v := range rep.Violations {
		if v.Rule == "object.timestamps-recommended" && strings.Contains(v.URL, "/agendaitem/") {
			t.Errorf("eingebetteter 1.0-Tagesordnungspunkt ohne Zeitstempel gemeldet: %s", v.URL)
		}
	}
	t.Logf("%d Objekte, %d Seiten, %d Anfragen in %s (%.0f Objekte/s)", rep.Objects, rep.Pages,
		rep.Requests, rep.Duration, float64(rep.Objects)/rep.Duration.Seconds())
}

// hasViolation tells whether rep holds a violation of rule whose URL ends
// with urlSuffix and whose message contains msg.
func hasViolation(rep *Report, rule, urlSuffix, msg string) bool {
	for _, v := range rep.Violations {
		if v.Rule == rule && (strings.HasSuffix(v.URL, urlSuffix) || strings.Contains(v.URL, urlSuffix)) && strings.Contains(v.Message, msg) {
			return true
		}
	}
	return false
}
