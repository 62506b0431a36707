package sqldb

import (
	"slices"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// Embedded loads skip back-references but keep everything else, and visibility is
// the same as for any other read.
func TestEmbeddedLoads(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		pdf := &ratsinfo.File{BodyID: c.body.ID, Name: "PDF", MasterFileID: c.mainFile.ID}
		must(t, db.CreateFile(writer, pdf))
		secret := &ratsinfo.File{BodyID: c.body.ID, Name: "Entwurf"}
		must(t, db.CreateFile(writer, secret))
		ids := []int64{c.mainFile.ID, c.auxFile.ID, secret.ID}
		fs := must2(db.FindFiles(bg, ratsinfo.FileFilter{ListFilter: ratsinfo.ListFilter{IDs: ids, Embedded: true}}))
		if len(fs) != 2 {
			t.Fatalf("public embedded files = %d, want 2 (not the unattached draft)", len(fs))
		}
		if f := fs[0]; f.ID != c.mainFile.ID || f.PaperIDs != nil || f.MeetingIDs != nil || f.Name != c.mainFile.Name {
			t.Errorf("embedded file = %+v", f)
		}
		full := must2(db.FindFiles(bg, ratsinfo.FileFilter{ListFilter: ratsinfo.ListFilter{IDs: ids}}))
		if !slices.Equal(full[0].PaperIDs, []int64{c.paper.ID}) {
			t.Errorf("file = %+v, want its paper", full[0])
		}
		ls := must2(db.FindLocations(bg, ratsinfo.LocationFilter{ListFilter: ratsinfo.ListFilter{IDs: []int64{c.hall.ID}, Embedded: true}}))
		if len(ls) != 1 || ls[0].MeetingIDs != nil || ls[0].Description != c.hall.Description {
			t.Errorf("embedded locations = %+v", ls)
		}
	})
}
