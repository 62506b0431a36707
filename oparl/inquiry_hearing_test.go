package oparl

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// TestPublishedAnswerOnTheAgenda: an inquiry registered for a meeting and
// answered becomes, on publication, an agenda item of that meeting with a
// consultation in the planned role; the answer paper, its consultation, the
// agenda item and the meeting are valid OParl 1.1 by the schemas, and link each
// other both ways.
func TestPublishedAnswerOnTheAgenda(t *testing.T) {
	w := newWorld(t)
	st := w.store
	sys := ratsinfo.SystemContext(context.Background())
	unit := &ratsinfo.Organization{BodyID: w.body.ID, Name: "Fachbereich Verkehr", OrganizationType: ratsinfo.OrgTypeAdminUnit}
	must(t, st.CreateOrganization(sys, unit))
	as := func(id int64, g ratsinfo.Grant) context.Context {
		g.BodyID = w.body.ID
		return ratsinfo.WithViewer(context.Background(), ratsinfo.Viewer{UserID: id, Role: ratsinfo.RoleStaff, Grants: []ratsinfo.Grant{g}})
	}
	member := as(201, ratsinfo.Grant{Role: ratsinfo.GrantCouncilMember, PersonID: w.alice.ID})
	office := as(202, ratsinfo.Grant{Role: ratsinfo.GrantCouncilOffice})
	unitStaff := as(203, ratsinfo.Grant{Role: ratsinfo.GrantUnit, OrganizationID: unit.ID})
	signer := as(204, ratsinfo.Grant{Role: ratsinfo.GrantSignOff})

	q := &ratsinfo.Inquiry{BodyID: w.body.ID, Title: "Radweg am Stadtpark", InquirerPersonIDs: []int64{w.alice.ID},
		Questions: []ratsinfo.Question{{Text: "Wann wird gebaut?"}}}
	must(t, st.CreateInquiry(member, q))
	_, err := st.StepInquiry(member, q.ID, ratsinfo.ActionSubmit, "")
	must(t, err)
	_, err = st.RegisterInquiry(office, q.ID, ratsinfo.Registration{ReceivedOn: ratsinfo.NewDate(2024, 3, 1), UnitID: unit.ID,
		MeetingID: w.meeting.ID, Role: ratsinfo.RoleAcknowledge})
	must(t, err)
	_, err = st.AnswerQuestion(unitStaff, q.ID, 1, "Im Sommer 2024.", time.Time{})
	must(t, err)
	_, err = st.StepInquiry(unitStaff, q.ID, ratsinfo.ActionSubmitAnswer, "")
	must(t, err)
	_, err = st.StepInquiry(signer, q.ID, ratsinfo.ActionApprove, "")
	must(t, err)
	key, size, sum, err := w.blobs.Put(sys, strings.NewReader("%PDF-1.7 Beantwortung"))
	must(t, err)
	doc := ratsinfo.AnswerDocument{Title: "Beantwortung der Anfrage von Frau Öztürk zum Thema Radweg am Stadtpark vom 01.03.2024"}
	q, err = st.PublishInquiry(office, q.ID, doc, ratsinfo.PublishedFile{BlobKey: key, Size: size, SHA512: sum,
		FileName: "Beantwortung.pdf", Text: "Im Sommer 2024."})
	must(t, err)

	schemas := loadSchemas(t)
	paperURL := fmt.Sprintf("%s/paper/%d", w.api, q.AnswerPaperID)
	paper := getJSON(t, paperURL, 200)
	consultations, _ := paper["consultation"].([]any)
	if len(consultations) != 1 {
		t.Fatalf("answer paper consultations: %v", paper["consultation"])
	}
	c := consultations[0].(map[string]any)
	meetingURL := fmt.Sprintf("%s/meeting/%d", w.api, w.meeting.ID)
	if c["role"] != ratsinfo.RoleAcknowledge || c["meeting"] != meetingURL || c["agendaItem"] == nil {
		t.Fatalf("consultation %v", c)
	}
	item := getJSON(t, c["agendaItem"].(string), 200)
	if item["name"] != doc.Title || item["public"] != true || item["consultation"] != c["id"] || item["meeting"] != meetingURL {
		t.Fatalf("agenda item %v", item)
	}
	meeting := getJSON(t, meetingURL, 200)
	var onAgenda bool
	items, _ := meeting["agendaItem"].([]any)
	for _, it := range items {
		if it.(map[string]any)["id"] == item["id"] {
			onAgenda = true
		}
	}
	if !onAgenda {
		t.Fatalf("the meeting's agenda does not list %v: %v", item["id"], items)
	}
	inquiryPaper := getJSON(t, fmt.Sprintf("%s/paper/%d", w.api, q.PaperID), 200)
	for name, v := range map[string]any{"answer paper": paper, "consultation": getJSON(t, c["id"].(string), 200),
		"agenda item": item, "meeting": meeting, "inquiry paper": inquiryPaper} {
		for _, e := range checkSchema(schemas, v) {
			t.Errorf("%s: %s", name, e)
		}
	}
	// The check is live: the same agenda item with a property OParl does
	// not know fails it.
	bad := map[string]any{"unbekannt": true}
	for k, v := range item {
		bad[k] = v
	}
	if len(checkSchema(schemas, bad)) == 0 {
		t.Fatal("the schema check accepts an unknown property")
	}
}
