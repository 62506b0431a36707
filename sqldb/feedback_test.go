package sqldb

import (
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

func TestFeedback(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, c *clock) {
		a := &ratsinfo.Feedback{Kind: ratsinfo.FeedbackAccessibility, Text: "  Der Kontrast ist zu schwach.  ",
			Email: "a@example.org", Page: "/barrierefreiheit", Lang: "en"}
		must(t, db.CreateFeedback(bg, a)) // the public may write
		if a.ID == 0 || a.Created.IsZero() || a.Text != "Der Kontrast ist zu schwach." {
			t.Fatalf("created %+v", a)
		}
		r := &ratsinfo.Feedback{Kind: ratsinfo.FeedbackFileReport, FileID: 42, Reason: "quatsch", Text: "Seite 2 nennt meine Adresse.\nBitte schwärzen."}
		must(t, db.CreateFeedback(bg, r))

		// Bad input: nothing stored, every field named.
		bad := &ratsinfo.Feedback{Kind: ratsinfo.FeedbackFileReport, Text: " ", Email: "kein-at", Name: strings.Repeat("x", 201)}
		e := wantCode(t, db.CreateFeedback(bg, bad), ratsinfo.EINVALID)
		for _, f := range []string{"text", "email", "name", "file"} {
			if e.Fields[f] == "" {
				t.Errorf("no message for %s: %v", f, e)
			}
		}

		// The public cannot read it back.
		_, err := db.FindFeedback(bg, ratsinfo.FeedbackFilter{})
		wantCode(t, err, ratsinfo.EFORBIDDEN)

		all, err := db.FindFeedback(staff, ratsinfo.FeedbackFilter{})
		must(t, err)
		if len(all) != 2 || all[0].ID != r.ID || all[1].ID != a.ID {
			t.Fatalf("feedback newest first: %+v", all)
		}
		got := all[0]
		if got.Kind != ratsinfo.FeedbackFileReport || got.FileID != 42 || got.Reason != ratsinfo.ReasonOther ||
			got.Text != r.Text || got.Lang != "de" || !got.Created.Equal(r.Created) {
			t.Errorf("file report read back as %+v", got)
		}
		if all[1].Email != "a@example.org" || all[1].Lang != "en" || all[1].FileID != 0 {
			t.Errorf("accessibility feedback read back as %+v", all[1])
		}
		only, err := db.FindFeedback(staff, ratsinfo.FeedbackFilter{Kind: ratsinfo.FeedbackAccessibility})
		must(t, err)
		if len(only) != 1 || only[0].ID != a.ID {
			t.Errorf("by kind: %+v", only)
		}
		late, err := db.FindFeedback(staff, ratsinfo.FeedbackFilter{Since: r.Created.Add(time.Microsecond)})
		must(t, err)
		if len(late) != 0 {
			t.Errorf("since: %+v", late)
		}
		one, err := db.FindFeedback(staff, ratsinfo.FeedbackFilter{Limit: 1})
		must(t, err)
		if len(one) != 1 {
			t.Errorf("limit: %d", len(one))
		}

		// Feedback is not part of the council record: no change-feed row.
		changes, err := db.Changes(staff, 0, 1000)
		must(t, err)
		if len(changes) != 0 {
			t.Errorf("feedback wrote %d change-feed rows", len(changes))
		}
	})
}
