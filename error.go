package ratsinfo

import (
	"errors"
	"fmt"
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
	// EUNAVAILABLE means the store cannot take writes now (read-only or full disk).
	EUNAVAILABLE = "unavailable"
)

// Error is an error a user may read. Message is German and says what to fix; Fields
// maps a field name to what is wrong with it.
type Error struct {
	Code    string
	Message string
	Fields  map[string]string
}

func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Message
	}
	names := make([]string, 0, len(e.Fields))
	for name := range e.Fields {
		names = append(names, name)
	}
	sort.Strings(names)
	parts := make([]string, 0, len(names))
	for _, name := range names {
		parts = append(parts, name+": "+e.Fields[name])
	}
	return e.Message + " (" + strings.Join(parts, "; ") + ")"
}

// Errorf returns an *Error with the given code and a formatted German message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
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
	return "Interner Fehler. Bitte versuchen Sie es später erneut; der Fehler wurde protokolliert."
}

// NotFound returns the not-found error for an object of kind k.
func NotFound(k Kind, id int64) *Error {
	return Errorf(ENOTFOUND, "%s %d wurde nicht gefunden.", kindGerman[k], id)
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
}

// GermanName returns the German name of a kind with its article, e.g. "Die Vorlage".
func (k Kind) GermanName() string {
	if s, ok := kindGerman[k]; ok {
		return s
	}
	return string(k)
}
