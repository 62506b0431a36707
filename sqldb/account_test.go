package sqldb

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

var system = ratsinfo.SystemContext(context.Background())

func as(a *ratsinfo.Account) context.Context {
	return ratsinfo.WithViewer(context.Background(), ratsinfo.AccountViewer(a))
}

func newAccount(t *testing.T, db *DB, email string, grants ...ratsinfo.Grant) *ratsinfo.Account {
	t.Helper()
	a := &ratsinfo.Account{Email: email, Name: "Konto " + email, Grants: grants}
	must(t, db.CreateAccount(system, a))
	return a
}

func TestAccounts(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, c *clock) {
		admin := newAccount(t, db, "Admin@Norderstedt.de", ratsinfo.Grant{Role: ratsinfo.GrantAdmin, BodyID: 1})
		member := newAccount(t, db, "rat@example.org", ratsinfo.Grant{Role: ratsinfo.GrantCouncilMember, BodyID: 1, PersonID: 7},
			ratsinfo.Grant{Role: ratsinfo.GrantFactionOffice, BodyID: 1, OrganizationID: 3})
		if admin.ID == 0 || member.ID == admin.ID || admin.Created.IsZero() {
			t.Fatalf("created %+v %+v", admin, member)
		}
		// E-mail is unique regardless of case.
		e := wantCode(t, db.CreateAccount(system, &ratsinfo.Account{Email: "admin@norderstedt.DE", Name: "X"}), ratsinfo.ECONFLICT)
		if !strings.Contains(e.Message, "gibt es schon") {
			t.Errorf("duplicate: %v", e)
		}
		wantCode(t, db.CreateAccount(system, &ratsinfo.Account{Email: "x", Name: ""}), ratsinfo.EINVALID)

		// Rights: only an admin (or the program) manages accounts; an account reads itself.
		wantCode(t, db.CreateAccount(as(member), &ratsinfo.Account{Email: "neu@example.org", Name: "Neu"}), ratsinfo.EFORBIDDEN)
		wantCode(t, db.CreateAccount(bg, &ratsinfo.Account{Email: "neu@example.org", Name: "Neu"}), ratsinfo.EFORBIDDEN)
		_, err := db.FindAccounts(as(member))
		wantCode(t, err, ratsinfo.EFORBIDDEN)
		_, err = db.FindAccountByID(as(member), admin.ID)
		wantCode(t, err, ratsinfo.EFORBIDDEN)
		got, err := db.FindAccountByID(as(member), member.ID)
		must(t, err)
		if len(got.Grants) != 2 || got.Grants[0] != member.Grants[0] || got.Grants[1] != member.Grants[1] || got.Email != "rat@example.org" {
			t.Fatalf("read back %+v", got)
		}
		all, err := db.FindAccounts(as(admin))
		must(t, err)
		if len(all) != 2 || all[0].ID != admin.ID {
			t.Fatalf("list %+v", all)
		}
		byMail, err := db.FindAccountByEmail(as(admin), " RAT@example.org")
		must(t, err)
		if byMail.ID != member.ID {
			t.Fatalf("by e-mail: %+v", byMail)
		}
		_, err = db.FindAccountByID(system, 999)
		wantCode(t, err, ratsinfo.ENOTFOUND)

		// Update: grants replaced, validated.
		grants := []ratsinfo.Grant{{Role: ratsinfo.GrantUnit, BodyID: 1, OrganizationID: 9}}
		wantCode(t, db.UpdateAccount(as(member), member.ID, ratsinfo.AccountUpdate{Grants: &grants}), ratsinfo.EFORBIDDEN)
		must(t, db.UpdateAccount(as(admin), member.ID, ratsinfo.AccountUpdate{Grants: &grants}))
		bad := []ratsinfo.Grant{{Role: ratsinfo.GrantUnit, BodyID: 1}}
		wantCode(t, db.UpdateAccount(as(admin), member.ID, ratsinfo.AccountUpdate{Grants: &bad}), ratsinfo.EINVALID)
		got, _ = db.FindAccountByID(system, member.ID)
		if len(got.Grants) != 1 || got.Grants[0] != grants[0] {
			t.Fatalf("grants after update: %+v", got.Grants)
		}

		// Passwords: only the account itself or the program sets one; the admin cannot.
		wantCode(t, db.SetPasswordHash(as(admin), member.ID, "x"), ratsinfo.EFORBIDDEN)
		must(t, db.SetPasswordHash(as(member), member.ID, "$argon2id$eins"))
		_, hash, err := db.PasswordHash(system, "Rat@Example.org")
		must(t, err)
		if hash != "$argon2id$eins" {
			t.Fatalf("hash %q", hash)
		}
		_, _, err = db.PasswordHash(as(admin), "rat@example.org")
		wantCode(t, err, ratsinfo.EFORBIDDEN)
		_, _, err = db.PasswordHash(system, "niemand@example.org")
		wantCode(t, err, ratsinfo.ENOTFOUND)
	})
}

func TestSessions(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, c *clock) {
		a := newAccount(t, db, "rat@example.org", ratsinfo.Grant{Role: ratsinfo.GrantCouncilOffice, BodyID: 1})
		other := newAccount(t, db, "andere@example.org")
		lim := ratsinfo.SessionLimits{Idle: 2 * time.Hour, Absolute: 12 * time.Hour}
		login := func() (string, *ratsinfo.Session) {
			tok, hash := ratsinfo.NewSecret()
			s := &ratsinfo.Session{AccountID: a.ID, Client: "127.0.0.1", UserAgent: "Firefox"}
			must(t, db.CreateSession(system, s, hash))
			return tok, s
		}
		wantCode(t, db.CreateSession(as(a), &ratsinfo.Session{AccountID: a.ID}, "x"), ratsinfo.EFORBIDDEN)
		tok, s := login()
		got, acc, err := db.FindSession(system, ratsinfo.HashSecret(tok), lim)
		must(t, err)
		if got.ID != s.ID || acc.ID != a.ID || len(acc.Grants) != 1 || got.UserAgent != "Firefox" {
			t.Fatalf("session %+v account %+v", got, acc)
		}
		// The token itself is not stored, and it is no key.
		_, _, err = db.FindSession(system, tok, lim)
		wantCode(t, err, ratsinfo.EUNAUTHORIZED)
		_, _, err = db.FindSession(as(a), ratsinfo.HashSecret(tok), lim)
		wantCode(t, err, ratsinfo.EFORBIDDEN)

		// Idle expiry, kept alive by use.
		c.advance(90 * time.Minute)
		_, _, err = db.FindSession(system, ratsinfo.HashSecret(tok), lim)
		must(t, err)
		c.advance(90 * time.Minute)
		_, _, err = db.FindSession(system, ratsinfo.HashSecret(tok), lim)
		must(t, err)
		c.advance(2*time.Hour + time.Minute)
		_, _, err = db.FindSession(system, ratsinfo.HashSecret(tok), lim)
		wantCode(t, err, ratsinfo.EUNAUTHORIZED)

		// Absolute expiry, however busy.
		tok, _ = login()
		for range 13 {
			c.advance(time.Hour)
			_, _, err = db.FindSession(system, ratsinfo.HashSecret(tok), lim)
		}
		wantCode(t, err, ratsinfo.EUNAUTHORIZED)

		// Listing and ending: own sessions only; "überall abmelden" ends all.
		t1, s1 := login()
		t2, _ := login()
		list, err := db.FindSessions(as(a), a.ID, lim)
		must(t, err)
		if len(list) != 2 {
			t.Fatalf("%d live sessions, want 2 (expired ones are not listed)", len(list))
		}
		_, err = db.FindSessions(as(other), a.ID, lim)
		wantCode(t, err, ratsinfo.EFORBIDDEN)
		wantCode(t, db.DeleteSessions(as(other), a.ID), ratsinfo.EFORBIDDEN)
		must(t, db.DeleteSession(as(a), a.ID, s1.ID))
		_, _, err = db.FindSession(system, ratsinfo.HashSecret(t1), lim)
		wantCode(t, err, ratsinfo.EUNAUTHORIZED)
		must(t, db.DeleteSessions(as(a), a.ID))
		_, _, err = db.FindSession(system, ratsinfo.HashSecret(t2), lim)
		wantCode(t, err, ratsinfo.EUNAUTHORIZED)

		// Disabling the account logs it out at once.
		t3, _ := login()
		yes := true
		must(t, db.UpdateAccount(system, a.ID, ratsinfo.AccountUpdate{Disabled: &yes}))
		_, _, err = db.FindSession(system, ratsinfo.HashSecret(t3), lim)
		wantCode(t, err, ratsinfo.EUNAUTHORIZED)
	})
}

func TestPasswordReset(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, c *clock) {
		a := newAccount(t, db, "rat@example.org")
		tok, hash := ratsinfo.NewSecret()
		must(t, db.CreatePasswordReset(system, a.ID, hash, c.Now().Add(time.Hour)))
		stok, shash := ratsinfo.NewSecret()
		must(t, db.CreateSession(system, &ratsinfo.Session{AccountID: a.ID}, shash))
		must(t, db.PasswordResetValid(system, ratsinfo.HashSecret(tok)))
		_, err := db.UsePasswordReset(as(a), hash, "neu")
		wantCode(t, err, ratsinfo.EFORBIDDEN)
		got, err := db.UsePasswordReset(system, hash, "$argon2id$neu")
		must(t, err)
		if got.ID != a.ID {
			t.Fatalf("reset account %+v", got)
		}
		_, pw, _ := db.PasswordHash(system, a.Email)
		if pw != "$argon2id$neu" {
			t.Fatalf("password after reset %q", pw)
		}
		// Single use; the reset ended the old sessions.
		_, err = db.UsePasswordReset(system, hash, "$argon2id$nochmal")
		e := wantCode(t, err, ratsinfo.EUNAUTHORIZED)
		if !strings.Contains(e.Message, "Passwort vergessen") {
			t.Errorf("message %q", e.Message)
		}
		_, _, err = db.FindSession(system, ratsinfo.HashSecret(stok), ratsinfo.SessionLimits{})
		wantCode(t, err, ratsinfo.EUNAUTHORIZED)

		// Expired after its hour.
		_, hash2 := ratsinfo.NewSecret()
		must(t, db.CreatePasswordReset(system, a.ID, hash2, c.Now().Add(time.Hour)))
		c.advance(61 * time.Minute)
		wantCode(t, db.PasswordResetValid(system, hash2), ratsinfo.EUNAUTHORIZED)
		_, err = db.UsePasswordReset(system, hash2, "$argon2id$spät")
		wantCode(t, err, ratsinfo.EUNAUTHORIZED)
	})
}

func TestAPITokens(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, c *clock) {
		admin := newAccount(t, db, "admin@example.org", ratsinfo.Grant{Role: ratsinfo.GrantAdmin, BodyID: 1})
		a := newAccount(t, db, "rat@example.org", ratsinfo.Grant{Role: ratsinfo.GrantCouncilMember, BodyID: 1, PersonID: 7})
		b := newAccount(t, db, "b@example.org")
		tok, hash := ratsinfo.NewSecret()
		wantCode(t, db.CreateAPIToken(as(b), &ratsinfo.APIToken{AccountID: a.ID}, hash), ratsinfo.EFORBIDDEN)
		at := &ratsinfo.APIToken{AccountID: a.ID, Name: "Fraktionswerkzeug"}
		must(t, db.CreateAPIToken(as(a), at, hash))
		got, err := db.AuthenticateAPIToken(system, ratsinfo.HashSecret(tok))
		must(t, err)
		if got.ID != a.ID || len(got.Grants) != 1 {
			t.Fatalf("token account %+v", got)
		}
		list, err := db.FindAPITokens(as(a), a.ID)
		must(t, err)
		if len(list) != 1 || list[0].Name != "Fraktionswerkzeug" || list[0].Email != "rat@example.org" || list[0].LastUsed.IsZero() {
			t.Fatalf("tokens %+v", list)
		}
		_, err = db.FindAPITokens(as(b), a.ID)
		wantCode(t, err, ratsinfo.EFORBIDDEN)
		_, err = db.FindAPITokens(as(a), 0)
		wantCode(t, err, ratsinfo.EFORBIDDEN)
		wantCode(t, db.RevokeAPIToken(as(b), at.ID), ratsinfo.EFORBIDDEN)
		wantCode(t, db.RevokeAPIToken(as(admin), 999), ratsinfo.ENOTFOUND)
		must(t, db.RevokeAPIToken(as(admin), at.ID))
		_, err = db.AuthenticateAPIToken(system, hash)
		wantCode(t, err, ratsinfo.EUNAUTHORIZED)
		all, err := db.FindAPITokens(as(admin), 0)
		must(t, err)
		if len(all) != 1 || all[0].Revoked.IsZero() {
			t.Fatalf("revoked token listed as %+v", all)
		}

		// A disabled account's token no longer works.
		tok2, hash2 := ratsinfo.NewSecret()
		must(t, db.CreateAPIToken(system, &ratsinfo.APIToken{AccountID: b.ID}, hash2))
		must(t, func() error { _, err := db.AuthenticateAPIToken(system, ratsinfo.HashSecret(tok2)); return err }())
		yes := true
		must(t, db.UpdateAccount(as(admin), b.ID, ratsinfo.AccountUpdate{Disabled: &yes}))
		_, err = db.AuthenticateAPIToken(system, hash2)
		wantCode(t, err, ratsinfo.EUNAUTHORIZED)
		_, err = db.AuthenticateAPIToken(system, "unbekannt")
		wantCode(t, err, ratsinfo.EUNAUTHORIZED)
	})
}

func TestLoginAttempts(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, c *clock) {
		start := c.Now()
		for range 3 {
			must(t, db.RecordLoginAttempt(system, "Rat@Example.org", "10.0.0.1", false))
		}
		must(t, db.RecordLoginAttempt(system, "andere@example.org", "10.0.0.1", false))
		must(t, db.RecordLoginAttempt(system, "rat@example.org", "10.0.0.2", true))
		wantCode(t, db.RecordLoginAttempt(bg, "rat@example.org", "10.0.0.2", false), ratsinfo.EFORBIDDEN)
		f, err := db.LoginFailures(system, "rat@example.org", "10.0.0.1", start)
		must(t, err)
		if f.ByAccount != 3 || f.ByClient != 4 || !f.AccountOldest.After(start) || f.ClientOldest.IsZero() {
			t.Fatalf("failures %+v", f)
		}
		c.advance(time.Hour)
		f, err = db.LoginFailures(system, "rat@example.org", "10.0.0.1", c.Now().Add(-15*time.Minute))
		must(t, err)
		if f.ByAccount != 0 || f.ByClient != 0 || !f.AccountOldest.IsZero() {
			t.Fatalf("failures after the window %+v", f)
		}
		// A day later the old attempts are gone from the table, not only from the count.
		c.advance(24 * time.Hour)
		must(t, db.RecordLoginAttempt(system, "neu@example.org", "10.0.0.9", false))
		f, err = db.LoginFailures(system, "rat@example.org", "10.0.0.1", start)
		must(t, err)
		if f.ByAccount != 0 || f.ByClient != 0 {
			t.Fatalf("attempts older than a day kept: %+v", f)
		}
	})
}
