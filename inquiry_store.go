package ratsinfo

import (
	"context"
	"sort"
	"time"
)

// DefaultInquiryPeriod is the time to answer when neither the body's rule nor
// the office names one: one month is the most common period in the
// Geschäftsordnungen of Schleswig-Holstein's towns.
var DefaultInquiryPeriod = Period{Months: 1}

// Registration is what the council office adds when it registers an inquiry.
type Registration struct {
	ReceivedOn Date   // the day the inquiry arrived (by post, perhaps days before)
	UnitID     int64  // the answering organization
	Reference  string // empty: the next number of the body's scheme, "A 23/0012"
	Period     Period // set: overrides the body's rule; needs Note when a rule exists
	Deadline   Date   // set: overrides the rule and the period; needs Note
	Note       string // why the period or deadline differs from the rule
	State      State  // whose holidays count; empty: DefaultState

	// The consultation plan: the committee that hears the answer (zero: the
	// inquirer's preferred committee, or the meeting's lead committee), the
	// meeting (zero: not yet known) and the role (empty: Anhörung).
	CommitteeID int64
	MeetingID   int64
	Role        string

	// Filled by the store before ComputeDeadline: the body's rule for the
	// inquiry's paper type (nil: none) and the day of the planned meeting.
	Rule       *InquiryRule
	MeetingDay Date
}

// ComputeDeadline returns the period and deadline r gives, or an EINVALID
// error that says what to correct. The order: a deadline the office sets, a
// period it sets, the body's rule for the paper type, DefaultInquiryPeriod.
// The period is zero when a rule counting from a meeting gave the deadline.
func (r Registration) ComputeDeadline() (Period, Deadline, error) {
	if r.ReceivedOn.IsZero() {
		return Period{}, Deadline{}, Errorf(EINVALID, "Bitte das Eingangsdatum der Anfrage angeben.")
	}
	st := r.State
	if st == "" {
		st = DefaultState
	}
	p := r.Period
	if p.IsZero() {
		p = DefaultInquiryPeriod
		if r.Rule != nil && r.Rule.Basis == AfterReceipt {
			p = r.Rule.Period
		}
	}
	if !r.Deadline.IsZero() {
		if r.Deadline.Before(r.ReceivedOn) {
			return Period{}, Deadline{}, Errorf(EINVALID, "Die Frist (%s) liegt vor dem Eingang (%s). Bitte das Fristdatum prüfen.",
				r.Deadline.German(), r.ReceivedOn.German())
		}
		return r.Period, Deadline{Day: r.Deadline, Nominal: r.Deadline}, nil
	}
	if r.Period.IsZero() && r.Rule != nil && r.Rule.NeedsMeeting() {
		d, err := r.Rule.Deadline(r.ReceivedOn, r.MeetingDay, st)
		return Period{}, d, err
	}
	return p, PeriodEnd(r.ReceivedOn, p, st), nil
}

// Overrides reports whether r sets the deadline against the rule the store
// found: a fixed date, or a period other than the rule's. Such a registration
// needs a reason (Note).
func (r Registration) Overrides() bool {
	if !r.Deadline.IsZero() {
		return true
	}
	if r.Period.IsZero() || r.Rule == nil {
		return false
	}
	return r.Rule.Basis != AfterReceipt || r.Rule.Period != r.Period
}

// InquiryEvent is one entry of an inquiry's audit trail: every change of state,
// registration, answer and deadline, with who and when. Entries are only ever
// added.
type InquiryEvent struct {
	ID        int64
	InquiryID int64
	At        time.Time
	ActorID   int64  // the account; 0 for the program itself
	Action    string // an InquiryAction, or "create", "edit", "answer"
	From, To  InquiryState
	Note      string
}

// InquiryFilter selects inquiries for the back office's lists.
type InquiryFilter struct {
	BodyID    int64
	State     InquiryState
	UnitID    int64
	FactionID int64
	// Overdue keeps inquiries whose deadline passed before Today without a
	// published answer.
	Overdue bool
	Today   Date
	Limit   int
	Offset  int
	// Brief leaves out the questions and answers: lists show titles only.
	Brief bool
}

// InquiryCounts are the figures a list of inquiries leads with.
type InquiryCounts struct {
	Total, Open, Overdue int
}

// InquiryStore keeps inquiries on their path. Every method asks the rules of
// inquiry_permission.go with the viewer in ctx; what a viewer may not read
// reads as not found, and the public reads the public form only.
type InquiryStore interface {
	// CreateInquiry validates q and stores it as a draft.
	CreateInquiry(ctx context.Context, q *Inquiry) error
	// UpdateInquiry replaces the text of a draft or submitted inquiry: title,
	// preamble, inquirers, questions. q.Modified must be the Modified the editor
	// loaded; a stale one gives ECONFLICT.
	UpdateInquiry(ctx context.Context, q *Inquiry) error
	// StepInquiry takes step a (submit, submit_answer, approve, send_back,
	// withdraw) with an optional note (the comment of a send-back).
	StepInquiry(ctx context.Context, id int64, a InquiryAction, note string) (*Inquiry, error)
	// RegisterInquiry registers a submitted inquiry: reference, receipt, unit, deadline.
	RegisterInquiry(ctx context.Context, id int64, r Registration) (*Inquiry, error)
	// AnswerQuestion saves the answer to question number; loaded is the
	// AnswerModified the editor loaded (zero for a first answer), so the second
	// of two editors gets ECONFLICT instead of overwriting the first.
	AnswerQuestion(ctx context.Context, id int64, number int, text string, loaded time.Time) (*Inquiry, error)
	// GiveInterimAnswer records an interim answer (Zwischennachricht) of the
	// answering unit: why the answer takes longer. It is part of the public
	// timeline.
	GiveInterimAnswer(ctx context.Context, id int64, text string) (*Inquiry, error)
	// ExtendDeadline moves the deadline of a registered inquiry to until, with a
	// reason that the public timeline shows (the unit or the office).
	ExtendDeadline(ctx context.Context, id int64, until Date, reason string) (*Inquiry, error)
	// FindInquiry returns one inquiry: all of it to those who may read it
	// (MayReadInquiry), the public form to everyone else.
	FindInquiry(ctx context.Context, id int64) (*Inquiry, error)
	// FindInquiries returns the inquiries the viewer may read, newest first.
	FindInquiries(ctx context.Context, f InquiryFilter) ([]*Inquiry, error)
	// CountInquiries counts what FindInquiries would list without limit and
	// offset, and of those the open and the overdue ones.
	CountInquiries(ctx context.Context, f InquiryFilter) (InquiryCounts, error)
	// InquiryEvents returns the audit trail of an inquiry, oldest first: all of
	// it to those who may read the whole inquiry, the public timeline
	// (submitted, registered, interim answer, extension, published, withdrawn;
	// without actors) to everyone else.
	InquiryEvents(ctx context.Context, id int64) ([]*InquiryEvent, error)
}

// inquiryEventNames names each action of the audit trail in German and says
// whether the public timeline shows it: the milestones, not the work in
// between (answers in progress, send-backs).
var inquiryEventNames = map[string]struct {
	german string
	public bool
}{
	"create": {"angelegt", false}, "edit": {"bearbeitet", false}, "answer": {"Antwort gespeichert", false},
	"submit_answer": {"zur Freigabe gegeben", false}, "approve": {"freigegeben", false},
	"send_back": {"zur Überarbeitung zurückgegeben", false},
	"submit":    {"eingereicht", true}, "register": {"registriert, Frist gesetzt", true},
	"interim_answer": {"Zwischennachricht", true}, "extend_deadline": {"Frist verlängert", true},
	"publish": {"beantwortet", true}, "withdraw": {"zurückgezogen", true},
	EventAgenda: {"auf die Tagesordnung gesetzt", true},
	"import":    {"aus einem Altdokument übernommen", true},
}

// EventAgenda is the audit action of publishing that puts the answer on the
// agenda of the planned meeting; its note names meeting, item and role.
const EventAgenda = "agenda"

// InquiryEventLabel names an action of the audit trail in German.
func InquiryEventLabel(action string) string {
	if n, ok := inquiryEventNames[action]; ok {
		return n.german
	}
	return action
}

// PublicInquiryEvents lists the actions of the public timeline, sorted.
func PublicInquiryEvents() []string {
	var out []string
	for action, n := range inquiryEventNames {
		if n.public {
			out = append(out, action)
		}
	}
	sort.Strings(out)
	return out
}
