package oparl

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// world is the small fixture council of the tests: one body with a council, a
// committee and a faction, two persons, a meeting with a public and a non-public
// agenda item, a published and an unpublished paper, a deleted paper and a row of
// filler papers for pagination. Everything is created through the real store with
// a fixed clock, so golden files are deterministic.
type world struct {
	srv   *httptest.Server
	api   string // srv.URL + /oparl/v1.1
	oparl *Server
	store *sqldb.DB
	blobs *blob.Dir

	body                            *ratsinfo.Body
	term                            *ratsinfo.LegislativeTerm
	council, committee, faction     *ratsinfo.Organization
	hall, site, home                *ratsinfo.Location
	alice, bob                      *ratsinfo.Person
	aliceInCouncil, bobInCommittee  *ratsinfo.Membership
	meeting                         *ratsinfo.Meeting
	publicItem, secretItem          *ratsinfo.AgendaItem
	paper, draft, gone              *ratsinfo.Paper
	consultation                    *ratsinfo.Consultation
	mainFile, auxFile, invitation   *ratsinfo.File
	resolution, draftFile, deadFile *ratsinfo.File
	fillers                         []*ratsinfo.Paper
	deletedAt                       time.Time
}

// Secrets that an anonymous crawl must never see.
const (
	secretItemName   = "Grundstücksverkauf Parzelle 7 an Investor X"
	secretItemResult = "Zuschlag an Investor X für 1,2 Mio. Euro"
	draftPaperName   = "Entwurf: Schließung der Kita Sonnenschein"
	draftFileText    = "Vertraulicher Entwurfstext zur Kita"
)

// clock is a fixed clock that advances one second per call.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

// reset sets the clock to t, so that fixtures start at the same instant however many
// times migrations asked for the time.
func (c *clock) reset(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func openStore(t testing.TB, now func() time.Time) *sqldb.DB {
	t.Helper()
	return openStoreAt(t, filepath.Join(t.TempDir(), "ratsinfo.db"), now)
}

// openStoreAt opens the store at dsn: a SQLite file or a PostgreSQL URL.
func openStoreAt(t testing.TB, dsn string, now func() time.Time) *sqldb.DB {
	t.Helper()
	db, err := sqldb.Open(context.Background(), dsn, sqldb.Options{
		Now:     now,
		Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
		Migrate: true,
	})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// newWorld builds the fixture and serves it on a real HTTP server.
func newWorld(t testing.TB) *world {
	t.Helper()
	return newWorldAt(t, "", time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC))
}

// newWorldAt builds the fixture in the store at dsn ("" = a SQLite temp file) with
// a clock that starts at start.
func newWorldAt(t testing.TB, dsn string, start time.Time) *world {
	t.Helper()
	clk := &clock{t: start}
	if dsn == "" {
		dsn = filepath.Join(t.TempDir(), "ratsinfo.db")
	}
	w := &world{store: openStoreAt(t, dsn, clk.now)}
	clk.reset(start)
	var err error
	w.blobs, err = blob.NewDir(filepath.Join(t.TempDir(), "blobs"))
	must(t, err)
	ctx := ratsinfo.SystemContext(context.Background())
	st := w.store

	sys, err := st.FindSystem(ctx)
	must(t, err)
	must(t, st.UpdateSystem(ctx, &ratsinfo.System{
		Meta: ratsinfo.Meta{License: "https://www.govdata.de/dl-de/by-2-0", Modified: sys.Modified},
		Name: "Ratsinformationssystem Musterstadt", ContactEmail: "ris@musterstadt.example",
		ContactName: "Büro der Stadtvertretung", Website: "https://www.musterstadt.example/",
	}))
	w.body = &ratsinfo.Body{Name: "Stadt Musterstadt", ShortName: "Musterstadt", AGS: "01060063",
		RGS: "010600063063", Website: "https://www.musterstadt.example/", Classification: "Stadt",
		Equivalent: []string{"https://de.wikipedia.org/wiki/Norderstedt"}}
	must(t, st.CreateBody(ctx, w.body))
	loc := func(l *ratsinfo.Location) *ratsinfo.Location {
		l.BodyID = w.body.ID
		must(t, st.CreateLocation(ctx, l))
		return l
	}
	w.hall = loc(&ratsinfo.Location{Description: "Rathaus, Sitzungssaal", StreetAddress: "Rathausallee 50",
		PostalCode: "22846", Locality: "Musterstadt", Room: "Plenarsaal",
		GeoJSON: `{"type":"Feature","geometry":{"type":"Point","coordinates":[9.9865,53.7063]},"properties":{}}`})
	w.site = loc(&ratsinfo.Location{Description: "Baugebiet Am Stadtpark"})
	w.home = loc(&ratsinfo.Location{StreetAddress: "Lindenweg 3", PostalCode: "22846", Locality: "Musterstadt"})
	w.body.LocationID = w.hall.ID
	must(t, st.UpdateBody(ctx, w.body))

	w.term = &ratsinfo.LegislativeTerm{BodyID: w.body.ID, Name: "Wahlperiode 2023–2028",
		StartDate: ratsinfo.NewDate(2023, 6, 1), EndDate: ratsinfo.NewDate(2028, 5, 31)}
	must(t, st.CreateLegislativeTerm(ctx, w.term))
	org := func(o *ratsinfo.Organization) *ratsinfo.Organization {
		o.BodyID = w.body.ID
		must(t, st.CreateOrganization(ctx, o))
		return o
	}
	w.council = org(&ratsinfo.Organization{Name: "Stadtvertretung", OrganizationType: ratsinfo.OrgTypeCommittee,
		Classification: "Parlament", LocationID: w.hall.ID, StartDate: ratsinfo.NewDate(2023, 6, 1)})
	w.committee = org(&ratsinfo.Organization{Name: "Hauptausschuss", ShortName: "HA",
		OrganizationType: ratsinfo.OrgTypeCommittee, Classification: "Ausschuss", SubOrganizationOf: w.council.ID})
	w.faction = org(&ratsinfo.Organization{Name: "Fraktion Grüne Mitte", OrganizationType: ratsinfo.OrgTypeFaction,
		Post: []string{"Vorsitz", "Geschäftsführung"}})

	w.alice = &ratsinfo.Person{BodyID: w.body.ID, GivenName: "Anna", FamilyName: "Öztürk", FormOfAddress: "Frau",
		Title: []string{"Dr."}, Gender: "female", Email: []string{"anna.oeztuerk@musterstadt.example"},
		Phone: []string{"+49 40 123456"}, LocationID: w.home.ID, ContactConsent: true, Status: []string{"Stadtvertreterin"}}
	must(t, st.CreatePerson(ctx, w.alice))
	w.bob = &ratsinfo.Person{BodyID: w.body.ID, Name: "Bernd Müller", Email: []string{"bernd@privat.example"}}
	must(t, st.CreatePerson(ctx, w.bob))
	w.aliceInCouncil = &ratsinfo.Membership{PersonID: w.alice.ID, OrganizationID: w.council.ID, Role: "Mitglied",
		VotingRight: true, StartDate: ratsinfo.NewDate(2023, 6, 1), OnBehalfOf: w.faction.ID}
	must(t, st.CreateMembership(ctx, w.aliceInCouncil))
	w.bobInCommittee = &ratsinfo.Membership{PersonID: w.bob.ID, OrganizationID: w.committee.ID, Role: "Stellvertretung"}
	must(t, st.CreateMembership(ctx, w.bobInCommittee))

	file := func(name, fileName, content string) *ratsinfo.File {
		key, size, sum, err := w.blobs.Put(ctx, strings.NewReader(content))
		must(t, err)
		f := &ratsinfo.File{BodyID: w.body.ID, Name: name, FileName: fileName, MimeType: "application/pdf",
			Date: ratsinfo.NewDate(2024, 2, 20), Size: size, SHA512Checksum: sum, BlobKey: key, Text: content}
		must(t, st.CreateFile(ctx, f))
		return f
	}
	w.mainFile = file("Beschlussvorlage Radweg", "Vorlage Radweg Süd.pdf", "%PDF-1.4 Radweg am Stadtpark, öffentliche Vorlage")
	w.auxFile = file("Lageplan", "lageplan.pdf", "%PDF-1.4 Lageplan Radweg")
	w.invitation = file("Einladung", "einladung.pdf", "%PDF-1.4 Einladung zur Sitzung")
	w.resolution = file("Beschluss", "beschluss.pdf", "%PDF-1.4 Beschluss Radweg")
	w.draftFile = file("Entwurf Kita", "entwurf-kita.pdf", draftFileText)
	w.deadFile = file("Zurückgezogene Anlage", "alt.pdf", "%PDF-1.4 alt")

	w.meeting = &ratsinfo.Meeting{BodyID: w.body.ID, Name: "3. Sitzung der Stadtvertretung",
		MeetingState: ratsinfo.MeetingHeld, Start: time.Date(2024, 3, 12, 17, 0, 0, 0, time.UTC),
		End: time.Date(2024, 3, 12, 20, 30, 0, 0, time.UTC), LocationID: w.hall.ID,
		OrganizationIDs: []int64{w.council.ID}, ParticipantIDs: []int64{w.alice.ID, w.bob.ID},
		InvitationFileID: w.invitation.ID}
	must(t, st.CreateMeeting(ctx, w.meeting))

	w.paper = &ratsinfo.Paper{BodyID: w.body.ID, Name: "Radweg am Stadtpark", Reference: "B 24/0001",
		Date: ratsinfo.NewDate(2024, 2, 20), PaperType: ratsinfo.PaperTypeResolution, MainFileID: w.mainFile.ID,
		AuxiliaryFileIDs: []int64{w.auxFile.ID, w.deadFile.ID}, LocationIDs: []int64{w.site.ID},
		UnderDirectionOfIDs: []int64{w.committee.ID}, OriginatorPersonIDs: []int64{w.alice.ID}, Published: true}
	must(t, st.CreatePaper(ctx, w.paper))
	w.draft = &ratsinfo.Paper{BodyID: w.body.ID, Name: draftPaperName, Reference: "B 24/0002",
		PaperType: ratsinfo.PaperTypeResolution, MainFileID: w.draftFile.ID}
	must(t, st.CreatePaper(ctx, w.draft))
	w.gone = &ratsinfo.Paper{BodyID: w.body.ID, Name: "Zurückgezogener Antrag", PaperType: ratsinfo.PaperTypeMotion,
		Published: true}
	must(t, st.CreatePaper(ctx, w.gone))

	w.publicItem = &ratsinfo.AgendaItem{MeetingID: w.meeting.ID, Position: 0, Number: "1", Name: "Radweg am Stadtpark",
		Public: true, Result: "einstimmig beschlossen", ResolutionText: "Der Radweg wird gebaut.",
		ResolutionFileID: w.resolution.ID}
	must(t, st.CreateAgendaItem(ctx, w.publicItem))
	w.secretItem = &ratsinfo.AgendaItem{MeetingID: w.meeting.ID, Position: 1, Number: "2", Name: secretItemName,
		Public: false, Result: secretItemResult}
	must(t, st.CreateAgendaItem(ctx, w.secretItem))
	w.consultation = &ratsinfo.Consultation{PaperID: w.paper.ID, MeetingID: w.meeting.ID, AgendaItemID: w.publicItem.ID,
		OrganizationIDs: []int64{w.council.ID}, Authoritative: true, Role: ratsinfo.RoleDecision}
	must(t, st.CreateConsultation(ctx, w.consultation))
	w.publicItem.ConsultationID = w.consultation.ID
	must(t, st.UpdateAgendaItem(ctx, w.publicItem))

	for i := 0; i < 20; i++ {
		p := &ratsinfo.Paper{BodyID: w.body.ID, Name: "Mitteilung " + string(rune('A'+i)),
			PaperType: ratsinfo.PaperTypeInformation, Published: true}
		must(t, st.CreatePaper(ctx, p))
		w.fillers = append(w.fillers, p)
	}
	w.deletedAt = clk.now()
	must(t, st.DeletePaper(ctx, w.gone.ID))
	must(t, st.DeleteFile(ctx, w.deadFile.ID))

	// The server must know its own address for ids, so it is built after the
	// listener exists.
	mux := http.NewServeMux()
	var handler http.Handler
	w.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) { handler.ServeHTTP(rw, r) }))
	t.Cleanup(w.srv.Close)
	s := NewServer(Config{BaseURL: w.srv.URL, Store: st, Blobs: w.blobs, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	s.Register(mux)
	handler = s.CleanPaths(mux)
	w.oparl = s
	w.api = w.srv.URL + apiPathBase
	return w
}
