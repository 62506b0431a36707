package sqldb

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// history counts the rows of the audit trail and the change feed: a refused write
// must leave both as they were.
func history(t *testing.T, db *DB) (audit, feed int) {
	t.Helper()
	must(t, db.r.QueryRow(`SELECT COUNT(*) FROM audit_log`).Scan(&audit))
	must(t, db.r.QueryRow(`SELECT COUNT(*) FROM change_feed`).Scan(&feed))
	return audit, feed
}

func TestTwoEditors(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		first := reload(t, db.FindPaperByID, c.paper.ID)
		second := reload(t, db.FindPaperByID, c.paper.ID)

		first.Name = "Beantwortung, vom ersten Bearbeiter korrigiert"
		must(t, db.UpdatePaper(writer, first))
		audit, feed := history(t, db)

		second.Name = "Beantwortung, vom zweiten Bearbeiter korrigiert"
		second.Reference = "B 23/0099"
		e := wantCode(t, db.UpdatePaper(writer, second), ratsinfo.ECONFLICT)
		for _, want := range []string{"Die Vorlage wurde inzwischen von jemand anderem geändert (am ", " Uhr).", "Bitte laden Sie die Seite neu"} {
			if !strings.Contains(e.Message, want) {
				t.Errorf("conflict message %q lacks %q", e.Message, want)
			}
		}
		stored := reload(t, db.FindPaperByID, c.paper.ID)
		if stored.Name != first.Name || stored.Reference != "B 23/0042" || !stored.Modified.Equal(first.Modified) {
			t.Errorf("after the refused update the paper is %q %q (modified %v), want the first editor's (modified %v)",
				stored.Name, stored.Reference, stored.Modified, first.Modified)
		}
		if a, f := history(t, db); a != audit || f != feed {
			t.Errorf("refused update wrote history: audit %d→%d, change feed %d→%d", audit, a, feed, f)
		}

		// Reloaded, the second editor's change goes through.
		second = reload(t, db.FindPaperByID, c.paper.ID)
		second.Reference = "B 23/0099"
		must(t, db.UpdatePaper(writer, second))
	})
}

func TestUpdatePrecondition(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)

		// Compared to the microsecond, as stored: a time that went through a form in
		// another zone, or carries nanoseconds, is still the same state.
		m := reload(t, db.FindMeetingByID, c.meeting.ID)
		m.Modified = m.Modified.In(ratsinfo.Berlin()).Add(700 * time.Nanosecond)
		m.Name = "Sitzung des Hauptausschusses (verlegt)"
		must(t, db.UpdateMeeting(writer, m))

		// Writing a child gives the parent a new modified: an editor of the meeting
		// who loaded it before the agenda changed must reload.
		stale := reload(t, db.FindMeetingByID, c.meeting.ID)
		must(t, db.CreateAgendaItem(writer, &ratsinfo.AgendaItem{MeetingID: c.meeting.ID, Position: 1, Number: "2", Name: "Verschiedenes", Public: true}))
		wantCode(t, db.UpdateMeeting(writer, stale), ratsinfo.ECONFLICT)

		// No precondition at all is refused as well.
		blind := &ratsinfo.Location{Meta: ratsinfo.Meta{ID: c.hall.ID}, BodyID: c.body.ID, Description: "Rathaus, neu"}
		e := wantCode(t, db.UpdateLocation(writer, blind), ratsinfo.EINVALID)
		if e.Fields["modified"] == "" {
			t.Errorf("missing modified not named: %+v", e)
		}

		sys := reload(t, func(ctx context.Context, _ int64) (*ratsinfo.System, error) { return db.FindSystem(ctx) }, 1)
		other := *sys
		sys.Name = "Ratsinfo Norderstedt"
		must(t, db.UpdateSystem(writer, sys))
		other.Name = "Ratsinfo Musterstadt"
		wantCode(t, db.UpdateSystem(writer, &other), ratsinfo.ECONFLICT)
	})
}

// TestConcurrentEditors saves one loaded state from many goroutines at once:
// exactly one save wins, every other one is a conflict, on SQLite's one writer as
// on PostgreSQL's concurrent transactions.
func TestConcurrentEditors(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		loaded := reload(t, db.FindPersonByID, c.person.ID)
		const editors = 8
		errs := make([]error, editors)
		var wg sync.WaitGroup
		for i := range editors {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p := *loaded
				p.Title = []string{"Dr."}
				p.Phone = []string{"040 " + strings.Repeat("1", i+3)}
				errs[i] = db.UpdatePerson(writer, &p)
			}()
		}
		wg.Wait()
		won := 0
		for _, err := range errs {
			switch code(err) {
			case "":
				won++
			case ratsinfo.ECONFLICT:
			default:
				t.Errorf("concurrent update: %v", err)
			}
		}
		if won != 1 {
			t.Errorf("%d of %d concurrent updates of one state won, want exactly 1", won, editors)
		}
	})
}
