package demo_test

import (
	"context"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// open returns an empty store on a SQLite temp file and a blob folder: the real
// backends, because the demo is only useful if the real store accepts all of it.
func open(t testing.TB) (*sqldb.DB, *blob.Dir) {
	t.Helper()
	dir := t.TempDir()
	db, err := sqldb.Open(context.Background(), filepath.Join(dir, "ratsinfo.db"), sqldb.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	blobs, err := blob.NewDir(filepath.Join(dir, "files"))
	if err != nil {
		t.Fatal(err)
	}
	return db, blobs
}

func load(t *testing.T) (*sqldb.DB, *blob.Dir, *demo.City) {
	t.Helper()
	db, blobs := open(t)
	city, err := demo.Load(ratsinfo.SystemContext(context.Background()), db, blobs)
	if err != nil {
		t.Fatal(err)
	}
	return db, blobs, city
}

func TestLoad(t *testing.T) {
	t.Parallel()
	db, blobs, city := load(t)
	sys := ratsinfo.SystemContext(context.Background())
	anon := context.Background()

	t.Run("counts", func(t *testing.T) {
		within(t, "papers", city.Papers, 1500, 1500)
		within(t, "meetings", city.Meetings, 220, 300)
		within(t, "persons", city.Persons, 55, 65)
		within(t, "organizations", city.Organizations, 10, 16)
		for kind, want := range map[ratsinfo.Kind]int{ratsinfo.KindPaper: city.Papers,
			ratsinfo.KindMeeting: city.Meetings, ratsinfo.KindPerson: city.Persons,
			ratsinfo.KindOrganization: city.Organizations} {
			n, err := db.Count(sys, kind, ratsinfo.ListFilter{BodyID: city.BodyID})
			if err != nil || n != want {
				t.Errorf("Count(%s) = %d, %v; City says %d", kind, n, err, want)
			}
		}
		items, _ := db.Count(sys, ratsinfo.KindAgendaItem, ratsinfo.ListFilter{BodyID: city.BodyID})
		within(t, "agenda items", items, 2000, 6000)
	})

	t.Run("body", func(t *testing.T) {
		body := must(db.FindBodyByID(sys, city.BodyID))
		if body.Name != "Stadt Norderstedt" || body.AGS != "01060063" {
			t.Errorf("body = %q, AGS %q", body.Name, body.AGS)
		}
		loc := must(db.FindLocationByID(sys, body.LocationID))
		if !strings.Contains(loc.GeoJSON, "[10.0103,53.7064]") || loc.StreetAddress != "Rathausallee 50" {
			t.Errorf("Rathaus = %+v", loc)
		}
		terms := must(db.FindLegislativeTerms(sys, ratsinfo.LegislativeTermFilter{ListFilter: ratsinfo.ListFilter{BodyID: city.BodyID}}))
		if len(terms) != 2 {
			t.Errorf("%d legislative terms, want 2", len(terms))
		}
		for id, want := range map[int64]string{city.CouncilID: "Parlament", city.MainCommitteeID: "Ausschuss"} {
			if o := must(db.FindOrganizationByID(sys, id)); o.Classification != want || o.OrganizationType != ratsinfo.OrgTypeCommittee {
				t.Errorf("%s: %s/%s", o.Name, o.OrganizationType, o.Classification)
			}
		}
		if o := must(db.FindOrganizationByID(sys, city.DigitalUnitID)); o.Name != "Stabsstelle Digitalisierung" || o.OrganizationType != ratsinfo.OrgTypeAdminUnit {
			t.Errorf("digital unit = %q (%s)", o.Name, o.OrganizationType)
		}
	})

	t.Run("inquiry and answer", func(t *testing.T) {
		q := must(db.FindPaperByID(sys, city.InquiryPaperID))
		a := must(db.FindPaperByID(sys, city.AnswerPaperID))
		if q.PaperType != ratsinfo.PaperTypeInquiry || q.Reference != "A 23/0012" || q.Date != ratsinfo.NewDate(2023, 1, 16) {
			t.Errorf("inquiry = %s %s %s", q.PaperType, q.Reference, q.Date)
		}
		if a.PaperType != ratsinfo.PaperTypeAnswer || !strings.HasPrefix(a.Name, "Beantwortung der Anfrage von Herrn Pender") {
			t.Errorf("answer = %s %q", a.PaperType, a.Name)
		}
		if !slices.Contains(a.RelatedPaperIDs, q.ID) || !slices.Contains(q.RelatedPaperIDs, a.ID) || !slices.Contains(a.UnderDirectionOfIDs, city.DigitalUnitID) {
			t.Errorf("links: answer related %v, inquiry related %v, answer underDirectionOf %v", a.RelatedPaperIDs, q.RelatedPaperIDs, a.UnderDirectionOfIDs)
		}
		pender := must(db.FindPersonByID(sys, q.OriginatorPersonIDs[0]))
		if pender.Name != "Patrick Pender" {
			t.Errorf("inquirer = %q", pender.Name)
		}
		f := must(db.FindFileByID(anon, a.MainFileID))
		if a.MainFileID != city.AnswerFileID || !strings.Contains(f.Text, "Digitale Knotenpunkte") || !strings.HasPrefix(f.MimeType, "text/plain") {
			t.Errorf("answer file %d (%s) text %.60q", f.ID, f.MimeType, f.Text)
		}
		r, err := blobs.Open(sys, f.BlobKey)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		content, _ := io.ReadAll(r)
		if int64(len(content)) != f.Size || !strings.Contains(string(content), "Hauptausschuss 27.02.2023 Anhörung") {
			t.Errorf("blob: %d bytes, file says %d", len(content), f.Size)
		}
	})

	t.Run("hearing", func(t *testing.T) {
		m := must(db.FindMeetingByID(sys, city.HearingMeetingID))
		want := time.Date(2023, 2, 27, 18, 0, 0, 0, ratsinfo.Berlin())
		if !m.Start.Equal(want) || m.OrganizationIDs[0] != city.MainCommitteeID || m.MeetingState != ratsinfo.MeetingHeld {
			t.Errorf("hearing meeting = %s at %s (%s)", m.Name, m.Start, m.MeetingState)
		}
		cs := must(db.FindConsultations(sys, ratsinfo.ConsultationFilter{PaperIDs: []int64{city.AnswerPaperID}}))
		if len(cs) != 1 || cs[0].Role != ratsinfo.RoleHearing || cs[0].MeetingID != m.ID || cs[0].AgendaItemID != city.HearingAgendaItemID {
			t.Fatalf("consultations of the answer = %+v", cs)
		}
		item := must(db.FindAgendaItemByID(anon, city.HearingAgendaItemID))
		if item.ConsultationID != cs[0].ID || item.Name != must(db.FindPaperByID(sys, city.AnswerPaperID)).Name || !item.Public {
			t.Errorf("hearing item = %+v", item)
		}
	})

	t.Run("later meetings of the seed", func(t *testing.T) {
		meetings := must(db.FindMeetings(sys, ratsinfo.MeetingFilter{ListFilter: ratsinfo.ListFilter{BodyID: city.BodyID}}))
		found := map[string]bool{}
		for _, m := range meetings {
			day := m.Start.In(ratsinfo.Berlin()).Format("2006-01-02")
			if day != "2023-03-13" && day != "2023-06-30" {
				continue
			}
			org := must(db.FindOrganizationByID(sys, m.OrganizationIDs[0]))
			items := must(db.FindAgendaItems(sys, ratsinfo.AgendaItemFilter{MeetingIDs: []int64{m.ID}}))
			for _, it := range items {
				switch {
				case day == "2023-03-13" && org.ID == city.MainCommitteeID && it.Name == "Bericht der Programmleitung Norderstedt GO! zum aktuellen Stand":
					found["GO!"] = true
				case day == "2023-06-30" && org.OrganizationType == ratsinfo.OrgTypeExternal && strings.Contains(it.Name, "Innovationsstrategie"):
					found["joint"] = true
				}
			}
		}
		if !found["GO!"] || !found["joint"] {
			t.Errorf("seed meetings found: %v", found)
		}
	})

	t.Run("visibility", func(t *testing.T) { checkVisibility(t, db, city, sys, anon) })
	t.Run("valid", func(t *testing.T) { checkValid(t, db, city, sys) })
}

func within(t *testing.T, what string, n, lo, hi int) {
	t.Helper()
	if n < lo || n > hi {
		t.Errorf("%d %s, want %d to %d", n, what, lo, hi)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
