package ratsinfo

import (
	"context"
	"strings"
	"testing"
)

// TestAccountRightsMatrix asks every account rule with every kind of viewer:
// the public, an account without grants, each role, and the program. Each row
// is what the viewer may do to its own account (id 5) and to another's (id 9).
func TestAccountRightsMatrix(t *testing.T) {
	grant := func(r GrantRole) []Grant {
		g := Grant{Role: r, BodyID: 1}
		switch r {
		case GrantCouncilMember:
			g.PersonID = 3
		case GrantFactionOffice, GrantUnit:
			g.OrganizationID = 4
		}
		return []Grant{g}
	}
	type ops struct{ manage, readOwn, readOther, sessOwn, sessOther, pwOwn, pwOther, tokOwn, tokOther, tokAll, auth bool }
	self := ops{readOwn: true, sessOwn: true, pwOwn: true, tokOwn: true}
	admin := ops{manage: true, readOwn: true, readOther: true, sessOwn: true, sessOther: true, pwOwn: true, tokOwn: true, tokOther: true, tokAll: true}
	rows := []struct {
		name string
		v    Viewer
		want ops
	}{
		{"öffentlich", Viewer{}, ops{}},
		{"Konto ohne Rolle", AccountViewer(&Account{ID: 5}), self},
		{"council_member", AccountViewer(&Account{ID: 5, Grants: grant(GrantCouncilMember)}), self},
		{"faction_office", AccountViewer(&Account{ID: 5, Grants: grant(GrantFactionOffice)}), self},
		{"council_office", AccountViewer(&Account{ID: 5, Grants: grant(GrantCouncilOffice)}), self},
		{"unit", AccountViewer(&Account{ID: 5, Grants: grant(GrantUnit)}), self},
		{"sign_off", AccountViewer(&Account{ID: 5, Grants: grant(GrantSignOff)}), self},
		{"admin", AccountViewer(&Account{ID: 5, Grants: grant(GrantAdmin)}), admin},
		// Staff without an account (a test's or a future import's viewer) is no one's self.
		{"staff ohne Konto", Viewer{Role: RoleStaff}, ops{}},
		{"Programm", Viewer{Role: RoleSystem}, ops{manage: true, readOwn: true, readOther: true, sessOwn: true, sessOther: true,
			pwOwn: true, pwOther: true, tokOwn: true, tokOther: true, tokAll: true, auth: true}},
	}
	for _, row := range rows {
		ctx := WithViewer(context.Background(), row.v)
		got := ops{
			manage: CanManageAccounts(ctx) == nil, readOwn: CanReadAccount(ctx, 5) == nil, readOther: CanReadAccount(ctx, 9) == nil,
			sessOwn: CanManageSessions(ctx, 5) == nil, sessOther: CanManageSessions(ctx, 9) == nil,
			pwOwn: CanSetPassword(ctx, 5) == nil, pwOther: CanSetPassword(ctx, 9) == nil,
			tokOwn: CanManageTokens(ctx, 5) == nil, tokOther: CanManageTokens(ctx, 9) == nil, tokAll: CanManageTokens(ctx, 0) == nil,
			auth: CanAuthenticate(ctx) == nil,
		}
		if got != row.want {
			t.Errorf("%s: got %+v, want %+v", row.name, got, row.want)
		}
		if err := CanManageAccounts(ctx); err != nil && (ErrorCode(err) != EFORBIDDEN || !strings.Contains(err.Error(), "Keine Berechtigung")) {
			t.Errorf("%s: refusal %v", row.name, err)
		}
	}
}

// TestAccountViewerReadsAsStaff keeps the read semantics: an account with any
// grant sees non-public items, one without reads as the public.
func TestAccountViewerReadsAsStaff(t *testing.T) {
	for _, r := range GrantRoles {
		if v := AccountViewer(&Account{ID: 1, Grants: []Grant{{Role: r, BodyID: 1}}}); !v.SeesNonPublic() || v.Role != RoleStaff || !v.Has(r) {
			t.Errorf("%s: %+v", r, v)
		}
	}
	if v := AccountViewer(&Account{ID: 1}); v.SeesNonPublic() || v.UserID != 1 {
		t.Errorf("no grant: %+v", v)
	}
}

func TestAccountValidate(t *testing.T) {
	ok := Account{Email: " amt@norderstedt.de ", Name: " Erika Muster ", Grants: []Grant{
		{Role: GrantCouncilMember, BodyID: 1, PersonID: 7}, {Role: GrantFactionOffice, BodyID: 1, OrganizationID: 3},
		{Role: GrantCouncilOffice, BodyID: 1}, {Role: GrantUnit, BodyID: 1, OrganizationID: 4},
		{Role: GrantSignOff, BodyID: 1}, {Role: GrantAdmin, BodyID: 1}}}
	if err := ok.Validate(); err != nil || ok.Email != "amt@norderstedt.de" || ok.Name != "Erika Muster" {
		t.Fatalf("valid account: %v %+v", err, ok)
	}
	for _, tc := range []struct {
		a     Account
		field string
		want  string
	}{
		{Account{Name: "A"}, "email", "darf nicht leer sein"},
		{Account{Email: "kein-at", Name: "A"}, "email", "keine gültige E-Mail-Adresse"},
		{Account{Email: "a@b.de"}, "name", "darf nicht leer sein"},
		{Account{Email: "a@b.de", Name: strings.Repeat("x", 201)}, "name", "zu lang"},
		{Account{Email: "a@b.de", Name: "A", Grants: []Grant{{Role: "chef", BodyID: 1}}}, "grants.0", "Unbekannte Rolle „chef“"},
		{Account{Email: "a@b.de", Name: "A", Grants: []Grant{{Role: GrantAdmin}}}, "grants.0", "braucht die Körperschaft"},
		{Account{Email: "a@b.de", Name: "A", Grants: []Grant{{Role: GrantCouncilMember, BodyID: 1}}}, "grants.0", "braucht die Person"},
		{Account{Email: "a@b.de", Name: "A", Grants: []Grant{{Role: GrantUnit, BodyID: 1}}}, "grants.0", "braucht die Organisation"},
		{Account{Email: "a@b.de", Name: "A", Grants: []Grant{{Role: GrantAdmin, BodyID: 1, PersonID: 2}}}, "grants.0", "Nur die Rolle Ratsmitglied"},
		{Account{Email: "a@b.de", Name: "A", Grants: []Grant{{Role: GrantSignOff, BodyID: 1, OrganizationID: 2}}}, "grants.0", "Nur die Rollen"},
		{Account{Email: "a@b.de", Name: "A", Grants: []Grant{{Role: GrantAdmin, BodyID: 1}, {Role: GrantAdmin, BodyID: 1}}}, "grants.1", "doppelt"},
	} {
		err := tc.a.Validate()
		e, _ := err.(*Error)
		if e == nil || e.Code != EINVALID || !strings.Contains(e.Fields[tc.field], tc.want) {
			t.Errorf("%+v: got %v, want %s: …%s…", tc.a, err, tc.field, tc.want)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	for pw, want := range map[string]string{
		"kurz":                   "mindestens 12 Zeichen",
		strings.Repeat(" ", 14):  "nur aus Leerzeichen",
		strings.Repeat("x", 201): "zu lang",
		"Stadtvertretung 2026!":  "",
		"äöüäöüäöüäöü":           "", // twelve letters, 24 bytes: length counts characters
	} {
		err := CheckPassword(pw)
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%q: %v, want %q", pw, err, want)
		}
	}
}

func TestNewSecret(t *testing.T) {
	a, ha := NewSecret()
	b, hb := NewSecret()
	if a == b || ha == hb || len(a) != 43 || HashSecret(a) != ha || len(ha) != 64 {
		t.Fatalf("secrets %q %q hashes %q %q", a, b, ha, hb)
	}
}
