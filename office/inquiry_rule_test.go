package office_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// TestInquiryRulesInTheOffice: the council office sets a body's deadline rule
// on /buero/fristregeln; a member reads the rules but may not change them; a
// refused rule comes back with the German reason and what was typed; the
// register form names the rule and plans the meeting, and the deadline is
// counted from that meeting.
func TestInquiryRulesInTheOffice(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		sys := ratsinfo.SystemContext(context.Background())
		body := &ratsinfo.Body{Name: "Stadt Norderstedt", ShortName: "Norderstedt"}
		must(t, e.db.CreateBody(sys, body))
		pender := &ratsinfo.Person{BodyID: body.ID, FormOfAddress: "Herr", GivenName: "Tobias", FamilyName: "Pender"}
		must(t, e.db.CreatePerson(sys, pender))
		unit := &ratsinfo.Organization{BodyID: body.ID, Name: "Stabsstelle Smart City", OrganizationType: ratsinfo.OrgTypeAdminUnit}
		must(t, e.db.CreateOrganization(sys, unit))
		committee := &ratsinfo.Organization{BodyID: body.ID, Name: "Hauptausschuss", OrganizationType: ratsinfo.OrgTypeCommittee}
		must(t, e.db.CreateOrganization(sys, committee))
		start := time.Date(2027, 1, 18, 18, 0, 0, 0, ratsinfo.Berlin())
		meeting := &ratsinfo.Meeting{BodyID: body.ID, Name: "Sitzung des Hauptausschusses", Start: start, End: start.Add(2 * time.Hour),
			OrganizationIDs: []int64{committee.ID}}
		must(t, e.db.CreateMeeting(sys, meeting))
		memberGrant := ratsinfo.Grant{Role: ratsinfo.GrantCouncilMember, BodyID: body.ID, PersonID: pender.ID}
		e.newAccount(t, "pender@example.org", pw, memberGrant)
		e.newAccount(t, "buero@example.org", pw, ratsinfo.Grant{Role: ratsinfo.GrantCouncilOffice, BodyID: body.ID})
		as := func(email string) *browser {
			b := e.browser(t)
			wantStatus(t, b.login(email, pw), http.StatusSeeOther)
			return b
		}
		member, office := as("pender@example.org"), as("buero@example.org")

		const rules = "/buero/fristregeln"
		wantStatus(t, member.get(rules), http.StatusOK, "keine Regel: 1 Monat nach Eingang", "legt das Büro der Stadtvertretung fest")
		if strings.Contains(member.get(rules).body, "speichern") {
			t.Fatal("a member sees the forms of the rules")
		}
		set := url.Values{"action": {"set"}, "paperType": {"Große Anfrage"}, "basis": {"before_meeting"}, "period": {"7 Tage"}}
		wantStatus(t, member.submit(rules, rules, set), http.StatusForbidden, "Fristregeln legt das Büro der Stadtvertretung fest")
		bad := url.Values{"action": {"set"}, "paperType": {"Große Anfrage"}, "basis": {"before_meeting"}, "period": {"1 Monat"}}
		wantStatus(t, office.submit(rules, rules, bad), http.StatusBadRequest, "nicht in Monaten", `value="1 Monat"`)
		wantStatus(t, office.submit(rules, rules, url.Values{"action": {"set"}, "paperType": {"Große Anfrage"}, "basis": {"before_meeting"}, "period": {"sieben"}}),
			http.StatusBadRequest, "keine Frist, die Ratsinfo versteht")
		wantStatus(t, office.submit(rules, rules, set), http.StatusSeeOther)
		wantStatus(t, office.get(rules), http.StatusOK, "7 Tage vor der Sitzung, in der sie behandelt wird", "Regel für „Große Anfrage“ löschen")

		// A Große Anfrage, registered for the meeting on 18 January 2027.
		form := url.Values{"paperType": {"Große Anfrage"}, "title": {"Große Anfrage zur Smart City"}, "questions": {"1"},
			"q1": {"Was kostet das?"}, "action": {"submit"}}
		p := member.submit("/buero/anfragen/neu", "/buero/anfragen/neu", form)
		m := inquiryLocation.FindStringSubmatch(p.header.Get("Location"))
		if m == nil {
			t.Fatalf("create: %d %s", p.status, p.body)
		}
		path := "/buero/anfragen/" + m[1]
		p = office.get(path)
		wantStatus(t, p, http.StatusOK, "Fristregel für „Große Anfrage“: 7 Tage vor der Sitzung", "18.01.2027 18:00 – Sitzung des Hauptausschusses")
		reg := url.Values{"action": {"register"}, "received": {"2026-12-07"}, "unit": {itoa(unit.ID)}, "role": {"Anhörung"}}
		wantStatus(t, office.submit(path, path, reg), http.StatusBadRequest, "Bitte die Sitzung angeben")
		reg.Set("meeting", itoa(meeting.ID))
		wantStatus(t, office.submit(path, path, reg), http.StatusSeeOther)
		wantStatus(t, office.get(path), http.StatusOK, "Frist bis 11.01.2027", "Hauptausschuss, Sitzung am 18.01.2027 um 18:00 Uhr, Anhörung",
			"nach der Fristregel „7 Tage vor der Sitzung")

		wantStatus(t, office.submit(rules, rules, url.Values{"action": {"delete"}, "paperType": {"Große Anfrage"}}), http.StatusSeeOther)
		wantStatus(t, office.submit(rules, rules, url.Values{"action": {"delete"}, "paperType": {"Große Anfrage"}}), http.StatusNotFound, "keine Fristregel")
	})
}
