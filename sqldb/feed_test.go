package sqldb

import (
	"context"
	"errors"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

func TestParentModifiedBump(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, clk *clock) {
		c := newCity(t, db)
		clk.freeze() // modified must still strictly increase
		type parent struct {
			name string
			get  func() ratsinfo.Meta
		}
		paper := func() ratsinfo.Meta { p, _ := db.FindPaperByID(staff, c.paper.ID); return p.Meta }
		meeting := func() ratsinfo.Meta { m, _ := db.FindMeetingByID(staff, c.meeting.ID); return m.Meta }
		person := func() ratsinfo.Meta { p, _ := db.FindPersonByID(staff, c.person.ID); return p.Meta }
		body := func() ratsinfo.Meta { b, _ := db.FindBodyByID(staff, c.body.ID); return b.Meta }
		for _, tc := range []struct {
			name    string
			parents []func() ratsinfo.Meta
			change  func() error
		}{
			{"consultation→paper", []func() ratsinfo.Meta{paper}, func() error { return db.UpdateConsultation(writer, c.consult) }},
			{"agenda item→meeting", []func() ratsinfo.Meta{meeting}, func() error { return db.UpdateAgendaItem(writer, c.item) }},
			{"membership→person", []func() ratsinfo.Meta{person}, func() error { return db.UpdateMembership(writer, c.member) }},
			{"term→body", []func() ratsinfo.Meta{body}, func() error { return db.DeleteLegislativeTerm(writer, c.term.ID) }},
			{"file→paper", []func() ratsinfo.Meta{paper}, func() error { return db.UpdateFile(writer, c.mainFile) }},
			{"invitation→meeting", []func() ratsinfo.Meta{meeting}, func() error { return db.UpdateFile(writer, c.auxFile) }},
			{"location→body,meeting", []func() ratsinfo.Meta{body, meeting}, func() error { return db.UpdateLocation(writer, c.hall) }},
		} {
			var before []ratsinfo.Meta
			for _, get := range tc.parents {
				before = append(before, get())
			}
			changes, _ := db.Changes(bg, 0, 100000)
			must(t, tc.change())
			for i, get := range tc.parents {
				if after := get(); !after.Modified.After(before[i].Modified) {
					t.Errorf("%s: parent modified %v → %v", tc.name, before[i].Modified, after.Modified)
				}
			}
			more, _ := db.Changes(bg, changes[len(changes)-1].Seq, 100)
			if len(more) != 1+len(tc.parents) {
				t.Errorf("%s: %d change rows, want %d: %+v", tc.name, len(more), 1+len(tc.parents), more)
			}
		}
	})
}

func TestChangeFeedAndAudit(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		last := func() int64 {
			cs, err := db.Changes(bg, 0, 1000000)
			must(t, err)
			return cs[len(cs)-1].Seq
		}
		audits := func() int {
			var n int
			must(t, db.r.QueryRow(`SELECT COUNT(*) FROM audit_log WHERE actor_id = 7`).Scan(&n))
			return n
		}
		seq, nAudit := last(), audits()
		f := &ratsinfo.File{BodyID: c.body.ID, Name: "Anlage"}
		must(t, db.CreateFile(writer, f))
		cs, _ := db.Changes(bg, seq, 10)
		if len(cs) != 1 || cs[0].Kind != ratsinfo.KindFile || cs[0].ObjectID != f.ID || cs[0].BodyID != c.body.ID || cs[0].Action != "create" || !cs[0].At.Equal(f.Created) {
			t.Errorf("changes = %+v", cs)
		}
		if audits() != nAudit+1 {
			t.Errorf("audit rows %d, want %d", audits(), nAudit+1)
		}
		// A failed transaction leaves neither rows nor audit nor feed.
		seq = last()
		boom := errors.New("boom")
		err := db.InTransaction(writer, func(ctx context.Context) error {
			must(t, db.CreatePaper(ctx, &ratsinfo.Paper{BodyID: c.body.ID, Name: "Entwurf"}))
			return boom
		})
		if !errors.Is(err, boom) || last() != seq || audits() != nAudit+1 {
			t.Errorf("rollback: err %v, seq %d→%d", err, seq, last())
		}
		// Inside a transaction reads see the transaction's writes.
		must(t, db.InTransaction(writer, func(ctx context.Context) error {
			p := &ratsinfo.Paper{BodyID: c.body.ID, Name: "Im Stapel", MainFileID: f.ID}
			must(t, db.CreatePaper(ctx, p))
			got, err := db.FindPaperByID(ctx, p.ID)
			if err != nil || got.MainFileID != f.ID {
				t.Errorf("read in transaction: %+v %v", got, err)
			}
			return nil
		}))
		// The paper, and the file that now names it among its back-references.
		cs = must2(db.Changes(bg, seq, 10))
		kinds := map[ratsinfo.Kind]int64{}
		for _, c := range cs {
			kinds[c.Kind] = c.ObjectID
		}
		if _, ok := kinds[ratsinfo.KindPaper]; len(cs) != 2 || !ok || kinds[ratsinfo.KindFile] != f.ID {
			t.Errorf("changes after transaction = %+v, want the paper and file %d", cs, f.ID)
		}
	})
}

func must2[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestCountCache(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		f := ratsinfo.ListFilter{BodyID: c.body.ID}
		n1 := must2(db.Count(bg, ratsinfo.KindPaper, f))
		if n2 := must2(db.Count(bg, ratsinfo.KindPaper, f)); n1 != 1 || n2 != 1 {
			t.Fatalf("counts %d, %d", n1, n2)
		}
		must(t, db.CreatePaper(writer, &ratsinfo.Paper{BodyID: c.body.ID, Name: "Zwei", Published: true}))
		must(t, db.CreatePaper(writer, &ratsinfo.Paper{BodyID: c.body.ID, Name: "Entwurf"}))
		if n := must2(db.Count(bg, ratsinfo.KindPaper, f)); n != 2 {
			t.Errorf("public count after create = %d, want 2", n)
		}
		if n := must2(db.Count(staff, ratsinfo.KindPaper, f)); n != 3 {
			t.Errorf("staff count = %d, want 3", n)
		}
		must(t, db.DeletePaper(writer, c.paper.ID))
		if n := must2(db.Count(bg, ratsinfo.KindPaper, f)); n != 1 {
			t.Errorf("count after delete = %d, want 1", n)
		}
		f.WithDeleted = true
		if n := must2(db.Count(bg, ratsinfo.KindPaper, f)); n != 2 {
			t.Errorf("count with deleted = %d, want 2", n)
		}
	})
}
