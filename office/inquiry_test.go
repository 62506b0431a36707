package office_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/testenv"
)

var inquiryLocation = regexp.MustCompile(`^/buero/anfragen/(\d+)\?gespeichert$`)

// TestInquiryPathInTheOffice walks an inquiry through the office's pages with
// four accounts, as their users would: the member writes and submits it, the
// office registers it, the unit answers, a second editor's stale save is refused
// with the typed text kept, sign-off approves, the office publishes.
func TestInquiryPathInTheOffice(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		sys := ratsinfo.SystemContext(context.Background())
		body := &ratsinfo.Body{Name: "Stadt Norderstedt", ShortName: "Norderstedt"}
		must(t, e.db.CreateBody(sys, body))
		pender := &ratsinfo.Person{BodyID: body.ID, FormOfAddress: "Herr", GivenName: "Tobias", FamilyName: "Pender"}
		must(t, e.db.CreatePerson(sys, pender))
		unit := &ratsinfo.Organization{BodyID: body.ID, Name: "Stabsstelle Smart City", OrganizationType: ratsinfo.OrgTypeAdminUnit}
		must(t, e.db.CreateOrganization(sys, unit))
		g := func(role ratsinfo.GrantRole) ratsinfo.Grant { return ratsinfo.Grant{Role: role, BodyID: body.ID} }
		memberGrant := g(ratsinfo.GrantCouncilMember)
		memberGrant.PersonID = pender.ID
		unitGrant := g(ratsinfo.GrantUnit)
		unitGrant.OrganizationID = unit.ID
		e.newAccount(t, "pender@example.org", pw, memberGrant)
		e.newAccount(t, "buero@example.org", pw, g(ratsinfo.GrantCouncilOffice))
		e.newAccount(t, "smartcity@example.org", pw, unitGrant)
		e.newAccount(t, "kollegin@example.org", pw, unitGrant)
		e.newAccount(t, "ob@example.org", pw, g(ratsinfo.GrantSignOff))
		as := func(email string) *browser {
			b := e.browser(t)
			wantStatus(t, b.login(email, pw), http.StatusSeeOther)
			return b
		}
		member, office, unitB, colleague, signer := as("pender@example.org"), as("buero@example.org"),
			as("smartcity@example.org"), as("kollegin@example.org"), as("ob@example.org")

		// The form keeps what was typed through "add" and "move up".
		form := url.Values{"title": {"Anfrage zum Thema Smart City Offensive"}, "questions": {"2"},
			"q1": {"Wie hoch waren die Reisekosten?"}, "q2": {"Welche Projekte gibt es?"}, "p2": {"Welche laufen?\nWelche sind geplant?"}}
		form.Set("action", "add")
		p := member.submit("/buero/anfragen/neu", "/buero/anfragen/neu", form)
		wantStatus(t, p, http.StatusOK, "Frage 3", "Welche sind geplant?")
		form.Set("action", "up-2")
		p = member.submit("/buero/anfragen/neu", "/buero/anfragen/neu", form)
		if strings.Index(p.body, "Welche Projekte") > strings.Index(p.body, "Wie hoch waren") {
			t.Fatalf("question 2 did not move up:\n%s", p.body)
		}
		form.Set("action", "submit")
		p = member.submit("/buero/anfragen/neu", "/buero/anfragen/neu", url.Values{"title": {""}, "questions": {"1"}, "q1": {""}, "action": {"submit"}})
		wantStatus(t, p, http.StatusBadRequest, "Titel: darf nicht leer sein", "mindestens eine Frage")
		p = member.submit("/buero/anfragen/neu", "/buero/anfragen/neu", form)
		wantStatus(t, p, http.StatusSeeOther)
		m := inquiryLocation.FindStringSubmatch(p.header.Get("Location"))
		if m == nil {
			t.Fatalf("create went to %q", p.header.Get("Location"))
		}
		path := "/buero/anfragen/" + m[1]
		wantStatus(t, member.get(path), http.StatusOK, "eingereicht", "Welche sind geplant?")

		// Only the office registers; the member does not even see the form.
		if strings.Contains(member.get(path).body, "Registrieren") {
			t.Fatal("the member sees the registration form")
		}
		wantStatus(t, member.submit(path, path, url.Values{"action": {"register"}, "received": {"2023-01-16"}, "unit": {itoa(unit.ID)}}),
			http.StatusForbidden, "Büro der Stadtvertretung")
		wantStatus(t, office.submit(path, path, url.Values{"action": {"register"}, "received": {"2023-01-16"}, "unit": {itoa(unit.ID)}, "period": {"2 Wochen"}}),
			http.StatusSeeOther)
		wantStatus(t, office.get(path), http.StatusOK, "A 23/0001", "Frist bis 30.01.2023")

		// Two editors: the second saves over a state it did not load and is
		// refused, with its text still in the form.
		colleaguePage := colleague.get(path)
		loaded := regexp.MustCompile(`name="number" value="1"><input type="hidden" name="loaded" value="([^"]*)"`).FindStringSubmatch(colleaguePage.body)
		if loaded == nil {
			t.Fatalf("no answer form for the unit:\n%s", colleaguePage.body)
		}
		wantStatus(t, unitB.submit(path, path, url.Values{"action": {"answer"}, "number": {"1"}, "loaded": {""},
			"answer": {"Die Reisekosten betrugen 1.374,64 Euro."}}), http.StatusSeeOther)
		p = colleague.submit(path, path, url.Values{"action": {"answer"}, "number": {"1"}, "loaded": {loaded[1]},
			"answer": {"Meine eigene Fassung der Antwort"}})
		wantStatus(t, p, http.StatusConflict, "inzwischen von jemand anderem geändert", "Meine eigene Fassung der Antwort")
		wantStatus(t, unitB.submit(path, path, url.Values{"action": {"answer"}, "number": {"2"}, "loaded": {""},
			"answer": {"- Parkraumsensoren\n- Knotenpunkt-Zählung <script>alert(1)</script>"}}), http.StatusSeeOther)
		wantStatus(t, unitB.submit(path, path, url.Values{"action": {"submit_answer"}}), http.StatusSeeOther)

		// Sign-off: never by the drafter; sending back needs a comment.
		wantStatus(t, signer.submit(path, path, url.Values{"action": {"send_back"}}), http.StatusBadRequest, "was an der Antwort zu ändern ist")
		wantStatus(t, signer.submit(path, path, url.Values{"action": {"approve"}}), http.StatusSeeOther)
		p = signer.get(path)
		if strings.Contains(p.body, "<script>alert(1)</script>") || !strings.Contains(p.body, "&lt;script&gt;") {
			t.Fatal("the answer's markup was not escaped on the office page")
		}
		p = office.submit(path, path, url.Values{"action": {"publish"}})
		if os.Getenv("RATSINFO_TEST_CHROMIUM") == "" {
			wantStatus(t, p, http.StatusServiceUnavailable, "Chromium")
			testenv.Getenv(t, "RATSINFO_TEST_CHROMIUM", "Browsertests (PDF der Antwort)") // skips the rest
		}
		wantStatus(t, p, http.StatusSeeOther)
		wantStatus(t, office.get(path), http.StatusOK, "beantwortet", "öffentliche Antwortvorlage")
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
