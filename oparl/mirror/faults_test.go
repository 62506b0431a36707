package mirror_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/oparl/mirror"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// fastRetries keep the fault tests quick: short timeout, no real backoff.
var fastRetries = mirror.Options{Timeout: 150 * time.Millisecond, Backoff: time.Millisecond, Retries: 3}

// TestFaults imports from the hostile server and expects every repair counted
// and the data in the store as it should have been sent.
func TestFaults(t *testing.T) {
	backends(t, testFaults)
}

func testFaults(t *testing.T, open func(testing.TB) (*sqldb.DB, *blob.Dir)) {
	h := startHostile(t)
	db, blobs := open(t)
	rep := importInto(t, db, blobs, h.system(), fastRetries)
	if testing.Verbose() {
		rep.WriteText(os.Stdout)
	}
	for _, kind := range []string{"trailing-blank", "empty-string", "na-value", "ags-7-digits", "geojson-lat-lon",
		"geojson-bare-geometry", "missing-created", "object-instead-of-array", "id-differs-from-url",
		"pagination-loop", "missing-linked-object", "html-error-page", "retry-5xx", "timeout",
		"tombstone-without-type", "agenda-item-order", "mime-sniffed"} {
		if rep.Repairs[kind] == 0 {
			t.Errorf("Reparatur %s nicht gezählt", kind)
		}
	}
	if len(rep.Failures) > 0 || len(rep.Skipped) > 0 {
		t.Errorf("Fehler %v, übersprungen %v", rep.Failures, rep.Skipped)
	}
	ctx := ratsinfo.SystemContext(context.Background())
	get := func(p string) int64 {
		r, err := db.FindBySource(ctx, h.u(p))
		if err != nil {
			t.Fatalf("%s nicht übernommen: %v", p, err)
		}
		return r.ID
	}
	body := must(db.FindBodyByID(ctx, get("/body/1")))
	if body.AGS != "05358016" || body.Name != "Gemeinde Teststadt" || body.Website != "" {
		t.Errorf("Körperschaft: AGS %q, Name %q, Website %q", body.AGS, body.Name, body.Website)
	}
	loc := must(db.FindLocationByID(ctx, body.LocationID))
	if !strings.Contains(loc.GeoJSON, `"type":"Feature"`) || !strings.Contains(loc.GeoJSON, "[6.39,50.72]") {
		t.Errorf("GeoJSON nicht repariert: %s", loc.GeoJSON)
	}
	person := must(db.FindPersonByID(ctx, get("/person/1")))
	home := must(db.FindLocationByID(ctx, person.LocationID))
	if person.Name != "Erika Muster" || home.PostalCode != "52393" || !strings.Contains(home.GeoJSON, "[6.4,50.7]") {
		t.Errorf("Person %q, PLZ %q, GeoJSON %s", person.Name, home.PostalCode, home.GeoJSON)
	}
	ms := must(db.FindMemberships(ctx, ratsinfo.MembershipFilter{PersonIDs: []int64{person.ID}}))
	if len(ms) != 1 || ms[0].OrganizationID != get("/organization/1") {
		t.Errorf("Mitgliedschaft (Objekt statt Liste) nicht übernommen: %+v", ms)
	}
	m := must(db.FindMeetingByID(ctx, get("/meeting/1")))
	if len(m.OrganizationIDs) != 1 || len(m.ParticipantIDs) != 2 || len(m.AuxiliaryFileIDs) != 1 || m.MeetingState != "" {
		t.Errorf("Sitzung: Gremien %v, Teilnehmer %v, Anlagen %v, Status %q", m.OrganizationIDs, m.ParticipantIDs, m.AuxiliaryFileIDs, m.MeetingState)
	}
	if get("/people/2") != get("/person/2") {
		t.Error("abweichende id nicht derselben Person zugeordnet")
	}
	items := must(db.FindAgendaItems(ctx, ratsinfo.AgendaItemFilter{MeetingIDs: []int64{m.ID}}))
	if len(items) != 2 || items[0].Position != 0 || items[1].Position != 1 || items[0].ConsultationID != get("/consultation/1") {
		t.Errorf("Tagesordnung: %+v", items)
	}
	paper := must(db.FindPaperByID(ctx, get("/paper/1")))
	if len(paper.RelatedPaperIDs) != 1 || paper.RelatedPaperIDs[0] != get("/paper/2") || paper.Reference != "" {
		t.Errorf("Vorlage: verwandt %v, Aktenzeichen %q", paper.RelatedPaperIDs, paper.Reference)
	}
	file := must(db.FindFileByID(ctx, paper.MainFileID))
	if file.MimeType != "application/pdf" || file.BlobKey == "" || file.Size == 0 || len(file.SHA512Checksum) != 128 {
		t.Errorf("Datei: %q %q %d %q", file.MimeType, file.BlobKey, file.Size, file.SHA512Checksum)
	}
	checkIncremental(t, h, db, blobs)
}

// checkIncremental changes, adds and deletes papers on the source and expects
// the next run to fetch only those (modified_since), with the filter restored on
// page 2 and empty lists answered by 404 taken as empty; then a run without
// changes and a full re-crawl must change nothing.
func checkIncremental(t *testing.T, h *hostile, db *sqldb.DB, blobs *blob.Dir) {
	ctx := ratsinfo.SystemContext(context.Background())
	time.Sleep(1100 * time.Millisecond) // the checkpoint has one-second resolution (Date header)
	h.change("/paper/2", map[string]any{"name": "Stellungnahme, geändert"})
	h.change("/paper/1", map[string]any{"deleted": true})
	for _, p := range []string{"/paper/4", "/paper/5", "/paper/6"} {
		h.change(p, map[string]any{"name": "Neue Vorlage " + p})
	}
	rep := importInto(t, db, blobs, h.system(), fastRetries)
	// Deleted: the paper and the consultation embedded in it (issue 9 item 5).
	if rep.Created != 3 || rep.Updated != 1 || rep.Deleted != 2 {
		rep.WriteText(os.Stderr)
		t.Errorf("Aktualisierung: %d neu, %d geändert, %d gelöscht; erwartet 3, 1, 2", rep.Created, rep.Updated, rep.Deleted)
	}
	for _, kind := range []string{"filter-lost", "empty-list-404"} {
		if rep.Repairs[kind] == 0 {
			t.Errorf("Reparatur %s nicht gezählt", kind)
		}
	}
	r, _ := db.FindBySource(ctx, h.u("/paper/2"))
	if p := must(db.FindPaperByID(ctx, r.ID)); p.Name != "Stellungnahme, geändert" {
		t.Errorf("Änderung nicht übernommen: %q", p.Name)
	}
	r, _ = db.FindBySource(ctx, h.u("/paper/1"))
	if p, err := db.FindPaperByID(ctx, r.ID); err != nil || !p.Deleted {
		t.Errorf("Löschung nicht übernommen: %v %v", p, err)
	}
	r, _ = db.FindBySource(ctx, h.u("/consultation/1"))
	if c, err := db.FindConsultationByID(ctx, r.ID); err != nil || !c.Deleted {
		t.Errorf("eingebettete Beratung der gelöschten Vorlage nicht gelöscht: %+v %v", c, err)
	}

	before := feedLen(t, db)
	rep = importInto(t, db, blobs, h.system(), fastRetries)
	if n := rep.Created + rep.Updated + rep.Deleted; n != 0 || feedLen(t, db) != before {
		t.Errorf("zweiter Lauf ohne Änderungen schrieb %d Objekte", n)
	}
	// A full re-crawl (checkpoints gone) must not touch unchanged objects either.
	cps := must(db.Checkpoints(ctx, "list:"))
	for k := range cps {
		if err := db.SetCheckpoint(ctx, k, ""); err != nil {
			t.Fatal(err)
		}
	}
	rep = importInto(t, db, blobs, h.system(), fastRetries)
	if n := rep.Created + rep.Updated + rep.Deleted; n != 0 || feedLen(t, db) != before {
		rep.WriteText(os.Stderr)
		t.Errorf("vollständiger Neuimport schrieb %d Objekte, Änderungsprotokoll %d → %d", n, before, feedLen(t, db))
	}
}

// feedLen counts the change feed.
func feedLen(t testing.TB, db *sqldb.DB) int {
	n, seq := 0, int64(0)
	for {
		cs, err := db.Changes(context.Background(), seq, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) == 0 {
			return n
		}
		n += len(cs)
		seq = cs[len(cs)-1].Seq
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
