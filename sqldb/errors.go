package sqldb

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/ratsinfo/ratsinfo"
	"modernc.org/sqlite"
)

// SQLite primary result codes (the low byte of an extended code).
const (
	sqliteReadonly   = 8
	sqliteIOErr      = 10
	sqliteFull       = 13
	sqliteCantOpen   = 14
	sqliteConstraint = 19
	sqliteUnique     = 2067 // SQLITE_CONSTRAINT_UNIQUE
	sqlitePrimaryKey = 1555 // SQLITE_CONSTRAINT_PRIMARYKEY
)

// translate maps driver errors that a user can act on to domain errors and leaves
// everything else as it is (internal).
func translate(err error) error {
	if err == nil {
		return nil
	}
	var re *ratsinfo.Error
	if errors.As(err, &re) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch code := se.Code(); {
		case code == sqliteUnique || code == sqlitePrimaryKey:
			return conflict(err)
		case code&0xff == sqliteFull:
			return diskFull(err)
		case code&0xff == sqliteReadonly, code&0xff == sqliteCantOpen:
			return readOnly(err)
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return conflict(err)
		case "53100":
			return diskFull(err)
		case "25006":
			return readOnly(err)
		}
	}
	return err
}

func conflict(err error) error {
	return &ratsinfo.Error{Code: ratsinfo.ECONFLICT, Message: "Der Eintrag existiert bereits. Bitte laden Sie die Seite neu und versuchen Sie es erneut."}
}

func diskFull(err error) error {
	return &ratsinfo.Error{Code: ratsinfo.EUNAVAILABLE, Message: "Der Datenträger der Datenbank ist voll; die Änderung wurde nicht gespeichert, bestehende Daten sind unversehrt. Bitte schaffen Sie Platz oder wählen Sie einen anderen Ort für die Datenbank."}
}

func readOnly(err error) error {
	return &ratsinfo.Error{Code: ratsinfo.EUNAVAILABLE, Message: "Die Datenbank ist schreibgeschützt; die Änderung wurde nicht gespeichert. Bitte prüfen Sie die Schreibrechte der Datenbank und ihres Ordners."}
}

// wrap adds the operation to an error, translating driver errors first. Domain
// errors stay recognisable through %w.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	err = translate(err)
	var re *ratsinfo.Error
	if errors.As(err, &re) {
		return err
	}
	return fmt.Errorf("%s: %w", op, err)
}
