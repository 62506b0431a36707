package sqldb

import (
	"context"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// Actions of the audit trail besides the steps of the path.
const (
	eventInterimAnswer  = "interim_answer"
	eventExtendDeadline = "extend_deadline"
)

// GiveInterimAnswer records an interim answer of the answering unit.
func (db *DB) GiveInterimAnswer(ctx context.Context, id int64, text string) (*ratsinfo.Inquiry, error) {
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		return nil, ratsinfo.Errorf(ratsinfo.EINVALID, "Die Zwischennachricht ist leer. Bitte schreiben Sie, warum die Antwort länger dauert und bis wann sie kommt.")
	case len(text) > ratsinfo.MaxQuestionText:
		return nil, ratsinfo.Errorf(ratsinfo.EINVALID, "Die Zwischennachricht ist zu lang; höchstens %d Zeichen sind erlaubt.", ratsinfo.MaxQuestionText)
	case strings.IndexFunc(text, ratsinfo.IsControl) >= 0:
		return nil, ratsinfo.Errorf(ratsinfo.EINVALID, "Die Zwischennachricht enthält Steuerzeichen; bitte nur Text eingeben.")
	}
	var out *ratsinfo.Inquiry
	err := db.changeInquiry(ctx, "interim answer", id, func(t *txState, old *ratsinfo.Inquiry, us, actor int64) error {
		if err := ratsinfo.CanAnswerInquiry(ctx, old); err != nil {
			return err
		}
		if old.State != ratsinfo.InquiryRegistered && old.State != ratsinfo.InquiryAnswerDrafted {
			return ratsinfo.Errorf(ratsinfo.ECONFLICT, "Eine Zwischennachricht gibt es nur, solange die Antwort aussteht (Stand „%s“).", old.State.German())
		}
		if _, err := t.exec(ctx, `UPDATE inquiry SET modified = ? WHERE id = ?`, us, id); err != nil {
			return err
		}
		old.Modified = fromMicros(us)
		out = old
		return addInquiryEvent(ctx, t, us, actor, id, eventInterimAnswer, old.State, old.State, text)
	})
	return out, err
}

// ExtendDeadline moves the deadline, with its reason.
func (db *DB) ExtendDeadline(ctx context.Context, id int64, until ratsinfo.Date, reason string) (*ratsinfo.Inquiry, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" || strings.IndexFunc(reason, ratsinfo.IsControl) >= 0 || len(reason) > ratsinfo.MaxText {
		return nil, ratsinfo.Errorf(ratsinfo.EINVALID, "Eine Fristverlängerung braucht eine Begründung (Text ohne Steuerzeichen, höchstens %d Zeichen); sie erscheint im öffentlichen Verlauf.", ratsinfo.MaxText)
	}
	if until.IsZero() {
		return nil, ratsinfo.Errorf(ratsinfo.EINVALID, "Bitte das neue Fristdatum angeben (JJJJ-MM-TT).")
	}
	var out *ratsinfo.Inquiry
	err := db.changeInquiry(ctx, "extend deadline", id, func(t *txState, old *ratsinfo.Inquiry, us, actor int64) error {
		if err := ratsinfo.CanAnswerInquiry(ctx, old); err != nil {
			if ratsinfo.CanStepInquiry(ctx, old, ratsinfo.ActionRegister) != nil {
				return ratsinfo.Errorf(ratsinfo.EFORBIDDEN, "Keine Berechtigung: Eine Frist verlängern die beantwortende Stelle und das Büro der Stadtvertretung.")
			}
		}
		if old.State != ratsinfo.InquiryRegistered && old.State != ratsinfo.InquiryAnswerDrafted {
			return ratsinfo.Errorf(ratsinfo.ECONFLICT, "Die Frist lässt sich nur verlängern, solange die Antwort aussteht (Stand „%s“).", old.State.German())
		}
		if !old.Deadline.Day.Before(until) {
			return ratsinfo.Errorf(ratsinfo.EINVALID, "Die neue Frist (%s) muss nach der bisherigen (%s) liegen.", until.German(), old.Deadline.Day.German())
		}
		res, err := t.exec(ctx, `UPDATE inquiry SET deadline = ?, deadline_nominal = ?, deadline_moved = '', deadline_note = ?, modified = ?
WHERE id = ? AND modified = ?`, until.String(), until.String(), reason, us, id, old.Modified.UnixMicro())
		if err := oneRow(res, err, old); err != nil {
			return err
		}
		note := "Frist verlängert vom " + old.Deadline.Day.German() + " auf den " + until.German() + ": " + reason
		old.Deadline, old.DeadlineNote, old.Modified = ratsinfo.Deadline{Day: until, Nominal: until}, reason, fromMicros(us)
		out = old
		return addInquiryEvent(ctx, t, us, actor, id, eventExtendDeadline, old.State, old.State, note)
	})
	return out, err
}
