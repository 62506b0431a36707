package mirror_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// backends runs fn with a store on a SQLite temp file and, if
// RATSINFO_TEST_POSTGRES names a server, on a fresh PostgreSQL database: the
// mirror's checkpoints and source map are SQL of their own, and must hold on both.
func backends(t *testing.T, fn func(t *testing.T, open func(testing.TB) (*sqldb.DB, *blob.Dir))) {
	t.Run("sqlite", func(t *testing.T) { fn(t, open) })
	t.Run("postgres", func(t *testing.T) {
		fn(t, func(t testing.TB) (*sqldb.DB, *blob.Dir) {
			return openAt(t, postgresDSN(t), filepath.Join(t.TempDir(), "dateien"))
		})
	})
}

// openAt opens and migrates the store at dsn with a blob folder.
func openAt(t testing.TB, dsn, blobDir string) (*sqldb.DB, *blob.Dir) {
	t.Helper()
	db, err := sqldb.Open(context.Background(), dsn, sqldb.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	blobs, err := blob.NewDir(blobDir)
	if err != nil {
		t.Fatal(err)
	}
	return db, blobs
}

// postgresDSN is a fresh PostgreSQL database for one test, or a skip.
func postgresDSN(t testing.TB) string { return pgtest.DSN(t) }
