package sqldb

import (
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// TestInquiryRules: the council office sets, replaces and deletes the rules of
// its body; nobody else may; registration computes the deadline from the
// rule of the inquiry's paper type and the planned meeting, and an office
// that deviates from the rule must say why.
func TestInquiryRules(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		p := newInquiryPeople(t, db)
		twoWeeks := &ratsinfo.InquiryRule{BodyID: p.body, PaperType: ratsinfo.PaperTypeInquiry, Basis: ratsinfo.AfterReceipt, Period: ratsinfo.Period{Weeks: 2}}
		wantStep(t, "a member sets a rule", db.SetInquiryRule(p.member, twoWeeks), ratsinfo.EFORBIDDEN)
		wantStep(t, "the public sets a rule", db.SetInquiryRule(p.public, twoWeeks), ratsinfo.EUNAUTHORIZED)
		wantStep(t, "the office sets a bad rule", db.SetInquiryRule(p.office, &ratsinfo.InquiryRule{BodyID: p.body,
			Basis: ratsinfo.BeforeMeeting, Period: ratsinfo.Period{Months: 1}}), ratsinfo.EINVALID)
		must(t, db.SetInquiryRule(p.office, twoWeeks))
		before := &ratsinfo.InquiryRule{BodyID: p.body, PaperType: ratsinfo.PaperTypeMajorInquiry, Basis: ratsinfo.BeforeMeeting, Period: ratsinfo.Period{Days: 7}}
		must(t, db.SetInquiryRule(p.office, before))
		// Setting again replaces.
		must(t, db.SetInquiryRule(p.office, &ratsinfo.InquiryRule{BodyID: p.body, PaperType: ratsinfo.PaperTypeResidentInquiry,
			Basis: ratsinfo.AfterReceipt, Period: ratsinfo.Period{Weeks: 1}}))
		must(t, db.SetInquiryRule(p.office, &ratsinfo.InquiryRule{BodyID: p.body, PaperType: ratsinfo.PaperTypeResidentInquiry,
			Basis: ratsinfo.AfterMeeting, Period: ratsinfo.Period{Days: 10}}))
		_, err := db.FindInquiryRules(p.public, p.body)
		wantStep(t, "the public reads the rules", err, ratsinfo.EUNAUTHORIZED)
		rules, err := db.FindInquiryRules(p.unit, p.body)
		must(t, err)
		if len(rules) != 3 || rules[0].PaperType != ratsinfo.PaperTypeInquiry || rules[1].PaperType != ratsinfo.PaperTypeMajorInquiry ||
			rules[2].Basis != ratsinfo.AfterMeeting || rules[2].Period != (ratsinfo.Period{Days: 10}) || rules[0].Modified.IsZero() {
			t.Fatalf("rules %+v %+v %+v", rules[0], rules[1], rules[2])
		}
		wantStep(t, "a unit deletes a rule", db.DeleteInquiryRule(p.unit, p.body, ratsinfo.PaperTypeResidentInquiry), ratsinfo.EFORBIDDEN)
		must(t, db.DeleteInquiryRule(p.office, p.body, ratsinfo.PaperTypeResidentInquiry))
		wantStep(t, "delete twice", db.DeleteInquiryRule(p.office, p.body, ratsinfo.PaperTypeResidentInquiry), ratsinfo.ENOTFOUND)

		c := newCityMeeting(t, db, p, time.Date(2023, 2, 27, 17, 0, 0, 0, ratsinfo.Berlin()))
		register := func(q *ratsinfo.Inquiry, r ratsinfo.Registration) (*ratsinfo.Inquiry, error) {
			t.Helper()
			must(t, db.CreateInquiry(p.member, q))
			_, err := db.StepInquiry(p.member, q.ID, ratsinfo.ActionSubmit, "")
			must(t, err)
			r.UnitID = p.unitOrg
			return db.RegisterInquiry(p.office, q.ID, r)
		}
		received := ratsinfo.NewDate(2023, 1, 16)

		// The plain Anfrage: two weeks after receipt.
		q, err := register(p.draft(), ratsinfo.Registration{ReceivedOn: received})
		must(t, err)
		if q.Deadline.Day != ratsinfo.NewDate(2023, 1, 30) || q.Period.String() != "P2W" {
			t.Fatalf("rule after receipt: %s, %s", q.Deadline.Day, q.Period)
		}
		events, err := db.InquiryEvents(p.office, q.ID)
		must(t, err)
		if last := events[len(events)-1]; last.Action != "register" || !strings.Contains(last.Note, "2 Wochen nach Eingang der Anfrage") {
			t.Fatalf("the trail does not name the rule: %+v", last)
		}
		// Another period against the rule needs a reason.
		_, err = register(p.draft(), ratsinfo.Registration{ReceivedOn: received, Period: ratsinfo.Period{Months: 1}})
		wantStep(t, "a period against the rule without a reason", err, ratsinfo.EINVALID)

		// A Große Anfrage: seven days before the planned meeting.
		major := func() *ratsinfo.Inquiry { q := p.draft(); q.PaperType = ratsinfo.PaperTypeMajorInquiry; return q }
		_, err = register(major(), ratsinfo.Registration{ReceivedOn: received})
		wantStep(t, "a meeting rule without a meeting", err, ratsinfo.EINVALID)
		_, err = register(major(), ratsinfo.Registration{ReceivedOn: received, MeetingID: c.meeting, CommitteeID: c.otherCommittee})
		wantStep(t, "a meeting of another committee", err, ratsinfo.EINVALID)
		_, err = register(major(), ratsinfo.Registration{ReceivedOn: ratsinfo.NewDate(2023, 2, 25), MeetingID: c.meeting})
		wantStep(t, "a meeting too early for the rule", err, ratsinfo.EINVALID)
		_, err = register(major(), ratsinfo.Registration{ReceivedOn: ratsinfo.NewDate(2023, 3, 1), MeetingID: c.meeting})
		wantStep(t, "a meeting before the receipt", err, ratsinfo.EINVALID)
		q, err = register(major(), ratsinfo.Registration{ReceivedOn: received, MeetingID: c.meeting})
		must(t, err)
		if q.Deadline.Day != ratsinfo.NewDate(2023, 2, 20) || q.PlannedMeetingID != c.meeting || q.PlannedCommitteeID != c.committee ||
			q.PlannedRole != ratsinfo.RoleHearing {
			t.Fatalf("rule before the meeting: %s, plan %d/%d/%q", q.Deadline.Day, q.PlannedCommitteeID, q.PlannedMeetingID, q.PlannedRole)
		}
		stored := reloadInquiry(t, db, p.office, q.ID)
		if stored.PaperType != ratsinfo.PaperTypeMajorInquiry || stored.PlannedMeetingID != c.meeting || stored.Deadline.Day != q.Deadline.Day {
			t.Fatalf("stored %+v", stored)
		}
		paper, err := db.FindPaperByID(p.public, q.PaperID)
		must(t, err)
		if paper.PaperType != ratsinfo.PaperTypeMajorInquiry {
			t.Fatalf("public paper type %q", paper.PaperType)
		}
		// Overriding the meeting rule with a date and a reason.
		q, err = register(major(), ratsinfo.Registration{ReceivedOn: received, Deadline: ratsinfo.NewDate(2023, 3, 15),
			Note: "Umfangreiche Auswertung nötig", Role: ratsinfo.RoleAcknowledge, CommitteeID: c.committee})
		must(t, err)
		if q.Deadline.Day != ratsinfo.NewDate(2023, 3, 15) || q.PlannedRole != ratsinfo.RoleAcknowledge || q.PlannedMeetingID != 0 {
			t.Fatalf("override: %+v", q)
		}
		// A paper type nobody knows.
		odd := p.draft()
		odd.PaperType = "Beschlussvorlage"
		wantStep(t, "an unknown paper type", db.CreateInquiry(p.member, odd), ratsinfo.EINVALID)
	})
}

// cityMeeting is a committee with a meeting on a given day, and a second
// committee without one.
type cityMeeting struct{ committee, otherCommittee, meeting int64 }

func newCityMeeting(t *testing.T, db *DB, p *inquiryPeople, start time.Time) cityMeeting {
	t.Helper()
	c := &ratsinfo.Organization{BodyID: p.body, Name: "Ausschuss für Digitales", OrganizationType: ratsinfo.OrgTypeCommittee}
	must(t, db.CreateOrganization(writer, c))
	o := &ratsinfo.Organization{BodyID: p.body, Name: "Finanzausschuss", OrganizationType: ratsinfo.OrgTypeCommittee}
	must(t, db.CreateOrganization(writer, o))
	m := &ratsinfo.Meeting{BodyID: p.body, Name: "Sitzung des Ausschusses für Digitales", Start: start, End: start.Add(2 * time.Hour),
		OrganizationIDs: []int64{c.ID}, MeetingState: ratsinfo.MeetingScheduled}
	must(t, db.CreateMeeting(writer, m))
	return cityMeeting{committee: c.ID, otherCommittee: o.ID, meeting: m.ID}
}
