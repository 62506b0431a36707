package ratsinfo

import (
	"context"
	"time"
)

// Who may take which step on an inquiry's path. The store asks these functions
// with the viewer in ctx before every write and read of the back office; a
// handler that forgets a check cannot get past them.
//
//   - the inquirers (a council member for an inquiry naming their person, the
//     faction office for its faction's) and the council office create, edit,
//     submit and withdraw it; the office also enters inquiries from outside;
//   - the council office registers it and publishes the answer;
//   - the answering unit (staff of the organization registered as unit) writes
//     the answers and hands them to sign-off;
//   - sign-off approves or sends back, never an answer it wrote itself.

// grantIn reports whether v holds role r in body, for which match says yes.
func (v Viewer) grantIn(r GrantRole, body int64, match func(Grant) bool) bool {
	for _, g := range v.Grants {
		if g.Role == r && g.BodyID == body && (match == nil || match(g)) {
			return true
		}
	}
	return false
}

func isCouncilOffice(v Viewer, body int64) bool {
	return v.Role == RoleSystem || v.grantIn(GrantCouncilOffice, body, nil)
}

// isInquirer reports whether v asks q: as one of its members or as the office of
// its faction.
func isInquirer(v Viewer, q *Inquiry) bool {
	member := v.grantIn(GrantCouncilMember, q.BodyID, func(g Grant) bool {
		for _, p := range q.InquirerPersonIDs {
			if p == g.PersonID {
				return true
			}
		}
		return false
	})
	faction := q.FactionID != 0 && v.grantIn(GrantFactionOffice, q.BodyID, func(g Grant) bool { return g.OrganizationID == q.FactionID })
	return member || faction
}

func isAnsweringUnit(v Viewer, q *Inquiry) bool {
	return q.UnitID != 0 && v.grantIn(GrantUnit, q.BodyID, func(g Grant) bool { return g.OrganizationID == q.UnitID })
}

// draftedAnswer reports whether v saved one of q's answers.
func draftedAnswer(v Viewer, q *Inquiry) bool {
	for _, qu := range q.Questions {
		if v.UserID != 0 && qu.AnswerBy == v.UserID {
			return true
		}
	}
	return false
}

// CanEditInquiry returns nil when the viewer in ctx may create q or change its
// text (while it is a draft): its inquirers and the council office.
func CanEditInquiry(ctx context.Context, q *Inquiry) error {
	v := ViewerFrom(ctx)
	if isInquirer(v, q) || isCouncilOffice(v, q.BodyID) {
		return nil
	}
	if len(v.Grants) == 0 && v.Role != RoleSystem {
		return Errorf(EUNAUTHORIZED, "Bitte melden Sie sich an, um Anfragen zu stellen.")
	}
	return Errorf(EFORBIDDEN, "Keine Berechtigung: Eine Anfrage stellen und ändern nur die Fragenden selbst "+
		"(als Ratsmitglied für sich, als Fraktionsgeschäftsstelle für die eigene Fraktion) und das Büro der Stadtvertretung.")
}

// CanStepInquiry returns nil when the viewer in ctx may take step a on q.
func CanStepInquiry(ctx context.Context, q *Inquiry, a InquiryAction) error {
	v := ViewerFrom(ctx)
	var ok bool
	var who string
	switch a {
	case ActionSubmit, ActionWithdraw:
		ok, who = isInquirer(v, q) || isCouncilOffice(v, q.BodyID), "den Fragenden und dem Büro der Stadtvertretung"
	case ActionRegister, ActionPublish:
		ok, who = isCouncilOffice(v, q.BodyID), "dem Büro der Stadtvertretung"
	case ActionSubmitAnswer:
		ok, who = isAnsweringUnit(v, q) || v.Role == RoleSystem, "der beantwortenden Stelle"
	case ActionApprove, ActionSendBack:
		if v.Role != RoleSystem && draftedAnswer(v, q) {
			return Errorf(EFORBIDDEN, "Keine Berechtigung: Eine Antwort, an der Sie selbst geschrieben haben, "+
				"muss jemand anderes zeichnen (Vier-Augen-Prinzip).")
		}
		ok, who = v.grantIn(GrantSignOff, q.BodyID, nil) || v.Role == RoleSystem, "der zeichnungsberechtigten Stelle (Oberbürgermeister*in oder Vertretung)"
	default:
		return Errorf(EINVALID, "Unbekannter Bearbeitungsschritt %q.", string(a))
	}
	if ok {
		return nil
	}
	return Errorf(EFORBIDDEN, "Keine Berechtigung: „Anfrage %s“ ist %s vorbehalten.", inquiryActionGerman[a].infinitive, who)
}

// CanAnswerInquiry returns nil when the viewer in ctx may write q's answers, an
// interim answer or a request for a longer deadline: the answering unit.
func CanAnswerInquiry(ctx context.Context, q *Inquiry) error {
	v := ViewerFrom(ctx)
	if isAnsweringUnit(v, q) || v.Role == RoleSystem {
		return nil
	}
	return Errorf(EFORBIDDEN, "Keine Berechtigung: Antworten schreibt die beantwortende Stelle, der die Anfrage zugewiesen ist.")
}

// MayReadInquiry reports whether the viewer in ctx may read all of q in the back
// office, unpublished answers included: its inquirers, the council office, the
// answering unit and sign-off of its body. A draft is the inquirers' own until
// it is submitted: besides them only the account that wrote it reads it.
// Everyone else sees the public form (PublicForm) or nothing.
func MayReadInquiry(ctx context.Context, q *Inquiry) bool {
	v := ViewerFrom(ctx)
	if v.Role == RoleSystem || isInquirer(v, q) || (v.UserID != 0 && v.UserID == q.CreatedBy) {
		return true
	}
	if q.State == InquiryDraft {
		return false
	}
	return isCouncilOffice(v, q.BodyID) || isAnsweringUnit(v, q) || v.grantIn(GrantSignOff, q.BodyID, nil)
}

// PublicForm returns what everyone may see of q, and false when that is
// nothing: drafts and inquiries the office marked confidential stay hidden; the
// questions, state and deadline of the others are public; answers only once
// published; an inquirer from outside the council is named only with consent.
func (q *Inquiry) PublicForm() (*Inquiry, bool) {
	if q.State == InquiryDraft || q.Confidential {
		return nil, false
	}
	p := *q
	p.CreatedBy = 0
	if !q.ExternalInquirerConsent {
		p.ExternalInquirer = ""
	}
	p.Questions = make([]Question, len(q.Questions))
	for i, qu := range q.Questions {
		qu.AnswerBy = 0
		if q.State != InquiryPublished {
			qu.Answer, qu.AnswerModified = "", time.Time{}
		}
		p.Questions[i] = qu
	}
	return &p, true
}
