package sqldb

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// recordContext is the context in which a step of the inquiry path writes the
// council record: the same transaction, and the program's right to write the
// record, taken only after the domain allowed the step (CanStepInquiry). The
// actor stays the account, so the record's audit log names who published.
func recordContext(ctx context.Context, t *txState, actor int64) context.Context {
	return ratsinfo.WithViewer(context.WithValue(ctx, txKey{}, t), ratsinfo.Viewer{UserID: actor, Role: ratsinfo.RoleSystem})
}

// createInquiryPaper writes the inquiry as a public Paper of its type ("Anfrage") when
// it is registered: from then on it has its reference and appears in the
// record, unless the office marked it confidential.
func createInquiryPaper(ctx context.Context, t *txState, actor int64, q *ratsinfo.Inquiry) error {
	paperType := q.PaperType
	if paperType == "" {
		paperType = ratsinfo.PaperTypeInquiry
	}
	p := &ratsinfo.Paper{BodyID: q.BodyID, Name: q.Title, Reference: q.Reference, Date: q.ReceivedOn,
		PaperType: paperType, OriginatorPersonIDs: q.InquirerPersonIDs, Published: !q.Confidential}
	if q.FactionID != 0 {
		p.OriginatorOrganizationIDs = []int64{q.FactionID}
	}
	if q.UnitID != 0 {
		p.UnderDirectionOfIDs = []int64{q.UnitID}
	}
	if err := t.db.CreatePaper(recordContext(ctx, t, actor), p); err != nil {
		return fmt.Errorf("inquiry paper: %w", err)
	}
	q.PaperID = p.ID
	_, err := t.exec(ctx, `UPDATE inquiry SET paper_id = ? WHERE id = ?`, p.ID, q.ID)
	return err
}

// PublishInquiry writes the answer's File and Paper, links it both ways with the
// inquiry's paper, puts it on the agenda of the planned meeting (planHearing),
// and moves the inquiry to published: all in one transaction.
func (db *DB) PublishInquiry(ctx context.Context, id int64, doc ratsinfo.AnswerDocument, f ratsinfo.PublishedFile) (*ratsinfo.Inquiry, error) {
	var out *ratsinfo.Inquiry
	err := db.changeInquiry(ctx, "publish inquiry", id, func(t *txState, old *ratsinfo.Inquiry, us, actor int64) error {
		if err := ratsinfo.CanStepInquiry(ctx, old, ratsinfo.ActionPublish); err != nil {
			return err
		}
		next, err := old.State.Next(ratsinfo.ActionPublish)
		if err != nil {
			return err
		}
		rctx := recordContext(ctx, t, actor)
		day := ratsinfo.DateOf(time.UnixMicro(us).In(ratsinfo.Berlin()))
		file := &ratsinfo.File{BodyID: old.BodyID, Name: doc.Title, FileName: f.FileName, MimeType: "application/pdf",
			Date: day, Size: f.Size, SHA512Checksum: f.SHA512, BlobKey: f.BlobKey, Text: f.Text}
		if err := db.CreateFile(rctx, file); err != nil {
			return fmt.Errorf("answer file: %w", err)
		}
		answer := &ratsinfo.Paper{BodyID: old.BodyID, Name: doc.Title, Reference: answerReference(old.Reference), Date: day,
			PaperType: ratsinfo.PaperTypeAnswer, MainFileID: file.ID, Published: !old.Confidential}
		if old.UnitID != 0 {
			answer.UnderDirectionOfIDs = []int64{old.UnitID}
		}
		if old.PaperID != 0 {
			answer.RelatedPaperIDs = []int64{old.PaperID}
		}
		if err := db.CreatePaper(rctx, answer); err != nil {
			return fmt.Errorf("answer paper: %w", err)
		}
		if old.PaperID != 0 {
			inquiry, err := db.FindPaperByID(rctx, old.PaperID)
			if err != nil {
				return fmt.Errorf("inquiry paper: %w", err)
			}
			inquiry.RelatedPaperIDs = append(inquiry.RelatedPaperIDs, answer.ID)
			if err := db.UpdatePaper(rctx, inquiry); err != nil {
				return fmt.Errorf("link inquiry paper: %w", err)
			}
		}
		heard, err := db.planHearing(rctx, old, answer)
		if err != nil {
			return err
		}
		res, err := t.exec(ctx, `UPDATE inquiry SET state = ?, answer_paper_id = ?, modified = ? WHERE id = ? AND modified = ?`,
			string(next), answer.ID, us, id, old.Modified.UnixMicro())
		if err := oneRow(res, err, old); err != nil {
			return err
		}
		if err := addInquiryEvent(ctx, t, us, actor, id, string(ratsinfo.ActionPublish), old.State, next, answer.Reference); err != nil {
			return err
		}
		if heard != "" {
			if err := addInquiryEvent(ctx, t, us, actor, id, ratsinfo.EventAgenda, next, next, heard); err != nil {
				return err
			}
		}
		old.State, old.AnswerPaperID, old.Modified = next, answer.ID, fromMicros(us)
		out = old
		return nil
	})
	return out, err
}

// answerReference numbers the answer after its inquiry, as councils number a
// paper's supplements: "A 23/0001" → "A 23/0001-1".
func answerReference(ref string) string {
	if ref == "" {
		return ""
	}
	return ref + "-1"
}

// planHearing writes the consultation of the answer paper as the registration
// planned it (committee and role; an inquiry registered before plans existed
// falls back to the preferred committee and Anhörung) and, when a meeting was
// planned, the agenda item at the end of that meeting's agenda, the two linked
// both ways. It returns the public timeline's note ("Sitzung … am …, TOP 5,
// Anhörung"), empty when no meeting hears the answer. rctx is the record
// context of the publishing transaction.
func (db *DB) planHearing(rctx context.Context, q *ratsinfo.Inquiry, answer *ratsinfo.Paper) (string, error) {
	committee, role := q.PlannedCommitteeID, q.PlannedRole
	if committee == 0 {
		committee = q.PreferredCommitteeID
	}
	if role == "" {
		role = ratsinfo.RoleHearing
	}
	if committee == 0 && q.PlannedMeetingID == 0 {
		return "", nil
	}
	c := &ratsinfo.Consultation{PaperID: answer.ID, Role: role}
	if committee != 0 {
		c.OrganizationIDs = []int64{committee}
	}
	var m *ratsinfo.Meeting
	if q.PlannedMeetingID != 0 {
		found, err := db.FindMeetingByID(rctx, q.PlannedMeetingID)
		switch {
		case err == nil && !found.Deleted && !found.Cancelled:
			m, c.MeetingID = found, found.ID
		case err != nil && ratsinfo.ErrorCode(err) != ratsinfo.ENOTFOUND:
			return "", fmt.Errorf("planned meeting: %w", err)
		}
	}
	if err := db.CreateConsultation(rctx, c); err != nil {
		return "", fmt.Errorf("answer consultation: %w", err)
	}
	if m == nil {
		return "", nil // the meeting was cancelled or removed since: the consultation stays unscheduled
	}
	items, err := db.FindAgendaItems(rctx, ratsinfo.AgendaItemFilter{MeetingIDs: []int64{m.ID}})
	if err != nil {
		return "", fmt.Errorf("agenda of meeting %d: %w", m.ID, err)
	}
	pos, number := 0, 1
	for _, it := range items {
		if it.Deleted {
			continue
		}
		pos = max(pos, it.Position+1)
		if n, err := strconv.Atoi(strings.TrimSpace(it.Number)); err == nil {
			number = max(number, n+1)
		}
	}
	item := &ratsinfo.AgendaItem{MeetingID: m.ID, Position: pos, Number: strconv.Itoa(number), Name: answer.Name,
		Public: answer.Published, ConsultationID: c.ID}
	if err := db.CreateAgendaItem(rctx, item); err != nil {
		return "", fmt.Errorf("answer agenda item: %w", err)
	}
	c.AgendaItemID = item.ID
	if err := db.UpdateConsultation(rctx, c); err != nil {
		return "", fmt.Errorf("link answer consultation: %w", err)
	}
	name := m.Name
	if name == "" {
		name = "Sitzung"
	}
	return fmt.Sprintf("%s am %s, TOP %s, %s", name, ratsinfo.DateOf(m.Start.In(ratsinfo.Berlin())).German(), item.Number, role), nil
}
