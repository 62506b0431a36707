package sqldb

import (
	"testing"

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
