package sqldb

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// countAll counts a whole list the slow way, as Count did before list_count:
// every row under the viewer's visibility conditions.
func countAll(t testing.TB, db *DB, ctx context.Context, tb *table, body int64) int {
	t.Helper()
	c, _ := db.listCond(tb, ratsinfo.ViewerFrom(ctx), ratsinfo.ListFilter{BodyID: body})
	var n int
	must(t, scanOne(ctx, db.reader(ctx), &n, "SELECT COUNT(*) FROM "+tb.name+" t"+c.sql(), c.args...))
	return n
}

// checkCounts compares the kept count of every kind, for the public and for
// staff, for all bodies and each one, with COUNT(*).
func checkCounts(t testing.TB, db *DB, step string, bodies ...int64) {
	t.Helper()
	for k, tb := range tables {
		for _, ctx := range []context.Context{bg, staff} {
			who := "Öffentlichkeit"
			if ctx == staff {
				who = "Verwaltung"
			}
			for _, b := range append([]int64{0}, bodies...) {
				want := countAll(t, db, ctx, tb, b)
				got, err := db.Count(ctx, k, ratsinfo.ListFilter{BodyID: b})
				must(t, err)
				if got != want {
					t.Errorf("%s: %s, Körperschaft %d, %s: Zähler %d, COUNT(*) %d", step, k, b, who, got, want)
				}
			}
		}
	}
}

// TestListCountFollowsWrites: the counts that lists show without a filter come
// from list_count, kept by the write transactions. After every kind of write that
// changes what someone sees, they must equal a full count.
func TestListCountFollowsWrites(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		other := &ratsinfo.Body{Name: "Gemeinde Henstedt-Ulzburg"}
		must(t, db.CreateBody(writer, other))
		checkCounts(t, db, "angelegt", c.body.ID, other.ID)

		// A draft paper with its own file and a consultation: none of it public.
		draftFile := &ratsinfo.File{BodyID: c.body.ID, Name: "Entwurf", FileName: "entwurf.pdf"}
		must(t, db.CreateFile(writer, draftFile))
		draft := &ratsinfo.Paper{BodyID: c.body.ID, Name: "Entwurf", MainFileID: draftFile.ID, AuxiliaryFileIDs: []int64{c.mainFile.ID}}
		must(t, db.CreatePaper(writer, draft))
		must(t, db.CreateConsultation(writer, &ratsinfo.Consultation{PaperID: draft.ID, MeetingID: c.meeting.ID}))
		checkCounts(t, db, "Entwurf", c.body.ID)

		setPublished := func(id int64, pub bool) {
			p := reload(t, db.FindPaperByID, id)
			p.Published = pub
			must(t, db.UpdatePaper(writer, p))
		}
		setPublished(c.paper.ID, false)
		checkCounts(t, db, "zurückgezogen", c.body.ID)
		setPublished(draft.ID, true)
		checkCounts(t, db, "Entwurf veröffentlicht", c.body.ID)
		setPublished(c.paper.ID, true)
		checkCounts(t, db, "wieder veröffentlicht", c.body.ID)

		// The paper drops its main file: the file is attached by nothing public.
		p := reload(t, db.FindPaperByID, c.paper.ID)
		p.MainFileID = 0
		must(t, db.UpdatePaper(writer, p))
		checkCounts(t, db, "Hauptdatei entfernt", c.body.ID)

		// A location used only by a person who did not consent is not public;
		// consent makes it public, an unused one is public anyway.
		home := &ratsinfo.Location{BodyID: c.body.ID, Description: "Privatadresse"}
		must(t, db.CreateLocation(writer, home))
		checkCounts(t, db, "Ort unbenutzt", c.body.ID)
		shy := &ratsinfo.Person{BodyID: c.body.ID, Name: "Max Mustermann", LocationID: home.ID}
		must(t, db.CreatePerson(writer, shy))
		checkCounts(t, db, "Ort privat", c.body.ID)
		shy = reload(t, db.FindPersonByID, shy.ID)
		shy.ContactConsent = true
		must(t, db.UpdatePerson(writer, shy))
		checkCounts(t, db, "Ort freigegeben", c.body.ID)
		must(t, db.DeletePerson(writer, shy.ID))
		checkCounts(t, db, "Person gelöscht", c.body.ID)

		must(t, db.DeleteConsultation(writer, c.consult.ID))
		must(t, db.DeleteAgendaItem(writer, c.item.ID))
		must(t, db.DeletePaper(writer, draft.ID))
		must(t, db.DeleteFile(writer, draftFile.ID))
		must(t, db.DeleteLocation(writer, home.ID))
		must(t, db.DeleteMembership(writer, c.member.ID))
		checkCounts(t, db, "gelöscht", c.body.ID, other.ID)
	})
}

// TestListCountConcurrentWriters: writers that create, withdraw and delete at
// the same time must leave the counters exact (PostgreSQL runs them truly in
// parallel; SQLite queues them).
func TestListCountConcurrentWriters(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		for w := range 6 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 8 {
					f := &ratsinfo.File{BodyID: c.body.ID, Name: fmt.Sprintf("Anlage %d-%d", w, i), FileName: "anlage.pdf"}
					if err := db.CreateFile(writer, f); err != nil {
						errs <- err
						return
					}
					// Every writer also attaches the shared file: whether it is
					// public depends on all of them.
					p := &ratsinfo.Paper{BodyID: c.body.ID, Name: fmt.Sprintf("Vorlage %d-%d", w, i), Published: i%2 == 0,
						MainFileID: f.ID, AuxiliaryFileIDs: []int64{c.auxFile.ID}}
					if err := db.CreatePaper(writer, p); err != nil {
						errs <- err
						return
					}
					if err := db.CreateConsultation(writer, &ratsinfo.Consultation{PaperID: p.ID, MeetingID: c.meeting.ID}); err != nil {
						errs <- err
						return
					}
					var err error
					switch i % 4 {
					case 0:
						err = db.DeletePaper(writer, p.ID)
					case 1:
						p, err = db.FindPaperByID(staff, p.ID)
						if err == nil {
							p.Published = true
							err = db.UpdatePaper(writer, p)
						}
					case 2:
						err = db.DeleteFile(writer, f.ID)
					}
					if err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		checkCounts(t, db, "parallel", c.body.ID)
	})
}

// TestListCountRebuild: migration 0008 counts the data already there. Its
// counting statements run again on a store whose counters were emptied must
// give back what the triggers kept.
func TestListCountRebuild(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		p := reload(t, db.FindPaperByID, c.paper.ID)
		p.Published = false
		must(t, db.UpdatePaper(writer, p))
		must(t, db.DeleteMembership(writer, c.member.ID))
		ms, err := db.migrations()
		must(t, err)
		var rebuild []string
		for _, m := range ms {
			if m.version == 8 {
				for _, stmt := range splitSQL(m.sql) {
					if strings.HasPrefix(stmt, "INSERT INTO list_count") {
						rebuild = append(rebuild, stmt)
					}
				}
			}
		}
		if len(rebuild) != len(tables) {
			t.Fatalf("migration 0008 zählt %d Objektarten, es gibt %d", len(rebuild), len(tables))
		}
		if _, err := db.w.ExecContext(bg, "DELETE FROM list_count"); err != nil {
			t.Fatal(err)
		}
		for _, stmt := range rebuild {
			if _, err := db.w.ExecContext(bg, stmt); err != nil {
				t.Fatalf("%s: %v", stmt, err)
			}
		}
		checkCounts(t, db, "neu gezählt", c.body.ID)
	})
}
