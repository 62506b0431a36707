package ratsinfo

import (
	"fmt"
	"strings"
	"time"
)

// KindInquiry names inquiries in validation messages and the audit trail. It is
// no OParl type: the public sees an inquiry as a Paper of type "Anfrage".
const KindInquiry Kind = "Inquiry"

// InquiryState is where an inquiry stands on its path from the inquirer's draft to
// the published answer. The values are the API's.
type InquiryState string

// The states of an inquiry, in the order of its path.
const (
	InquiryDraft         InquiryState = "draft"
	InquirySubmitted     InquiryState = "submitted"
	InquiryRegistered    InquiryState = "registered"
	InquiryAnswerDrafted InquiryState = "answer_drafted"
	InquirySignedOff     InquiryState = "signed_off"
	InquiryPublished     InquiryState = "published"
	InquiryWithdrawn     InquiryState = "withdrawn"
)

// InquiryStates lists the states in the order of the path, for filters.
func InquiryStates() []InquiryState {
	return []InquiryState{InquiryDraft, InquirySubmitted, InquiryRegistered, InquiryAnswerDrafted,
		InquirySignedOff, InquiryPublished, InquiryWithdrawn}
}

var inquiryStateGerman = map[InquiryState]string{
	InquiryDraft:         "Entwurf",
	InquirySubmitted:     "eingereicht",
	InquiryRegistered:    "in Bearbeitung",
	InquiryAnswerDrafted: "Antwort zur Freigabe",
	InquirySignedOff:     "Antwort freigegeben",
	InquiryPublished:     "beantwortet",
	InquiryWithdrawn:     "zurückgezogen",
}

// German returns the state as the pages name it.
func (s InquiryState) German() string {
	if g, ok := inquiryStateGerman[s]; ok {
		return g
	}
	return string(s)
}

// ParseInquiryState reads a state as the API writes it.
func ParseInquiryState(s string) (InquiryState, error) {
	for _, st := range InquiryStates() {
		if string(st) == s {
			return st, nil
		}
	}
	names := make([]string, 0, len(inquiryStateGerman))
	for _, st := range InquiryStates() {
		names = append(names, string(st))
	}
	return "", Errorf(EINVALID, "%q ist kein Bearbeitungsstand einer Anfrage. Erlaubt sind: %s.", s, strings.Join(names, ", "))
}

// InquiryAction is one step on the path. Who may take it is decided in
// permission.go; whether the inquiry's state allows it, here.
type InquiryAction string

// The steps of the path.
const (
	ActionSubmit       InquiryAction = "submit"        // inquirer hands in the draft
	ActionRegister     InquiryAction = "register"      // council office: reference, unit, deadline
	ActionSubmitAnswer InquiryAction = "submit_answer" // unit hands the answers to sign-off
	ActionApprove      InquiryAction = "approve"       // sign-off approves
	ActionSendBack     InquiryAction = "send_back"     // sign-off returns the answer with a comment
	ActionPublish      InquiryAction = "publish"       // council office publishes the answer paper
	ActionWithdraw     InquiryAction = "withdraw"      // inquirer withdraws before an answer exists
)

// inquiryActionGerman names each step as an infinitive ("einreichen") and as
// the participle its refusal needs ("kann nicht eingereicht werden").
var inquiryActionGerman = map[InquiryAction]struct{ infinitive, participle string }{
	ActionSubmit:       {"einreichen", "eingereicht"},
	ActionRegister:     {"registrieren", "registriert"},
	ActionSubmitAnswer: {"zur Freigabe geben", "zur Freigabe gegeben"},
	ActionApprove:      {"freigeben", "freigegeben"},
	ActionSendBack:     {"zur Überarbeitung zurückgeben", "zur Überarbeitung zurückgegeben"},
	ActionPublish:      {"veröffentlichen", "veröffentlicht"},
	ActionWithdraw:     {"zurückziehen", "zurückgezogen"},
}

// inquiryPath is the state machine: for each state the steps it allows and
// where they lead. Anything not listed is refused.
var inquiryPath = map[InquiryState]map[InquiryAction]InquiryState{
	InquiryDraft:         {ActionSubmit: InquirySubmitted, ActionWithdraw: InquiryWithdrawn},
	InquirySubmitted:     {ActionRegister: InquiryRegistered, ActionWithdraw: InquiryWithdrawn},
	InquiryRegistered:    {ActionSubmitAnswer: InquiryAnswerDrafted, ActionWithdraw: InquiryWithdrawn},
	InquiryAnswerDrafted: {ActionApprove: InquirySignedOff, ActionSendBack: InquiryRegistered},
	InquirySignedOff:     {ActionPublish: InquiryPublished, ActionSendBack: InquiryRegistered},
	InquiryPublished:     {},
	InquiryWithdrawn:     {},
}

// Next returns the state that action a leads to from s, or an ECONFLICT error
// that says in German why the step is not possible now.
func (s InquiryState) Next(a InquiryAction) (InquiryState, error) {
	steps, ok := inquiryPath[s]
	if !ok {
		return "", Errorf(EINVALID, "Unbekannter Bearbeitungsstand %q.", string(s))
	}
	if next, ok := steps[a]; ok {
		return next, nil
	}
	names, ok := inquiryActionGerman[a]
	if !ok {
		return "", Errorf(EINVALID, "Unbekannter Bearbeitungsschritt %q.", string(a))
	}
	return "", Errorf(ECONFLICT, "Die Anfrage kann im Stand „%s“ nicht %s werden. Bitte laden Sie die Seite neu: "+
		"vermutlich hat jemand anderes sie inzwischen weiterbearbeitet.", s.German(), names.participle)
}

// Limits of an inquiry. Geschäftsordnungen cap inquiries at a handful of
// questions; the limits only keep a typo or a script from filling the store.
const (
	MaxQuestions      = 100
	MaxQuestionPoints = 26 // a) to z)
	MaxQuestionText   = 10_000
	MaxAnswerText     = 200_000
)

// Question is one numbered question of an inquiry with its sub-points (a), b), …)
// and the answer the unit writes to it.
type Question struct {
	Number int // 1, 2, …: the position; renumbered by Validate
	Text   string
	Points []string // sub-points a), b), … in order
	Answer string   // plain text with paragraphs, lists, links (internal/richtext renders it)
	// AnswerBy is the account that last saved the answer: it may not sign the
	// answer off itself (four-eyes principle).
	AnswerBy int64
	// AnswerModified is when Answer was last saved: the precondition of the next
	// save, so two editors of one answer never overwrite each other silently.
	AnswerModified time.Time
}

// PointLabel returns the label of sub-point i (0-based): "a)", "b)", ….
func PointLabel(i int) string { return string(rune('a'+i)) + ")" }

// Inquiry is an Anfrage as the back office keeps it: who asks, the numbered
// questions, and its way through the administration. The public sees it as a
// Paper of type "Anfrage" once submitted, and the answer as a second Paper.
type Inquiry struct {
	ID     int64
	BodyID int64
	// PaperType is the kind of inquiry (InquiryPaperTypes): it picks the
	// body's deadline rule and is the type of the public Paper.
	PaperType string
	Title     string
	// Preamble is the text before the questions (Vorbemerkung).
	Preamble string
	// InquirerPersonIDs are the council members who ask; FactionID the faction
	// that asks (an organization), if any.
	InquirerPersonIDs []int64
	FactionID         int64
	// ExternalInquirer names an inquirer from outside the council (a member of
	// the state parliament, a resident in the Einwohnerfragestunde), entered by
	// the office. A resident's name is published only with recorded consent.
	ExternalInquirer        string
	ExternalInquirerConsent bool
	Questions               []Question
	PreferredCommitteeID    int64
	State                   InquiryState
	Confidential            bool // the office marked it: nothing of it is public

	// Set by registration.
	Reference    string
	ReceivedOn   Date
	UnitID       int64 // the answering organization
	Period       Period
	Deadline     Deadline
	DeadlineNote string // the office's reason for overriding the rule

	// The consultation plan, set by registration: the committee that hears
	// the answer, in which meeting and in which role (Anhörung, …). When the
	// answer is published it becomes an agenda item of that meeting.
	PlannedCommitteeID int64
	PlannedMeetingID   int64
	PlannedRole        string

	PaperID       int64 // the inquiry as a public Paper
	AnswerPaperID int64 // the published answer Paper
	CreatedBy     int64 // the account that created it (a draft is private to it and the inquirers)
	Created       time.Time
	Modified      time.Time
}

// Validate trims and checks q as the inquirer or the office enters it, with a
// German message per field, and numbers the questions 1, 2, … in their order.
func (q *Inquiry) Validate() error {
	v := newValidator(KindInquiry)
	if q.BodyID <= 0 {
		v.add("body", "Die Anfrage braucht eine Körperschaft.")
	}
	v.inquiryPaperType("paperType", &q.PaperType)
	v.required("title", &q.Title)
	v.text("plannedRole", &q.PlannedRole)
	v.textMax("preamble", &q.Preamble, MaxQuestionText)
	v.text("externalInquirer", &q.ExternalInquirer)
	v.ids("inquirers", q.InquirerPersonIDs)
	if len(q.InquirerPersonIDs) == 0 && q.FactionID == 0 && q.ExternalInquirer == "" {
		v.add("inquirers", "Bitte angeben, wer fragt: mindestens eine Person, eine Fraktion oder eine Fragestellerin bzw. einen Fragesteller von außerhalb.")
	}
	v.text("reference", &q.Reference)
	v.text("deadlineNote", &q.DeadlineNote)
	if !q.ReceivedOn.IsZero() && !q.Deadline.Day.IsZero() && q.Deadline.Day.Before(q.ReceivedOn) {
		v.addf("deadline", "Die Frist (%s) liegt vor dem Eingang (%s). Bitte das Fristdatum prüfen.",
			q.Deadline.Day.German(), q.ReceivedOn.German())
	}
	v.questions(q.Questions)
	for i := range q.Questions {
		q.Questions[i].Number = i + 1
	}
	return v.err()
}

// questions checks the list of questions and their sub-points.
func (v *validator) questions(qs []Question) {
	switch {
	case len(qs) == 0:
		v.add("questions", "Die Anfrage braucht mindestens eine Frage.")
		return
	case len(qs) > MaxQuestions:
		v.addf("questions", "Die Anfrage hat %d Fragen; höchstens %d sind möglich. Bitte fassen Sie Fragen zusammen oder stellen Sie mehrere Anfragen.", len(qs), MaxQuestions)
		return
	}
	for i := range qs {
		field := fmt.Sprintf("questions[%d]", i+1)
		v.textMax(field, &qs[i].Text, MaxQuestionText)
		if qs[i].Text == "" {
			v.addf(field, "Frage %d ist leer. Bitte Text eingeben oder die Frage entfernen.", i+1)
		}
		if len(qs[i].Points) > MaxQuestionPoints {
			v.addf(field, "Frage %d hat %d Unterpunkte; höchstens %d (a bis z) sind möglich.", i+1, len(qs[i].Points), MaxQuestionPoints)
		}
		for j := range qs[i].Points {
			v.textMax(field, &qs[i].Points[j], MaxQuestionText)
		}
		qs[i].Points = dropEmpty(qs[i].Points)
		v.textMax(field+".answer", &qs[i].Answer, MaxAnswerText)
	}
}

func dropEmpty(list []string) []string {
	out := list[:0]
	for _, s := range list {
		if s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Overdue reports whether the deadline of q has passed on day today without a
// published answer.
func (q *Inquiry) Overdue(today Date) bool {
	if q.Deadline.Day.IsZero() || q.State == InquiryPublished || q.State == InquiryWithdrawn {
		return false
	}
	return q.Deadline.Day.Before(today)
}
