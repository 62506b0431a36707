package sqldb

import (
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// TestInquiryHeardInPlannedMeeting: publishing puts the answer at the end of
// the planned meeting's agenda with a consultation in the planned role, and
// the public timeline says so; a meeting cancelled since registration leaves
// the consultation unscheduled and puts nothing on an agenda.
func TestInquiryHeardInPlannedMeeting(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		p := newInquiryPeople(t, db)
		c := newCityMeeting(t, db, p, time.Date(2023, 2, 27, 17, 0, 0, 0, ratsinfo.Berlin()))
		must(t, db.CreateAgendaItem(writer, &ratsinfo.AgendaItem{MeetingID: c.meeting, Position: 0, Number: "3", Name: "Eröffnung", Public: true}))
		publish := func(r ratsinfo.Registration, beforePublish func()) *ratsinfo.Inquiry {
			t.Helper()
			q := p.draft()
			q.Questions = q.Questions[:1]
			must(t, db.CreateInquiry(p.member, q))
			_, err := db.StepInquiry(p.member, q.ID, ratsinfo.ActionSubmit, "")
			must(t, err)
			r.UnitID, r.ReceivedOn = p.unitOrg, ratsinfo.NewDate(2023, 1, 16)
			_, err = db.RegisterInquiry(p.office, q.ID, r)
			must(t, err)
			_, err = db.AnswerQuestion(p.unit, q.ID, 1, "1.234,56 Euro.", time.Time{})
			must(t, err)
			_, err = db.StepInquiry(p.unit, q.ID, ratsinfo.ActionSubmitAnswer, "")
			must(t, err)
			_, err = db.StepInquiry(p.signer, q.ID, ratsinfo.ActionApprove, "")
			must(t, err)
			beforePublish()
			q, err = db.PublishInquiry(p.office, q.ID, ratsinfo.AnswerDocument{Title: "Beantwortung der Anfrage " + q.Title},
				ratsinfo.PublishedFile{BlobKey: "ab" + strings.Repeat("0", 62), Size: 10, FileName: "Beantwortung.pdf"})
			must(t, err)
			return q
		}

		q := publish(ratsinfo.Registration{MeetingID: c.meeting, Role: ratsinfo.RoleAcknowledge}, func() {})
		cs, err := db.FindConsultations(p.public, ratsinfo.ConsultationFilter{PaperIDs: []int64{q.AnswerPaperID}})
		must(t, err)
		if len(cs) != 1 || cs[0].MeetingID != c.meeting || cs[0].Role != ratsinfo.RoleAcknowledge || cs[0].AgendaItemID == 0 ||
			len(cs[0].OrganizationIDs) != 1 || cs[0].OrganizationIDs[0] != c.committee {
			t.Fatalf("consultations %+v", cs)
		}
		item, err := db.FindAgendaItemByID(p.public, cs[0].AgendaItemID)
		must(t, err)
		if item.MeetingID != c.meeting || item.Position != 1 || item.Number != "4" || item.ConsultationID != cs[0].ID || !item.Public ||
			!strings.HasPrefix(item.Name, "Beantwortung der Anfrage") {
			t.Fatalf("agenda item %+v", item)
		}
		events, err := db.InquiryEvents(p.public, q.ID)
		must(t, err)
		last := events[len(events)-1]
		if last.Action != ratsinfo.EventAgenda || last.ActorID != 0 ||
			last.Note != "Sitzung des Ausschusses für Digitales am 27.02.2023, TOP 4, Kenntnisnahme" {
			t.Fatalf("public timeline ends with %+v", last)
		}

		// The meeting is cancelled between registration and publication.
		q = publish(ratsinfo.Registration{MeetingID: c.meeting}, func() {
			m, err := db.FindMeetingByID(writer, c.meeting)
			must(t, err)
			m.Cancelled = true
			must(t, db.UpdateMeeting(writer, m))
		})
		cs, err = db.FindConsultations(p.public, ratsinfo.ConsultationFilter{PaperIDs: []int64{q.AnswerPaperID}})
		must(t, err)
		if len(cs) != 1 || cs[0].MeetingID != 0 || cs[0].AgendaItemID != 0 || cs[0].Role != ratsinfo.RoleHearing {
			t.Fatalf("consultation after a cancelled meeting %+v", cs)
		}
		events, err = db.InquiryEvents(p.office, q.ID)
		must(t, err)
		for _, e := range events {
			if e.Action == ratsinfo.EventAgenda {
				t.Fatalf("a cancelled meeting in the timeline: %+v", e)
			}
		}
		items, err := db.FindAgendaItems(p.public, ratsinfo.AgendaItemFilter{MeetingIDs: []int64{c.meeting}})
		must(t, err)
		if len(items) != 2 {
			t.Fatalf("the cancelled meeting got another item: %d", len(items))
		}
	})
}
