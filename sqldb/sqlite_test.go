package sqldb

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestSQLiteWriterSyncsEveryCommit reads the synchronous pragma from the writer and
// from several readers at once: every connection must run with FULL (2), because
// in WAL mode NORMAL lets the last commits vanish on power loss, and a citizen's
// form is acknowledged as stored as soon as its commit returns.
func TestSQLiteWriterSyncsEveryCommit(t *testing.T) {
	db := mustOpen(t, filepath.Join(t.TempDir(), "sync.db"), Options{Migrate: true})
	ctx := context.Background()
	pragma := func(t *testing.T, conn *sql.Conn) int {
		t.Helper()
		var v int
		must(t, conn.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&v))
		return v
	}
	w, err := db.w.Conn(ctx)
	must(t, err)
	defer w.Close()
	if v := pragma(t, w); v != 2 {
		t.Errorf("writer: synchronous = %d, want 2 (FULL)", v)
	}
	// Hold several reader connections at once, so the pool opens more than one.
	for i := range 3 {
		r, err := db.r.Conn(ctx)
		must(t, err)
		defer r.Close()
		if v := pragma(t, r); v != 2 {
			t.Errorf("reader %d: synchronous = %d, want 2 (FULL)", i, v)
		}
	}
}
