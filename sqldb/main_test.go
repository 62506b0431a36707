package sqldb

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
)

// clock is a test clock: it stands still unless stepped, so tests can check that
// modified still increases when time does not.
type clock struct {
	mu   sync.Mutex
	t    time.Time
	step time.Duration
}

func newClock() *clock {
	return &clock{t: time.Date(2023, 2, 27, 9, 0, 0, 0, time.UTC), step: time.Second}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.t
	c.t = c.t.Add(c.step)
	return now
}

func (c *clock) freeze() {
	c.mu.Lock()
	c.step = 0
	c.mu.Unlock()
}

// backends runs fn against a SQLite temp file and, if RATSINFO_TEST_POSTGRES names a
// server, against a fresh PostgreSQL database: one contract, every dialect.
func backends(t *testing.T, fn func(t *testing.T, open func(Options) (*DB, string))) {
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		path := filepath.Join(t.TempDir(), "ratsinfo.db")
		fn(t, func(opt Options) (*DB, string) { return mustOpen(t, path, opt), path })
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		dsn := postgresDSN(t)
		fn(t, func(opt Options) (*DB, string) { return mustOpen(t, dsn, opt), dsn })
	})
}

// forEach runs fn against a migrated store with a test clock on every backend.
func forEach(t *testing.T, fn func(t *testing.T, db *DB, c *clock)) {
	backends(t, func(t *testing.T, open func(Options) (*DB, string)) {
		c := newClock()
		db, _ := open(Options{Now: c.Now, Migrate: true})
		fn(t, db, c)
	})
}

func mustOpen(t testing.TB, dsn string, opt Options) *DB {
	t.Helper()
	db, err := Open(context.Background(), dsn, opt)
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// postgresDSN is a fresh PostgreSQL database for one test, or a skip.
func postgresDSN(t testing.TB) string { return pgtest.DSN(t) }

var (
	bg    = context.Background()
	staff = ratsinfo.WithViewer(context.Background(), ratsinfo.Viewer{UserID: 7, Role: ratsinfo.RoleStaff})
	// writer writes the record: today only the program itself may (ratsinfo.CanWriteRecord).
	writer = ratsinfo.WithViewer(context.Background(), ratsinfo.Viewer{UserID: 7, Role: ratsinfo.RoleSystem})
)

func code(err error) string { return ratsinfo.ErrorCode(err) }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantCode(t testing.TB, err error, want string) *ratsinfo.Error {
	t.Helper()
	var e *ratsinfo.Error
	if !errors.As(err, &e) || e.Code != want {
		t.Fatalf("got error %v (%s), want code %s", err, code(err), want)
	}
	return e
}
