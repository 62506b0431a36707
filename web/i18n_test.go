package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/site"
)

// TestEnglishHasEveryText reads the templates and the Go files for texts handed
// to T and checks that each has an English translation, including those of
// pages no scenario reaches (a store failing, a form rule rarely broken).
func TestEnglishHasEveryText(t *testing.T) {
	literal := regexp.MustCompile(`\.T[ (]"((?:[^"\\]|\\.)*)"`)
	var texts []string
	tmpls, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range tmpls {
		b, err := fs.ReadFile(templateFS, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(b), -1) {
			texts = append(texts, m[1])
		}
	}
	for _, name := range goFiles(t) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(b), -1) {
			texts = append(texts, m[1])
		}
	}
	// Texts that reach T through a variable.
	for _, g := range orgTypeOrder {
		texts = append(texts, g.heading)
	}
	texts = append(texts, ratsinfo.OrgTypeCommittee, ratsinfo.OrgTypeParty, ratsinfo.OrgTypeFaction, ratsinfo.OrgTypeAdminUnit,
		ratsinfo.OrgTypeExternal, ratsinfo.OrgTypeInstitute, ratsinfo.OrgTypeOther)
	for _, de := range []string{"Einladung", "Ergebnisniederschrift", "Wortprotokoll", "Anlage", "Beschluss",
		"terminiert", "eingeladen", "durchgeführt", "abgesagt", "Impressum", "Datenschutz", "Erklärung zur Barrierefreiheit"} {
		texts = append(texts, de)
	}
	for _, label := range fieldLabel {
		texts = append(texts, label)
	}
	for _, l := range errorLinks {
		texts = append(texts, l.Label)
	}
	// The messages of errors the web makes itself, shown on the error page.
	message := regexp.MustCompile(`(?:Errorf\(ratsinfo\.E[A-Z]+, |Message: )"((?:[^"\\]|\\.)*)"`)
	for _, name := range goFiles(t) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range message.FindAllStringSubmatch(string(b), -1) {
			if m[1] != "Diese Seite gibt es nicht." { // a 404 shows the kit's own sentence
				texts = append(texts, m[1])
			}
		}
	}
	if len(texts) < 200 {
		t.Fatalf("found only %d texts: the pattern no longer matches how templates call T", len(texts))
	}
	dict := NewServer(Config{}).site.English()
	for _, de := range texts {
		if _, ok := dict[de]; !ok {
			t.Errorf("no English text for %q", de)
		}
	}
	for de, en := range dict {
		if verbs(de) != verbs(en) {
			t.Errorf("%q and its English %q format different arguments", de, en)
		}
	}
}

// verbs lists the fmt verbs of a format, so that a translated format fills in
// the same arguments as the German one.
func verbs(format string) string {
	return strings.Join(fmtVerb.FindAllString(strings.ReplaceAll(format, "%%", ""), -1), " ")
}

var fmtVerb = regexp.MustCompile(`%[-+# 0]*[0-9.]*[a-zA-Z]`)

// goFiles are the package's Go files without tests.
func goFiles(t *testing.T) []string {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") {
			out = append(out, e.Name())
		}
	}
	return out
}

// englishPaths are the page types in English, with the bad-input variants whose
// messages are UI text too.
func (w *world) englishPaths(t *testing.T) map[string]string {
	paths := w.pageTypes()
	meetingID, paperID := w.longObjects(t)
	paths["sitzung-lang"] = fmt.Sprintf("/sitzungen/%d", meetingID)
	paths["vorlage-200-dateien"] = fmt.Sprintf("/vorlagen/%d", paperID)
	paths["sitzung-abgesagt"] = fmt.Sprintf("/sitzungen/%d", w.fix.CancelledMeet)
	paths["person-urheberin"] = fmt.Sprintf("/personen/%d", w.fix.Originator)
	paths["vorlagen-fehleingaben"] = "/vorlagen?von=gestern&bis=2023-13-45&seite=-3&art=Quatsch&gremium=abc&person=abc"
	paths["vorlagen-unbekannt"] = "/vorlagen?gremium=999999999&person=999999999"
	paths["kalender-fehleingabe"] = "/sitzungen?monat=zwölf&gremium=abc"
	paths["suche-ohne-treffer"] = "/suche?q=" + url.QueryEscape("Zzqx Nichtvorhanden")
	paths["suche-zu-lang"] = "/suche?q=" + strings.Repeat("lang", 100)
	paths["datei-melden-404"] = fmt.Sprintf("/dateien/%d/melden", w.fix.SecretFile)
	m, err := w.store.FindMeetingByID(t.Context(), w.city.HearingMeetingID)
	if err == nil && m.LocationID != 0 {
		paths["ort"] = fmt.Sprintf("/orte/%d", m.LocationID)
	}
	return paths
}

// TestEnglishPages renders every page type, the forms' error and thank-you
// pages and the error pages in English. No German UI text may remain: T must
// have found every text it was asked for, and no known German label may show
// where labels stand. The council's own content (names, titles, full texts,
// paper types, results) stays German, as it was written.
func TestEnglishPages(t *testing.T) {
	w := testWorld(t)
	var mu sync.Mutex
	missing := map[string]bool{}
	srv := NewServer(Config{BaseURL: "http://ratsinfo.test", Store: w.store, Feedback: w.store, Now: w.web.now})
	srv.untranslated = func(de string) { mu.Lock(); missing[de] = true; mu.Unlock() }
	mux := http.NewServeMux()
	srv.Register(mux)
	ts := httptest.NewServer(mux)
	defer ts.Close()
	get := func(path string) string {
		req, _ := http.NewRequest("GET", ts.URL+path, nil)
		req.Header.Set("Accept-Language", "en-GB,en;q=0.9,de;q=0.5")
		return fetchBody(t, req)
	}
	post := func(path string, form url.Values) string {
		req, _ := http.NewRequest("POST", ts.URL+path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept-Language", "en")
		return fetchBody(t, req)
	}
	report := fmt.Sprintf("/dateien/%d/melden", w.city.AnswerFileID)
	pages := map[string]string{}
	for name, path := range w.englishPaths(t) {
		pages[name] = get(path)
	}
	pages["formular-fehler"] = post("/barrierefreiheit", url.Values{"text": {""}, "email": {"kein-at"}, "name": {"Zeile\nZwei"}})
	pages["formular-zu-lang"] = post("/barrierefreiheit", url.Values{"text": {strings.Repeat("x", 5001)}})
	pages["melden-danke"] = post(report, url.Values{"text": {"Englischtest: Seite 2 ist unleserlich."}, "grund": {"fehler"}})
	pages["barrierefreiheit-danke"] = post("/barrierefreiheit", url.Values{"text": {"Englischtest: Kontrast im Kalender."}})
	for name, err := range map[string]error{
		"fehler-500": errors.New("boom"),
		"fehler-503": ratsinfo.Errorf(ratsinfo.EUNAVAILABLE, "Die Datenbank ist gesperrt."),
	} {
		rec := httptest.NewRecorder()
		srv.renderError(rec, httptest.NewRequest("GET", "/?lang=en", nil), err)
		pages[name] = rec.Body.String()
	}
	failing := NewServer(Config{BaseURL: "http://ratsinfo.test", Store: w.store, Feedback: failingFeedback{}, Now: w.web.now})
	failing.untranslated = srv.untranslated
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/barrierefreiheit?lang=en", strings.NewReader("text=Englischtest+ohne+Speicher"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	failing.accessibilityFeedback(rec, req)
	pages["formular-503"] = rec.Body.String()

	pages["atom-unbekannte-art"] = get("/vorlagen.atom?art=Quatsch")
	pages["post-start"] = post("/", url.Values{})
	labels := germanLabels(srv.site.English())
	for name, body := range pages {
		if !strings.Contains(body, `<html lang="en">`) {
			t.Errorf("%s: not in English", name)
			continue
		}
		for _, l := range labels {
			if l.re.MatchString(body) {
				t.Errorf("%s: German UI text %q left in the English page", name, l.de)
			}
		}
		for _, s := range w.secrets {
			if strings.Contains(body, s) {
				t.Errorf("%s: contains %q, which must not appear", name, s)
			}
		}
	}
	var left []string
	for de := range missing {
		left = append(left, de)
	}
	sort.Strings(left)
	for _, de := range left {
		t.Errorf("English page showed %q untranslated", de)
	}
}

type germanLabel struct {
	de string
	re *regexp.Regexp
}

// germanLabels are the German UI texts as they would stand on a page: a short
// label alone in an element or attribute, or before a colon or bracket; a
// sentence anywhere. Texts spelled the same in English ("Name") are left out,
// and so are German texts that bypass T: month and weekday names and "Uhr".
func germanLabels(english map[string]string) []germanLabel {
	var out []germanLabel
	add := func(de, pattern string) {
		out = append(out, germanLabel{de: de, re: regexp.MustCompile(pattern)})
	}
	for de, en := range english {
		if de == en || strings.Contains(de, "%") {
			continue
		}
		q := regexp.QuoteMeta(de)
		if len(de) > 30 {
			add(de, q)
			continue
		}
		add(de, `(>|(aria-label|placeholder|title|alt)=")`+q+`(<|"|:| \()`)
	}
	// The calendar's month, after its English heading or caption; a month in a
	// paper's title ("vom 16. Januar 2023") is the council's text.
	for _, de := range monthsDE[1:] {
		add(de, `(Meetings|Calendar) `+de+` \d{4}`)
	}
	for _, de := range site.WeekdaysDE {
		add(de, `>`+regexp.QuoteMeta(de)+` \d`)
	}
	add("Uhr", `\d Uhr\b`)
	add("Sitzung: ", `>Sitzung: `)
	return out
}

func fetchBody(t *testing.T, req *http.Request) string {
	t.Helper()
	res, err := noRedirect.Do(req.WithContext(context.Background()))
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
