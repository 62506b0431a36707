package office_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/mailtest"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
	"github.com/ratsinfo/ratsinfo/office"
	"github.com/ratsinfo/ratsinfo/password"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// TestLoginAndStartPage walks the login: the start page needs it, a wrong
// password says so in German without naming which part was wrong, the right
// one shows who I am, my roles and my sessions, and logout ends the session.
func TestLoginAndStartPage(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		e.newAccount(t, "rat@example.org", pw, ratsinfo.Grant{Role: ratsinfo.GrantCouncilMember, BodyID: 1, PersonID: 7})
		b := e.browser(t)
		wantStatus(t, b.get("/buero/"), http.StatusSeeOther, "/buero/anmelden?zurueck=%2Fbuero%2F")
		for _, wrong := range [][2]string{{"rat@example.org", "falsch falsch falsch"}, {"niemand@example.org", pw}} {
			p := b.login(wrong[0], wrong[1])
			wantStatus(t, p, http.StatusUnauthorized, "E-Mail-Adresse oder Passwort ist falsch.")
		}
		wantStatus(t, b.login("RAT@example.org", pw), http.StatusSeeOther, "/buero/")
		home := b.get("/buero/")
		wantStatus(t, home, http.StatusOK, "Guten Tag, Konto rat@example.org", "Ratsmitglied", "Person 7", "diese Sitzung", "Überall abmelden")
		if lang := home.header.Get("Content-Language"); lang != "de" || !strings.Contains(home.body, `<html lang="de">`) {
			t.Errorf("language %q", lang)
		}
		if cc := home.header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("Cache-Control %q", cc)
		}
		// Not an administrator: the accounts page refuses, in German.
		wantStatus(t, b.get("/buero/konten"), http.StatusForbidden, "Konten verwalten nur Administratorinnen und Administratoren")
		wantStatus(t, b.submit("/buero/", "/buero/abmelden", url.Values{}), http.StatusSeeOther, "/buero/anmelden?abgemeldet")
		wantStatus(t, b.get("/buero/"), http.StatusSeeOther, "/buero/anmelden")
	})
}

// TestCookies checks the session cookie's attributes, and Secure under https.
func TestCookies(t *testing.T) {
	e := start(t, t.TempDir()+"/r.db", nil)
	e.newAccount(t, "rat@example.org", pw)
	b := e.browser(t)
	p := b.login("rat@example.org", pw)
	var session *http.Cookie
	for _, c := range (&http.Response{Header: p.header}).Cookies() {
		if c.Name == "ratsinfo_buero" {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode || session.Path != "/buero" || session.Secure ||
		session.MaxAge != int((12*time.Hour).Seconds()) || len(session.Value) != 43 {
		t.Fatalf("session cookie %+v", session)
	}
	// The store holds only the token's hash: the cookie's value is no key.
	if _, _, err := e.db.FindSession(ratsinfo.SystemContext(t.Context()), session.Value, ratsinfo.SessionLimits{}); ratsinfo.ErrorCode(err) != ratsinfo.EUNAUTHORIZED {
		t.Fatalf("the raw token found a session: %v", err)
	}
}

// TestFormProtection refuses a POST without the form token, with another
// session's token, and from another site (Go's CrossOriginProtection).
func TestFormProtection(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		e.newAccount(t, "rat@example.org", pw)
		b := e.browser(t)
		wantStatus(t, b.login("rat@example.org", pw), http.StatusSeeOther)
		wantStatus(t, b.post("/buero/ueberall-abmelden", url.Values{}), http.StatusForbidden, "Das Formular kam nicht von dieser Seite")
		other := e.browser(t)
		wantStatus(t, other.login("rat@example.org", pw), http.StatusSeeOther)
		tok := csrfRe.FindStringSubmatch(other.get("/buero/").body)[1]
		wantStatus(t, b.post("/buero/ueberall-abmelden", url.Values{"csrf": {tok}}), http.StatusForbidden, "Das Formular kam nicht von dieser Seite")
		// Even with the right token, a form sent from another site is refused.
		b.origin = "https://boese.example"
		wantStatus(t, b.submit("/buero/", "/buero/ueberall-abmelden", url.Values{}), http.StatusForbidden, "Das Formular kam nicht von dieser Seite")
		b.origin = ""
		// The login form itself is protected before any session exists.
		fresh := e.browser(t)
		wantStatus(t, fresh.post("/buero/anmelden", url.Values{"email": {"rat@example.org"}, "password": {pw}}), http.StatusForbidden)
		// Both sessions are still alive: none of the refused posts did anything.
		wantStatus(t, b.get("/buero/"), http.StatusOK)
		wantStatus(t, other.get("/buero/"), http.StatusOK)
	})
}

// TestLoginThrottle locks an account after five wrong passwords for the rest of
// the window, with 429, Retry-After and a German message, even for the right
// password; and a client address after twenty failures across accounts.
func TestLoginThrottle(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		e.newAccount(t, "rat@example.org", pw)
		b := e.browser(t)
		for range 5 {
			wantStatus(t, b.login("rat@example.org", "falsch falsch falsch"), http.StatusUnauthorized)
		}
		p := b.login("rat@example.org", pw)
		wantStatus(t, p, http.StatusTooManyRequests, "Zu viele fehlgeschlagene Anmeldeversuche", "15 Minute(n)")
		if ra, _ := strconv.Atoi(p.header.Get("Retry-After")); ra < 14*60 || ra > 15*60 {
			t.Errorf("Retry-After %q", p.header.Get("Retry-After"))
		}
		e.clock.advance(10 * time.Minute)
		p = b.login("rat@example.org", pw)
		wantStatus(t, p, http.StatusTooManyRequests, "5 Minute(n)")
		e.clock.advance(5*time.Minute + time.Second)
		wantStatus(t, b.login("rat@example.org", pw), http.StatusSeeOther)

		// Per address: twenty failures on made-up accounts lock the address.
		e.clock.advance(time.Hour)
		for i := range 20 {
			wantStatus(t, b.login("rate"+strconv.Itoa(i)+"@example.org", "x"), http.StatusUnauthorized)
		}
		wantStatus(t, b.login("rat@example.org", pw), http.StatusTooManyRequests, "Zu viele fehlgeschlagene Anmeldeversuche")
	})
}

// TestSessionsEnd: logging out everywhere, disabling an account and the idle
// and absolute limits each log the browser out at its next request.
func TestSessionsEnd(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		e.newAccount(t, "admin@example.org", pw, adminGrant)
		rat := e.newAccount(t, "rat@example.org", pw, ratsinfo.Grant{Role: ratsinfo.GrantCouncilOffice, BodyID: 1})
		laptop, phone := e.browser(t), e.browser(t)
		wantStatus(t, laptop.login("rat@example.org", pw), http.StatusSeeOther)
		wantStatus(t, phone.login("rat@example.org", pw), http.StatusSeeOther)
		if n := strings.Count(laptop.get("/buero/").body, "<tr><td>"); n != 2 {
			t.Fatalf("%d sessions listed, want 2", n)
		}
		// One session ended from the other's list.
		home := laptop.get("/buero/").body
		end := regexp.MustCompile(`action="(/buero/sitzungen/\d+/beenden)"`).FindAllStringSubmatch(home, -1)
		if len(end) != 1 {
			t.Fatalf("want one other session to end, got %v", end)
		}
		wantStatus(t, laptop.submit("/buero/", end[0][1], url.Values{}), http.StatusSeeOther)
		wantStatus(t, phone.get("/buero/"), http.StatusSeeOther, "/buero/anmelden")
		wantStatus(t, laptop.get("/buero/"), http.StatusOK)
		// Another account's session is not mine to end: the store refuses, nothing ends.
		other := e.browser(t)
		e.newAccount(t, "andere@example.org", pw)
		wantStatus(t, other.login("andere@example.org", pw), http.StatusSeeOther)
		live, err := e.db.FindSessions(ratsinfo.SystemContext(t.Context()), rat.ID, ratsinfo.SessionLimits{})
		if err != nil || len(live) != 1 {
			t.Fatalf("sessions of rat: %v %v", live, err)
		}
		wantStatus(t, other.submit("/buero/", "/buero/sitzungen/"+strconv.FormatInt(live[0].ID, 10)+"/beenden", url.Values{}), http.StatusSeeOther)
		wantStatus(t, laptop.get("/buero/"), http.StatusOK)
		wantStatus(t, phone.login("rat@example.org", pw), http.StatusSeeOther)
		wantStatus(t, laptop.submit("/buero/", "/buero/ueberall-abmelden", url.Values{}), http.StatusSeeOther, "abgemeldet")
		wantStatus(t, phone.get("/buero/"), http.StatusSeeOther, "/buero/anmelden")

		// Disabled by an administrator: out at once.
		wantStatus(t, phone.login("rat@example.org", pw), http.StatusSeeOther)
		admin := e.browser(t)
		wantStatus(t, admin.login("admin@example.org", pw), http.StatusSeeOther)
		id := strconv.FormatInt(rat.ID, 10)
		wantStatus(t, admin.submit("/buero/konten/"+id, "/buero/konten/"+id, url.Values{"name": {"Rat"}, "disabled": {"1"}}),
			http.StatusSeeOther, "gespeichert")
		wantStatus(t, phone.get("/buero/"), http.StatusSeeOther, "/buero/anmelden")
		wantStatus(t, phone.login("rat@example.org", pw), http.StatusForbidden, "Dieses Konto ist gesperrt")
		wantStatus(t, admin.submit("/buero/konten/"+id, "/buero/konten/"+id, url.Values{"name": {"Rat"}}), http.StatusSeeOther)

		// Idle: two hours without a request.
		wantStatus(t, phone.login("rat@example.org", pw), http.StatusSeeOther)
		e.clock.advance(119 * time.Minute)
		wantStatus(t, phone.get("/buero/"), http.StatusOK)
		e.clock.advance(121 * time.Minute)
		wantStatus(t, phone.get("/buero/"), http.StatusSeeOther, "/buero/anmelden")
		// Absolute: twelve hours, however busy.
		wantStatus(t, phone.login("rat@example.org", pw), http.StatusSeeOther)
		for range 12 {
			e.clock.advance(time.Hour)
			wantStatus(t, phone.get("/buero/"), http.StatusOK)
		}
		e.clock.advance(time.Hour)
		wantStatus(t, phone.get("/buero/"), http.StatusSeeOther, "/buero/anmelden")
	})
}

// TestAccountsAndResetByMail is the administrator's path through a real SMTP
// server: create an account in the web UI, the new colleague gets the link by
// mail, sets a password, logs in; a forgotten password goes the same way; the
// link works once and for an hour; the form tells no one which addresses exist.
func TestAccountsAndResetByMail(t *testing.T) {
	mp := mailtest.Start(t)
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) {
			dsn := t.TempDir() + "/r.db"
			if name == "postgres" {
				dsn = pgtest.DSN(t)
			}
			e := start(t, dsn, mp)
			before := len(e.mails(t))
			e.newAccount(t, "admin@example.org", pw, adminGrant)
			admin := e.browser(t)
			wantStatus(t, admin.login("admin@example.org", pw), http.StatusSeeOther)
			wantStatus(t, admin.get("/buero/"), http.StatusOK, `href="/buero/konten"`)

			// Bad input is explained and kept.
			p := admin.submit("/buero/konten", "/buero/konten", url.Values{"email": {"kein-at"}, "name": {"Erika Muster"}, "role": {"unit"}, "body": {"1"}})
			wantStatus(t, p, http.StatusBadRequest, "keine gültige E-Mail-Adresse", "braucht die Organisation", `value="Erika Muster"`)
			p = admin.submit("/buero/konten", "/buero/konten", url.Values{"email": {"erika@example.org"}, "name": {"Erika"}, "role": {"unit"}, "body": {"1"}, "organization": {"x7"}})
			wantStatus(t, p, http.StatusBadRequest, "keine positive ganze Zahl")

			email := name + "-erika@example.org"
			p = admin.submit("/buero/konten", "/buero/konten", url.Values{"email": {email}, "name": {"Erika Muster"}, "role": {"unit"}, "body": {"1"}, "organization": {"4"}})
			wantStatus(t, p, http.StatusSeeOther, "/buero/konten?angelegt=")
			wantStatus(t, admin.get("/buero/konten"), http.StatusOK, email, "Fachbereich (beantwortende Stelle)", "aktiv")
			p = admin.submit("/buero/konten", "/buero/konten", url.Values{"email": {strings.ToUpper(email)}, "name": {"Doppelt"}})
			wantStatus(t, p, http.StatusBadRequest, "gibt es schon")

			mails := e.mails(t)
			if len(mails) != before+1 || !strings.Contains(mails[0], "Ihr Konto im Büro") || !strings.Contains(mails[0], "Guten Tag Erika Muster") {
				t.Fatalf("welcome mail: %d mails, newest %q", len(mails)-before, mails)
			}
			link := linkRe.FindString(mails[0])
			erika := e.browser(t)
			set := url.Values{"token": {tokenOf(link)}, "password": {"kurz"}, "password2": {"kurz"}}
			wantStatus(t, erika.submit(link, "/buero/passwort-setzen", set), http.StatusBadRequest, "mindestens 12 Zeichen")
			set.Set("password", "Erikas langes Passwort")
			set.Set("password2", "Erikas langes Passwort?")
			wantStatus(t, erika.submit(link, "/buero/passwort-setzen", set), http.StatusBadRequest, "stimmen nicht überein")
			set.Set("password2", "Erikas langes Passwort")
			wantStatus(t, erika.submit(link, "/buero/passwort-setzen", set), http.StatusSeeOther, "gesetzt")
			wantStatus(t, erika.get(link), http.StatusUnauthorized, "ungültig, schon benutzt oder abgelaufen")
			wantStatus(t, erika.login(email, "Erikas langes Passwort"), http.StatusSeeOther)
			wantStatus(t, erika.get("/buero/"), http.StatusOK, "Fachbereich (beantwortende Stelle)", "Organisation 4")
			wantStatus(t, erika.get("/buero/konten"), http.StatusForbidden)

			// Forgotten password: the same answer for a known and an unknown address.
			anon := e.browser(t)
			known := anon.submit("/buero/passwort-vergessen", "/buero/passwort-vergessen", url.Values{"email": {email}})
			unknown := anon.submit("/buero/passwort-vergessen", "/buero/passwort-vergessen", url.Values{"email": {"niemand@example.org"}})
			wantStatus(t, known, http.StatusOK, "ist eine E-Mail mit einem Link")
			if strings.ReplaceAll(known.body, email, "X") != strings.ReplaceAll(unknown.body, "niemand@example.org", "X") {
				t.Error("the forgot-password answer differs for a known and an unknown address")
			}
			mails = e.mails(t)
			if len(mails) != before+2 || !strings.Contains(mails[0], "neues Passwort") {
				t.Fatalf("reset mail: %d mails", len(mails)-before)
			}
			link = linkRe.FindString(mails[0])
			// An hour later the link is dead.
			e.clock.advance(61 * time.Minute)
			wantStatus(t, anon.get(link), http.StatusUnauthorized, "Passwort vergessen")
		})
	}
}

// TestRehashOnLogin replaces a hash made with other argon2id parameters at the
// next successful login, so raising the cost reaches every account over time.
func TestRehashOnLogin(t *testing.T) {
	e := start(t, t.TempDir()+"/r.db", nil)
	a := e.newAccount(t, "rat@example.org", pw)
	sys := ratsinfo.SystemContext(t.Context())
	old, err := password.Hasher{P: password.Params{Memory: 2048, Time: 2, Threads: 1, KeyLen: 32, SaltLen: 16}}.Hash(pw)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.db.SetPasswordHash(sys, a.ID, old); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, e.browser(t).login("rat@example.org", pw), http.StatusSeeOther)
	_, now, err := e.db.PasswordHash(sys, "rat@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if now == old || !strings.HasPrefix(now, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Fatalf("hash after login %q (before %q)", now, old)
	}
}

// TestLoginReturnsOnlyInsideTheOffice: the way back after the login stays under
// /buero/, so a crafted link cannot send a fresh login to another site.
func TestLoginReturnsOnlyInsideTheOffice(t *testing.T) {
	e := start(t, t.TempDir()+"/r.db", nil)
	e.newAccount(t, "rat@example.org", pw, adminGrant)
	for back, want := range map[string]string{
		"/buero/konten": "/buero/konten", "//boese.example/buero/": "/buero/", "https://boese.example/": "/buero/",
		"/buero/\\boese.example": "/buero/", "/vorlagen": "/buero/",
	} {
		b := e.browser(t)
		p := b.submit("/buero/anmelden?zurueck="+url.QueryEscape(back), "/buero/anmelden",
			url.Values{"email": {"rat@example.org"}, "password": {pw}, "zurueck": {back}})
		if p.status != http.StatusSeeOther || p.header.Get("Location") != want {
			t.Errorf("zurueck=%q: %d to %q, want %q", back, p.status, p.header.Get("Location"), want)
		}
	}
}

// TestSecureCookiesUnderHTTPS: with an https base URL every office cookie is
// Secure (the browser then never sends it over plain http).
func TestSecureCookiesUnderHTTPS(t *testing.T) {
	db, err := sqldb.Open(t.Context(), t.TempDir()+"/r.db", sqldb.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mux := http.NewServeMux()
	office.NewServer(office.Config{BaseURL: "https://ratsinfo.example.org", Store: db, Hasher: password.New()}).Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	res, err := http.Get(srv.URL + "/buero/anmelden")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	cookies := res.Cookies()
	if len(cookies) != 1 || !cookies[0].Secure || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteLaxMode {
		t.Fatalf("cookies under https: %+v", cookies)
	}
}

// TestPasswordForgotFlood: the form sends three links per account in fifteen
// minutes and then, with the same answer, no more.
func TestPasswordForgotFlood(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		e.newAccount(t, "rat@example.org", pw)
		e.clock.advance(time.Hour) // the link of the new account counts too; let it age out
		before := len(e.mails(t))
		b := e.browser(t)
		for range 5 {
			wantStatus(t, b.submit("/buero/passwort-vergessen", "/buero/passwort-vergessen", url.Values{"email": {"rat@example.org"}}),
				http.StatusOK, "ist eine E-Mail mit einem Link")
		}
		if n := len(e.mails(t)) - before; n != 3 {
			t.Fatalf("%d mails sent, want 3", n)
		}
		e.clock.advance(16 * time.Minute)
		b.submit("/buero/passwort-vergessen", "/buero/passwort-vergessen", url.Values{"email": {"rat@example.org"}})
		if n := len(e.mails(t)) - before; n != 4 {
			t.Fatalf("%d mails after the window, want 4", n)
		}
	})
}
