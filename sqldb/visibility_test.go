package sqldb

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

func TestVisibilityPapers(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		secretFile := &ratsinfo.File{BodyID: c.body.ID, Name: "Entwurf.pdf"}
		must(t, db.CreateFile(writer, secretFile))
		draft := &ratsinfo.Paper{BodyID: c.body.ID, Name: "Entwurf der Antwort", MainFileID: secretFile.ID,
			SuperordinatedPaperIDs: []int64{c.paper.ID}}
		must(t, db.CreatePaper(writer, draft))
		must(t, db.CreateConsultation(writer, &ratsinfo.Consultation{PaperID: draft.ID, Role: ratsinfo.RoleHearing}))
		c.paper = reload(t, db.FindPaperByID, c.paper.ID)
		c.paper.RelatedPaperIDs = []int64{draft.ID}
		must(t, db.UpdatePaper(writer, c.paper))

		// Never published: the public cannot tell it exists.
		_, err := db.FindPaperByID(bg, draft.ID)
		wantCode(t, err, ratsinfo.ENOTFOUND)
		if _, err := db.FindPaperByID(staff, draft.ID); err != nil {
			t.Errorf("staff: %v", err)
		}
		pub, _ := db.FindPaperByID(bg, c.paper.ID)
		if len(pub.RelatedPaperIDs) != 0 || len(pub.SubordinatedPaperIDs) != 0 {
			t.Errorf("public paper references the draft: %+v", pub)
		}
		st, _ := db.FindPaperByID(staff, c.paper.ID)
		if !slices.Equal(st.RelatedPaperIDs, []int64{draft.ID}) || !slices.Equal(st.SubordinatedPaperIDs, []int64{draft.ID}) {
			t.Errorf("staff paper = %+v", st)
		}
		if cs, _ := db.FindConsultations(bg, ratsinfo.ConsultationFilter{PaperIDs: []int64{draft.ID}}); len(cs) != 0 {
			t.Errorf("public sees the draft's consultations: %+v", cs)
		}
		if ps, _ := db.FindPapers(bg, ratsinfo.PaperFilter{ListFilter: ratsinfo.ListFilter{WithDeleted: true}}); len(ps) != 1 {
			t.Errorf("public list = %d papers, want 1", len(ps))
		}
		_, err = db.FindFileByID(bg, secretFile.ID)
		wantCode(t, err, ratsinfo.ENOTFOUND)
		if fs, _ := db.FindFiles(bg, ratsinfo.FileFilter{}); len(fs) != 2 {
			t.Errorf("public files = %d, want 2 (main file, invitation)", len(fs))
		}
		if n := must2(db.Count(bg, ratsinfo.KindFile, ratsinfo.ListFilter{})); n != 2 {
			t.Errorf("public file count = %d, want 2", n)
		}

		// Published: visible; withdrawn: a tombstone, like a deletion.
		draft = reload(t, db.FindPaperByID, draft.ID)
		draft.Published = true
		must(t, db.UpdatePaper(writer, draft))
		if p, err := db.FindPaperByID(bg, draft.ID); err != nil || p.Deleted || p.MainFileID != secretFile.ID {
			t.Errorf("published paper = %+v, %v", p, err)
		}
		if f, err := db.FindFileByID(bg, secretFile.ID); err != nil || !slices.Equal(f.PaperIDs, []int64{draft.ID}) {
			t.Errorf("file of published paper = %+v, %v", f, err)
		}
		draft.Published = false
		must(t, db.UpdatePaper(writer, draft))
		p, err := db.FindPaperByID(bg, draft.ID)
		if err != nil || !p.Deleted || p.Name != "" {
			t.Errorf("withdrawn paper = %+v, %v", p, err)
		}
		if ps, _ := db.FindPapers(bg, ratsinfo.PaperFilter{}); len(ps) != 1 {
			t.Errorf("withdrawn paper listed without deleted: %d", len(ps))
		}
		if ps, _ := db.FindPapers(bg, ratsinfo.PaperFilter{ListFilter: ratsinfo.ListFilter{WithDeleted: true}}); len(ps) != 2 {
			t.Errorf("withdrawn paper missing with deleted: %d", len(ps))
		}
		if cs, _ := db.FindConsultations(bg, ratsinfo.ConsultationFilter{PaperIDs: []int64{draft.ID}}); len(cs) != 0 {
			t.Errorf("withdrawn paper's consultations listed: %+v", cs)
		}
		// Its file was public and is attached by nothing public now: a tombstone
		// with nothing of its content, so that mirrors learn it is gone.
		if f, err := db.FindFileByID(bg, secretFile.ID); err != nil || !f.Deleted || f.Name != "" || f.Text != "" {
			t.Errorf("file of withdrawn paper = %+v, %v; want a tombstone", f, err)
		}
	})
}

func TestVisibilityAgendaItemsPersonsLocations(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		resolution := &ratsinfo.File{BodyID: c.body.ID, Name: "Beschluss Personalsache"}
		must(t, db.CreateFile(writer, resolution))
		secret := &ratsinfo.AgendaItem{MeetingID: c.meeting.ID, Position: 1, Number: "2", Name: "Personalangelegenheit Müller",
			Result: "abgelehnt", ResolutionText: "geheim", ResolutionFileID: resolution.ID, ConsultationID: c.consult.ID, Public: false}
		must(t, db.CreateAgendaItem(writer, secret))

		items, err := db.FindAgendaItems(bg, ratsinfo.AgendaItemFilter{MeetingIDs: []int64{c.meeting.ID}})
		must(t, err)
		if len(items) != 2 || items[0].ID != c.item.ID {
			t.Fatalf("items = %+v", items)
		}
		a := items[1]
		want := ratsinfo.AgendaItem{Meta: a.Meta, MeetingID: c.meeting.ID, Position: 1, Number: "2"}
		if !reflect.DeepEqual(*a, want) {
			t.Errorf("public non-public item = %+v", a)
		}
		if a, _ := db.FindAgendaItemByID(staff, secret.ID); a.Name != secret.Name || a.ResolutionFileID != resolution.ID {
			t.Errorf("staff item = %+v", a)
		}
		_, err = db.FindFileByID(bg, resolution.ID)
		wantCode(t, err, ratsinfo.ENOTFOUND)

		// Contact data and the address need consent.
		// Written together, so the address was never public on its own (a
		// location that was public stays a tombstone: TestLocationTombstone).
		home := &ratsinfo.Location{BodyID: c.body.ID, StreetAddress: "Rathausallee 50"}
		p := &ratsinfo.Person{BodyID: c.body.ID, Name: "Max Privat", Phone: []string{"040 123"}, Email: []string{"max@example.org"}}
		must(t, db.InTransaction(writer, func(ctx context.Context) error {
			must(t, db.CreateLocation(ctx, home))
			p.LocationID = home.ID
			return db.CreatePerson(ctx, p)
		}))
		got, _ := db.FindPersonByID(bg, p.ID)
		if got.Phone != nil || got.Email != nil || got.LocationID != 0 || got.Name != "Max Privat" {
			t.Errorf("public person = %+v", got)
		}
		if got, _ := db.FindPersonByID(staff, p.ID); got.LocationID != home.ID || len(got.Email) != 1 {
			t.Errorf("staff person = %+v", got)
		}
		_, err = db.FindLocationByID(bg, home.ID)
		wantCode(t, err, ratsinfo.ENOTFOUND)
		hall, err := db.FindLocationByID(bg, c.hall.ID)
		must(t, err)
		if len(hall.PersonIDs) != 0 {
			t.Errorf("hall = %+v", hall)
		}
		// Deleting the person must not make the address public.
		must(t, db.DeletePerson(writer, p.ID))
		_, err = db.FindLocationByID(bg, home.ID)
		wantCode(t, err, ratsinfo.ENOTFOUND)
		// An unused location is public.
		free := &ratsinfo.Location{BodyID: c.body.ID, Description: "Stadtpark"}
		must(t, db.CreateLocation(writer, free))
		if _, err := db.FindLocationByID(bg, free.ID); err != nil {
			t.Error(err)
		}
		if n := must2(db.Count(bg, ratsinfo.KindLocation, ratsinfo.ListFilter{})); n != 2 {
			t.Errorf("public location count = %d, want 2", n)
		}
	})
}
