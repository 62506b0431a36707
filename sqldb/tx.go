package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

type txKey struct{}

type objKey struct {
	kind ratsinfo.Kind
	id   int64
}

// txState is one write transaction. It caches prepared statements, remembers the
// objects written so far (so bulk loads check references without a query), and
// buffers audit and change-feed rows to insert them many at a time before commit.
type txState struct {
	db      *DB
	tx      *sql.Tx
	actor   int64
	stmts   map[string]*sql.Stmt
	known   map[objKey]int64 // live objects written in this transaction → body id
	audits  []any            // flattened audit_log rows
	changes []any            // flattened change_feed rows
	links   []any            // flattened link rows
	refs    []any            // flattened backref rows
	created map[objKey]bool  // objects created in this transaction
	// touchedLocations are locations created or attached differently in this
	// transaction: at commit, those the public sees are marked as seen.
	touchedLocations map[int64]bool
	locked           bool // holds the change-feed lock (PostgreSQL)

	titlesDeferred bool // new papers wait for indexTitles (title_index.go)
}

const flushRows = 64

func (db *DB) begin(ctx context.Context) (*txState, error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, translate(err)
	}
	return &txState{db: db, tx: tx, actor: ratsinfo.ViewerFrom(ctx).UserID,
		stmts: map[string]*sql.Stmt{}, known: map[objKey]int64{}, created: map[objKey]bool{},
		touchedLocations: map[int64]bool{}}, nil
}

func (t *txState) commit(ctx context.Context) error {
	if err := t.flush(ctx); err != nil {
		t.rollback()
		return err
	}
	if err := t.markLocationsSeen(ctx); err != nil {
		t.rollback()
		return err
	}
	if err := t.indexTitles(ctx); err != nil {
		t.rollback()
		return fmt.Errorf("index paper titles: %w", err)
	}
	for _, s := range t.stmts {
		s.Close()
	}
	if err := t.tx.Commit(); err != nil {
		return translate(err)
	}
	return nil
}

func (t *txState) rollback() {
	for _, s := range t.stmts {
		s.Close()
	}
	t.tx.Rollback()
}

// InTransaction runs fn with a context whose writes and reads share one
// transaction. A nested call joins the outer transaction. Note that a failed write
// inside fn may have written part of its rows: fn should return the error so that
// everything rolls back.
func (db *DB) InTransaction(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*txState); ok {
		return fn(ctx)
	}
	t, err := db.begin(ctx)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(context.WithValue(ctx, txKey{}, t)); err != nil {
		t.rollback()
		return canceled(ctx, err)
	}
	return canceled(ctx, t.commit(ctx))
}

// canceled reports a cancelled context as the cause of err: database/sql closes a
// transaction's statements when its context ends, and the "statement is closed"
// that a write then sees would hide that the caller stopped the work.
func canceled(ctx context.Context, err error) error {
	if err == nil || ctx.Err() == nil || errors.Is(err, ctx.Err()) {
		return err
	}
	return fmt.Errorf("%w (%v)", ctx.Err(), err)
}

// write runs one write operation: in the caller's transaction if ctx has one,
// otherwise in its own. now is taken once per operation.
func (db *DB) write(ctx context.Context, op string, fn func(t *txState, now time.Time) error) error {
	if t, ok := ctx.Value(txKey{}).(*txState); ok {
		return canceled(ctx, wrap(op, fn(t, db.now())))
	}
	t, err := db.begin(ctx)
	if err != nil {
		return canceled(ctx, wrap(op, err))
	}
	if err := fn(t, db.now()); err != nil {
		t.rollback()
		return canceled(ctx, wrap(op, err))
	}
	return canceled(ctx, wrap(op, t.commit(ctx)))
}

// stmt returns a statement for q prepared on this transaction's connection, so a
// bulk load parses each query once. (Statements prepared on the pool cannot be used
// here: the one writer connection is busy with this very transaction.) pgx caches
// PostgreSQL statements on its own, so there q runs unprepared.
func (t *txState) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if s, ok := t.stmts[q]; ok {
		return s, nil
	}
	s, err := t.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	t.stmts[q] = s
	return s, nil
}

func (t *txState) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if t.db.dialect == "postgres" {
		return t.tx.ExecContext(ctx, t.db.rebind(q), args...)
	}
	s, err := t.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(ctx, args...)
}

// query runs a read in the transaction. Buffered rows are written first, so reads
// inside InTransaction see every earlier write.
func (t *txState) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if err := t.flush(ctx); err != nil {
		return nil, err
	}
	if t.db.dialect == "postgres" {
		return t.tx.QueryContext(ctx, t.db.rebind(q), args...)
	}
	s, err := t.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(ctx, args...)
}

func (t *txState) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if t.db.dialect == "postgres" {
		return t.tx.QueryRowContext(ctx, t.db.rebind(q), args...)
	}
	s, err := t.stmt(ctx, q)
	if err != nil {
		// A Row carrying the error: QueryRowContext on a closed statement is not
		// possible, so run the query unprepared and let it fail the same way.
		return t.tx.QueryRowContext(ctx, q, args...)
	}
	return s.QueryRowContext(ctx, args...)
}

// record buffers the audit row and the change-feed row of one write.
func (t *txState) record(ctx context.Context, now time.Time, action string, k ratsinfo.Kind, id, body int64) error {
	at := now.UnixMicro()
	t.audits = append(t.audits, at, ref(t.actor), action, string(k), id, ref(body))
	return t.change(ctx, now, action, k, id, body)
}

// change buffers a change-feed row only: parents whose embedded child changed.
func (t *txState) change(ctx context.Context, now time.Time, action string, k ratsinfo.Kind, id, body int64) error {
	t.changes = append(t.changes, string(k), id, ref(body), action, now.UnixMicro())
	return t.flushFull(ctx)
}

// flushFull writes the buffers once a full multi-row INSERT is ready.
func (t *txState) flushFull(ctx context.Context) error {
	if len(t.changes) >= flushRows*5 || len(t.audits) >= flushRows*6 || len(t.links) >= flushRows*4 || len(t.refs) >= flushRows*6 {
		return t.flush(ctx)
	}
	return nil
}

// flush inserts buffered rows (audit, change feed, links, back-references) in
// multi-row INSERTs: in bulk loads that is most of the rows written. On PostgreSQL the first flush
// takes a transaction-scoped lock first, so that change sequence numbers become
// visible in commit order and a reader following the feed never skips one.
func (t *txState) flush(ctx context.Context) error {
	if t.db.dialect == "postgres" && !t.locked && len(t.changes) > 0 {
		if _, err := t.tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7274624)`); err != nil {
			return fmt.Errorf("lock change feed: %w", err)
		}
		t.locked = true
	}
	if err := t.insertRows(ctx, "audit_log (at, actor_id, action, kind, object_id, body_id)", 6, t.audits); err != nil {
		return fmt.Errorf("write audit log: %w", err)
	}
	if err := t.insertRows(ctx, "change_feed (kind, object_id, body_id, action, at)", 5, t.changes); err != nil {
		return fmt.Errorf("write change feed: %w", err)
	}
	if err := t.insertRows(ctx, "link (kind, src, pos, dst)", 4, t.links); err != nil {
		return fmt.Errorf("write links: %w", err)
	}
	if err := t.insertRows(ctx, "backref (dst_kind, dst_id, src_kind, src_id, live, public)", 6, t.refs); err != nil {
		return fmt.Errorf("write back-references: %w", err)
	}
	t.audits, t.changes, t.links, t.refs = t.audits[:0], t.changes[:0], t.links[:0], t.refs[:0]
	return nil
}

func (t *txState) insertRows(ctx context.Context, into string, width int, vals []any) error {
	for len(vals) > 0 {
		n := min(len(vals)/width, flushRows)
		row := "(?" + strings.Repeat(",?", width-1) + ")"
		q := "INSERT INTO " + into + " VALUES " + row + strings.Repeat(","+row, n-1)
		if _, err := t.exec(ctx, q, vals[:n*width]...); err != nil {
			return err
		}
		vals = vals[n*width:]
	}
	return nil
}

// markLocationsSeen marks the touched locations that the public sees as this
// transaction commits as public once (location.ever_public): should only hidden
// objects use one later, the public gets its tombstone. Marking the state at
// commit, not in between, gives no tombstone for a location nobody outside ever saw.
func (t *txState) markLocationsSeen(ctx context.Context) error {
	ids := make([]any, 0, len(t.touchedLocations))
	for id := range t.touchedLocations {
		ids = append(ids, id)
	}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		q := "UPDATE location AS t SET ever_public = TRUE WHERE NOT t.ever_public AND " + locationPublic +
			" AND t.id IN (?" + strings.Repeat(",?", n-1) + ")"
		if _, err := t.exec(ctx, q, ids[:n]...); err != nil {
			return fmt.Errorf("mark public locations: %w", err)
		}
		ids = ids[n:]
	}
	clear(t.touchedLocations)
	return nil
}
