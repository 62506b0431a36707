package web

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestEveryWebPathServed checks the URL scheme end to end: every kind's
// ratsinfo.WebPath (where OParl's `web` links point) and every list path of a
// kind with a list page is served by a route of its own, not by the catch-all
// start page that answers unknown paths with 404.
func TestEveryWebPathServed(t *testing.T) {
	mux := http.NewServeMux()
	testWorld(t).web.Register(mux)
	pattern := func(path string) string {
		_, p := mux.Handler(httptest.NewRequest("GET", path, nil))
		return p
	}
	for _, k := range append([]ratsinfo.Kind{ratsinfo.KindBody}, ratsinfo.BodyKinds...) {
		path := ratsinfo.WebPath(k, 42)
		if want := "GET " + ratsinfo.WebListPath(k) + "/{id}"; pattern(path) != want {
			t.Errorf("%s page %s is served by %q, want %q", k, path, pattern(path), want)
		}
	}
	for _, k := range []ratsinfo.Kind{ratsinfo.KindMeeting, ratsinfo.KindPaper, ratsinfo.KindOrganization, ratsinfo.KindPerson} {
		if path := ratsinfo.WebListPath(k); pattern(path) != "GET "+path {
			t.Errorf("%s list %s is served by %q", k, path, pattern(path))
		}
	}
	// Feeds hang off the same scheme.
	for _, path := range []string{"/sitzungen.ics", "/vorlagen.atom", "/gremien/3/sitzungen.ics", "/personen/3/sitzungen.ics", "/gremien/3/vorlagen.atom"} {
		if p := pattern(path); p == "" || p == "/" {
			t.Errorf("feed %s has no route of its own (%q)", path, p)
		}
	}
}
