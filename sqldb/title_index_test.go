package sqldb

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestTitleIndexInTransaction checks the deferred title index (title_index.go):
// papers created, renamed and deleted inside one transaction are searchable by
// their final titles after commit, a rolled-back transaction leaves nothing behind,
// an unpublished paper stays hidden from the public, and on SQLite the FTS5 index
// passes its integrity check.
func TestTitleIndexInTransaction(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		count := func(ctx context.Context, text string) int {
			t.Helper()
			_, total, err := db.FindPapersByDate(ctx, ratsinfo.PaperQuery{BodyID: c.body.ID, Text: text})
			must(t, err)
			return total
		}
		var renamed, secret *ratsinfo.Paper
		c.paper = reload(t, db.FindPaperByID, c.paper.ID)
		must(t, db.InTransaction(writer, func(ctx context.Context) error {
			for i := range 50 {
				p := &ratsinfo.Paper{BodyID: c.body.ID, Name: fmt.Sprintf("Sammelvorlage Kläranlage %d", i),
					Reference: fmt.Sprintf("SV 25/%04d", i), PaperType: ratsinfo.PaperTypeResolution, Published: i != 7}
				if err := db.CreatePaper(ctx, p); err != nil {
					return err
				}
				switch i {
				case 3:
					renamed = p
				case 7:
					secret = p
				}
			}
			renamed.Name = "Umbenannte Vorlage Wasserwerk"
			if err := db.UpdatePaper(ctx, renamed); err != nil {
				return err
			}
			// An older paper renamed in the same transaction keeps its own trigger path.
			c.paper.Name = "Beantwortung der Anfrage Stadtpark"
			return db.UpdatePaper(ctx, c.paper)
		}))
		if n := count(staff, "kläranlage"); n != 49 {
			t.Errorf("staff finds %d papers by title, want 49", n)
		}
		if n := count(bg, "kläranlage"); n != 48 {
			t.Errorf("public finds %d papers by title, want 48 (the unpublished one hidden)", n)
		}
		if n := count(bg, "sv 25/0007"); n != 0 {
			t.Errorf("public finds the unpublished paper %d by reference", secret.ID)
		}
		for text, want := range map[string]int{"wasserwerk": 1, "stadtpark": 1, "smart city": 0, "norderstedt go": 0, "25/0003": 1} {
			if n := count(staff, text); n != want {
				t.Errorf("%q: %d papers, want %d", text, n, want)
			}
		}
		boom := errors.New("boom")
		err := db.InTransaction(writer, func(ctx context.Context) error {
			if err := db.CreatePaper(ctx, &ratsinfo.Paper{BodyID: c.body.ID, Name: "Verworfene Vorlage Freibad", PaperType: ratsinfo.PaperTypeResolution}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("rolled-back transaction: %v", err)
		}
		if n := count(staff, "freibad"); n != 0 {
			t.Errorf("rolled-back paper found %d times", n)
		}
		// A single write after the bulk load still indexes its paper.
		must(t, db.CreatePaper(writer, &ratsinfo.Paper{BodyID: c.body.ID, Name: "Einzelvorlage Freibad", PaperType: ratsinfo.PaperTypeResolution}))
		if n := count(staff, "freibad"); n != 1 {
			t.Errorf("single paper found %d times, want 1", n)
		}
		if db.dialect == "sqlite" {
			var pending int
			must(t, db.w.QueryRow(`SELECT COUNT(*) FROM paper_title_defer`).Scan(&pending))
			if pending != 0 {
				t.Errorf("%d deferral rows left after commit", pending)
			}
			if _, err := db.w.Exec(`INSERT INTO paper_title (paper_title, rank) VALUES ('integrity-check', 1)`); err != nil {
				t.Errorf("title index integrity: %v", err)
			}
		}
	})
}
