package site

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// inquiryPage is a page of a second surface: the coming back office.
type inquiryPage struct {
	Page
	Received time.Time
	Subject  string
	Note     ratsinfo.Msg
}

// office builds a kit as the back office will: its own templates, translations
// and functions, nothing copied from the public site.
func office(untranslated func(string)) *Site {
	return New(Config{
		BaseURL:   "http://ratsinfo.test/",
		Templates: os.DirFS("testdata/office"),
		Partials:  []string{"chrome.html"},
		Funcs:     map[string]any{"shout": strings.ToUpper},
		English: map[string]string{"Verwaltung": "Back office", "Eingang": "Received",
			"%d Anfragen warten auf %s.": "%d inquiries await %s.", "die Freigabe": "approval"},
		SiteName:       func(context.Context) string { return "Ratsinfo Verwaltung" },
		LangSwitchPath: "/verwaltung/sprache",
		ErrorLinks:     []Link{{Label: "Zur Startseite", URL: "/verwaltung"}},
		Logger:         slog.New(slog.NewTextHandler(io.Discard, nil)),
		Untranslated:   untranslated,
	})
}

// TestSecondSurface renders a page and the error pages of a surface that is not
// the public site, in German and English, through a real HTTP server.
func TestSecondSurface(t *testing.T) {
	var missing []string
	s := office(func(de string) { missing = append(missing, de) })
	mux := http.NewServeMux()
	mux.Handle("GET /static/", s.Assets())
	mux.Handle("GET /verwaltung/sprache", s.Handle(s.SwitchLang))
	mux.Handle("GET /verwaltung/anfragen/{id}", s.Handle(func(w http.ResponseWriter, r *http.Request) error {
		if r.PathValue("id") != "1" {
			return ratsinfo.NotFound(ratsinfo.KindPaper, 2)
		}
		p := &inquiryPage{Page: s.NewPage(r, "Anfrage 1", "anfragen"), Subject: "Radweg",
			Received: time.Date(2027, 3, 1, 9, 30, 0, 0, time.UTC),
			Note:     ratsinfo.NewMsg("%d Anfragen warten auf %s.", 3, ratsinfo.NewMsg("die Freigabe"))}
		return s.Render(w, r, http.StatusOK, "inquiry_show", p)
	}))
	mux.Handle("GET /verwaltung/kaputt", s.Handle(func(w http.ResponseWriter, r *http.Request) error {
		return fmt.Errorf("query inquiries: %w", os.ErrPermission)
	}))
	mux.Handle("GET /verwaltung/ungueltig", s.Handle(func(w http.ResponseWriter, r *http.Request) error {
		p := &ratsinfo.Person{BodyID: 1, Name: "Erika Muster", Email: []string{"kein-at"}}
		return p.Validate()
	}))
	ts := httptest.NewServer(mux)
	defer ts.Close()

	for _, c := range []struct {
		path, lang string
		status     int
		want       []string
	}{
		{"/verwaltung/anfragen/1", "de", 200, []string{`<html lang="de">`, `<header class="office"><a href="/verwaltung">Verwaltung</a></header>`,
			"<title>Anfrage 1 – Ratsinfo Verwaltung</title>", "Eingang: Mo. 01.03.2027, 10:30 Uhr · RADWEG",
			"3 Anfragen warten auf die Freigabe.", `href="/verwaltung/sprache?lang=en&amp;zurueck=%2fverwaltung%2fanfragen%2f1"`,
			"/static/style."}},
		{"/verwaltung/anfragen/1", "en", 200, []string{`<html lang="en">`, ">Back office<", "Received: Mon 2027-03-01, 10:30",
			"3 inquiries await approval.", "Skip to content", ">Deutsch<"}},
		{"/verwaltung/anfragen/2", "en", 404, []string{"Page not found", `<a href="/verwaltung">Home page</a>`, "Error code 404"}},
		{"/verwaltung/kaputt", "de", 500, []string{"Ein Fehler ist aufgetreten", "Interner Fehler."}},
		{"/verwaltung/kaputt", "en", 500, []string{"An error occurred", "Internal error."}},
		{"/verwaltung/ungueltig", "en", 400, []string{"The person contains invalid entries. Please correct the fields named. (email: kein-at is not a valid e-mail address.)"}},
		{"/verwaltung/ungueltig", "de", 400, []string{"Die Person enthält ungültige Angaben. Bitte korrigieren Sie die genannten Felder. (email: kein-at ist keine gültige E-Mail-Adresse.)"}},
	} {
		req, _ := http.NewRequest("GET", ts.URL+c.path, nil)
		req.Header.Set("Accept-Language", c.lang)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		body := string(b)
		if res.StatusCode != c.status {
			t.Errorf("%s (%s): status %d, want %d", c.path, c.lang, res.StatusCode, c.status)
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s (%s): lacks %q:\n%s", c.path, c.lang, w, body)
			}
		}
		if strings.Contains(body, "permission denied") {
			t.Errorf("%s: internal error text reached the page", c.path)
		}
	}
	if len(missing) > 0 {
		t.Errorf("English pages showed untranslated: %q", missing)
	}
}

// TestConditionalGet checks that a rendered page answers 304 to its own ETag and
// that assets are cached forever under their hashed URL.
func TestConditionalGet(t *testing.T) {
	s := office(nil)
	h := s.Handle(func(w http.ResponseWriter, r *http.Request) error {
		p := &inquiryPage{Page: s.NewPage(r, "Anfrage", "")}
		return s.Render(w, r, http.StatusOK, "inquiry_show", p)
	})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	etag := rec.Header().Get("ETag")
	if rec.Code != 200 || etag == "" {
		t.Fatalf("status %d, ETag %q", rec.Code, etag)
	}
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d, want 304", rec.Code)
	}
	rec = httptest.NewRecorder()
	s.Assets().ServeHTTP(rec, httptest.NewRequest("GET", s.Assets().URL("style.css"), nil))
	if rec.Code != 200 || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") || rec.Header().Get("Content-Type") != "text/css; charset=utf-8" {
		t.Errorf("stylesheet: %d %v", rec.Code, rec.Header())
	}
}

// TestLang checks the order: ?lang=, then the cookie, then the browser; German
// when nothing says otherwise.
func TestLang(t *testing.T) {
	for _, c := range []struct {
		query, cookie, accept, want string
	}{
		{"", "", "", "de"},
		{"", "", "fr-FR,en;q=0.8,de;q=0.5", "en"},
		{"", "", "de-AT,en", "de"},
		{"", "en", "de", "en"},
		{"de", "en", "en", "de"},
		{"xx", "yy", "fr", "de"},
	} {
		r := httptest.NewRequest("GET", "/?lang="+c.query, nil)
		if c.cookie != "" {
			r.AddCookie(&http.Cookie{Name: "lang", Value: c.cookie})
		}
		r.Header.Set("Accept-Language", c.accept)
		if got := Lang(r); got != c.want {
			t.Errorf("%+v: %s", c, got)
		}
	}
}

// TestAccessLogLevels checks that requests log at debug and failures at warn.
func TestAccessLogLevels(t *testing.T) {
	var out strings.Builder
	log := slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelInfo}))
	h := AccessLog(log, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/kaputt" {
			w.WriteHeader(http.StatusInternalServerError)
		}
	}))
	for _, p := range []string{"/", "/suche?q=geheim", "/kaputt"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", p, nil))
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "level=WARN") || !strings.Contains(lines[0], "path=/kaputt") || !strings.Contains(lines[0], "status=500") {
		t.Errorf("at info, only the 500 should be logged, at warn:\n%s", out.String())
	}
	out.Reset()
	log = slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelDebug}))
	AccessLog(log, http.NotFoundHandler()).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/suche?q=geheim", nil))
	if !strings.Contains(out.String(), "level=DEBUG") || !strings.Contains(out.String(), "status=404") || strings.Contains(out.String(), "geheim") {
		t.Errorf("at debug: %s", out.String())
	}
}
