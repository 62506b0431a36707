// Package pgtest gives a test its own PostgreSQL database, so that the store's
// contract tests and every other suite run against the real server when the
// environment names one. It is test support only and imports package testing.
package pgtest

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/ratsinfo/ratsinfo/internal/testenv"
)

// DSN creates a fresh database on the server that RATSINFO_TEST_POSTGRES names,
// drops it when the test ends, and returns its URL. Without the variable the test
// is skipped with a message that says so.
func DSN(t testing.TB) string {
	t.Helper()
	base := testenv.Getenv(t, "RATSINFO_TEST_POSTGRES", "PostgreSQL-Tests")
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
