package sqldb

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// TestInquiryCountsFollowWrites: the figures /anfragen leads with (all, open,
// overdue) come from inquiry_count, kept by triggers, and an index count of the
// inquiries within their deadline. After every step of the path, for the public
// and the program, every body and filter, and days before, on and after a
// deadline, they must equal the count row by row.
func TestInquiryCountsFollowWrites(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		other := &ratsinfo.Body{Name: "Gemeinde Henstedt-Ulzburg"}
		must(t, db.CreateBody(writer, other))
		unit := &ratsinfo.Organization{BodyID: c.body.ID, Name: "Amt für Stadtentwicklung", OrganizationType: ratsinfo.OrgTypeAdminUnit}
		must(t, db.CreateOrganization(writer, unit))
		otherUnit := &ratsinfo.Organization{BodyID: other.ID, Name: "Bauamt", OrganizationType: ratsinfo.OrgTypeAdminUnit}
		must(t, db.CreateOrganization(writer, otherUnit))

		check := func(step string) {
			t.Helper()
			for _, ctx := range []context.Context{bg, writer} {
				for _, body := range []int64{0, c.body.ID, other.ID} {
					for _, st := range []ratsinfo.InquiryState{"", ratsinfo.InquiryRegistered, ratsinfo.InquiryPublished, ratsinfo.InquiryDraft} {
						// Before, on and after the deadline of an inquiry received on 1 October.
						for _, today := range []ratsinfo.Date{ratsinfo.NewDate(2026, 10, 15), ratsinfo.NewDate(2026, 11, 2), ratsinfo.NewDate(2026, 11, 3)} {
							for _, overdue := range []bool{false, true} {
								f := ratsinfo.InquiryFilter{BodyID: body, State: st, Today: today, Overdue: overdue}
								got, err := db.CountInquiries(ctx, f)
								must(t, err)
								want, err := db.countInquiryRows(ctx, f)
								must(t, err)
								if got != want {
									t.Errorf("%s: %s, %+v: kept %+v, row by row %+v", step, viewerName(ctx), f, got, want)
								}
							}
						}
					}
				}
			}
		}
		mk := func(body int64, confidential bool) *ratsinfo.Inquiry {
			q := &ratsinfo.Inquiry{BodyID: body, Title: "Anfrage", Confidential: confidential, InquirerPersonIDs: []int64{c.person.ID},
				Questions: []ratsinfo.Question{{Text: "Wie ist der Stand?"}}}
			if body != c.body.ID {
				q.InquirerPersonIDs, q.ExternalInquirer = nil, "Erika Muster"
			}
			must(t, db.CreateInquiry(writer, q))
			return q
		}
		step := func(q *ratsinfo.Inquiry, a ratsinfo.InquiryAction) {
			t.Helper()
			_, err := db.StepInquiry(writer, q.ID, a, "")
			must(t, err)
		}
		register := func(q *ratsinfo.Inquiry, unit int64) {
			t.Helper()
			_, err := db.RegisterInquiry(writer, q.ID, ratsinfo.Registration{ReceivedOn: ratsinfo.NewDate(2026, 10, 1), UnitID: unit})
			must(t, err)
		}
		check("leer")

		draft := mk(c.body.ID, false)
		check("Entwurf")
		open := mk(c.body.ID, false)
		step(open, ratsinfo.ActionSubmit)
		check("eingereicht")
		register(open, unit.ID)
		check("registriert")
		secret := mk(c.body.ID, true)
		step(secret, ratsinfo.ActionSubmit)
		register(secret, unit.ID)
		check("vertraulich registriert")
		elsewhere := mk(other.ID, false)
		step(elsewhere, ratsinfo.ActionSubmit)
		register(elsewhere, otherUnit.ID)
		check("andere Körperschaft")
		step(draft, ratsinfo.ActionWithdraw)
		check("zurückgezogen")

		_, err := db.AnswerQuestion(writer, open.ID, 1, "Der Stand ist gut.", time.Time{})
		must(t, err)
		step(open, ratsinfo.ActionSubmitAnswer)
		check("Antwort zur Freigabe")
		step(open, ratsinfo.ActionApprove)
		doc := ratsinfo.AnswerDocument{Title: "Beantwortung der Anfrage"}
		_, err = db.PublishInquiry(writer, open.ID, doc, ratsinfo.PublishedFile{FileName: "Beantwortung.pdf", Text: "Antwort"})
		must(t, err)
		check("veröffentlicht")

		// The counts really are kept: the table holds the figures.
		var n int
		must(t, scanOne(bg, db.reader(bg), &n, `SELECT CAST(SUM(n) AS BIGINT) FROM inquiry_count`))
		if n != 4 {
			t.Errorf("inquiry_count holds %d inquiries, want 4", n)
		}
	})
}

func viewerName(ctx context.Context) string {
	if ratsinfo.ViewerFrom(ctx).Role == ratsinfo.RoleSystem {
		return "Programm"
	}
	return fmt.Sprintf("Öffentlichkeit")
}
