package ratsinfo

import "time"

// CheckModified is the precondition of every update: seen is the Modified of the
// object as the editor loaded it, stored the Modified the store holds now. Both
// are compared to the microsecond, the precision the store keeps, so that a
// value that went through a form or JSON compares equal to itself. A missing seen
// is EINVALID (the caller must say which state it changes); a different one is
// ECONFLICT, because someone else saved in between and saving now would overwrite
// their change without anyone having seen it.
func CheckModified(k Kind, seen, stored time.Time) error {
	if seen.IsZero() {
		return &Error{Code: EINVALID, Fields: map[string]string{"modified": "fehlt."},
			Message: k.GermanName() + " kann nicht gespeichert werden, weil nicht feststeht, welchen Stand Sie bearbeitet haben. " +
				"Bitte laden Sie die Seite neu und übernehmen Sie Ihre Änderungen erneut."}
	}
	if seen.UnixMicro() == stored.UnixMicro() {
		return nil
	}
	at := stored.In(Berlin())
	return Errorf(ECONFLICT, "%s wurde inzwischen von jemand anderem geändert (am %s um %s Uhr). "+
		"Bitte laden Sie die Seite neu und übernehmen Sie Ihre Änderungen erneut.",
		k.GermanName(), at.Format("02.01.2006"), at.Format("15:04"))
}
