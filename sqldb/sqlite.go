package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"syscall"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/ratsinfo/ratsinfo"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// openSQLite is the one place that opens a SQLite file. Writes go through a single
// connection (SQLite has one writer anyway, and this avoids SQLITE_BUSY between our
// own goroutines); reads use a separate pool, which WAL lets run concurrently.
//
// synchronous=FULL syncs the WAL on every commit: a write that returned is on
// disk even after a power loss. (NORMAL syncs only at checkpoints and may lose
// the last commits, which would break the promise to a citizen whose form was
// acknowledged.) Readers get it too, so that no connection ever runs without it.
func (db *DB) openSQLite(ctx context.Context, path string) error {
	db.dialect = "sqlite"
	if err := checkWritable(path); err != nil {
		return err
	}
	pragmas := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_pragma=temp_store(MEMORY)"
	u := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + pragmas
	w, err := sql.Open("sqlite", u+"&_txlock=immediate")
	if err != nil {
		return fmt.Errorf("open sqlite %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return db.openError(path, err)
	}
	r, err := sql.Open("sqlite", u+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return fmt.Errorf("open sqlite %s: %w", path, err)
	}
	n := max(4, runtime.NumCPU()*2)
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	r.SetConnMaxIdleTime(0)
	db.w, db.r = w, r
	return nil
}

// checkWritable finds out before SQLite does whether the data folder takes writes,
// because SQLite's own error ("unable to open database file") names neither the
// folder nor the setting to change.
func checkWritable(path string) error {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return &ratsinfo.Error{Code: ratsinfo.EINVALID, Message: fmt.Sprintf(
			"Der Datenordner %s existiert nicht oder ist kein Ordner. Bitte legen Sie ihn an oder wählen Sie einen anderen.", dir)}
	}
	probe, err := os.CreateTemp(dir, ".ratsinfo-probe-*")
	if err != nil {
		return unwritable(dir, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	if f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644); err != nil {
		return unwritable(path, err)
	} else {
		f.Close()
	}
	return nil
}

func unwritable(where string, err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return &ratsinfo.Error{Code: ratsinfo.EUNAVAILABLE, Message: fmt.Sprintf(
			"Der Datenträger mit %s ist voll. Bitte schaffen Sie Platz oder wählen Sie einen anderen Ort für die Datenbank; es sind keine Daten verloren.", where)}
	}
	return &ratsinfo.Error{Code: ratsinfo.EUNAVAILABLE, Message: fmt.Sprintf(
		"In %s kann nicht geschrieben werden (schreibgeschützt oder fehlende Rechte). Bitte geben Sie dem Dienst Schreibrechte oder wählen Sie einen anderen Ort für die Datenbank.", where)}
}

func (db *DB) openError(path string, err error) error {
	if e := translate(err); ratsinfo.ErrorCode(e) != ratsinfo.EINTERNAL {
		return e
	}
	return &ratsinfo.Error{Code: ratsinfo.EUNAVAILABLE, Message: fmt.Sprintf(
		"Die SQLite-Datenbank %s lässt sich nicht öffnen (%v). Bitte prüfen Sie, ob die Datei eine Ratsinfo-Datenbank ist und gelesen werden darf.", path, err)}
}
