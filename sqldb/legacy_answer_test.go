package sqldb

import (
	"context"
	"crypto/sha512"
	"encoding/hex"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

func legacyAnswer(body int64) *ratsinfo.LegacyAnswer {
	content := []byte("Beantwortung der Anfrage von Frau Anja Berg …")
	sum := sha512.Sum512(content)
	return &ratsinfo.LegacyAnswer{
		BodyID: body, Title: "Beantwortung der Anfrage von Frau Anja Berg zum Thema Radverkehr vom 01.02.2023",
		Subject: "Radverkehr", InquiryDate: ratsinfo.NewDate(2023, 2, 1),
		Inquirers: []ratsinfo.LegacyPerson{{FormOfAddress: "Frau", GivenName: "Anja", FamilyName: "Berg"}},
		Faction:   "Fraktion Bürgerliste",
		Consultations: []ratsinfo.LegacyConsultation{
			{Organization: "Hauptausschuss", Date: ratsinfo.NewDate(2023, 3, 13), Role: ratsinfo.RoleHearing},
			{Organization: "Stadtvertretung", Date: ratsinfo.NewDate(2023, 3, 28), Role: ratsinfo.RoleAcknowledge},
		},
		Questions: []ratsinfo.Question{
			{Text: "Wie viele Fahrradstraßen gibt es?", Answer: "Drei."},
			{Text: "Welche sind geplant?", Points: []string{"in diesem Jahr", "im nächsten Jahr"}, Answer: "Zu a): Keine.\n\nZu b): Zwei."},
		},
		File: ratsinfo.LegacyFile{FileName: "antwort.txt", MimeType: "text/plain", Size: int64(len(content)), BlobKey: hex.EncodeToString(sum[:]),
			SHA512: hex.EncodeToString(sum[:]), Text: string(content)},
	}
}

// TestImportLegacyAnswer: only the council office (and the program) imports;
// an import writes the published inquiry with its papers, matched faction and
// new committees and meetings; a rerun changes nothing; an import that fails
// half-way leaves nothing behind.
func TestImportLegacyAnswer(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		p := newInquiryPeople(t, db)
		for name, ctx := range map[string]context.Context{"council member": p.member, "answering unit": p.unit, "public": p.public} {
			_, err := db.ImportLegacyAnswer(ctx, legacyAnswer(p.body))
			wantStep(t, name+" importing", err, ratsinfo.EFORBIDDEN)
		}
		empty := legacyAnswer(p.body)
		empty.Questions = nil
		_, err := db.ImportLegacyAnswer(p.office, empty)
		wantStep(t, "an answer without questions", err, ratsinfo.EINVALID)

		counts := func() [4]int {
			ps, err := db.FindPapers(writer, ratsinfo.PaperFilter{})
			must(t, err)
			os, err := db.FindOrganizations(writer, ratsinfo.OrganizationFilter{})
			must(t, err)
			ms, err := db.FindMeetings(writer, ratsinfo.MeetingFilter{})
			must(t, err)
			qs, err := db.FindInquiries(p.office, ratsinfo.InquiryFilter{})
			must(t, err)
			return [4]int{len(ps), len(os), len(ms), len(qs)}
		}
		before := counts()
		broken := legacyAnswer(p.body)
		broken.Consultations[1].Organization = "Stadt\x01vertretung" // refused by Organization.Validate, after the papers were written
		_, err = db.ImportLegacyAnswer(p.office, broken)
		wantStep(t, "an import failing half-way", err, ratsinfo.EINVALID)
		if after := counts(); after != before {
			t.Fatalf("a failed import left records: %v → %v", before, after)
		}

		publicBefore, err := db.CountInquiries(p.public, ratsinfo.InquiryFilter{BodyID: p.body})
		must(t, err)
		res, err := db.ImportLegacyAnswer(p.office, legacyAnswer(p.body))
		must(t, err)
		// The public list's kept totals count the imported answer.
		publicAfter, err := db.CountInquiries(p.public, ratsinfo.InquiryFilter{BodyID: p.body})
		must(t, err)
		if publicAfter.Total != publicBefore.Total+1 || publicAfter.Open != publicBefore.Open {
			t.Errorf("public counts %+v → %+v, want one more answered", publicBefore, publicAfter)
		}
		if res.Matched[ratsinfo.KindOrganization] != 2 || res.Created[ratsinfo.KindOrganization] != 1 || res.Created[ratsinfo.KindMeeting] != 2 ||
			res.Created[ratsinfo.KindPerson] != 1 || res.Created[ratsinfo.KindPaper] != 2 || res.Created[ratsinfo.KindInquiry] != 1 {
			t.Errorf("first import: created %v, matched %v", res.Created, res.Matched)
		}
		q, err := db.FindInquiry(p.public, res.InquiryID)
		must(t, err)
		if q.State != ratsinfo.InquiryPublished || q.FactionID != p.faction || len(q.Questions) != 2 || q.Questions[1].Answer != "Zu a): Keine.\n\nZu b): Zwei." ||
			q.PaperID != res.InquiryPaperID || q.AnswerPaperID != res.AnswerPaperID || q.ReceivedOn != ratsinfo.NewDate(2023, 2, 1) {
			t.Errorf("imported inquiry: %+v", q)
		}
		answer, err := db.FindPaperByID(p.public, res.AnswerPaperID)
		must(t, err)
		if answer.PaperType != ratsinfo.PaperTypeAnswer || answer.MainFileID != res.FileID || len(answer.RelatedPaperIDs) != 1 || answer.RelatedPaperIDs[0] != res.InquiryPaperID {
			t.Errorf("answer paper: %+v", answer)
		}
		cons, err := db.FindConsultations(writer, ratsinfo.ConsultationFilter{PaperIDs: []int64{answer.ID}})
		must(t, err)
		if len(cons) != 2 || cons[0].Role != ratsinfo.RoleHearing || cons[0].MeetingID == 0 {
			t.Errorf("consultations: %+v", cons)
		}

		first := counts()
		again, err := db.ImportLegacyAnswer(p.office, legacyAnswer(p.body))
		must(t, err)
		if len(again.Created) != 0 || again.InquiryID != res.InquiryID || again.AnswerPaperID != res.AnswerPaperID {
			t.Errorf("rerun: created %v, inquiry %d (first %d)", again.Created, again.InquiryID, res.InquiryID)
		}
		if now := counts(); now != first {
			t.Errorf("rerun changed the counts: %v → %v", first, now)
		}
	})
}
