package sqldb

import (
	"slices"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

func TestCRUD(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)

		sys, err := db.FindSystem(bg)
		must(t, err)
		if sys.Name != "Ratsinfo" || sys.Created.IsZero() {
			t.Errorf("system = %+v", sys)
		}
		sys.Name, sys.ContactEmail = "Ratsinfo Norderstedt", "rat@example.org"
		must(t, db.UpdateSystem(writer, sys))
		if sys, _ = db.FindSystem(bg); sys.Name != "Ratsinfo Norderstedt" || sys.ContactEmail != "rat@example.org" {
			t.Errorf("updated system = %+v", sys)
		}

		b, err := db.FindBodyByID(bg, c.body.ID)
		must(t, err)
		if b.AGS != "01060063" || b.LocationID != c.hall.ID || !b.Modified.After(c.body.Modified) || b.Modified.Location() != time.UTC {
			t.Errorf("body = %+v, want %+v", b, c.body)
		}
		term, err := db.FindLegislativeTermByID(bg, c.term.ID)
		must(t, err)
		if term.StartDate != ratsinfo.NewDate(2023, 6, 1) || term.BodyID != c.body.ID {
			t.Errorf("term = %+v", term)
		}
		org, err := db.FindOrganizationByID(bg, c.org.ID)
		must(t, err)
		if !slices.Equal(org.MembershipIDs, []int64{c.member.ID}) || !slices.Equal(org.Post, []string{"Vorsitz"}) {
			t.Errorf("organization = %+v", org)
		}
		m, err := db.FindMeetingByID(bg, c.meeting.ID)
		must(t, err)
		if !slices.Equal(m.OrganizationIDs, []int64{c.org.ID}) || !slices.Equal(m.ParticipantIDs, []int64{c.person.ID}) || m.InvitationFileID != c.auxFile.ID {
			t.Errorf("meeting = %+v", m)
		}
		p, err := db.FindPaperByID(bg, c.paper.ID)
		must(t, err)
		if p.Reference != "B 23/0042" || p.MainFileID != c.mainFile.ID || !slices.Equal(p.UnderDirectionOfIDs, []int64{c.org.ID}) || p.Date != c.paper.Date {
			t.Errorf("paper = %+v", p)
		}
		cons, err := db.FindConsultations(bg, ratsinfo.ConsultationFilter{PaperIDs: []int64{c.paper.ID}})
		must(t, err)
		if len(cons) != 1 || cons[0].AgendaItemID != c.item.ID || cons[0].MeetingID != c.meeting.ID || !slices.Equal(cons[0].OrganizationIDs, []int64{c.org.ID}) {
			t.Errorf("consultations = %+v", cons)
		}
		f, err := db.FindFileByID(bg, c.mainFile.ID)
		must(t, err)
		if !slices.Equal(f.PaperIDs, []int64{c.paper.ID}) || f.Size != 1234 {
			t.Errorf("file = %+v", f)
		}
		inv, err := db.FindFileByID(bg, c.auxFile.ID)
		must(t, err)
		if !slices.Equal(inv.MeetingIDs, []int64{c.meeting.ID}) {
			t.Errorf("invitation back-references = %+v", inv)
		}
		l, err := db.FindLocationByID(bg, c.hall.ID)
		must(t, err)
		if !slices.Equal(l.BodyIDs, []int64{c.body.ID}) || !slices.Equal(l.MeetingIDs, []int64{c.meeting.ID}) {
			t.Errorf("location = %+v", l)
		}

		// Update replaces the whole object.
		c.paper = reload(t, db.FindPaperByID, c.paper.ID)
		c.paper.Name = "Neuer Titel"
		c.paper.UnderDirectionOfIDs = nil
		c.paper.RelatedPaperIDs = nil
		must(t, db.UpdatePaper(writer, c.paper))
		p, _ = db.FindPaperByID(bg, c.paper.ID)
		if p.Name != "Neuer Titel" || p.UnderDirectionOfIDs != nil || !p.Created.Equal(c.paper.Created) {
			t.Errorf("updated paper = %+v", p)
		}
		wantCode(t, db.UpdatePaper(writer, &ratsinfo.Paper{Meta: ratsinfo.Meta{ID: 9999}, BodyID: c.body.ID, Name: "x"}), ratsinfo.ENOTFOUND)
		_, err = db.FindMeetingByID(bg, 9999)
		wantCode(t, err, ratsinfo.ENOTFOUND)

		// Every kind deletes into a tombstone.
		for _, del := range []func() error{
			func() error { return db.DeleteConsultation(writer, c.consult.ID) },
			func() error { return db.DeleteAgendaItem(writer, c.item.ID) },
			func() error { return db.DeleteMembership(writer, c.member.ID) },
			func() error { return db.DeleteLegislativeTerm(writer, c.term.ID) },
			func() error { return db.DeletePaper(writer, c.paper.ID) },
			func() error { return db.DeleteMeeting(writer, c.meeting.ID) },
			func() error { return db.DeleteFile(writer, c.mainFile.ID) },
			func() error { return db.DeletePerson(writer, c.person.ID) },
			func() error { return db.DeleteOrganization(writer, c.org.ID) },
			func() error { return db.DeleteLocation(writer, c.hall.ID) },
			func() error { return db.DeleteBody(writer, c.body.ID) },
		} {
			must(t, del())
		}
		wantCode(t, db.DeletePaper(writer, c.paper.ID), ratsinfo.ENOTFOUND)
	})
}

func TestValidation(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		e := wantCode(t, db.CreatePaper(writer, &ratsinfo.Paper{BodyID: c.body.ID, Name: "  "}), ratsinfo.EINVALID)
		if e.Fields["name"] == "" {
			t.Errorf("fields = %v", e.Fields)
		}
		e = wantCode(t, db.CreatePaper(writer, &ratsinfo.Paper{BodyID: c.body.ID, Name: "V", MainFileID: 4711, RelatedPaperIDs: []int64{c.paper.ID}}), ratsinfo.EINVALID)
		if e.Fields["mainFile"] == "" || e.Fields["relatedPaper"] != "" {
			t.Errorf("fields = %v", e.Fields)
		}
		other := &ratsinfo.Body{Name: "Nachbarstadt"}
		must(t, db.CreateBody(writer, other))
		e = wantCode(t, db.CreateMeeting(writer, &ratsinfo.Meeting{BodyID: other.ID, OrganizationIDs: []int64{c.org.ID}}), ratsinfo.EINVALID)
		if e.Fields["organization"] == "" {
			t.Errorf("fields = %v", e.Fields)
		}
		e = wantCode(t, db.CreateAgendaItem(writer, &ratsinfo.AgendaItem{MeetingID: 999}), ratsinfo.EINVALID)
		if e.Fields["meeting"] == "" {
			t.Errorf("fields = %v", e.Fields)
		}
		// A failed create leaves nothing behind.
		ps, err := db.FindPapers(staff, ratsinfo.PaperFilter{})
		must(t, err)
		if len(ps) != 1 {
			t.Errorf("%d papers after failed creates, want 1", len(ps))
		}
	})
}

func TestPagination(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		want := []int64{c.paper.ID}
		for i := range 24 {
			p := &ratsinfo.Paper{BodyID: c.body.ID, Name: "Vorlage", Published: i%5 != 0}
			must(t, db.CreatePaper(writer, p))
			if p.Published {
				want = append(want, p.ID)
			}
		}
		var got []int64
		after := int64(0)
		for pages := 0; ; pages++ {
			page, err := db.FindPapers(bg, ratsinfo.PaperFilter{ListFilter: ratsinfo.ListFilter{BodyID: c.body.ID, AfterID: after, Limit: 7}})
			must(t, err)
			if len(page) == 0 || pages > 10 {
				break
			}
			for _, p := range page {
				got = append(got, p.ID)
			}
			after = page[len(page)-1].ID
		}
		if !slices.Equal(got, want) {
			t.Errorf("paged ids %v, want %v", got, want)
		}
		n, err := db.Count(bg, ratsinfo.KindPaper, ratsinfo.ListFilter{BodyID: c.body.ID})
		must(t, err)
		if n != len(want) {
			t.Errorf("count = %d, want %d", n, len(want))
		}
	})
}

func TestTimeFilters(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, clk *clock) {
		c := newCity(t, db)
		var ps []*ratsinfo.Paper
		for range 4 {
			p := &ratsinfo.Paper{BodyID: c.body.ID, Name: "Vorlage", Published: true}
			must(t, db.CreatePaper(writer, p))
			ps = append(ps, p)
		}
		must(t, db.UpdatePaper(writer, ps[0])) // modified now after ps[3]'s
		ids := func(f ratsinfo.ListFilter) []int64 {
			f.BodyID = c.body.ID
			got, err := db.FindPapers(bg, ratsinfo.PaperFilter{ListFilter: f})
			must(t, err)
			var out []int64
			for _, p := range got {
				out = append(out, p.ID)
			}
			return out
		}
		check := func(name string, got, want []int64) {
			if !slices.Equal(got, want) {
				t.Errorf("%s: %v, want %v", name, got, want)
			}
		}
		check("created_since", ids(ratsinfo.ListFilter{CreatedSince: ps[2].Created}), []int64{ps[2].ID, ps[3].ID})
		check("created_until", ids(ratsinfo.ListFilter{CreatedSince: ps[0].Created, CreatedUntil: ps[1].Created}), []int64{ps[0].ID, ps[1].ID})
		check("modified_since", ids(ratsinfo.ListFilter{ModifiedSince: ps[3].Modified}), []int64{ps[0].ID, ps[3].ID})
		check("modified_until", ids(ratsinfo.ListFilter{CreatedSince: ps[0].Created, ModifiedUntil: ps[2].Modified}), []int64{ps[1].ID, ps[2].ID})
		check("combined", ids(ratsinfo.ListFilter{CreatedUntil: ps[1].Created, ModifiedSince: ps[1].Modified}), []int64{ps[0].ID, ps[1].ID})
	})
}

func TestTombstones(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		must(t, db.DeletePaper(writer, c.paper.ID))
		p, err := db.FindPaperByID(bg, c.paper.ID)
		must(t, err)
		if !p.Deleted || p.Name != "" || p.ID != c.paper.ID || p.Created.IsZero() || !p.Modified.After(c.paper.Modified) {
			t.Errorf("tombstone = %+v", p)
		}
		list, _ := db.FindPapers(bg, ratsinfo.PaperFilter{})
		if len(list) != 0 {
			t.Errorf("list without deleted = %+v", list)
		}
		list, _ = db.FindPapers(bg, ratsinfo.PaperFilter{ListFilter: ratsinfo.ListFilter{WithDeleted: true}})
		if len(list) != 1 || !list[0].Deleted {
			t.Errorf("list with deleted = %+v", list)
		}
		wantCode(t, db.UpdatePaper(writer, c.paper), ratsinfo.ENOTFOUND)
		// A deleted file vanishes from embedded lists.
		c.meeting = reload(t, db.FindMeetingByID, c.meeting.ID)
		c.meeting.AuxiliaryFileIDs = []int64{c.mainFile.ID}
		must(t, db.UpdateMeeting(writer, c.meeting))
		must(t, db.DeleteFile(writer, c.mainFile.ID))
		m, _ := db.FindMeetingByID(staff, c.meeting.ID)
		if len(m.AuxiliaryFileIDs) != 0 {
			t.Errorf("meeting lists deleted file: %v", m.AuxiliaryFileIDs)
		}
	})
}

// TestFindByIDList covers the two ways a list of ids becomes SQL: mostly
// consecutive ids (one index range on SQLite) and scattered ones (one seek each).
// Either way the answer is exactly the visible objects among the ids, in id order.
func TestFindByIDList(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		var all []int64
		hidden := map[int64]bool{}
		for i := range 30 {
			p := &ratsinfo.Paper{BodyID: c.body.ID, Name: "Vorlage", Published: i%7 != 3}
			must(t, db.CreatePaper(writer, p))
			all = append(all, p.ID)
			if !p.Published {
				hidden[p.ID] = true
			}
		}
		missing := all[len(all)-1] + 1000
		for name, ids := range map[string][]int64{
			"dense":     all[2:12],
			"unsorted":  {all[5], all[3], all[4], all[2], all[6]},
			"duplicate": {all[1], all[1], all[2], all[3]},
			"sparse":    {all[0], all[29], missing},
			"mixed":     append([]int64{missing}, all[10:20]...),
		} {
			want := map[int64]bool{}
			for _, id := range ids {
				if id != missing && !hidden[id] {
					want[id] = true
				}
			}
			got, err := db.FindPapers(bg, ratsinfo.PaperFilter{ListFilter: ratsinfo.ListFilter{IDs: ids}})
			must(t, err)
			var gotIDs []int64
			for _, p := range got {
				gotIDs = append(gotIDs, p.ID)
			}
			if !slices.IsSorted(gotIDs) || len(gotIDs) != len(want) {
				t.Errorf("%s: got %v, want the ids %v in order", name, gotIDs, want)
			}
			for _, id := range gotIDs {
				if !want[id] {
					t.Errorf("%s: got %d, which is hidden, missing or not asked for", name, id)
				}
			}
		}
	})
}
