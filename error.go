package ratsinfo

import (
	"errors"
	"sort"
	"strings"
)

// Error codes. Anything that is not an *Error is internal: logged, never shown.
const (
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	ECONFLICT     = "conflict"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
	EINTERNAL     = "internal"
	// EUNAVAILABLE means a passing state that the user can only wait out: the
	// store cannot take writes (read-only or full disk), the database cannot be
	// reached, or the server is busy. Surfaces answer 503 with Retry-After.
	EUNAVAILABLE = "unavailable"
)

// Error is an error a user may read. Message is German and says what to fix; Fields
// maps a field name to what is wrong with it.
type Error struct {
	Code    string
	Message string
	Fields  map[string]string
	// Msg and FieldMsgs are Message and Fields before formatting, for surfaces
	// that translate: the German format as key, and its arguments. Errorf and the
	// validators set them; where they are missing, the German text is its own key
	// (see Text and FieldText).
	Msg       Msg
	FieldMsgs map[string]Msg
}

// Text returns the message as key and arguments.
func (e *Error) Text() Msg {
	if e.Msg.Key != "" {
		return e.Msg
	}
	return Msg{Key: e.Message}
}

// FieldText returns the message of one field as key and arguments.
func (e *Error) FieldText(field string) Msg {
	if m, ok := e.FieldMsgs[field]; ok {
		return m
	}
	return Msg{Key: e.Fields[field]}
}

func (e *Error) Error() string {
	return e.WithFields(e.Message, func(name string) string { return e.Fields[name] })
}

// WithFields appends to message what is wrong with each field, in the order of
// the field names, as "message (a: …; b: …)"; text gives a field's words, so that a
// surface can put them in its own language.
func (e *Error) WithFields(message string, text func(field string) string) string {
	if len(e.Fields) == 0 {
		return message
	}
	names := make([]string, 0, len(e.Fields))
	for name := range e.Fields {
		names = append(names, name)
	}
	sort.Strings(names)
	parts := make([]string, 0, len(names))
	for _, name := range names {
		parts = append(parts, name+": "+text(name))
	}
	return message + " (" + strings.Join(parts, "; ") + ")"
}

// Errorf returns an *Error with the given code and a formatted German message.
// The format and arguments are kept as Msg, so that a surface can translate the
// format and fill in the same arguments.
func Errorf(code, format string, args ...any) *Error {
	if len(args) == 0 {
		// Still a format: "%%" must read as one "%" (a Msg without arguments is
		// shown as written), so the plain text becomes the key.
		format = strings.ReplaceAll(format, "%%", "%")
	}
	m := NewMsg(format, args...)
	return &Error{Code: code, Message: m.String(), Msg: m}
}

// ErrorCode returns the code of the first *Error in err's chain, or EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EINTERNAL
}

// ErrorMessage returns the user-readable message of err, or a generic German one for
// internal errors, so nothing internal reaches a user.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Error()
	}
	return internalMessage
}

// internalMessage is what a user reads of an internal error.
const internalMessage = "Interner Fehler. Bitte versuchen Sie es später erneut; der Fehler wurde protokolliert."

// ErrorText returns the user-readable message of err as key and arguments: the
// message of the first *Error in err's chain without its fields, or the generic
// one for internal errors.
func ErrorText(err error) Msg {
	var e *Error
	if errors.As(err, &e) {
		return e.Text()
	}
	return Msg{Key: internalMessage}
}

// NotFound returns the not-found error for an object of kind k.
func NotFound(k Kind, id int64) *Error {
	return Errorf(ENOTFOUND, "%s %d wurde nicht gefunden.", k.Label(), id)
}

var kindGerman = map[Kind]string{
	KindSystem:          "Das System",
	KindBody:            "Die Körperschaft",
	KindLegislativeTerm: "Die Wahlperiode",
	KindOrganization:    "Das Gremium",
	KindPerson:          "Die Person",
	KindMembership:      "Die Mitgliedschaft",
	KindMeeting:         "Die Sitzung",
	KindAgendaItem:      "Der Tagesordnungspunkt",
	KindPaper:           "Die Vorlage",
	KindConsultation:    "Die Beratung",
	KindFile:            "Die Datei",
	KindLocation:        "Der Ort",
	KindFeedback:        "Die Rückmeldung",
	KindInquiry:         "Die Anfrage",
	KindInquiryRule:     "Die Fristregel",
}

// Label returns the German name of a kind with its article as a translatable
// text, for use as an argument of a Msg.
func (k Kind) Label() Msg { return Msg{Key: k.GermanName()} }

// GermanName returns the German name of a kind with its article, e.g. "Die Vorlage".
func (k Kind) GermanName() string {
	if s, ok := kindGerman[k]; ok {
		return s
	}
	return string(k)
}
