package office_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/browsertest"
	"github.com/ratsinfo/ratsinfo/internal/testenv"
	"github.com/ratsinfo/ratsinfo/web"
)

// TestBrowserInquiryPath walks an inquiry through the office in real headless
// Chromium, as its four kinds of users do it with the mouse and the keyboard:
// the council member writes it with numbered questions and sub-points and
// submits it, the council office registers it, the unit answers each
// question and hands the answers on, sign-off approves, the office publishes
// (the PDF printed by the same Chromium); on the way the unit's session ends
// while it types an answer, which comes back after the login. Then the public answer page shows
// each question beside its answer. axe-core checks every staff page on the
// way: zero WCAG 2.1 AA violations. SQLite only: the path on both databases
// is TestInquiryPathInTheOffice's; this test is about the pages.
func TestBrowserInquiryPath(t *testing.T) {
	bin := testenv.Getenv(t, "RATSINFO_TEST_CHROMIUM", "Browsertests")
	axe, err := os.ReadFile(testenv.Getenv(t, "RATSINFO_TEST_AXE", "Barrierefreiheitstests im Browser"))
	if err != nil {
		t.Fatalf("axe-core lesen: %v", err)
	}
	e := start(t, filepath.Join(t.TempDir(), "ratsinfo.db"), nil)
	// The public site on the same server, as the binary serves both.
	site := web.NewServer(web.Config{BaseURL: e.srv.URL, Store: e.db, Inquiries: e.db, Now: e.clock.Now,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	office := e.srv.Config.Handler
	mux := http.NewServeMux()
	mux.Handle("/buero", office)
	mux.Handle("/buero/", office)
	site.Register(mux)
	e.srv.Config.Handler = mux

	sys := ratsinfo.SystemContext(context.Background())
	body := &ratsinfo.Body{Name: "Stadt Norderstedt", ShortName: "Norderstedt"}
	must(t, e.db.CreateBody(sys, body))
	pender := &ratsinfo.Person{BodyID: body.ID, FormOfAddress: "Herr", GivenName: "Tobias", FamilyName: "Pender"}
	must(t, e.db.CreatePerson(sys, pender))
	unit := &ratsinfo.Organization{BodyID: body.ID, Name: "Stabsstelle Smart City", OrganizationType: ratsinfo.OrgTypeAdminUnit}
	must(t, e.db.CreateOrganization(sys, unit))
	g := func(role ratsinfo.GrantRole) ratsinfo.Grant { return ratsinfo.Grant{Role: role, BodyID: body.ID} }
	memberGrant, unitGrant := g(ratsinfo.GrantCouncilMember), g(ratsinfo.GrantUnit)
	memberGrant.PersonID, unitGrant.OrganizationID = pender.ID, unit.ID
	e.newAccount(t, "pender@example.org", pw, memberGrant)
	e.newAccount(t, "buero@example.org", pw, g(ratsinfo.GrantCouncilOffice))
	e.newAccount(t, "smartcity@example.org", pw, unitGrant)
	e.newAccount(t, "ob@example.org", pw, g(ratsinfo.GrantSignOff))

	b := &chrome{t: t, ctx: browsertest.Chromium(t, bin, 4*time.Minute), base: e.srv.URL, axe: string(axe)}
	b.login("pender@example.org")
	b.open("/buero/anfragen/neu")
	b.set("#title", "Anfrage zum Thema Smart City Offensive")
	b.set("#q1", "Wie hoch waren die Reisekosten der Zukunftsbotschafter?")
	b.set("#q2", "Welche Projekte gibt es?")
	b.set("#p2", "Welche laufen?\nWelche sind geplant?")
	b.click(`button[value="submit"]`)
	m := regexp.MustCompile(`/buero/anfragen/(\d+)\?gespeichert$`).FindStringSubmatch(b.location())
	if m == nil {
		t.Fatalf("after submitting at %s:\n%s", b.location(), b.text("main"))
	}
	path := "/buero/anfragen/" + m[1]
	b.wantText("main", "eingereicht", "Welche sind geplant?")
	b.axeCheck("eingereicht (Ratsmitglied)")
	b.logout()

	b.login("buero@example.org")
	b.open("/buero/anfragen")
	b.open(path)
	b.set("#received", "2026-12-01")
	b.set("#unit", fmt.Sprint(unit.ID))
	b.click(`input[name="action"][value="register"] ~ p button[type="submit"]`)
	b.wantText("main", "in Bearbeitung", "A 26/0001", "Frist bis")
	b.axeCheck("registriert (Büro)")
	b.logout()

	b.login("smartcity@example.org")
	b.open(path)
	answers := []string{"Die Reisekosten betrugen 1.374,64 Euro.", "- Knotenpunkt-Zählung\n- Parkraumsensoren"}
	b.set("#answer1", answers[0])
	b.click(`#frage-1 button[type="submit"]`)
	b.wantText("main", "Gespeichert.")
	// The second answer is typed, then the unit is called away for three
	// hours: the session has ended when it is sent. Nothing is lost.
	b.set("#answer2", answers[1])
	e.clock.advance(3 * time.Hour)
	b.click(`#frage-2 button[type="submit"]`)
	b.wantText("main", "Ihre Sitzung ist abgelaufen", "nicht verloren")
	b.axeCheck("Anmeldung mit behaltenen Eingaben")
	b.set("#email", "smartcity@example.org")
	b.set("#password", pw)
	b.click(`main form button[type="submit"]`)
	b.wantText("main", "Ihre Eingaben")
	if v, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('textarea[name="answer"]').value`)); v != answers[1] {
		t.Fatalf("the kept answer reads %q, want %q", v, answers[1])
	}
	b.axeCheck("Ihre Eingaben")
	b.click(`main form button[type="submit"]`)
	b.wantText("main", "Gespeichert.")
	b.axeCheck("beantwortet (Stelle)")
	b.click(`button[value="submit_answer"]`)
	b.wantText("main", "Antwort zur Freigabe")
	b.logout()

	b.login("ob@example.org")
	b.open(path)
	b.click(`button[value="approve"]`)
	b.wantText("main", "Antwort freigegeben")
	b.logout()

	b.login("buero@example.org")
	b.open(path)
	b.click(`button[value="publish"]`)
	b.wantText("main", "beantwortet", "öffentliche Antwortvorlage")
	b.axeCheck("veröffentlicht (Büro)")
	b.logout()

	// The public page: each question with its answer beside it.
	b.open("/anfragen/" + m[1] + "?lang=de")
	b.wantText("#frage-1", "Wie hoch waren die Reisekosten", "Die Reisekosten betrugen 1.374,64 Euro.")
	b.wantText("#frage-2", "Welche Projekte gibt es?", "b) Welche sind geplant?", "Parkraumsensoren")
}

// chrome drives the browser; every staff page it opens is checked with axe.
type chrome struct {
	t         *testing.T
	ctx       context.Context
	base, axe string
}

func (c *chrome) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	c.t.Helper()
	if err := chromedp.Do(c.ctx, actions...); err != nil {
		c.t.Fatalf("%s: %v", what, err)
	}
}

// open loads a page; a staff page is checked with axe.
func (c *chrome) open(path string) {
	c.t.Helper()
	c.do(path, chromedp.Navigate(c.base+path), chromedp.WaitReady(chromedp.CSS("body")))
	if strings.HasPrefix(path, "/buero") {
		c.axeCheck(path)
	}
}

func (c *chrome) set(sel, value string) {
	c.t.Helper()
	c.do(sel, chromedp.SetValue(chromedp.CSS(sel), value))
}

// click presses a submit button and waits for the page that answers.
func (c *chrome) click(sel string) {
	c.t.Helper()
	js := fmt.Sprintf(`(() => { const b = document.querySelector(%q); if (!b) return false; window.__alt = true; b.click(); return true })()`, sel)
	ok, err := chromedp.Run(c.ctx, chromedp.Evaluate[bool](js))
	if err != nil || !ok {
		c.t.Fatalf("no button %s on %s (%v):\n%s", sel, c.location(), err, c.text("main"))
	}
	// The old page marked itself; the new one is there when the mark is gone
	// and it has loaded. Asking during the navigation fails: ask again.
	deadline := time.Now().Add(60 * time.Second)
	for {
		done, err := chromedp.Run(c.ctx, chromedp.Evaluate[bool](`!window.__alt && document.readyState === "complete"`))
		if err == nil && done {
			return
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("after %s: no new page (%v)", sel, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (c *chrome) location() string {
	loc, _ := chromedp.Run(c.ctx, chromedp.Location())
	return loc
}

func (c *chrome) text(sel string) string {
	s, _ := chromedp.Run(c.ctx, chromedp.Text(chromedp.CSS(sel)))
	return s
}

func (c *chrome) wantText(sel string, want ...string) {
	c.t.Helper()
	got := c.text(sel)
	for _, w := range want {
		if !strings.Contains(got, w) {
			c.t.Fatalf("%s on %s lacks %q:\n%s", sel, c.location(), w, got)
		}
	}
}

func (c *chrome) login(email string) {
	c.t.Helper()
	c.open("/buero/anmelden")
	c.set("#email", email)
	c.set("#password", pw)
	c.click(`main form button[type="submit"]`)
	c.wantText("header", "Abmelden")
}

func (c *chrome) logout() {
	c.t.Helper()
	c.click(`header form button[type="submit"]`)
	c.wantText("main", "Sie sind abgemeldet.")
}

// axeCheck runs axe-core on the page shown: zero WCAG 2.1 AA violations.
func (c *chrome) axeCheck(name string) {
	c.t.Helper()
	violations, err := browsertest.Axe(c.ctx, c.axe)
	if err != nil {
		c.t.Fatalf("%s: %v", name, err)
	}
	for _, v := range violations {
		c.t.Errorf("%s (%s): axe %s (%s) at %v", name, c.location(), v.ID, v.Help, v.Nodes)
	}
}
