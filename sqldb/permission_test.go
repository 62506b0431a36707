package sqldb

import (
	"context"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestOnlyTheProgramWritesTheRecord asks the store, not a handler: an anonymous
// or staff viewer cannot create, change or delete anything of the record, nor the
// mirror's bookkeeping, and a refused write leaves no trace.
func TestOnlyTheProgramWritesTheRecord(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		audit, feed := history(t, db)
		for name, ctx := range map[string]context.Context{"anonymous": bg, "staff": staff} {
			p := reload(t, db.FindPaperByID, c.paper.ID)
			p.Name = "Übernommen von " + name
			writes := map[string]error{
				"create": db.CreatePaper(ctx, &ratsinfo.Paper{BodyID: c.body.ID, Name: "Neue Vorlage"}),
				"update": db.UpdatePaper(ctx, p),
				"delete": db.DeletePaper(ctx, c.paper.ID),
				"transaction": db.InTransaction(ctx, func(ctx context.Context) error {
					return db.CreateLocation(ctx, &ratsinfo.Location{BodyID: c.body.ID, Description: "Turnhalle"})
				}),
				"system":     db.UpdateSystem(ctx, reload(t, func(ctx context.Context, _ int64) (*ratsinfo.System, error) { return db.FindSystem(ctx) }, 1)),
				"source":     db.RecordSource(ctx, "https://example.org/oparl/paper/1", ratsinfo.SourceRef{Kind: ratsinfo.KindPaper, ID: c.paper.ID}),
				"checkpoint": db.SetCheckpoint(ctx, "list:https://example.org/oparl/papers", "2"),
			}
			for what, err := range writes {
				if code(err) != ratsinfo.EFORBIDDEN {
					t.Errorf("%s %s: got %v, want %s", name, what, err, ratsinfo.EFORBIDDEN)
				}
			}
		}
		if p := reload(t, db.FindPaperByID, c.paper.ID); p.Name != c.paper.Name || p.Deleted {
			t.Errorf("paper after refused writes = %q (deleted %v)", p.Name, p.Deleted)
		}
		if v, _ := db.Checkpoint(bg, "list:https://example.org/oparl/papers"); v != "" {
			t.Errorf("refused checkpoint stored: %q", v)
		}
		if a, f := history(t, db); a != audit || f != feed {
			t.Errorf("refused writes left history: audit %d→%d, change feed %d→%d", audit, a, feed, f)
		}
		// The public's one write: feedback.
		must(t, db.CreateFeedback(bg, &ratsinfo.Feedback{Kind: ratsinfo.FeedbackAccessibility, Text: "Kontrast zu schwach."}))
	})
}
