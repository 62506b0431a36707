package search

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// corpus is a small council record whose every paper tests one property of
// German search, with non-public objects that carry the word GEHEIM.
type corpus struct {
	db     *sqldb.DB
	body   int64
	papers map[string]int64 // short name → paper id
	orgs   map[string]int64
}

// corpusPapers: name, reference, the text of its file.
var corpusPapers = []struct{ key, name, ref, text string }{
	{"schule", "Sanierung der Schule am Lindenweg", "A 21/0101", "Die Turnhalle der Grundschule wird saniert."},
	{"baum", "Fällung von einem Baum an der Ulzburger Straße", "B 21/0102", "Der Baum ist morsch und muss gefällt werden."},
	{"ausschuesse", "Sitzungsplan der Ausschüsse für 2024", "M 21/0103", "Die Termine aller Ausschüsse im Überblick."},
	{"radwegekonzept", "Radwegekonzept der Stadt", "B 22/0104", "Ein Netz sicherer Verbindungen für den Alltagsverkehr."},
	{"konzept", "Konzept für den Winterdienst", "M 22/0105", "Räumen und Streuen der Gehwege."},
	{"digistrategie", "Digitalisierungsstrategie der Verwaltung", "B 22/0106", "Ziele bis 2030."},
	{"digitalisierung", "Bericht zur Digitalisierung der Verwaltung", "M 22/0107", "Stand der Online-Dienste."},
	{"smartcity", "Smart-City-Offensive Norderstedt GO!", "A 23/0012", "Die Offensive bündelt Projekte der Stadt."},
	{"smartjoined", "Plattform SmartCity Nord", "VO/2023/017", "Eine gemeinsame Datenplattform der Region."},
	{"kreisstrasse", "Bau eines Gehwegs an der Kreisstraße", "B 23/0108", "Der Gehweg verläuft an der Kreisstraße 113."},
	{"kreisfern", "Kreis der Straßenbauer tagt", "M 23/0109", "Ein Treffen im Kreis; Straße und Wege sind Thema, Knoten und Punkte."},
	{"knoten", "Digitaler Knotenpunkt für Norderstedt", "A 23/0110", "Ein Ort, der den digitalen Wandel vermittelt."},
	{"bplan", "Bebauungsplanverfahren Nr. 312 Garstedter Dreieck", "B 24/0111", "Aufstellungsbeschluss."},
	{"haushalt", "Haushaltsplan 2025", "B 24/0112", "Der Etat der Stadt für das kommende Jahr, auch für Verfahren zu jedem Bebauungsplan."},
}

// secretWords must never be found, suggested or shown in a snippet.
var secretWords = []string{"Geheimvorlage", "Geheimtext", "Geheimpunkt", "Geheimbeschluss", "geheim.scheu@example.org", "Zauberwortvorlage"}

func openStore(t testing.TB, dsn string) *sqldb.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn, sqldb.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// stores runs fn on a fresh SQLite file and, when the environment names one,
// on a fresh PostgreSQL database.
func stores(t *testing.T, fn func(t *testing.T, db *sqldb.DB)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, openStore(t, filepath.Join(t.TempDir(), "ratsinfo.db"))) })
	t.Run("postgres", func(t *testing.T) { fn(t, openStore(t, pgtest.DSN(t))) })
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func writeCorpus(t testing.TB, db *sqldb.DB) *corpus {
	t.Helper()
	ctx := ratsinfo.SystemContext(context.Background())
	c := &corpus{db: db, papers: map[string]int64{}, orgs: map[string]int64{}}
	body := &ratsinfo.Body{Name: "Stadt Norderstedt"}
	must(t, db.CreateBody(ctx, body))
	c.body = body.ID
	for _, p := range corpusPapers {
		c.papers[p.key] = c.paper(t, ctx, p.name, p.ref, p.text, true)
	}
	ha := &ratsinfo.Organization{BodyID: c.body, Name: "Hauptausschuss", OrganizationType: ratsinfo.OrgTypeCommittee}
	must(t, db.CreateOrganization(ctx, ha))
	c.orgs["ha"] = ha.ID
	// Non-public: a draft paper with its own file, a non-public agenda item,
	// a person without consent to publish contact data.
	c.papers["secret"] = c.paper(t, ctx, "GEHEIMVORLAGE Zauberwortvorlage Grundstücksverkauf", "X 99/0001", "GEHEIMTEXT der Personalakte", false)
	m := &ratsinfo.Meeting{BodyID: c.body, Name: "Sitzung des Hauptausschusses", OrganizationIDs: []int64{ha.ID},
		Start: time.Date(2024, 3, 4, 18, 0, 0, 0, time.UTC)}
	must(t, db.CreateMeeting(ctx, m))
	must(t, db.CreateAgendaItem(ctx, &ratsinfo.AgendaItem{MeetingID: m.ID, Position: 0, Number: "1", Name: "Öffentliche Einwohnerfragestunde", Public: true}))
	must(t, db.CreateAgendaItem(ctx, &ratsinfo.AgendaItem{MeetingID: m.ID, Position: 1, Number: "2", Name: "GEHEIMPUNKT Personalangelegenheit",
		Public: false, ResolutionText: "GEHEIMBESCHLUSS wird eingestellt"}))
	must(t, db.CreatePerson(ctx, &ratsinfo.Person{BodyID: c.body, GivenName: "Scheue", FamilyName: "Person",
		Email: []string{"geheim.scheu@example.org"}, ContactConsent: false}))
	return c
}

// paper writes a paper with one file holding text.
func (c *corpus) paper(t testing.TB, ctx context.Context, name, ref, text string, published bool) int64 {
	t.Helper()
	f := &ratsinfo.File{BodyID: c.body, Name: name, FileName: "vorlage.txt", MimeType: "text/plain", Text: text}
	must(t, c.db.CreateFile(ctx, f))
	p := &ratsinfo.Paper{BodyID: c.body, Name: name, Reference: ref, PaperType: ratsinfo.PaperTypeResolution,
		Date: ratsinfo.NewDate(2000+refYear(ref), time.March, 1), MainFileID: f.ID, Published: published}
	must(t, c.db.CreatePaper(ctx, p))
	return p.ID
}

func refYear(ref string) int {
	g := refGroups(ref)
	for _, x := range g {
		if isNumber(x) {
			n := 0
			for _, r := range x {
				n = n*10 + int(r-'0')
			}
			if n > 2000 {
				return n - 2000
			}
			return n
		}
	}
	return 24
}

// openIndex builds the index of db in a temp folder.
func openIndex(t testing.TB, db *sqldb.DB, opt Options) *Index {
	t.Helper()
	x, err := Open(filepath.Join(t.TempDir(), "suche"), db, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	if err := x.Rebuild(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	return x
}

func search(t testing.TB, x *Index, q string) *ratsinfo.SearchResult {
	t.Helper()
	res, err := x.Search(context.Background(), ratsinfo.SearchQuery{Text: q, Limit: 20})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return res
}

func hasPaper(res *ratsinfo.SearchResult, id int64) bool {
	for _, h := range res.Hits {
		if h.Kind == ratsinfo.SearchPaper && h.ID == id {
			return true
		}
	}
	return false
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	must(t, os.WriteFile(path, []byte(content), 0o644))
}
