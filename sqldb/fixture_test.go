package sqldb

import (
	"context"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// city is a small council record with one object of every kind.
type city struct {
	body     *ratsinfo.Body
	term     *ratsinfo.LegislativeTerm
	org      *ratsinfo.Organization
	person   *ratsinfo.Person
	member   *ratsinfo.Membership
	meeting  *ratsinfo.Meeting
	item     *ratsinfo.AgendaItem
	paper    *ratsinfo.Paper
	consult  *ratsinfo.Consultation
	mainFile *ratsinfo.File
	auxFile  *ratsinfo.File
	hall     *ratsinfo.Location
}

func newCity(t testing.TB, db *DB) *city {
	t.Helper()
	c := &city{}
	c.body = &ratsinfo.Body{Name: "Stadt Norderstedt", ShortName: "Norderstedt", AGS: "01060063"}
	must(t, db.CreateBody(writer, c.body))
	c.hall = &ratsinfo.Location{BodyID: c.body.ID, Description: "Rathaus", Room: "Sitzungssaal 2"}
	must(t, db.CreateLocation(writer, c.hall))
	c.body.LocationID = c.hall.ID
	must(t, db.UpdateBody(writer, c.body))
	c.term = &ratsinfo.LegislativeTerm{BodyID: c.body.ID, Name: "2023–2028", StartDate: ratsinfo.NewDate(2023, 6, 1)}
	must(t, db.CreateLegislativeTerm(writer, c.term))
	c.org = &ratsinfo.Organization{BodyID: c.body.ID, Name: "Hauptausschuss", OrganizationType: ratsinfo.OrgTypeCommittee, Post: []string{"Vorsitz"}}
	must(t, db.CreateOrganization(writer, c.org))
	c.person = &ratsinfo.Person{BodyID: c.body.ID, GivenName: "Erika", FamilyName: "Muster", Email: []string{"erika@example.org"}, ContactConsent: true}
	must(t, db.CreatePerson(writer, c.person))
	c.member = &ratsinfo.Membership{PersonID: c.person.ID, OrganizationID: c.org.ID, Role: "Mitglied", VotingRight: true}
	must(t, db.CreateMembership(writer, c.member))
	c.mainFile = &ratsinfo.File{BodyID: c.body.ID, Name: "Beantwortung", FileName: "antwort.pdf", MimeType: "application/pdf", Size: 1234}
	must(t, db.CreateFile(writer, c.mainFile))
	c.auxFile = &ratsinfo.File{BodyID: c.body.ID, Name: "Einladung", FileName: "einladung.pdf", MimeType: "application/pdf"}
	must(t, db.CreateFile(writer, c.auxFile))
	c.meeting = &ratsinfo.Meeting{BodyID: c.body.ID, Name: "Sitzung des Hauptausschusses", LocationID: c.hall.ID,
		OrganizationIDs: []int64{c.org.ID}, ParticipantIDs: []int64{c.person.ID}, InvitationFileID: c.auxFile.ID}
	must(t, db.CreateMeeting(writer, c.meeting))
	c.paper = &ratsinfo.Paper{BodyID: c.body.ID, Name: "Beantwortung der Anfrage Norderstedt GO!", Reference: "B 23/0042",
		PaperType: ratsinfo.PaperTypeAnswer, MainFileID: c.mainFile.ID, UnderDirectionOfIDs: []int64{c.org.ID}, Published: true,
		Date: ratsinfo.NewDate(2023, 2, 27)}
	must(t, db.CreatePaper(writer, c.paper))
	c.item = &ratsinfo.AgendaItem{MeetingID: c.meeting.ID, Position: 0, Number: "1", Name: "Anfrage Smart City", Public: true}
	must(t, db.CreateAgendaItem(writer, c.item))
	c.consult = &ratsinfo.Consultation{PaperID: c.paper.ID, MeetingID: c.meeting.ID, AgendaItemID: c.item.ID,
		OrganizationIDs: []int64{c.org.ID}, Role: ratsinfo.RoleHearing}
	must(t, db.CreateConsultation(writer, c.consult))
	// Attaching a file or a location changes its back-references, so its
	// modified: the fixture hands out the stored state.
	c.mainFile = reload(t, db.FindFileByID, c.mainFile.ID)
	c.auxFile = reload(t, db.FindFileByID, c.auxFile.ID)
	c.hall = reload(t, db.FindLocationByID, c.hall.ID)
	return c
}

// reload returns the stored state of an object, as an editor loads it before
// changing it: updates are refused on a stale Modified, and writing a child
// (an agenda item, a consultation) gives its parent a new one.
func reload[T any](t testing.TB, find func(context.Context, int64) (T, error), id int64) T {
	t.Helper()
	x, err := find(staff, id)
	must(t, err)
	return x
}
