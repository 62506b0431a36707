package ratsinfo

import (
	"context"
	"strings"
	"testing"
)

// TestInquiryRights is the rights matrix: every role × every step, decided by
// the domain alone. "+" allowed, "-" refused.
func TestInquiryRights(t *testing.T) {
	const body, person, faction, unit = 1, 10, 20, 30
	q := &Inquiry{BodyID: body, InquirerPersonIDs: []int64{person}, FactionID: faction, UnitID: unit, State: InquiryRegistered,
		Questions: []Question{{Number: 1, Text: "?", Answer: "!", AnswerBy: 6}}}
	as := func(id int64, grants ...Grant) context.Context {
		for i := range grants {
			if grants[i].BodyID == 0 {
				grants[i].BodyID = body
			}
		}
		return WithViewer(context.Background(), Viewer{UserID: id, Role: RoleStaff, Grants: grants})
	}
	viewers := []struct {
		name string
		ctx  context.Context
	}{
		{"anonymous", context.Background()},
		{"staff without grants", WithViewer(context.Background(), Viewer{UserID: 1, Role: RoleStaff})},
		{"inquirer", as(2, Grant{Role: GrantCouncilMember, PersonID: person})},
		{"other member", as(3, Grant{Role: GrantCouncilMember, PersonID: person + 1})},
		{"faction office", as(4, Grant{Role: GrantFactionOffice, OrganizationID: faction})},
		{"other faction", as(5, Grant{Role: GrantFactionOffice, OrganizationID: faction + 1})},
		{"unit (drafted)", as(6, Grant{Role: GrantUnit, OrganizationID: unit})},
		{"other unit", as(7, Grant{Role: GrantUnit, OrganizationID: unit + 1})},
		{"council office", as(8, Grant{Role: GrantCouncilOffice})},
		{"office of another body", as(9, Grant{Role: GrantCouncilOffice, BodyID: body + 1})},
		{"sign-off", as(11, Grant{Role: GrantSignOff})},
		{"sign-off who drafted", as(6, Grant{Role: GrantSignOff}, Grant{Role: GrantUnit, OrganizationID: unit})},
		{"admin", as(12, Grant{Role: GrantAdmin})},
		{"system", SystemContext(context.Background())},
	}
	// Columns: edit, submit, register, answer, submit_answer, approve, send_back, publish, withdraw, read all.
	want := map[string]string{
		"anonymous":              "- - - - - - - - - -",
		"staff without grants":   "- - - - - - - - - -",
		"inquirer":               "+ + - - - - - - + +",
		"other member":           "- - - - - - - - - -",
		"faction office":         "+ + - - - - - - + +",
		"other faction":          "- - - - - - - - - -",
		"unit (drafted)":         "- - - + + - - - - +",
		"other unit":             "- - - - - - - - - -",
		"council office":         "+ + + - - - - + + +",
		"office of another body": "- - - - - - - - - -",
		"sign-off":               "- - - - - + + - - +",
		"sign-off who drafted":   "- - - + + - - - - +",
		"admin":                  "- - - - - - - - - -",
		"system":                 "+ + + + + + + + + +",
	}
	mark := func(err error) string {
		if err == nil {
			return "+"
		}
		if c := ErrorCode(err); c != EFORBIDDEN && c != EUNAUTHORIZED {
			t.Fatalf("refusal with code %q: %v", c, err)
		}
		if !strings.HasPrefix(ErrorMessage(err), "Keine Berechtigung") && !strings.Contains(ErrorMessage(err), "melden Sie sich an") {
			t.Fatalf("refusal without a German reason: %v", err)
		}
		return "-"
	}
	for _, v := range viewers {
		var got []string
		got = append(got, mark(CanEditInquiry(v.ctx, q)))
		for _, a := range []InquiryAction{ActionSubmit, ActionRegister} {
			got = append(got, mark(CanStepInquiry(v.ctx, q, a)))
		}
		got = append(got, mark(CanAnswerInquiry(v.ctx, q)))
		for _, a := range []InquiryAction{ActionSubmitAnswer, ActionApprove, ActionSendBack, ActionPublish, ActionWithdraw} {
			got = append(got, mark(CanStepInquiry(v.ctx, q, a)))
		}
		got = append(got, map[bool]string{true: "+", false: "-"}[MayReadInquiry(v.ctx, q)])
		if g := strings.Join(got, " "); g != want[v.name] {
			t.Errorf("%-22s got %s\n%-22s want %s", v.name, g, "", want[v.name])
		}
	}
}

func TestInquiryPublicForm(t *testing.T) {
	q := &Inquiry{State: InquiryRegistered, ExternalInquirer: "Frau Beispiel", CreatedBy: 3,
		Questions: []Question{{Number: 1, Text: "?", Answer: "Entwurf der Antwort", AnswerBy: 6}}}
	p, ok := q.PublicForm()
	if !ok || p.ExternalInquirer != "" || p.CreatedBy != 0 || p.Questions[0].Answer != "" || p.Questions[0].AnswerBy != 0 {
		t.Fatalf("public form before publication: %+v", p)
	}
	if q.Questions[0].Answer == "" {
		t.Fatal("PublicForm changed the original")
	}
	q.State, q.ExternalInquirerConsent = InquiryPublished, true
	if p, _ := q.PublicForm(); p.Questions[0].Answer == "" || p.ExternalInquirer == "" {
		t.Fatalf("published answer or consented name missing: %+v", p)
	}
	for _, hidden := range []*Inquiry{{State: InquiryDraft}, {State: InquiryPublished, Confidential: true}} {
		if _, ok := hidden.PublicForm(); ok {
			t.Errorf("%+v has a public form", hidden)
		}
	}
}
