package site

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// browserResolve reads a Location as a browser does (WHATWG URL): tabs and line
// breaks are removed, a backslash counts as a slash, and the result is resolved
// against the page's address.
func browserResolve(t *testing.T, base *url.URL, location string) *url.URL {
	t.Helper()
	loc := strings.NewReplacer("\t", "", "\n", "", "\r", "", `\`, "/").Replace(strings.TrimSpace(location))
	u, err := base.Parse(loc)
	if err != nil {
		t.Fatalf("Location %q: %v", location, err)
	}
	return u
}

// TestSwitchLangStaysOnSite: the language switch redirects only to this site.
// Every hostile target (as sent in the link, percent-encoded) must come back as
// the start page or be refused, and read as a browser reads it, the Location
// must name our own host; good targets keep their path and query.
func TestSwitchLangStaysOnSite(t *testing.T) {
	s := office(nil)
	mux := http.NewServeMux()
	mux.Handle("GET /verwaltung/sprache", s.Handle(s.SwitchLang))
	ts := httptest.NewServer(mux)
	defer ts.Close()
	base, _ := url.Parse(ts.URL + "/verwaltung/anfragen/1")

	get := func(t *testing.T, rawTarget string) (int, string) {
		t.Helper()
		// The transport, not a client: a client would refuse to follow a
		// Location with control characters before the test could read it.
		req, err := http.NewRequest("GET", ts.URL+"/verwaltung/sprache?lang=en&zurueck="+rawTarget, nil)
		if err != nil {
			t.Fatal(err)
		}
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode, res.Header.Get("Location")
	}

	hostile := []string{
		"%2F%09%2Fevil.example",        // the reported one: "/<tab>/evil.example"
		"%2F%0A%2Fevil.example",        // line feed
		"%2F%0D%2Fevil.example",        // carriage return
		"%09%2F%2Fevil.example",        // tab before the slashes
		"%2F%2Fevil.example",           // scheme-relative
		"%2F%2F%2Fevil.example",        // three slashes
		"%2F%5Cevil.example",           // "/\evil.example"
		"%5C%5Cevil.example",           // "\\evil.example"
		"%2F%255Cevil.example",         // backslash only after a second decoding
		"%2F%2509%2Fevil.example",      // tab only after a second decoding
		"https%3A%2F%2Fevil.example",   // absolute URL
		"http%3Aevil.example",          // scheme without slashes
		"javascript%3Aalert(1)",        // script
		"data%3Atext%2Fhtml%2C%3Cb%3E", // data URL
		"evil.example",                 // relative: no leading slash
		"%20%2F%2Fevil.example",        // leading space
		"%2F%00%2Fevil.example",        // NUL: refused before the switch
		"%2F%1B%2Fevil.example",        // escape
		"%2F%7F%2Fevil.example",        // DEL
		"%2F%3Fx%3D%0A",                // line feed in the target's query
	}
	for _, raw := range hostile {
		status, loc := get(t, raw)
		switch status {
		case http.StatusSeeOther:
			if loc != "/" {
				t.Errorf("zurueck=%s: Location %q, want the start page", raw, loc)
			}
			if u := browserResolve(t, base, loc); u.Host != base.Host {
				t.Errorf("zurueck=%s: Location %q leads a browser to %q", raw, loc, u.Host)
			}
		case http.StatusBadRequest:
			if loc != "" {
				t.Errorf("zurueck=%s: refused with a Location %q", raw, loc)
			}
		default:
			t.Errorf("zurueck=%s: status %d", raw, status)
		}
	}

	good := []struct{ raw, want string }{
		{"%2Fverwaltung%2Fanfragen%2F1", "/verwaltung/anfragen/1"},
		{"%2Fvorlagen%3Fq%3DRadweg%26seite%3D2", "/vorlagen?q=Radweg&seite=2"},
		{"%2Fsitzungen%3Fmonat%3D2026-12%26gremium%3D3", "/sitzungen?monat=2026-12&gremium=3"},
		{"%2Fsuche%3Fq%3D%25C3%25BCber", "/suche?q=%C3%BCber"},
		{"%2Forganisationen%2F", "/organisationen/"},
		{"%2F", "/"},
		// Cleaned: a browser or proxy could read "/.//x" as "//x", another host.
		{"%2F.%2F%2Fevil.example", "/evil.example"},
		{"%2F..%2F%2Fevil.example", "/evil.example"},
	}
	for _, c := range good {
		status, loc := get(t, c.raw)
		if status != http.StatusSeeOther || loc != c.want {
			t.Errorf("zurueck=%s: %d %q, want 303 %q", c.raw, status, loc, c.want)
		}
	}
}

// TestLocalPath checks the rule on its own, with the raw forms that a query
// decoder hands over.
func TestLocalPath(t *testing.T) {
	for _, raw := range []string{"", "/\t/evil.example", "//evil.example", `/\evil.example`, "https://evil.example",
		"javascript:alert(1)", "/%5Cevil", "/%09/evil", "/a\x00", "/ok?x=%0a"} {
		if got, ok := LocalPath(raw); ok || got != "/" {
			t.Errorf("LocalPath(%q) = %q, %v; want \"/\", false", raw, got, ok)
		}
	}
	for raw, want := range map[string]string{"/vorlagen?q=a+b": "/vorlagen?q=a+b", "/a/../b": "/b", "/.//evil": "/evil",
		"/sitzungen/#x": "/sitzungen/"} {
		if got, ok := LocalPath(raw); !ok || got != want {
			t.Errorf("LocalPath(%q) = %q, %v; want %q", raw, got, ok, want)
		}
	}
}
