package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestAccessibilityStatement reads the statement as a visitor: what is and is
// not accessible, when it was checked, how to report a barrier, and the
// Schlichtungsstelle of the body's state.
func TestAccessibilityStatement(t *testing.T) {
	w := testWorld(t)
	serve := func(cfg Config) func(path string) (int, string) {
		cfg.BaseURL, cfg.Store, cfg.Feedback, cfg.Now = "http://ratsinfo.test", w.store, w.store, w.web.now
		mux := http.NewServeMux()
		NewServer(cfg).Register(mux)
		return func(path string) (int, string) {
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			return rec.Code, rec.Body.String()
		}
	}
	check := func(t *testing.T, body string, want, notWant []string) {
		t.Helper()
		for _, s := range want {
			if !strings.Contains(body, s) {
				t.Errorf("statement lacks %q", s)
			}
		}
		for _, s := range notWant {
			if strings.Contains(body, s) {
				t.Errorf("statement contains %q", s)
			}
		}
	}
	honest := []string{"Erklärung zur Barrierefreiheit", "BITV 2.0", "teilweise mit WCAG 2.1 AA vereinbar",
		"Was barrierefrei ist", "axe-core", "sind barrierefrei: getaggt, mit eingebetteten Schriften",
		"Nicht barrierefreie Inhalte", "die die Verwaltung hochlädt oder die aus einem anderen Ratsinformationssystem übernommen werden",
		"gescannte Seiten ohne Text", "Automatisierte Prüfungen finden nicht jede Barriere",
		// how to report a barrier: the feedback form on the page itself
		`<form method="post" action="/barrierefreiheit"`, `name="text"`}

	t.Run("Schleswig-Holstein by default, no date given", func(t *testing.T) {
		code, body := serve(Config{})("/barrierefreiheit")
		if code != 200 {
			t.Fatalf("status %d", code)
		}
		check(t, body, append(honest, "Der Betreiber hat das Datum der letzten Prüfung nicht angegeben.",
			"Schlichtungsstelle bei der Landesbeauftragten für Menschen mit Behinderungen Schleswig-Holstein",
			"Landesbehindertengleichstellungsgesetz (LBGG)", `href="tel:&#43;494319881272"`, "0431 988-1272",
			`href="mailto:schlichtung@landtag.ltsh.de"`, "Das Verfahren ist kostenlos"),
			[]string{"Letzte Prüfung", "Ältere Dokumente"})
	})
	t.Run("date of the last check", func(t *testing.T) {
		_, body := serve(Config{State: ratsinfo.StateSH, AccessibilityChecked: ratsinfo.NewDate(2026, 11, 15)})("/barrierefreiheit")
		check(t, body, []string{`Letzte Prüfung: <time datetime="2026-11-15">15.11.2026</time>.`},
			[]string{"nicht angegeben"})
	})
	t.Run("a state without a known board", func(t *testing.T) {
		_, body := serve(Config{State: ratsinfo.StateBY})("/barrierefreiheit")
		check(t, body, append(honest, "Behindertengleichstellungsgesetz des Landes", "Land: Bayern."),
			[]string{"Schleswig-Holstein", "schlichtung@landtag.ltsh.de"})
	})
	t.Run("English", func(t *testing.T) {
		_, body := serve(Config{AccessibilityChecked: ratsinfo.NewDate(2026, 11, 15)})("/barrierefreiheit?lang=en")
		check(t, body, []string{"Last checked", "What is accessible", "Tuesdays 10 am to 12 noon", "Legal basis",
			"Schlichtungsstelle bei der Landesbeauftragten"}, []string{"Was barrierefrei ist", "dienstags"})
	})
	t.Run("the form sent keeps the statement", func(t *testing.T) {
		code, body := w.postForm(t, "/barrierefreiheit", map[string][]string{"text": {"Kontrast der Suche zu gering."}})
		if code != 200 {
			t.Fatalf("status %d", code)
		}
		check(t, body, []string{"Vielen Dank", "Schlichtungsstelle bei der Landesbeauftragten"}, nil)
	})
}
