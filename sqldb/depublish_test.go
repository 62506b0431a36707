package sqldb

import (
	"context"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// TestDepublishReachesConsultations: a consultation is visible exactly when its
// paper is, so withdrawing, publishing again and deleting the paper must give
// the consultation a new modified and a change-feed row; otherwise a mirror
// asking for modified_since never learns that it turned into a tombstone.
func TestDepublishReachesConsultations(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		steps := []struct {
			name string
			do   func() error
		}{
			{"zurückgezogen", func() error {
				p := must2(db.FindPaperByID(staff, c.paper.ID))
				p.Published = false
				return db.UpdatePaper(writer, p)
			}},
			{"wieder veröffentlicht", func() error {
				p := must2(db.FindPaperByID(staff, c.paper.ID))
				p.Published = true
				return db.UpdatePaper(writer, p)
			}},
			{"gelöscht", func() error { return db.DeletePaper(writer, c.paper.ID) }},
		}
		for _, s := range steps {
			before := must2(db.FindConsultationByID(staff, c.consult.ID)).Modified
			cs := must2(db.Changes(bg, 0, 100000))
			seq := cs[len(cs)-1].Seq
			must(t, s.do())
			after := must2(db.FindConsultationByID(staff, c.consult.ID)).Modified
			if !after.After(before) {
				t.Errorf("%s: modified der Beratung blieb %v", s.name, before)
			}
			found := false
			for _, ch := range must2(db.Changes(bg, seq, 100)) {
				found = found || ch.Kind == ratsinfo.KindConsultation && ch.ObjectID == c.consult.ID && ch.BodyID == c.body.ID
			}
			if !found {
				t.Errorf("%s: keine Zeile im Änderungsprotokoll für die Beratung", s.name)
			}
		}
	})
}

// TestDepublishReachesEverythingAround: withdrawing or deleting a published
// paper changes the public form of more than its consultations: a file that
// only it attached turns into a tombstone, and the agenda item that linked its
// consultation (and the meeting embedding that item) no longer links it.
// modified_since from before the change must deliver each of them.
func TestDepublishReachesEverythingAround(t *testing.T) {
	for _, how := range []string{"zurückgezogen", "gelöscht"} {
		t.Run(how, func(t *testing.T) {
			forEach(t, func(t *testing.T, db *DB, clk *clock) {
				c := newCity(t, db)
				item := reload(t, db.FindAgendaItemByID, c.item.ID)
				item.ConsultationID = c.consult.ID
				must(t, db.UpdateAgendaItem(writer, item))
				if a := must2(db.FindAgendaItemByID(bg, c.item.ID)); a.ConsultationID != c.consult.ID {
					t.Fatalf("vorher: Tagesordnungspunkt verweist auf Beratung %d, erwartet %d", a.ConsultationID, c.consult.ID)
				}
				since := clk.Now().Add(time.Millisecond)
				if how == "gelöscht" {
					must(t, db.DeletePaper(writer, c.paper.ID))
				} else {
					p := reload(t, db.FindPaperByID, c.paper.ID)
					p.Published = false
					must(t, db.UpdatePaper(writer, p))
				}
				f := ratsinfo.ListFilter{ModifiedSince: since, WithDeleted: true}
				has := func(k ratsinfo.Kind, id int64, tomb bool, list func() ([]ratsinfo.Meta, error)) {
					t.Helper()
					ms, err := list()
					must(t, err)
					for _, m := range ms {
						if m.ID == id {
							if m.Deleted != tomb {
								t.Errorf("%s %d: deleted = %v, erwartet %v", k, id, m.Deleted, tomb)
							}
							return
						}
					}
					t.Errorf("%s %d fehlt in modified_since", k, id)
				}
				has(ratsinfo.KindPaper, c.paper.ID, true, metas(func() ([]*ratsinfo.Paper, error) {
					return db.FindPapers(bg, ratsinfo.PaperFilter{ListFilter: f})
				}))
				has(ratsinfo.KindConsultation, c.consult.ID, true, metas(func() ([]*ratsinfo.Consultation, error) {
					return db.FindConsultations(bg, ratsinfo.ConsultationFilter{ListFilter: f})
				}))
				has(ratsinfo.KindFile, c.mainFile.ID, true, metas(func() ([]*ratsinfo.File, error) {
					return db.FindFiles(bg, ratsinfo.FileFilter{ListFilter: f})
				}))
				has(ratsinfo.KindAgendaItem, c.item.ID, false, metas(func() ([]*ratsinfo.AgendaItem, error) {
					return db.FindAgendaItems(bg, ratsinfo.AgendaItemFilter{ListFilter: f})
				}))
				has(ratsinfo.KindMeeting, c.meeting.ID, false, metas(func() ([]*ratsinfo.Meeting, error) {
					return db.FindMeetings(bg, ratsinfo.MeetingFilter{ListFilter: f})
				}))
				if a := must2(db.FindAgendaItemByID(bg, c.item.ID)); a.ConsultationID != 0 {
					t.Errorf("nachher: Tagesordnungspunkt verweist öffentlich noch auf Beratung %d", a.ConsultationID)
				}
				if f := must2(db.FindFileByID(bg, c.mainFile.ID)); !f.Deleted {
					t.Errorf("nachher: Datei %d ist öffentlich noch sichtbar", c.mainFile.ID)
				}
				// The invitation belongs to the meeting, which stays public.
				if f := must2(db.FindFileByID(bg, c.auxFile.ID)); f.Deleted {
					t.Errorf("nachher: Einladung %d ist kein Grabstein", c.auxFile.ID)
				}
			})
		})
	}
}

// metas lists the Meta of each object a finder returns.
func metas[T interface{ Base() *ratsinfo.Meta }](find func() ([]T, error)) func() ([]ratsinfo.Meta, error) {
	return func() ([]ratsinfo.Meta, error) {
		xs, err := find()
		var out []ratsinfo.Meta
		for _, x := range xs {
			out = append(out, *x.Base())
		}
		return out, err
	}
}

// TestLocationTombstone: a location that the public saw (unused, or used by
// something public) stays a tombstone once only hidden objects use it, and is
// public again once they let go of it; one that was hidden from the moment it
// was written never exists for the public, not even as a tombstone.
func TestLocationTombstone(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		state := func(id int64) string {
			l, err := db.FindLocationByID(bg, id)
			switch {
			case ratsinfo.ErrorCode(err) == ratsinfo.ENOTFOUND:
				return "fehlt"
			case err != nil:
				t.Fatal(err)
			case l.Deleted:
				return "Grabstein"
			}
			return "öffentlich"
		}
		seen := &ratsinfo.Location{BodyID: c.body.ID, Description: "Bauhof"}
		must(t, db.CreateLocation(writer, seen))
		hidden := &ratsinfo.Location{BodyID: c.body.ID, Description: "Grundstück Parzelle 7"}
		draft := &ratsinfo.Paper{BodyID: c.body.ID, Name: "Entwurf", PaperType: ratsinfo.PaperTypeMotion}
		must(t, db.InTransaction(writer, func(ctx context.Context) error {
			must(t, db.CreateLocation(ctx, hidden))
			draft.LocationIDs = []int64{hidden.ID}
			return db.CreatePaper(ctx, draft)
		}))
		if s := state(seen.ID); s != "öffentlich" {
			t.Errorf("unbenutzter Ort: %s", s)
		}
		if s := state(hidden.ID); s != "fehlt" {
			t.Errorf("Ort nur eines Entwurfs, nie öffentlich: %s", s)
		}
		draft = reload(t, db.FindPaperByID, draft.ID)
		draft.LocationIDs = []int64{hidden.ID, seen.ID}
		must(t, db.UpdatePaper(writer, draft))
		if s := state(seen.ID); s != "Grabstein" {
			t.Errorf("öffentlich gewesener Ort, jetzt nur vom Entwurf genutzt: %s", s)
		}
		draft = reload(t, db.FindPaperByID, draft.ID)
		draft.LocationIDs = nil
		must(t, db.UpdatePaper(writer, draft))
		for _, l := range []*ratsinfo.Location{seen, hidden} {
			if s := state(l.ID); s != "öffentlich" {
				t.Errorf("Ort %d, vom Entwurf losgelassen: %s", l.ID, s)
			}
		}
	})
}
