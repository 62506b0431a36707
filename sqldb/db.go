// Package sqldb implements every area of ratsinfo.Store on SQLite (the embedded default) and
// PostgreSQL (several instances sharing one database). Both dialects run the same
// queries, written once with ? placeholders; only the migrations differ.
package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Options configure Open.
type Options struct {
	Now     func() time.Time // injectable clock; nil = time.Now
	Logger  *slog.Logger     // nil = discard
	Migrate bool             // apply pending migrations on Open; otherwise an outdated schema is refused
}

// DB is the store. It is safe for concurrent use.
type DB struct {
	dialect string
	w       *sql.DB // the one writer connection (SQLite) or the pool (PostgreSQL)
	r       *sql.DB // concurrent readers
	now     func() time.Time
	log     *slog.Logger

	stmts   sync.Map // query text → *sql.Stmt on r (SQLite only; pgx caches itself)
	rebinds sync.Map

	countMu  sync.Mutex
	countSeq int64
	counts   map[countKey]int
}

var _ ratsinfo.Store = (*DB)(nil)

// Open opens the database: a dsn starting with postgres:// or postgresql:// is a
// PostgreSQL database, anything else a SQLite file path (created if missing).
func Open(ctx context.Context, dsn string, opt Options) (*DB, error) {
	db := &DB{now: opt.Now, log: opt.Logger, counts: map[countKey]int{}}
	if db.now == nil {
		db.now = time.Now
	}
	if db.log == nil {
		db.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	var err error
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		err = db.openPostgres(ctx, dsn)
	} else {
		err = db.openSQLite(ctx, dsn)
	}
	if err != nil {
		return nil, err
	}
	if err := db.checkSchema(ctx, opt.Migrate); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) openPostgres(ctx context.Context, dsn string) error {
	db.dialect = "postgres"
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return fmt.Errorf("open postgres: %w", err)
	}
	pool.SetMaxOpenConns(20)
	pool.SetMaxIdleConns(20)
	pool.SetConnMaxIdleTime(5 * time.Minute)
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return &ratsinfo.Error{Code: ratsinfo.EUNAVAILABLE, Message: fmt.Sprintf(
			"Die PostgreSQL-Datenbank ist nicht erreichbar (%v). Bitte prüfen Sie die Adresse der Datenbank und ob der Datenbankserver läuft.", err)}
	}
	db.w, db.r = pool, pool
	return nil
}

// Close closes the database.
func (db *DB) Close() error {
	db.stmts.Range(func(_, v any) bool {
		v.(*sql.Stmt).Close()
		return true
	})
	err := db.w.Close()
	if db.r != db.w {
		if rerr := db.r.Close(); err == nil {
			err = rerr
		}
	}
	return err
}

// JobPool is the pool background jobs are stored through: the one writer
// connection on SQLite (a second writer would only wait for SQLite's lock), the
// shared pool on PostgreSQL.
func (db *DB) JobPool() *sql.DB { return db.w }

// Dialect returns "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.dialect }

// Ping reports whether the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.r.PingContext(ctx); err != nil {
		return fmt.Errorf("ping %s: %w", db.dialect, err)
	}
	return nil
}

// rebind turns ? placeholders into $1..$n for PostgreSQL. Queries never contain a
// literal question mark, so a plain scan is enough.
func (db *DB) rebind(q string) string {
	if db.dialect != "postgres" {
		return q
	}
	if v, ok := db.rebinds.Load(q); ok {
		return v.(string)
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteByte(q[i])
	}
	out := b.String()
	db.rebinds.Store(q, out)
	return out
}

// inIDs returns a condition "col is one of ids" that takes the whole list as one
// argument, so the query text stays the same for any number of ids and its prepared
// statement is reused.
func (db *DB) inIDs(col string, ids []int64) (string, any) {
	if db.dialect == "postgres" {
		if ids == nil {
			ids = []int64{}
		}
		return col + " = ANY(?)", ids
	}
	return col + " IN (SELECT value FROM json_each(?))", idsJSON(ids)
}

func idsJSON(ids []int64) string {
	b := make([]byte, 0, len(ids)*8+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}
