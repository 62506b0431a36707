package office_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

var hiddenRe = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`)

// hiddenFields are the hidden inputs of a page, as a browser would send them.
func hiddenFields(body string) url.Values {
	v := url.Values{}
	for _, m := range hiddenRe.FindAllStringSubmatch(body, -1) {
		v.Add(html.UnescapeString(m[1]), html.UnescapeString(m[2]))
	}
	return v
}

var (
	textareaRe  = regexp.MustCompile(`(?s)<textarea id="[^"]+" name="([^"]+)"[^>]*>(.*?)</textarea>`)
	textInputRe = regexp.MustCompile(`<input type="text" id="[^"]+" name="([^"]+)" value="([^"]*)">`)
)

// formFields are the hidden inputs, text lines and text areas of a page.
func formFields(body string) url.Values {
	v := hiddenFields(body)
	for _, m := range textInputRe.FindAllStringSubmatch(body, -1) {
		v.Add(html.UnescapeString(m[1]), html.UnescapeString(m[2]))
	}
	for _, m := range textareaRe.FindAllStringSubmatch(body, -1) {
		v.Add(html.UnescapeString(m[1]), html.UnescapeString(m[2]))
	}
	return v
}

// TestExpiredSessionKeepsTyping: an answer typed while the session ran out
// (idle too long), and a new inquiry sent by a browser whose session cookie is
// gone altogether, are not saved and not lost: the login page carries them,
// after the login they come back for checking, and sending them saves them.
// Nothing is saved before that confirmation.
func TestExpiredSessionKeepsTyping(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		sys := ratsinfo.SystemContext(context.Background())
		body := &ratsinfo.Body{Name: "Stadt Norderstedt", ShortName: "Norderstedt"}
		must(t, e.db.CreateBody(sys, body))
		pender := &ratsinfo.Person{BodyID: body.ID, FormOfAddress: "Herr", GivenName: "Tobias", FamilyName: "Pender"}
		must(t, e.db.CreatePerson(sys, pender))
		unit := &ratsinfo.Organization{BodyID: body.ID, Name: "Stabsstelle Smart City", OrganizationType: ratsinfo.OrgTypeAdminUnit}
		must(t, e.db.CreateOrganization(sys, unit))
		memberGrant := ratsinfo.Grant{Role: ratsinfo.GrantCouncilMember, BodyID: body.ID, PersonID: pender.ID}
		unitGrant := ratsinfo.Grant{Role: ratsinfo.GrantUnit, BodyID: body.ID, OrganizationID: unit.ID}
		e.newAccount(t, "pender@example.org", pw, memberGrant)
		e.newAccount(t, "smartcity@example.org", pw, unitGrant)
		q := &ratsinfo.Inquiry{BodyID: body.ID, Title: "Anfrage zur Smart City", InquirerPersonIDs: []int64{pender.ID},
			Questions: []ratsinfo.Question{{Text: "Wie hoch waren die Reisekosten?"}}}
		must(t, e.db.CreateInquiry(sys, q))
		_, err := e.db.StepInquiry(sys, q.ID, ratsinfo.ActionSubmit, "")
		must(t, err)
		_, err = e.db.RegisterInquiry(sys, q.ID, ratsinfo.Registration{ReceivedOn: ratsinfo.NewDate(2026, 12, 1), UnitID: unit.ID})
		must(t, err)
		path := inquiryPath(q.ID)

		// The unit opens the answer form, is called away, and sends its
		// answer three hours later: the session has been idle too long.
		b := e.browser(t)
		wantStatus(t, b.login("smartcity@example.org", pw), http.StatusSeeOther)
		form := b.get(path)
		token := csrfRe.FindStringSubmatch(form.body)
		loaded := regexp.MustCompile(`name="number" value="1"><input type="hidden" name="loaded" value="([^"]*)"`).FindStringSubmatch(form.body)
		if token == nil || loaded == nil {
			t.Fatalf("no answer form:\n%s", form.body)
		}
		e.clock.advance(3 * time.Hour)
		answer := "Die Reisekosten betrugen 1.374,64 Euro.\n- Flug\n- Hotel <b>teuer</b> & „Spesen“"
		p := b.post(path, url.Values{"csrf": {token[1]}, "action": {"answer"}, "number": {"1"}, "loaded": {loaded[1]}, "answer": {answer}})
		wantStatus(t, p, http.StatusUnauthorized, "Ihre Sitzung ist abgelaufen", "nicht verloren")
		if got, _ := e.db.FindInquiry(sys, q.ID); got.Questions[0].Answer != "" {
			t.Fatalf("the answer was saved without a session: %q", got.Questions[0].Answer)
		}
		kept := hiddenFields(p.body)
		if kept.Get("eingabe.answer") != answer || kept.Get("zurueck") != path || kept.Get("eingabe.csrf") != "" {
			t.Fatalf("the login page does not carry the typed answer: %v", kept)
		}

		// A wrong password keeps them too; the right one shows them for checking.
		kept.Set("email", "smartcity@example.org")
		kept.Set("password", "falsch")
		p = b.post("/buero/anmelden", kept)
		wantStatus(t, p, http.StatusUnauthorized, "Passwort ist falsch")
		kept = hiddenFields(p.body)
		kept.Set("email", "smartcity@example.org")
		kept.Set("password", pw)
		p = b.post("/buero/anmelden", kept)
		wantStatus(t, p, http.StatusOK, "Ihre Eingaben", "Jetzt speichern", `action="`+path+`"`)
		if got, _ := e.db.FindInquiry(sys, q.ID); got.Questions[0].Answer != "" {
			t.Fatal("the answer was saved before the user confirmed it")
		}
		restored := formFields(p.body)
		if restored.Get("answer") != answer || restored.Get("number") != "1" || restored.Get("loaded") != loaded[1] {
			t.Fatalf("restored form: %v", restored)
		}
		wantStatus(t, b.post(path, restored), http.StatusSeeOther)
		if got, _ := e.db.FindInquiry(sys, q.ID); got.Questions[0].Answer != answer {
			t.Fatalf("saved answer %q, want %q", got.Questions[0].Answer, answer)
		}

		// A browser without any cookie (the session cookie expired with the
		// session) sends a new inquiry: no form token can match, still nothing
		// typed is lost.
		nb := e.browser(t)
		p = nb.post("/buero/anfragen/neu", url.Values{"csrf": {"veraltet"}, "action": {"submit"}, "title": {"Anfrage zu Radwegen"},
			"questions": {"2"}, "q1": {"Wie viele Kilometer?"}, "q2": {"Was kostet es?"}, "p2": {"Im Bau?\nGeplant?"}})
		wantStatus(t, p, http.StatusUnauthorized, "Ihre Sitzung ist abgelaufen")
		kept = hiddenFields(p.body)
		kept.Set("email", "pender@example.org")
		kept.Set("password", pw)
		p = nb.post("/buero/anmelden", kept)
		wantStatus(t, p, http.StatusOK, "Titel", "Frage 1", "Unterpunkte zu Frage 2", "Im Bau?\nGeplant?")
		p = nb.post("/buero/anfragen/neu", formFields(p.body))
		wantStatus(t, p, http.StatusSeeOther)
		m := inquiryLocation.FindStringSubmatch(p.header.Get("Location"))
		if m == nil {
			t.Fatalf("create went to %q", p.header.Get("Location"))
		}
		created := nb.get("/buero/anfragen/" + m[1])
		wantStatus(t, created, http.StatusOK, "Anfrage zu Radwegen", "eingereicht", "Was kostet es?", "Geplant?")
		if strings.Count(created.body, "Wie viele Kilometer?") != 1 {
			t.Error("question 1 not saved once")
		}
	})
}

func inquiryPath(id int64) string { return "/buero/anfragen/" + itoa(id) }
