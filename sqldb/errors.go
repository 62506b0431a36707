package sqldb

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

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
		case code&0xff == sqliteIOErr:
			// The file cannot be read or written (a failing disk, a lost
			// network mount): as unreachable for a reader as a stopped server.
			return unreachable(err)
		}
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		// Before the PgError: a server that refuses the connection (the
		// database does not take connections, 55000) sends one inside it.
		return unreachable(err)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "23505":
			return conflict(err)
		case pe.Code == "53100":
			return diskFull(err)
		case pe.Code == "25006":
			return readOnly(err)
		case strings.HasPrefix(pe.Code, "08"), // connection exception
			pe.Code == "57P01", // admin_shutdown: the connection was terminated
			pe.Code == "57P02", // crash_shutdown
			pe.Code == "57P03": // cannot_connect_now: the server is starting or stopping
			return unreachable(err)
		}
		return err
	}
	if connectionLost(err) {
		return unreachable(err)
	}
	return err
}

// connectionLost reports errors that say the database server could not be
// reached or went away, as opposed to errors of a query: a connect that failed
// (refused, unknown host, the database refusing connections), a pooled
// connection that was closed under us, a network error on the way.
func connectionLost(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		// The request went away or ran out of time; the database did not.
		return false
	}
	var oe *net.OpError
	return errors.As(err, &oe) ||
		errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.EPIPE)
}

// unreachableMessage is what a visitor reads during a database outage: nothing
// is wrong with their request, and it will work again without anyone's help
// once the database is back (the pool reconnects by itself).
const unreachableMessage = "Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in einem Moment erneut."

// unreachable keeps the driver's error behind the domain error, so that the log
// says why (refused, terminated, timed out) while users read only the message.
func unreachable(err error) error {
	e := &ratsinfo.Error{Code: ratsinfo.EUNAVAILABLE, Message: unreachableMessage, Msg: ratsinfo.Msg{Key: unreachableMessage}}
	return fmt.Errorf("%w (%v)", e, err)
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
