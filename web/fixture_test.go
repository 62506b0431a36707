package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// testNow is the day the demo city lives in; meetings after it are upcoming.
var testNow = time.Date(2026, time.December, 1, 10, 0, 0, 0, time.UTC)

// world is the demo city plus objects whose secret strings the leak test knows.
type world struct {
	store   *sqldb.DB
	city    *demo.City
	srv     *httptest.Server
	web     *Server
	secrets []string // must never appear on any page, feed or calendar
	fix     fixtureIDs

	// The long meeting and paper of longObjects, written on first use.
	longOnce               sync.Once
	longMeeting, longPaper int64
	longErr                error
}

// fixtureIDs names the leak-test objects written on top of the demo city.
type fixtureIDs struct {
	Meeting       int64 // public meeting with one public and one non-public item
	PublicItem    int64
	SecretItem    int64
	SecretPaper   int64 // never published
	SecretFile    int64 // attached only to the secret paper
	PublicPaper   int64 // treated in the secret item: public itself
	ShyPerson     int64 // no consent to publish contact data
	CancelledMeet int64
	Originator    int64 // person with one published and one unpublished paper
	Pender        int64 // originator of the demo's inquiry

	// Inquiries in every public state, and two the public never sees.
	InquiryPublished, InquiryOverdue, InquiryExternal, InquiryDraft, InquiryConfidential int64
	InquiryHearing                                                                       int64 // the meeting that hears the published answer
}

var (
	worldOnce sync.Once
	theWorld  *world
	worldErr  error
)

// testWorld builds the world once per test binary: the demo city takes a few
// seconds, and every test only reads it.
func testWorld(t testing.TB) *world {
	t.Helper()
	worldOnce.Do(func() { theWorld, worldErr = buildWorld() })
	if worldErr != nil {
		t.Fatalf("test world: %v", worldErr)
	}
	return theWorld
}

func buildWorld() (*world, error) {
	dir, err := os.MkdirTemp("", "ratsinfo-web-test-")
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	clock := func() time.Time { return testNow }
	db, err := sqldb.Open(ctx, filepath.Join(dir, "ratsinfo.db"), sqldb.Options{Migrate: true, Now: clock})
	if err != nil {
		return nil, err
	}
	blobs, err := blob.NewDir(filepath.Join(dir, "dateien"))
	if err != nil {
		return nil, err
	}
	sys := ratsinfo.SystemContext(ctx)
	city, err := demo.Load(sys, db, blobs)
	if err != nil {
		return nil, err
	}
	w := &world{store: db, city: city}
	if err := w.addSecrets(sys); err != nil {
		return nil, err
	}
	if err := w.addOriginator(sys); err != nil {
		return nil, err
	}
	if err := w.addInquiries(sys); err != nil {
		return nil, err
	}
	if err := w.collectDemoSecrets(sys); err != nil {
		return nil, err
	}
	// The clock stands still and every test posts from 127.0.0.1: the shared
	// world takes any number of messages (feedback_limit_test.go tests the limit).
	w.web = NewServer(Config{BaseURL: "http://ratsinfo.test", Store: db, Feedback: db, Inquiries: db, Now: clock,
		FeedbackLimit: FeedbackLimit{Burst: 1 << 20, PerHour: 1 << 20},
		Logger:        slog.New(slog.NewTextHandler(io.Discard, nil))})
	mux := http.NewServeMux()
	w.web.Register(mux)
	w.srv = httptest.NewServer(mux)
	return w, nil
}

// addSecrets writes a meeting with a non-public item, an unpublished paper with its
// own file, and a person without consent, each carrying a marker string.
func (w *world) addSecrets(ctx context.Context) error {
	s := w.store
	body := w.city.BodyID
	secretFile := &ratsinfo.File{BodyID: body, Name: "GEHEIMDATEI Personalakte", FileName: "geheim.txt", MimeType: "text/plain",
		Text: "GEHEIMTEXT der Personalakte"}
	if err := s.CreateFile(ctx, secretFile); err != nil {
		return err
	}
	secretPaper := &ratsinfo.Paper{BodyID: body, Name: "GEHEIMVORLAGE Grundstücksverkauf", Reference: "X 99/GEHEIM",
		PaperType: ratsinfo.PaperTypeResolution, Date: ratsinfo.NewDate(2026, 11, 20), MainFileID: secretFile.ID}
	if err := s.CreatePaper(ctx, secretPaper); err != nil {
		return err
	}
	publicPaper := &ratsinfo.Paper{BodyID: body, Name: "Öffentliche Vorlage Leaktest Radweg", Reference: "B 26/9001",
		PaperType: ratsinfo.PaperTypeResolution, Date: ratsinfo.NewDate(2026, 11, 21), Published: true}
	if err := s.CreatePaper(ctx, publicPaper); err != nil {
		return err
	}
	berlin := ratsinfo.Berlin()
	m := &ratsinfo.Meeting{BodyID: body, Name: "Leaktest-Sitzung Hauptausschuss", MeetingState: ratsinfo.MeetingInvited,
		Start: time.Date(2026, 12, 14, 18, 0, 0, 0, berlin), End: time.Date(2026, 12, 14, 21, 0, 0, 0, berlin),
		OrganizationIDs: []int64{w.city.MainCommitteeID}}
	if err := s.CreateMeeting(ctx, m); err != nil {
		return err
	}
	pub := &ratsinfo.AgendaItem{MeetingID: m.ID, Position: 0, Number: "1", Name: "Öffentlicher Punkt Radweg", Public: true}
	if err := s.CreateAgendaItem(ctx, pub); err != nil {
		return err
	}
	sec := &ratsinfo.AgendaItem{MeetingID: m.ID, Position: 1, Number: "2", Name: "GEHEIMPUNKT Personalangelegenheit Müller",
		Public: false, Result: "GEHEIMERGEBNIS einstimmig", ResolutionText: "GEHEIMBESCHLUSS wird eingestellt"}
	if err := s.CreateAgendaItem(ctx, sec); err != nil {
		return err
	}
	for i, c := range []*ratsinfo.Consultation{
		{PaperID: publicPaper.ID, MeetingID: m.ID, AgendaItemID: pub.ID, Role: ratsinfo.RoleDecision, OrganizationIDs: []int64{w.city.MainCommitteeID}},
		{PaperID: secretPaper.ID, MeetingID: m.ID, AgendaItemID: sec.ID, Role: ratsinfo.RoleDecision, OrganizationIDs: []int64{w.city.MainCommitteeID}},
	} {
		c.Position = i
		if err := s.CreateConsultation(ctx, c); err != nil {
			return err
		}
	}
	cancelled := &ratsinfo.Meeting{BodyID: body, Name: "Abgesagte Leaktest-Sitzung", Cancelled: true, MeetingState: ratsinfo.MeetingInvited,
		Start: time.Date(2026, 12, 15, 17, 0, 0, 0, berlin), OrganizationIDs: []int64{w.city.MainCommitteeID}}
	if err := s.CreateMeeting(ctx, cancelled); err != nil {
		return err
	}
	shy := &ratsinfo.Person{BodyID: body, GivenName: "Scheue", FamilyName: "Leaktestperson", Email: []string{"geheim.scheu@example.org"},
		Phone: []string{"+49 40 GEHEIMNUMMER"}, ContactConsent: false}
	if err := s.CreatePerson(ctx, shy); err != nil {
		return err
	}
	if err := s.CreateMembership(ctx, &ratsinfo.Membership{PersonID: shy.ID, OrganizationID: w.city.MainCommitteeID, Role: "Mitglied",
		VotingRight: true, StartDate: ratsinfo.NewDate(2023, 6, 1)}); err != nil {
		return err
	}
	// Feedback holds citizens' names and addresses: never on any page.
	if err := s.CreateFeedback(ctx, &ratsinfo.Feedback{Kind: ratsinfo.FeedbackFileReport, FileID: w.city.AnswerFileID,
		Reason: ratsinfo.ReasonPersonalData, Name: "Gerda Geheimrat", Email: "geheim.feedback@example.org",
		Text: "GEHEIMMELDUNG Seite 3 nennt meine Anschrift"}); err != nil {
		return err
	}
	w.fix = fixtureIDs{Meeting: m.ID, PublicItem: pub.ID, SecretItem: sec.ID, SecretPaper: secretPaper.ID, SecretFile: secretFile.ID,
		PublicPaper: publicPaper.ID, ShyPerson: shy.ID, CancelledMeet: cancelled.ID}
	w.secrets = append(w.secrets, "GEHEIM", "geheim.scheu@example.org", "Personalangelegenheit Müller", "Gerda Geheimrat")
	return nil
}

// addOriginator writes a person who originated a published paper and an
// unpublished one, so the paper list filtered to her shows exactly the first.
// The papers are dated 2022 to stay off the lists of the newest.
func (w *world) addOriginator(ctx context.Context) error {
	s := w.store
	body := w.city.BodyID
	person := &ratsinfo.Person{BodyID: body, GivenName: "Urte", FamilyName: "Urheberin-Leaktest"}
	if err := s.CreatePerson(ctx, person); err != nil {
		return err
	}
	for _, p := range []*ratsinfo.Paper{
		{Name: "Antrag der Leaktest-Urheberin zum Stadtpark", Reference: "A 22/9100", Published: true},
		{Name: "GEHEIMANTRAG der Leaktest-Urheberin", Reference: "A 22/9101"},
	} {
		p.BodyID, p.PaperType, p.Date = body, ratsinfo.PaperTypeMotion, ratsinfo.NewDate(2022, 5, 3)
		p.OriginatorPersonIDs = []int64{person.ID}
		if err := s.CreatePaper(ctx, p); err != nil {
			return err
		}
	}
	inquiry, err := s.FindPaperByID(ctx, w.city.InquiryPaperID)
	if err != nil {
		return err
	}
	if len(inquiry.OriginatorPersonIDs) == 0 {
		return fmt.Errorf("demo inquiry %d names no originating person", inquiry.ID)
	}
	w.fix.Originator, w.fix.Pender = person.ID, inquiry.OriginatorPersonIDs[0]
	return nil
}

// collectDemoSecrets reads the demo city as the system and remembers every
// non-public text: names of non-public agenda items, unpublished papers, and
// contact data given without consent.
func (w *world) collectDemoSecrets(ctx context.Context) error {
	items, err := w.store.FindAgendaItems(ctx, ratsinfo.AgendaItemFilter{})
	if err != nil {
		return err
	}
	for _, it := range items {
		if !it.Public {
			w.addSecret(it.Name)
			w.addSecret(it.ResolutionText)
		}
	}
	papers, err := w.store.FindPapers(ctx, ratsinfo.PaperFilter{})
	if err != nil {
		return err
	}
	for _, p := range papers {
		if !p.Published {
			w.addSecret(p.Name)
		}
	}
	persons, err := w.store.FindPersons(ctx, ratsinfo.PersonFilter{})
	if err != nil {
		return err
	}
	for _, p := range persons {
		if !p.ContactConsent {
			for _, e := range p.Email {
				w.addSecret(e)
			}
			for _, ph := range p.Phone {
				w.addSecret(ph)
			}
		}
	}
	return nil
}

// addSecret remembers a non-public text unless it is too generic to be one (a
// non-public item may well be called "Verschiedenes", like a public one).
func (w *world) addSecret(s string) {
	s = strings.TrimSpace(s)
	if len(s) < 25 {
		return
	}
	w.secrets = append(w.secrets, s)
}

// get fetches a path from the test server.
func (w *world) get(t testing.TB, path string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("GET", w.srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := noRedirect.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
