package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// scenario is one request and what its answer must and must not contain.
type scenario struct {
	name   string
	path   string
	status int
	want   []string
	absent []string
}

func (w *world) scenarios() []scenario {
	c, f := w.city, w.fix
	return []scenario{
		{name: "start page", path: "/", status: 200,
			want: []string{"Nächste Sitzungen", "Leaktest-Sitzung Hauptausschuss", "Neue Antworten auf Anfragen", `href="#inhalt"`, "Zum Inhalt springen"}},
		{name: "answer paper", path: fmt.Sprintf("/vorlagen/%d", c.AnswerPaperID), status: 200,
			want: []string{"Beantwortung der Anfrage von Herrn Pender", "A 23/0012", "Beratungsfolge", "Hauptausschuss", "27.02.2023", "Anhörung",
				"Beantwortet die Anfrage", fmt.Sprintf(`href="/vorlagen/%d"`, c.InquiryPaperID), "Stabsstelle Digitalisierung",
				"1.374,64 €", "Projekt „NorderstedtGO!", fmt.Sprintf("/oparl/v1.1/file/%d/access", c.AnswerFileID),
				fmt.Sprintf("/oparl/v1.1/file/%d/download", c.AnswerFileID)},
			absent: []string{"Pro- jekt", "Teil- nahme", `class="toc"`, "compact"}},
		{name: "inquiry paper links its answer", path: fmt.Sprintf("/vorlagen/%d", c.InquiryPaperID), status: 200,
			want: []string{"Antwort auf diese Anfrage", fmt.Sprintf(`href="/vorlagen/%d"`, c.AnswerPaperID), "Anfrage"}},
		{name: "hearing meeting", path: fmt.Sprintf("/sitzungen/%d", c.HearingMeetingID), status: 200,
			want: []string{"Hauptausschuss", "27.02.2023", "Tagesordnung", fmt.Sprintf(`id="top-%d"`, c.HearingAgendaItemID),
				fmt.Sprintf(`href="/vorlagen/%d"`, c.AnswerPaperID)}},
		{name: "meeting with non-public item", path: fmt.Sprintf("/sitzungen/%d", f.Meeting), status: 200,
			want: []string{"Leaktest-Sitzung Hauptausschuss", "Öffentlicher Punkt Radweg", "Nichtöffentlicher Tagesordnungspunkt", "Öffentliche Vorlage Leaktest Radweg", "eingeladen",
				`datetime="2026-12-14T18:00:00&#43;01:00"`}, // Berlin's offset; html/template writes + as &#43;
			absent: []string{`datetime="2026-12-14T17:00:00Z"`, `class="toc"`}}, // two items need no jump links
		{name: "cancelled meeting", path: fmt.Sprintf("/sitzungen/%d", f.CancelledMeet), status: 200,
			want: []string{"abgesagt", "Diese Sitzung wurde abgesagt."}},
		{name: "meeting calendar month", path: "/sitzungen?monat=2026-12", status: 200,
			want: []string{"Dezember 2026", "Leaktest-Sitzung Hauptausschuss", "Abgesagte Leaktest-Sitzung", "abgesagt", `rel="next"`}},
		{name: "meeting calendar by committee", path: fmt.Sprintf("/sitzungen?monat=2023-02&gremium=%d", c.MainCommitteeID), status: 200,
			want: []string{"Februar 2023", fmt.Sprintf(`href="/sitzungen/%d"`, c.HearingMeetingID)}},
		{name: "meeting year by committee", path: fmt.Sprintf("/sitzungen?jahr=2023&gremium=%d", c.MainCommitteeID), status: 200,
			want: []string{"Sitzungen im Jahr 2023", `<h2 id="monat-2023-02">Februar 2023</h2>`, fmt.Sprintf(`href="/sitzungen/%d"`, c.HearingMeetingID),
				fmt.Sprintf(`href="/sitzungen?jahr=2022&amp;gremium=%d" rel="prev"`, c.MainCommitteeID)},
			absent: []string{"Leaktest-Sitzung", "Dezember 2026"}},
		{name: "meeting year of all", path: "/sitzungen?jahr=2026", status: 200,
			want: []string{"Sitzungen im Jahr 2026", "Leaktest-Sitzung Hauptausschuss", `<h2 id="monat-2026-12">Dezember 2026</h2>`}},
		{name: "meeting year bad input", path: "/sitzungen?jahr=zwanzig&gremium=abc", status: 200,
			want: []string{"Das Jahr wurde nicht verstanden", "Das Gremium wurde nicht verstanden", "Sitzungen im Jahr 2026"}},
		{name: "meeting calendar German month", path: fmt.Sprintf("/sitzungen?monat=02.2023&gremium=%d", c.MainCommitteeID), status: 200,
			want:   []string{"Sitzungen Februar 2023", fmt.Sprintf(`href="/sitzungen/%d"`, c.HearingMeetingID), `value="2023-02"`},
			absent: []string{"nicht verstanden"}},
		{name: "meeting calendar month by name", path: "/sitzungen?monat=Februar+2023", status: 200,
			want: []string{"Sitzungen Februar 2023", `href="/sitzungen?jahr=2023"`}, absent: []string{"nicht verstanden"}},
		{name: "meeting calendar month with slash", path: "/sitzungen?monat=2%2F2023", status: 200,
			want: []string{"Sitzungen Februar 2023"}, absent: []string{"nicht verstanden"}},
		{name: "committee page links every year", path: fmt.Sprintf("/gremien/%d", c.MainCommitteeID), status: 200,
			want: []string{"Sitzungen nach Jahr", fmt.Sprintf(`href="/sitzungen?jahr=2023&amp;gremium=%d"`, c.MainCommitteeID)}},
		{name: "meeting calendar bad month", path: "/sitzungen?monat=zwölf&gremium=abc", status: 200,
			want: []string{"Der Monat wurde nicht verstanden; erwartet wird zum Beispiel 02.2023", "Das Gremium wurde nicht verstanden"}},
		{name: "paper list", path: "/vorlagen", status: 200, want: []string{"Vorlagen gefunden", "Öffentliche Vorlage Leaktest Radweg"}},
		{name: "paper list by type", path: "/vorlagen?art=Anfrage&q=Pender", status: 200,
			want: []string{"Anfrage von Herrn Pender"}, absent: []string{"Beantwortung der Anfrage von Herrn Pender"}},
		{name: "paper list bad input", path: "/vorlagen?von=gestern&bis=2023-13-45&seite=-3&art=Quatsch&gremium=999999", status: 200,
			want: []string{"„von“ wurde nicht verstanden", "„bis“ wurde nicht verstanden", "Seitenzahl", "Vorlagenart", "Dieses Gremium gibt es nicht"}},
		{name: "paper list text and dates", path: "/vorlagen?q=pender&von=2023-01-01&bis=2023-12-31", status: 200,
			want: []string{"Anfrage von Herrn Pender", "Beantwortung der Anfrage von Herrn Pender"}},
		{name: "paper list by originating person", path: fmt.Sprintf("/vorlagen?person=%d", f.Originator), status: 200,
			want: []string{"Antrag der Leaktest-Urheberin zum Stadtpark", "1 Vorlagen gefunden", `<label for="f-person">Urheber*in (Person)</label>`,
				fmt.Sprintf(`<option value="%d" selected>Urte Urheberin-Leaktest</option>`, f.Originator)},
			absent: []string{"Öffentliche Vorlage Leaktest Radweg", "Anfrage von Herrn Pender", "A 22/9101"}},
		{name: "paper list by person and type", path: fmt.Sprintf("/vorlagen?person=%d&art=Anfrage", f.Pender), status: 200,
			want:   []string{"Anfrage von Herrn Pender zum Thema Smart City Offensive"},
			absent: []string{"Beantwortung der Anfrage von Herrn Pender", "Antrag der Leaktest-Urheberin"}},
		{name: "paper list by person and committee", path: fmt.Sprintf("/vorlagen?person=%d&gremium=%d", f.Originator, c.MainCommitteeID), status: 200,
			want: []string{"0 Vorlagen gefunden"}, absent: []string{"Antrag der Leaktest-Urheberin"}},
		{name: "paper list by originating unit", path: fmt.Sprintf("/vorlagen?gremium=%d&q=Pender", c.DigitalUnitID), status: 200,
			want:   []string{"Beantwortung der Anfrage von Herrn Pender"},
			absent: []string{"Öffentliche Vorlage Leaktest Radweg", "Antrag der Leaktest-Urheberin", `id="f-person"`}},
		// The case: the demo's inquiry of 2023 is not consulted itself; its answer is heard in the Hauptausschuss.
		{name: "paper list inquiries heard by committee", path: fmt.Sprintf("/vorlagen?art=Anfrage&gremium=%d&von=2023-01-01&bis=2023-12-31", c.MainCommitteeID), status: 200,
			want:   []string{"Anfrage von Herrn Pender zum Thema Smart City Offensive", fmt.Sprintf(`href="/vorlagen/%d"`, c.InquiryPaperID)},
			absent: []string{"0 Vorlagen gefunden", "Beantwortung der Anfrage von Herrn Pender"}},
		{name: "paper list bad person", path: "/vorlagen?person=abc", status: 200,
			want:   []string{"Die Person wurde nicht verstanden; angezeigt werden die Vorlagen aller Personen.", "Vorlagen gefunden", "Öffentliche Vorlage Leaktest Radweg"},
			absent: []string{`id="f-person"`}},
		{name: "paper list unknown person", path: "/vorlagen?person=999999999", status: 200,
			want:   []string{"Diese Person gibt es nicht; angezeigt werden die Vorlagen aller Personen."},
			absent: []string{`id="f-person"`}},
		{name: "paper list negative person", path: "/vorlagen?person=-4", status: 200,
			want: []string{"Die Person wurde nicht verstanden"}},
		{name: "originator links her papers", path: fmt.Sprintf("/personen/%d", f.Originator), status: 200,
			want:   []string{"Antrag der Leaktest-Urheberin zum Stadtpark", fmt.Sprintf(`<a href="/vorlagen?person=%d">Alle Vorlagen dieser Person</a>`, f.Originator)},
			absent: []string{"A 22/9101"}},
		{name: "search by reference", path: "/suche?q=A+23%2F0012", status: 200,
			want: []string{"Anfrage von Herrn Pender", "Treffer"}},
		{name: "search empty", path: "/suche", status: 200, want: []string{"Titel oder Vorlagennummer"}},
		{name: "organizations", path: "/gremien", status: 200, want: []string{"Hauptausschuss", "Stabsstelle Digitalisierung"}},
		{name: "main committee", path: fmt.Sprintf("/gremien/%d", c.MainCommitteeID), status: 200,
			want: []string{"Hauptausschuss", "Mitglieder", "Nächste Sitzungen", "Leaktest-Sitzung Hauptausschuss", "Leaktestperson", "/sitzungen.ics"}},
		{name: "persons", path: "/personen", status: 200, want: []string{"Leaktestperson, Scheue"}},
		{name: "shy person", path: fmt.Sprintf("/personen/%d", f.ShyPerson), status: 200,
			want: []string{"Scheue Leaktestperson", "Hauptausschuss", "Mitglied"}, absent: []string{"E-Mail", "Telefon"}},
		{name: "answer file", path: fmt.Sprintf("/dateien/%d", c.AnswerFileID), status: 200,
			want: []string{"Beantwortung der Anfrage", "Datei herunterladen", fmt.Sprintf(`href="/vorlagen/%d"`, c.AnswerPaperID)}},
		{name: "secret paper is not found", path: fmt.Sprintf("/vorlagen/%d", f.SecretPaper), status: 404, want: []string{"Seite nicht gefunden", `href="/"`}},
		{name: "secret file is not found", path: fmt.Sprintf("/dateien/%d", f.SecretFile), status: 404},
		{name: "non-public item leads to its bare number", path: fmt.Sprintf("/tagesordnungspunkte/%d", f.SecretItem), status: 301},
		{name: "public item redirects", path: fmt.Sprintf("/tagesordnungspunkte/%d", f.PublicItem), status: 301},
		{name: "unknown paper", path: "/vorlagen/999999999", status: 404, want: []string{"Seite nicht gefunden", "Zur Startseite"}},
		{name: "malformed id", path: "/vorlagen/abc", status: 404, want: []string{"Seite nicht gefunden"}},
		{name: "unknown path", path: "/gibt/es/nicht", status: 404, want: []string{"Seite nicht gefunden"}},
		{name: "meeting ICS", path: fmt.Sprintf("/sitzungen/%d.ics", f.Meeting), status: 200,
			want: []string{"BEGIN:VCALENDAR", "TZID:Europe/Berlin", "DTSTART;TZID=Europe/Berlin:20261214T180000", "TOP 2 Nichtöffentlicher Tagesordnungspunkt"}},
		{name: "healthz", path: "/healthz", status: 200, want: []string{"ok"}},
		{name: "imprint", path: "/impressum", status: 200, want: []string{"Impressum", "Norderstedt"}},
		{name: "privacy", path: "/datenschutz", status: 200, want: []string{"Datenschutz-Grundverordnung"}},
		{name: "accessibility statement", path: "/barrierefreiheit", status: 200,
			want: []string{"Erklärung zur Barrierefreiheit", "BITV 2.0", `method="post"`, "Ihre Nachricht"}},
		{name: "report file form", path: fmt.Sprintf("/dateien/%d/melden", c.AnswerFileID), status: 200,
			want: []string{"Datei melden", "Personenbezogene Daten", `method="post"`}},
		{name: "report secret file", path: fmt.Sprintf("/dateien/%d/melden", f.SecretFile), status: 404},
		{name: "english", path: "/?lang=en", status: 200, want: []string{`lang="en"`, "Skip to content", "Meetings", "Papers"}},
	}
}

func TestPages(t *testing.T) {
	w := testWorld(t)
	for _, sc := range w.scenarios() {
		t.Run(sc.name, func(t *testing.T) {
			res, body := w.get(t, sc.path)
			if strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") {
				body = unfoldICS(body)
			}
			if res.StatusCode != sc.status {
				t.Fatalf("GET %s: status %d, want %d\n%s", sc.path, res.StatusCode, sc.status, excerpt(body))
			}
			for _, s := range sc.want {
				if !strings.Contains(body, s) {
					t.Errorf("GET %s: missing %q", sc.path, s)
				}
			}
			for _, s := range append(sc.absent, w.secrets...) {
				if strings.Contains(body, s) {
					t.Errorf("GET %s: contains %q, which must not appear", sc.path, s)
				}
			}
		})
	}
}

// TestRedirectTargets checks that minor kinds lead to the page that shows them.
func TestRedirectTargets(t *testing.T) {
	w := testWorld(t)
	res, _ := w.get(t, fmt.Sprintf("/tagesordnungspunkte/%d", w.fix.PublicItem))
	if loc := res.Header.Get("Location"); loc != fmt.Sprintf("/sitzungen/%d#top-%d", w.fix.Meeting, w.fix.PublicItem) {
		t.Errorf("agenda item redirects to %q", loc)
	}
	cons, err := w.store.FindConsultations(t.Context(), ratsinfo.ConsultationFilter{PaperIDs: []int64{w.city.AnswerPaperID}})
	if err != nil || len(cons) == 0 {
		t.Fatalf("consultations of the answer: %v", err)
	}
	res, _ = w.get(t, fmt.Sprintf("/beratungen/%d", cons[0].ID))
	if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, fmt.Sprintf("/vorlagen/%d#beratung-", w.city.AnswerPaperID)) {
		t.Errorf("consultation redirects to %q", loc)
	}
}

func TestConditionalGet(t *testing.T) {
	w := testWorld(t)
	for _, path := range []string{fmt.Sprintf("/vorlagen/%d", w.city.AnswerPaperID), "/sitzungen.ics"} {
		res, _ := w.get(t, path)
		etag := res.Header.Get("ETag")
		if etag == "" || res.Header.Get("Last-Modified") == "" {
			t.Fatalf("%s: ETag %q, Last-Modified %q", path, etag, res.Header.Get("Last-Modified"))
		}
		lastMod := res.Header.Get("Last-Modified")
		res, body := w.get(t, path, "If-None-Match", etag)
		if res.StatusCode != http.StatusNotModified || body != "" {
			t.Errorf("%s with If-None-Match: %d, %d bytes", path, res.StatusCode, len(body))
		}
		res, _ = w.get(t, path, "If-Modified-Since", lastMod)
		if res.StatusCode != http.StatusNotModified {
			t.Errorf("%s with If-Modified-Since: %d", path, res.StatusCode)
		}
	}
}

func TestAssetsCachedForever(t *testing.T) {
	w := testWorld(t)
	_, page := w.get(t, "/")
	url := w.web.site.Assets().URL("style.css")
	if !strings.Contains(page, `href="`+url+`"`) {
		t.Fatalf("page does not link %s", url)
	}
	res, body := w.get(t, url)
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") || !strings.Contains(body, "@media print") {
		t.Errorf("asset: %d %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	if res, _ := w.get(t, "/static/style.0000.css"); res.StatusCode != 404 {
		t.Errorf("unknown asset: %d", res.StatusCode)
	}
}

func excerpt(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}

// unfoldICS joins folded calendar lines and undoes TEXT escapes, so tests can
// look for plain phrases.
func unfoldICS(s string) string {
	s = strings.ReplaceAll(s, "\r\n ", "")
	return strings.NewReplacer(`\n`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`).Replace(s)
}
