package ratsinfo

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// KindFeedback names feedback in validation messages ("Die Rückmeldung enthält
// …"). It is no OParl type: feedback never enters the record or the change feed.
const KindFeedback Kind = "Feedback"

// Kinds of feedback a citizen can send from the website.
const (
	// FeedbackAccessibility is feedback on barriers, from the accessibility
	// statement (BITV 2.0 requires the feedback path).
	FeedbackAccessibility = "barrierefreiheit"
	// FeedbackFileReport reports a file for personal data or wrong content.
	FeedbackFileReport = "datei"
)

// Reasons of a file report.
const (
	ReasonPersonalData = "personenbezogen"
	ReasonWrongContent = "fehler"
	ReasonOther        = "sonstiges"
)

// Size limits of a feedback message: long enough for a careful description, short
// enough that the form cannot be used to park documents on the server.
const (
	MaxFeedbackText  = 5000
	MaxFeedbackName  = 200
	MaxFeedbackEmail = maxEmail
)

// Feedback is one message a citizen sent through a form on the website. It goes to
// the council office and is never shown on the website: it may carry the sender's
// name and address, and a report about personal data must not publish them again.
type Feedback struct {
	ID      int64
	Created time.Time
	Kind    string // FeedbackAccessibility or FeedbackFileReport
	Reason  string // file reports: ReasonPersonalData, ReasonWrongContent or ReasonOther
	FileID  int64  // file reports: the reported file
	Page    string // the path of the page the form was sent from
	Lang    string // the language the citizen used, so the answer can use it too
	Name    string // optional
	Email   string // optional; without it no answer is possible
	Text    string
}

// Validate trims the fields and checks them. Field names are the form's names
// ("text", "name", "email"), so the website can mark the field to fix.
func (f *Feedback) Validate() error {
	v := newValidator(KindFeedback)
	v.required("text", &f.Text)
	if utf8.RuneCountInString(f.Text) > MaxFeedbackText {
		v.add("text", "ist zu lang. Bitte kürzen Sie die Nachricht auf höchstens 5000 Zeichen.")
	}
	v.text("name", &f.Name)
	if strings.ContainsAny(f.Name, "\r\n") || utf8.RuneCountInString(f.Name) > MaxFeedbackName {
		v.add("name", "ist zu lang oder enthält Zeilenumbrüche. Bitte nur den Namen in einer Zeile angeben.")
	}
	v.text("email", &f.Email)
	if f.Email != "" && !ValidEmail(f.Email) {
		v.add("email", "ist ungültig. Bitte prüfen Sie sie oder lassen Sie das Feld leer.")
	}
	switch f.Kind {
	case FeedbackAccessibility:
		f.Reason, f.FileID = "", 0
	case FeedbackFileReport:
		if f.FileID <= 0 {
			v.add("file", "fehlt: Eine Meldung bezieht sich immer auf eine Datei.")
		}
		if f.Reason != ReasonPersonalData && f.Reason != ReasonWrongContent {
			f.Reason = ReasonOther
		}
	default:
		v.add("kind", "ist unbekannt; erlaubt sind „barrierefreiheit“ und „datei“.")
	}
	if f.Lang != "en" {
		f.Lang = "de"
	}
	if len(f.Page) > 500 {
		f.Page = f.Page[:500]
	}
	return v.err()
}

// FeedbackFilter selects feedback, newest first.
type FeedbackFilter struct {
	Kind  string    // "" = every kind
	Since time.Time // created at or after; zero = no bound
	Limit int       // 0 = no limit
}

// FeedbackStore keeps what citizens send through the website's forms. Anyone may
// create feedback; only staff may read it (anonymous viewers get EFORBIDDEN), so
// the website, which reads as the public, cannot show it by mistake.
type FeedbackStore interface {
	// CreateFeedback validates f and stores it durably; it sets ID and Created.
	CreateFeedback(ctx context.Context, f *Feedback) error
	// FindFeedback returns feedback newest first.
	FindFeedback(ctx context.Context, f FeedbackFilter) ([]*Feedback, error)
}
