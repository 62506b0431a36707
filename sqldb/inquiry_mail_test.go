package sqldb

import (
	"strconv"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestInquiryEventsAfter: the outbox of the inquiry mails is read by the
// program only, past a checkpoint, in order; migration 0012 puts the
// checkpoint after the entries already there, so an update mails nothing old.
func TestInquiryEventsAfter(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		sys := ratsinfo.SystemContext(bg)
		p := newInquiryPeople(t, db)
		q := p.draft()
		must(t, db.CreateInquiry(p.member, q))
		_, err := db.StepInquiry(p.member, q.ID, ratsinfo.ActionSubmit, "")
		must(t, err)
		_, err = db.InquiryEventsAfter(p.office, 0, 10)
		wantStep(t, "the office reads the outbox", err, ratsinfo.EFORBIDDEN)
		all, err := db.InquiryEventsAfter(sys, 0, 10)
		must(t, err)
		if len(all) != 2 || all[0].Action != "create" || all[1].Action != string(ratsinfo.ActionSubmit) || all[1].InquiryID != q.ID || all[1].ActorID != 101 {
			t.Fatalf("events: %+v", all)
		}
		rest, err := db.InquiryEventsAfter(sys, all[0].ID, 10)
		must(t, err)
		if len(rest) != 1 || rest[0].ID != all[1].ID {
			t.Fatalf("events after %d: %+v", all[0].ID, rest)
		}

		must(t, db.SetCheckpoint(sys, "inquiry_mail/event", ""))
		ms, err := db.migrations()
		must(t, err)
		ran := false
		for _, m := range ms {
			if m.version == 12 {
				for _, stmt := range splitSQL(m.sql) {
					if _, err := db.w.ExecContext(bg, stmt); err != nil {
						t.Fatalf("%s: %v", stmt, err)
					}
					ran = true
				}
			}
		}
		cp, err := db.Checkpoint(sys, "inquiry_mail/event")
		must(t, err)
		if !ran || cp != strconv.FormatInt(all[1].ID, 10) {
			t.Fatalf("migration 0012 (ran %v) sets the checkpoint to %q, want %d", ran, cp, all[1].ID)
		}
	})
}
