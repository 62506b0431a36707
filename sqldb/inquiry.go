package sqldb

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Inquiries live in their own tables beside the council record: the back
// office's working state (drafts, answers before sign-off) must never reach
// OParl, feeds or search, which all read the record. Every write adds a row to
// the inquiry's audit trail in the same transaction.
var _ ratsinfo.InquiryStore = (*DB)(nil)

const inquiryColumns = `id, body_id, title, preamble, faction_id, external_inquirer, external_consent,
preferred_committee_id, state, confidential, reference, received_on, unit_id, period, deadline,
deadline_nominal, deadline_moved, deadline_note, paper_id, answer_paper_id, created_by, created, modified,
paper_type, planned_committee_id, planned_meeting_id, planned_role`

// CreateInquiry validates q and stores it as a draft.
func (db *DB) CreateInquiry(ctx context.Context, q *ratsinfo.Inquiry) error {
	if err := ratsinfo.CanEditInquiry(ctx, q); err != nil {
		return err
	}
	q.State = ratsinfo.InquiryDraft
	if err := q.Validate(); err != nil {
		return err
	}
	actor := ratsinfo.ViewerFrom(ctx).UserID
	return db.write(ctx, "create inquiry", func(t *txState, now time.Time) error {
		if err := checkInquiryRefs(ctx, t, q); err != nil {
			return err
		}
		us := now.UnixMicro()
		id, err := t.insert(ctx, `INSERT INTO inquiry (body_id, title, preamble, faction_id, external_inquirer, external_consent,
preferred_committee_id, state, confidential, created_by, created, modified, paper_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			[]any{q.BodyID, q.Title, q.Preamble, ref(q.FactionID), q.ExternalInquirer, q.ExternalInquirerConsent,
				ref(q.PreferredCommitteeID), string(q.State), q.Confidential, ref(actor), us, us, q.PaperType})
		if err != nil {
			return err
		}
		q.ID, q.CreatedBy, q.Created, q.Modified = id, actor, fromMicros(us), fromMicros(us)
		if err := writeInquiryText(ctx, t, q); err != nil {
			return err
		}
		return addInquiryEvent(ctx, t, us, actor, q.ID, "create", "", q.State, "")
	})
}

// checkInquiryRefs refuses ids of persons and organizations that do not exist
// in the inquiry's body, with a German message instead of a foreign-key error.
func checkInquiryRefs(ctx context.Context, t *txState, q *ratsinfo.Inquiry) error {
	check := func(table string, id int64, msg string) error {
		if id == 0 {
			return nil
		}
		var n int
		if err := t.queryRow(ctx, `SELECT COUNT(*) FROM `+table+` WHERE id = ? AND body_id = ? AND deleted = FALSE`, id, q.BodyID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ratsinfo.Errorf(ratsinfo.EINVALID, msg, id)
		}
		return nil
	}
	for _, p := range q.InquirerPersonIDs {
		if err := check("person", p, "Die Person %d gibt es in dieser Körperschaft nicht. Bitte die Fragenden aus der Liste wählen."); err != nil {
			return err
		}
	}
	if err := check("organization", q.FactionID, "Die Fraktion %d gibt es in dieser Körperschaft nicht."); err != nil {
		return err
	}
	if err := check("organization", q.PreferredCommitteeID, "Das Gremium %d gibt es in dieser Körperschaft nicht."); err != nil {
		return err
	}
	return check("organization", q.UnitID, "Die beantwortende Stelle %d gibt es in dieser Körperschaft nicht.")
}

// writeInquiryText replaces the inquirers and questions of q. Answers already
// written stay with their question number.
func writeInquiryText(ctx context.Context, t *txState, q *ratsinfo.Inquiry) error {
	if _, err := t.exec(ctx, `DELETE FROM inquiry_inquirer WHERE inquiry_id = ?`, q.ID); err != nil {
		return err
	}
	for i, p := range q.InquirerPersonIDs {
		if _, err := t.exec(ctx, `INSERT INTO inquiry_inquirer (inquiry_id, pos, person_id) VALUES (?, ?, ?)`, q.ID, i, p); err != nil {
			return err
		}
	}
	if _, err := t.exec(ctx, `DELETE FROM inquiry_question WHERE inquiry_id = ?`, q.ID); err != nil {
		return err
	}
	for _, qu := range q.Questions {
		points, _ := json.Marshal(qu.Points)
		if qu.Points == nil {
			points = []byte("[]")
		}
		var answered any
		if !qu.AnswerModified.IsZero() {
			answered = qu.AnswerModified.UnixMicro()
		}
		if _, err := t.exec(ctx, `INSERT INTO inquiry_question (inquiry_id, number, text, points, answer, answer_by, answer_modified)
VALUES (?, ?, ?, ?, ?, ?, ?)`, q.ID, qu.Number, qu.Text, string(points), qu.Answer, ref(qu.AnswerBy), answered); err != nil {
			return err
		}
	}
	return nil
}

func addInquiryEvent(ctx context.Context, t *txState, at, actor, id int64, action string, from, to ratsinfo.InquiryState, note string) error {
	_, err := t.exec(ctx, `INSERT INTO inquiry_event (inquiry_id, at, actor_id, action, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		id, at, ref(actor), action, string(from), string(to), note)
	return err
}

// UpdateInquiry replaces the text of a draft or a submitted inquiry.
func (db *DB) UpdateInquiry(ctx context.Context, q *ratsinfo.Inquiry) error {
	return db.changeInquiry(ctx, "update inquiry", q.ID, func(t *txState, old *ratsinfo.Inquiry, us, actor int64) error {
		if err := ratsinfo.CanEditInquiry(ctx, old); err != nil {
			return err
		}
		if err := ratsinfo.CanEditInquiry(ctx, q); err != nil {
			return err // a member may not hand their inquiry to somebody else's name
		}
		if !q.Modified.Equal(old.Modified) {
			return staleInquiry(old)
		}
		if old.State != ratsinfo.InquiryDraft && old.State != ratsinfo.InquirySubmitted {
			return ratsinfo.Errorf(ratsinfo.ECONFLICT, "Die Anfrage ist schon registriert (Stand „%s“); ihr Text kann nicht mehr geändert werden. "+
				"Bitte wenden Sie sich an das Büro der Stadtvertretung.", old.State.German())
		}
		q.BodyID, q.State = old.BodyID, old.State
		if err := q.Validate(); err != nil {
			return err
		}
		if err := checkInquiryRefs(ctx, t, q); err != nil {
			return err
		}
		res, err := t.exec(ctx, `UPDATE inquiry SET title = ?, preamble = ?, faction_id = ?, external_inquirer = ?, external_consent = ?,
preferred_committee_id = ?, confidential = ?, paper_type = ?, modified = ? WHERE id = ? AND modified = ?`,
			q.Title, q.Preamble, ref(q.FactionID), q.ExternalInquirer, q.ExternalInquirerConsent, ref(q.PreferredCommitteeID),
			q.Confidential, q.PaperType, us, q.ID, old.Modified.UnixMicro())
		if err := oneRow(res, err, old); err != nil {
			return err
		}
		if err := writeInquiryText(ctx, t, q); err != nil {
			return err
		}
		q.Modified = fromMicros(us)
		return addInquiryEvent(ctx, t, us, actor, q.ID, "edit", old.State, old.State, "")
	})
}

// StepInquiry takes one step of the path that needs nothing but a note.
func (db *DB) StepInquiry(ctx context.Context, id int64, a ratsinfo.InquiryAction, note string) (*ratsinfo.Inquiry, error) {
	switch a {
	case ratsinfo.ActionRegister:
		return nil, ratsinfo.Errorf(ratsinfo.EINVALID, "Zum Registrieren werden Eingang, beantwortende Stelle und Frist gebraucht (RegisterInquiry).")
	case ratsinfo.ActionPublish:
		return nil, ratsinfo.Errorf(ratsinfo.EINVALID, "Das Veröffentlichen einer Antwort legt eine Vorlage an und ist ein eigener Schritt.")
	}
	note = strings.TrimSpace(note)
	if len(note) > ratsinfo.MaxText {
		return nil, ratsinfo.Errorf(ratsinfo.EINVALID, "Der Kommentar ist zu lang; höchstens %d Zeichen sind erlaubt.", ratsinfo.MaxText)
	}
	var out *ratsinfo.Inquiry
	err := db.changeInquiry(ctx, "step inquiry", id, func(t *txState, old *ratsinfo.Inquiry, us, actor int64) error {
		if err := ratsinfo.CanStepInquiry(ctx, old, a); err != nil {
			return err
		}
		next, err := old.State.Next(a)
		if err != nil {
			return err
		}
		if a == ratsinfo.ActionSubmitAnswer {
			for _, qu := range old.Questions {
				if strings.TrimSpace(qu.Answer) == "" {
					return ratsinfo.Errorf(ratsinfo.EINVALID, "Frage %d ist noch nicht beantwortet. Bitte jede Frage beantworten, bevor die Antwort zur Freigabe geht.", qu.Number)
				}
			}
		}
		if a == ratsinfo.ActionSendBack && note == "" {
			return ratsinfo.Errorf(ratsinfo.EINVALID, "Bitte schreiben Sie dazu, was an der Antwort zu ändern ist.")
		}
		res, err := t.exec(ctx, `UPDATE inquiry SET state = ?, modified = ? WHERE id = ? AND modified = ?`, string(next), us, id, old.Modified.UnixMicro())
		if err := oneRow(res, err, old); err != nil {
			return err
		}
		if err := addInquiryEvent(ctx, t, us, actor, id, string(a), old.State, next, note); err != nil {
			return err
		}
		old.State, old.Modified = next, fromMicros(us)
		out = old
		return nil
	})
	return out, err
}

// RegisterInquiry registers a submitted inquiry.
func (db *DB) RegisterInquiry(ctx context.Context, id int64, r ratsinfo.Registration) (*ratsinfo.Inquiry, error) {
	var out *ratsinfo.Inquiry
	err := db.changeInquiry(ctx, "register inquiry", id, func(t *txState, old *ratsinfo.Inquiry, us, actor int64) error {
		if err := ratsinfo.CanStepInquiry(ctx, old, ratsinfo.ActionRegister); err != nil {
			return err
		}
		next, err := old.State.Next(ratsinfo.ActionRegister)
		if err != nil {
			return err
		}
		if r.UnitID <= 0 {
			return ratsinfo.Errorf(ratsinfo.EINVALID, "Bitte die beantwortende Stelle angeben (eine Organisationseinheit der Verwaltung).")
		}
		old.UnitID = r.UnitID
		if err := checkInquiryRefs(ctx, t, old); err != nil {
			return err
		}
		if err := db.planRegistration(ctx, t, actor, old, &r); err != nil {
			return err
		}
		period, deadline, err := r.ComputeDeadline()
		if err != nil {
			return err
		}
		r.Note = strings.TrimSpace(r.Note)
		if r.Overrides() && r.Note == "" {
			what := "Frist von " + r.Period.German()
			if !r.Deadline.IsZero() {
				what = "Frist " + r.Deadline.German()
			}
			return ratsinfo.Errorf(ratsinfo.EINVALID, "Eine abweichende Frist braucht eine Begründung. Bitte geben Sie an, warum die %s gilt.", what)
		}
		if len(r.Note) > ratsinfo.MaxText || strings.IndexFunc(r.Note, ratsinfo.IsControl) >= 0 {
			return ratsinfo.Errorf(ratsinfo.EINVALID, "Die Begründung der Frist ist zu lang oder enthält Steuerzeichen; höchstens %d Zeichen Text sind erlaubt.", ratsinfo.MaxText)
		}
		reference := strings.TrimSpace(r.Reference)
		if reference == "" {
			if reference, err = nextInquiryReference(ctx, t, old.BodyID, r.ReceivedOn.Year); err != nil {
				return err
			}
		}
		res, err := t.exec(ctx, `UPDATE inquiry SET state = ?, reference = ?, received_on = ?, unit_id = ?, period = ?, deadline = ?,
deadline_nominal = ?, deadline_moved = ?, deadline_note = ?, planned_committee_id = ?, planned_meeting_id = ?, planned_role = ?,
modified = ? WHERE id = ? AND modified = ?`,
			string(next), reference, r.ReceivedOn.String(), r.UnitID, period.String(), deadline.Day.String(), deadline.Nominal.String(),
			deadline.MovedBecause, r.Note, ref(r.CommitteeID), ref(r.MeetingID), r.Role, us, id, old.Modified.UnixMicro())
		if err := oneRow(res, err, old); err != nil {
			return err
		}
		note := deadline.Explain()
		if r.Rule != nil && !r.Overrides() {
			note += " nach der Fristregel „" + r.Rule.German() + "“"
		}
		if r.Note != "" {
			note += "; " + r.Note
		}
		if err := addInquiryEvent(ctx, t, us, actor, id, string(ratsinfo.ActionRegister), old.State, next, note); err != nil {
			return err
		}
		old.State, old.Reference, old.ReceivedOn, old.Period, old.Deadline, old.DeadlineNote, old.Modified =
			next, reference, r.ReceivedOn, period, deadline, r.Note, fromMicros(us)
		old.PlannedCommitteeID, old.PlannedMeetingID, old.PlannedRole = r.CommitteeID, r.MeetingID, r.Role
		if err := createInquiryPaper(ctx, t, actor, old); err != nil {
			return err
		}
		out = old
		return nil
	})
	return out, err
}

// nextInquiryReference returns the next reference of the body's scheme for
// inquiries received in year: "A 23/0012".
func nextInquiryReference(ctx context.Context, t *txState, body int64, year int) (string, error) {
	prefix := fmt.Sprintf("A %02d/", year%100)
	var last string
	err := t.queryRow(ctx, `SELECT COALESCE(MAX(reference), '') FROM inquiry WHERE body_id = ? AND reference LIKE ?`, body, prefix+"%").Scan(&last)
	if err != nil {
		return "", err
	}
	n := 0
	if last != "" {
		fmt.Sscanf(strings.TrimPrefix(last, prefix), "%d", &n)
	}
	return fmt.Sprintf("%s%04d", prefix, n+1), nil
}

// AnswerQuestion saves one answer.
func (db *DB) AnswerQuestion(ctx context.Context, id int64, number int, text string, loaded time.Time) (*ratsinfo.Inquiry, error) {
	var out *ratsinfo.Inquiry
	err := db.changeInquiry(ctx, "answer question", id, func(t *txState, old *ratsinfo.Inquiry, us, actor int64) error {
		if err := ratsinfo.CanAnswerInquiry(ctx, old); err != nil {
			return err
		}
		if old.State != ratsinfo.InquiryRegistered {
			return ratsinfo.Errorf(ratsinfo.ECONFLICT, "Im Stand „%s“ können keine Antworten geschrieben werden. "+
				"Antworten entstehen, solange die Anfrage in Bearbeitung ist; eine zurückgegebene Antwort kann wieder bearbeitet werden.", old.State.German())
		}
		if number < 1 || number > len(old.Questions) {
			return ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Die Anfrage hat keine Frage %d; sie hat %d Fragen.", number, len(old.Questions))
		}
		qu := &old.Questions[number-1]
		if !qu.AnswerModified.Equal(loaded) {
			return ratsinfo.Errorf(ratsinfo.ECONFLICT, "Die Antwort auf Frage %d wurde inzwischen von jemand anderem geändert (am %s). "+
				"Ihr Text wurde nicht gespeichert: Bitte kopieren Sie ihn, laden Sie die Seite neu und führen Sie beide Fassungen zusammen.",
				number, qu.AnswerModified.In(ratsinfo.Berlin()).Format("02.01.2006 um 15:04 Uhr"))
		}
		probe := *old
		probe.Questions = append([]ratsinfo.Question(nil), old.Questions...)
		probe.Questions[number-1].Answer = text
		if err := probe.Validate(); err != nil {
			return err
		}
		text = probe.Questions[number-1].Answer
		// The stored time is compared again in the UPDATE: on PostgreSQL two
		// editors can both pass the check above before either commits.
		res, err := t.exec(ctx, `UPDATE inquiry_question SET answer = ?, answer_by = ?, answer_modified = ?
WHERE inquiry_id = ? AND number = ? AND COALESCE(answer_modified, 0) = ?`, text, ref(actor), us, id, number, microsOrZero(loaded))
		if err := oneRow(res, err, old); err != nil {
			return err
		}
		if _, err := t.exec(ctx, `UPDATE inquiry SET modified = ? WHERE id = ?`, us, id); err != nil {
			return err
		}
		qu.Answer, qu.AnswerBy, qu.AnswerModified = text, actor, fromMicros(us)
		old.Modified = fromMicros(us)
		out = old
		return addInquiryEvent(ctx, t, us, actor, id, "answer", old.State, old.State, fmt.Sprintf("Frage %d", number))
	})
	return out, err
}

// microsOrZero is t in microseconds, 0 for a first answer that has no time yet.
func microsOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMicro()
}

// changeInquiry runs fn in a write transaction on the stored inquiry, with a
// modified time that is later than the stored one even when the clock is not.
func (db *DB) changeInquiry(ctx context.Context, op string, id int64, fn func(t *txState, old *ratsinfo.Inquiry, us, actor int64) error) error {
	actor := ratsinfo.ViewerFrom(ctx).UserID
	return db.write(ctx, op, func(t *txState, now time.Time) error {
		old, err := loadInquiry(ctx, t, id)
		if err != nil {
			return err
		}
		if !ratsinfo.MayReadInquiry(ctx, old) {
			if _, public := old.PublicForm(); !public {
				return ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Die Anfrage %d wurde nicht gefunden.", id)
			}
		}
		us := max(now.UnixMicro(), old.Modified.UnixMicro()+1)
		return fn(t, old, us, actor)
	})
}

// oneRow turns an UPDATE that matched no row into the conflict of a stale edit.
func oneRow(res interface{ RowsAffected() (int64, error) }, err error, old *ratsinfo.Inquiry) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n != 1 {
		return staleInquiry(old)
	}
	return nil
}

func staleInquiry(old *ratsinfo.Inquiry) error {
	return ratsinfo.Errorf(ratsinfo.ECONFLICT, "Die Anfrage wurde inzwischen von jemand anderem geändert (am %s). "+
		"Bitte laden Sie die Seite neu; Ihre Eingaben bleiben im Formular, bis Sie es verlassen.",
		old.Modified.In(ratsinfo.Berlin()).Format("02.01.2006 um 15:04 Uhr"))
}
