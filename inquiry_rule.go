package ratsinfo

import (
	"context"
	"strings"
	"time"
)

// The paper types of inquiries a council office registers. Geschäftsordnungen
// give each its own period: a Große Anfrage often one month or "in the next
// meeting", an Einwohnerfrage an answer in the Einwohnerfragestunde.
const (
	PaperTypeMajorInquiry    = "Große Anfrage"
	PaperTypeMinorInquiry    = "Kleine Anfrage"
	PaperTypeResidentInquiry = "Einwohnerfrage"
)

// InquiryPaperTypes lists the paper types an inquiry may have, the plain
// Anfrage first (the default).
func InquiryPaperTypes() []string {
	return []string{PaperTypeInquiry, PaperTypeMajorInquiry, PaperTypeMinorInquiry, PaperTypeResidentInquiry}
}

// IsInquiryPaperType reports whether t is one of InquiryPaperTypes: a paper of
// that type is answered by a "Beantwortung einer Anfrage".
func IsInquiryPaperType(t string) bool {
	for _, x := range InquiryPaperTypes() {
		if x == t {
			return true
		}
	}
	return false
}

// inquiryPaperType defaults an empty type to Anfrage and says in German which
// types exist when t is none of them.
func (v *validator) inquiryPaperType(field string, t *string) {
	*t = strings.TrimSpace(*t)
	if *t == "" {
		*t = PaperTypeInquiry
	}
	if !IsInquiryPaperType(*t) {
		v.addf(field, "„%s“ ist keine Art von Anfrage, die Ratsinfo kennt. Erlaubt sind: %s.", *t, strings.Join(InquiryPaperTypes(), ", "))
	}
}

// DeadlineBasis says from what a deadline rule counts: the receipt of the
// inquiry, or the meeting in which it is to be answered. The values are the API's.
type DeadlineBasis string

// The bases of a deadline rule.
const (
	AfterReceipt  DeadlineBasis = "after_receipt"  // a period after the inquiry arrived (P2W, P1M)
	AfterMeeting  DeadlineBasis = "after_meeting"  // a period after the planned meeting (ten days after)
	BeforeMeeting DeadlineBasis = "before_meeting" // days before the planned meeting, so members can read it
)

// DeadlineBases lists the bases in the order a form offers them.
func DeadlineBases() []DeadlineBasis {
	return []DeadlineBasis{AfterReceipt, AfterMeeting, BeforeMeeting}
}

// German names the basis as a form offers it.
func (b DeadlineBasis) German() string {
	switch b {
	case AfterReceipt:
		return "nach Eingang der Anfrage"
	case AfterMeeting:
		return "nach der Sitzung, in der sie behandelt wird"
	case BeforeMeeting:
		return "vor der Sitzung, in der sie behandelt wird"
	}
	return string(b)
}

// InquiryRule is a body's deadline rule for one paper type, as its
// Geschäftsordnung states it: "binnen zwei Wochen nach Eingang", "spätestens
// sieben Tage vor der Sitzung", "zehn Tage nach der Sitzung".
type InquiryRule struct {
	BodyID    int64
	PaperType string
	Basis     DeadlineBasis
	Period    Period // how long; before a meeting only whole days and weeks
	Modified  time.Time
}

// Validate checks r with German messages per field.
func (r *InquiryRule) Validate() error {
	v := newValidator(KindInquiryRule)
	if r.BodyID <= 0 {
		v.add("body", "Die Fristregel braucht eine Körperschaft.")
	}
	v.inquiryPaperType("paperType", &r.PaperType)
	switch r.Basis {
	case AfterReceipt, AfterMeeting:
	case BeforeMeeting:
		if r.Period.Years != 0 || r.Period.Months != 0 {
			v.add("period", "Eine Frist vor der Sitzung wird in Tagen oder Wochen angegeben (z. B. „7 Tage“), nicht in Monaten.")
		}
	default:
		v.addf("basis", "Bitte angeben, wovon die Frist zählt: %s, %s oder %s.", AfterReceipt, AfterMeeting, BeforeMeeting)
	}
	switch {
	case r.Period.IsZero():
		v.add("period", "Bitte die Dauer der Frist angeben, z. B. „2 Wochen“ (P2W) oder „10 Tage“ (P10D).")
	case r.Period.approxDays() > maxPeriodDays:
		v.add("period", "Die Frist ist länger als ein Jahr. Bitte eine kürzere Dauer angeben.")
	}
	return v.err()
}

// KindInquiryRule names deadline rules in validation messages.
const KindInquiryRule Kind = "InquiryRule"

// German says the rule as a page shows it: "2 Wochen nach Eingang der Anfrage".
func (r InquiryRule) German() string { return r.Period.German() + " " + r.Basis.German() }

// NeedsMeeting reports whether the rule counts from the planned meeting.
func (r InquiryRule) NeedsMeeting() bool { return r.Basis == AfterMeeting || r.Basis == BeforeMeeting }

// Deadline computes the deadline of an inquiry received on day received whose
// answer is planned for a meeting on day meeting (zero: none planned), with the
// holidays of state st. A rule that counts from the meeting needs one; a
// deadline before the receipt means the meeting is too early for the rule.
func (r InquiryRule) Deadline(received, meeting Date, st State) (Deadline, error) {
	if r.NeedsMeeting() && meeting.IsZero() {
		return Deadline{}, Errorf(EINVALID, "Die Fristregel für „%s“ lautet „%s“: Bitte die Sitzung angeben, in der die Anfrage behandelt wird, "+
			"oder die Frist abweichend festlegen (Dauer oder Datum mit Begründung).", r.PaperType, r.German())
	}
	var d Deadline
	switch r.Basis {
	case AfterReceipt:
		d = PeriodEnd(received, r.Period, st)
	case AfterMeeting:
		d = PeriodEnd(meeting, r.Period, st)
	case BeforeMeeting:
		d = DaysBefore(meeting, 7*r.Period.Weeks+r.Period.Days, st)
	default:
		return Deadline{}, Errorf(EINVALID, "Unbekannte Grundlage der Fristregel %q.", string(r.Basis))
	}
	if d.Day.Before(received) {
		return Deadline{}, Errorf(EINVALID, "Nach der Fristregel „%s“ wäre die Frist der %s und läge vor dem Eingang (%s). "+
			"Bitte eine spätere Sitzung wählen oder die Frist abweichend festlegen.", r.German(), d.Day.German(), received.German())
	}
	return d, nil
}

// InquiryRuleStore keeps the deadline rules of each body. Everyone with a role
// in a body reads its rules (they come from the public Geschäftsordnung); only
// the council office changes them (CanManageInquiryRules).
type InquiryRuleStore interface {
	// FindInquiryRules returns the rules of body, in the order of InquiryPaperTypes.
	FindInquiryRules(ctx context.Context, body int64) ([]*InquiryRule, error)
	// SetInquiryRule validates r and stores it, replacing the rule of its
	// body and paper type.
	SetInquiryRule(ctx context.Context, r *InquiryRule) error
	// DeleteInquiryRule removes the rule of body for paperType: inquiries of
	// that type then get DefaultInquiryPeriod. ENOTFOUND when there is none.
	DeleteInquiryRule(ctx context.Context, body int64, paperType string) error
}

// CanManageInquiryRules returns nil when the viewer in ctx may change the
// deadline rules of body: the council office (and the program).
func CanManageInquiryRules(ctx context.Context, body int64) error {
	v := ViewerFrom(ctx)
	if isCouncilOffice(v, body) {
		return nil
	}
	if len(v.Grants) == 0 && v.Role != RoleSystem {
		return Errorf(EUNAUTHORIZED, "Bitte melden Sie sich an, um Fristregeln zu bearbeiten.")
	}
	return Errorf(EFORBIDDEN, "Keine Berechtigung: Fristregeln legt das Büro der Stadtvertretung fest.")
}

// CanReadInquiryRules returns nil when the viewer in ctx holds a role in body
// (or is the program).
func CanReadInquiryRules(ctx context.Context, body int64) error {
	v := ViewerFrom(ctx)
	if v.Role == RoleSystem {
		return nil
	}
	for _, g := range v.Grants {
		if g.BodyID == body {
			return nil
		}
	}
	if len(v.Grants) == 0 {
		return Errorf(EUNAUTHORIZED, "Bitte melden Sie sich an, um die Fristregeln zu sehen.")
	}
	return Errorf(EFORBIDDEN, "Keine Berechtigung: Ihr Konto hat keine Rolle in der Körperschaft %d.", body)
}
