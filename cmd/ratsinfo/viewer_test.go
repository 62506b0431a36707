package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/office"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// staffCookie is the back office's session cookie. The test sends a live
// session of a council-office account in it to every public address.
const staffCookie = office.SessionCookie

// staffSessions is what any session middleware in front of the shared mux
// would do: a request with a staff session carries a staff viewer in its
// context. The office reads its cookie itself, under /buero/ only; this
// wrapper makes sure that even a viewer set before the surfaces changes nothing.
func staffSessions(next http.Handler, seen *atomic.Int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie(staffCookie); err == nil {
			seen.Add(1)
			r = r.WithContext(ratsinfo.WithViewer(r.Context(), ratsinfo.Viewer{UserID: 1, Role: ratsinfo.RoleStaff}))
		}
		next.ServeHTTP(w, r)
	})
}

// TestStaffSessionChangesNothingPublic puts a session middleware that sets a
// staff viewer in front of the real mux of both surfaces and asks every public
// page type, feed, OParl list and object of the demo city with and without the
// staff cookie, the pages of non-public things included. The answers must be
// byte for byte the same, and no non-public text may appear in either: both
// surfaces pin the anonymous viewer, so a session never reaches the public.
func TestStaffSessionChangesNothingPublic(t *testing.T) {
	ctx := context.Background()
	cfg := Config{DataDir: t.TempDir()}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	db, blobs, err := openData(ctx, &cfg, true, log)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	city, err := demo.Load(ratsinfo.SystemContext(ctx), db, blobs)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.LoadInquiries(ratsinfo.SystemContext(ctx), db, blobs, city); err != nil {
		t.Fatal(err)
	}
	hidden := collectHidden(t, db)
	inquiryPaths := []string{"/anfragen", "/anfragen?ueberfaellig=1", "/anfragen?stand=registered"}
	all, err := db.FindInquiries(ratsinfo.SystemContext(ctx), ratsinfo.InquiryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range all {
		inquiryPaths = append(inquiryPaths, fmt.Sprintf("/anfragen/%d", q.ID))
		if q.State == ratsinfo.InquiryDraft {
			hidden.texts = append(hidden.texts, q.Title) // a draft is its inquirers' own
		}
	}
	var seen atomic.Int64
	srv := httptest.NewServer(nil)
	defer srv.Close()
	srv.Config.Handler = staffSessions(routes(srv.URL, &Config{}, db, blobs, nil, log), &seen)

	// A real account of the council office with a live session: its cookie is
	// what a logged-in staff member's browser carries.
	sys := ratsinfo.SystemContext(ctx)
	acc := &ratsinfo.Account{Email: "buero@example.org", Name: "Büro der Stadtvertretung",
		Grants: []ratsinfo.Grant{{Role: ratsinfo.GrantCouncilOffice, BodyID: city.BodyID}}}
	if err := db.CreateAccount(sys, acc); err != nil {
		t.Fatal(err)
	}
	session, hash := ratsinfo.NewSecret()
	if err := db.CreateSession(sys, &ratsinfo.Session{AccountID: acc.ID}, hash); err != nil {
		t.Fatal(err)
	}

	paths := append(publicPaths(city, hidden), inquiryPaths...)
	for _, p := range paths {
		anonStatus, anonBody := fetch(t, srv.URL+p, "")
		staffStatus, staffBody := fetch(t, srv.URL+p, session)
		if anonStatus != staffStatus || anonBody != staffBody {
			t.Errorf("%s: the staff cookie changed the answer: %d (%d bytes) without, %d (%d bytes) with",
				p, anonStatus, len(anonBody), staffStatus, len(staffBody))
		}
		for _, s := range hidden.texts {
			if strings.Contains(anonBody, s) || strings.Contains(staffBody, s) {
				t.Errorf("%s: shows the non-public %q", p, s)
			}
		}
	}
	if seen.Load() != int64(len(paths)) {
		t.Fatalf("the session middleware saw %d staff requests, want %d", seen.Load(), len(paths))
	}
	// The cookie is live: the office greets the account with it.
	if status, body := fetch(t, srv.URL+"/buero/", session); status != http.StatusOK || !strings.Contains(body, "Guten Tag, Büro der Stadtvertretung") {
		t.Fatalf("the office does not know the session, so this test proves nothing: %d", status)
	}
	// The middleware's viewer is real: read through it, the store shows the draft.
	staff := ratsinfo.WithViewer(ctx, ratsinfo.Viewer{UserID: 1, Role: ratsinfo.RoleStaff})
	if _, err := db.FindPaperByID(staff, hidden.paper); err != nil {
		t.Fatalf("a staff viewer cannot read the draft %d, so this test proves nothing: %v", hidden.paper, err)
	}
	t.Logf("%d paths, %d non-public texts", len(paths), len(hidden.texts))
}

// hidden is what only staff may see in the demo city.
type hidden struct {
	texts                       []string // names of drafts and non-public items, contact data without consent
	paper, item, person, file   int64    // a draft, a non-public item, a person without consent, a draft's file
	meeting                     int64    // the meeting of the non-public item
	publicPaper, org, publicFil int64
}

// collectHidden reads the demo city as the system and picks the non-public things.
func collectHidden(t *testing.T, db *sqldb.DB) hidden {
	ctx := ratsinfo.SystemContext(context.Background())
	var h hidden
	papers, err := db.FindPapers(ctx, ratsinfo.PaperFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range papers {
		switch {
		case !p.Published && len(p.Name) >= 25:
			h.texts = append(h.texts, p.Name)
			if h.paper == 0 && p.MainFileID != 0 {
				h.paper, h.file = p.ID, p.MainFileID
			}
		case p.Published && h.publicPaper == 0 && p.MainFileID != 0:
			h.publicPaper, h.publicFil = p.ID, p.MainFileID
		}
	}
	items, err := db.FindAgendaItems(ctx, ratsinfo.AgendaItemFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if !it.Public && len(it.Name) >= 25 {
			h.texts = append(h.texts, it.Name)
			if h.item == 0 {
				h.item, h.meeting = it.ID, it.MeetingID
			}
		}
	}
	persons, err := db.FindPersons(ctx, ratsinfo.PersonFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range persons {
		if !p.ContactConsent && len(p.Email)+len(p.Phone) > 0 {
			h.texts = append(h.texts, p.Email...)
			h.texts = append(h.texts, p.Phone...)
			if h.person == 0 {
				h.person = p.ID
			}
		}
	}
	orgs, err := db.FindOrganizations(ctx, ratsinfo.OrganizationFilter{})
	if err != nil || len(orgs) == 0 {
		t.Fatalf("organizations: %v", err)
	}
	h.org = orgs[0].ID
	if h.paper == 0 || h.item == 0 || h.person == 0 || h.publicPaper == 0 {
		t.Fatalf("the demo city lacks a non-public object of some kind: %+v", h)
	}
	return h
}

// publicPaths are every page type, feed and API address of the two surfaces,
// those of non-public objects included.
func publicPaths(city *demo.City, h hidden) []string {
	paths := []string{"/", "/sitzungen", "/sitzungen?monat=2023-02", "/vorlagen", "/vorlagen?q=Antrag",
		"/gremien", "/personen", "/suche?q=Stadt", "/impressum", "/datenschutz", "/barrierefreiheit",
		"/sitzungen.ics", "/vorlagen.atom", "/anfragen.atom", "/anfragen.ics", "/sitzungen?jahr=2023", "/sitemap.xml", "/robots.txt", "/opensearch.xml", "/healthz",
		"/gibt-es-nicht", "/oparl/v1.1/system", "/oparl/v1.1/body",
		fmt.Sprintf("/oparl/v1.1/body/%d", city.BodyID)}
	for _, id := range []int64{city.HearingMeetingID, h.meeting} {
		paths = append(paths, fmt.Sprintf("/sitzungen/%d", id), fmt.Sprintf("/sitzungen/%d.ics", id),
			fmt.Sprintf("/oparl/v1.1/meeting/%d", id))
	}
	for _, id := range []int64{city.InquiryPaperID, city.AnswerPaperID, h.publicPaper, h.paper} {
		paths = append(paths, fmt.Sprintf("/vorlagen/%d", id), fmt.Sprintf("/oparl/v1.1/paper/%d", id))
	}
	for _, id := range []int64{city.AnswerFileID, h.publicFil, h.file} {
		paths = append(paths, fmt.Sprintf("/dateien/%d", id), fmt.Sprintf("/dateien/%d/melden", id),
			fmt.Sprintf("/oparl/v1.1/file/%d", id), fmt.Sprintf("/oparl/v1.1/file/%d/access", id))
	}
	for _, id := range []int64{city.HearingAgendaItemID, h.item} {
		paths = append(paths, fmt.Sprintf("/tagesordnungspunkte/%d", id), fmt.Sprintf("/oparl/v1.1/agendaItem/%d", id))
	}
	paths = append(paths, fmt.Sprintf("/personen/%d", h.person), fmt.Sprintf("/personen/%d/sitzungen.ics", h.person),
		fmt.Sprintf("/oparl/v1.1/person/%d", h.person))
	for _, id := range []int64{city.CouncilID, city.MainCommitteeID, h.org} {
		paths = append(paths, fmt.Sprintf("/gremien/%d", id), fmt.Sprintf("/gremien/%d/sitzungen.ics", id),
			fmt.Sprintf("/gremien/%d/vorlagen.atom", id), fmt.Sprintf("/oparl/v1.1/organization/%d", id),
			fmt.Sprintf("/oparl/v1.1/organization/%d/meeting", id))
	}
	for _, kind := range []string{"organization", "person", "meeting", "paper", "legislativeTerm", "agendaItem",
		"consultation", "file", "location", "membership"} {
		paths = append(paths, fmt.Sprintf("/oparl/v1.1/body/%d/%s", city.BodyID, kind),
			fmt.Sprintf("/oparl/v1.1/body/%d/%s?limit=1000", city.BodyID, kind))
	}
	return paths
}

// fetch gets url without following redirects, with the office's session
// cookie when session is set.
func fetch(t *testing.T, url string, session string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if session != "" {
		req.AddCookie(&http.Cookie{Name: staffCookie, Value: session})
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b)
}
