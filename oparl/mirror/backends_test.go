package mirror_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/ratsinfo/ratsinfo/blob"
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

// postgresDSN creates a database for one test and drops it afterwards. Copied
// from sqldb/main_test.go: test code stays in its package.
func postgresDSN(t testing.TB) string {
	base := os.Getenv("RATSINFO_TEST_POSTGRES")
	if base == "" {
		t.Skip("PostgreSQL-Tests übersprungen: RATSINFO_TEST_POSTGRES ist nicht gesetzt")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("ratsinfo_t_%d", rand.Uint64())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
