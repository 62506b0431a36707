package sqldb

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// querier runs reads: inside InTransaction on the transaction, otherwise on the
// read pool.
type querier interface {
	query(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

type pool struct{ db *DB }

func (p pool) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if p.db.dialect == "postgres" {
		return p.db.r.QueryContext(ctx, p.db.rebind(q), args...)
	}
	s, err := p.db.prepared(ctx, p.db.r, q)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(ctx, args...)
}

func (db *DB) reader(ctx context.Context) querier {
	if t, ok := ctx.Value(txKey{}).(*txState); ok {
		return t
	}
	return pool{db}
}

type stmtKey struct {
	pool *sql.DB
	q    string
}

// prepared returns a statement for q prepared on pool, kept for the life of the DB:
// parsing SQL costs more than running our indexed lookups.
func (db *DB) prepared(ctx context.Context, pool *sql.DB, q string) (*sql.Stmt, error) {
	k := stmtKey{pool, q}
	if s, ok := db.stmts.Load(k); ok {
		return s.(*sql.Stmt), nil
	}
	s, err := pool.PrepareContext(ctx, db.rebind(q))
	if err != nil {
		return nil, err
	}
	if old, loaded := db.stmts.LoadOrStore(k, s); loaded {
		s.Close()
		return old.(*sql.Stmt), nil
	}
	return s, nil
}

// table describes how a kind is stored.
type table struct {
	kind    ratsinfo.Kind
	name    string
	bodyCol string // "t.body_id", or "t.id" for bodies themselves
	parent  string // column of the embedding parent (child kinds), "" otherwise
	pkind   ratsinfo.Kind
	cols    []string // data columns after the common ones, in scan and write order
	// updateExpr replaces "col = ?" in updates where the new value depends on the old.
	updateExpr map[string]string
}

func (tb *table) selectCols(deleted string) string {
	var b strings.Builder
	b.WriteString("t.id, t.created, t.modified, ")
	b.WriteString(deleted)
	b.WriteString(", t.keyword, t.license, t.body_id")
	for _, c := range tb.cols {
		b.WriteString(", t.")
		b.WriteString(c)
	}
	return b.String()
}

// cond collects WHERE conditions and their arguments.
type cond struct {
	where []string
	args  []any
}

func (c *cond) add(expr string, args ...any) {
	c.where = append(c.where, expr)
	c.args = append(c.args, args...)
}

func (c *cond) sql() string {
	if len(c.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(c.where, " AND ")
}

// in restricts col to ids; a non-nil empty list matches nothing, so a batch load for
// an empty page never turns into a full table scan.
func (db *DB) in(c *cond, col string, ids []int64) {
	switch {
	case ids == nil:
	case len(ids) == 0:
		c.add("1 = 0")
	case len(ids) == 1:
		c.add(col+" = ?", ids[0])
	default:
		// The ids of a page are mostly consecutive. SQLite then reads one index
		// range instead of seeking once per id, and checks membership on the way
		// unless the ids fill the range; a sparse list keeps the seeks, which are
		// cheaper than a wide range.
		if db.dialect != "postgres" {
			lo, hi, distinct := idRange(ids)
			switch {
			case hi-lo+1 == int64(distinct):
				c.add(col+" BETWEEN ? AND ?", lo, hi)
				return
			case hi-lo < int64(2*len(ids)):
				c.add(col+" BETWEEN ? AND ? AND +"+col+" IN (SELECT value FROM json_each(?))", lo, hi, idsJSON(ids))
				return
			}
		}
		expr, arg := db.inIDs(col, ids)
		c.add(expr, arg)
	}
}

// idRange returns the smallest and largest of ids and how many differ.
func idRange(ids []int64) (lo, hi int64, distinct int) {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	lo, hi = sorted[0], sorted[len(sorted)-1]
	return lo, hi, len(slices.Compact(sorted))
}

// listCond builds the conditions shared by every list, count and read by id.
func (db *DB) listCond(tb *table, v ratsinfo.Viewer, f ratsinfo.ListFilter) (*cond, string) {
	exists, deleted := visibility(tb.kind, v)
	c := &cond{}
	if f.BodyID != 0 {
		c.add(tb.bodyCol+" = ?", f.BodyID)
	}
	db.in(c, "t.id", f.IDs)
	if !f.CreatedSince.IsZero() {
		c.add("t.created >= ?", f.CreatedSince.UnixMicro())
	}
	if !f.CreatedUntil.IsZero() {
		c.add("t.created <= ?", f.CreatedUntil.UnixMicro())
	}
	if !f.ModifiedSince.IsZero() {
		c.add("t.modified >= ?", f.ModifiedSince.UnixMicro())
	}
	if !f.ModifiedUntil.IsZero() {
		c.add("t.modified <= ?", f.ModifiedUntil.UnixMicro())
	}
	// A live paper or consultation is one whose paper is published now, which implies
	// "published now or before": without tombstones the existence check is redundant,
	// and for consultations it is a correlated subquery per row.
	if exists != "" && (f.WithDeleted || (tb.kind != ratsinfo.KindPaper && tb.kind != ratsinfo.KindConsultation)) {
		c.add(exists)
	}
	if !f.WithDeleted {
		c.add("NOT " + deleted)
	}
	return c, deleted
}

// kindOps reads one kind: how to scan a row, and what to do after scanning a page.
type kindOps[T any] struct {
	tb   *table
	scan func(sc func(...any) error) (T, *ratsinfo.Meta, error)
	tomb func(ratsinfo.Meta) T
	// fill loads the reference lists of a page; embedded: see ListFilter.Embedded.
	fill   func(ctx context.Context, db *DB, q querier, v ratsinfo.Viewer, xs []T, embedded bool) error
	redact func(x T, v ratsinfo.Viewer)
}

func metaDest(m *ratsinfo.Meta, body *int64, rest ...any) []any {
	return append([]any{&m.ID, ntime{&m.Created}, ntime{&m.Modified}, nbool{&m.Deleted},
		nstrs{&m.Keyword}, nstr{&m.License}, nint{body}}, rest...)
}

// list runs a list query. extra adds kind-specific conditions; order defaults to id.
func (o *kindOps[T]) list(ctx context.Context, db *DB, f ratsinfo.ListFilter, extra func(*cond), order string) ([]T, error) {
	v := ratsinfo.ViewerFrom(ctx)
	c, deleted := db.listCond(o.tb, v, f)
	if extra != nil {
		extra(c)
	}
	if f.AfterID > 0 {
		c.add("t.id > ?", f.AfterID)
	}
	if order == "" {
		order = "t.id"
	}
	if !f.WithDeleted {
		// listCond kept only live rows; computing "deleted" again per row would
		// cost a paper lookup for every consultation.
		deleted = "FALSE"
	}
	q := "SELECT " + o.tb.selectCols(deleted) + " FROM " + o.tb.name + " t" + c.sql() + " ORDER BY " + order
	if f.Limit > 0 {
		q += " LIMIT ?"
		c.args = append(c.args, f.Limit)
	}
	r := db.reader(ctx)
	rows, err := r.query(ctx, q, c.args...)
	if err != nil {
		return nil, wrap("find "+string(o.tb.kind), err)
	}
	defer rows.Close()
	var out, live []T
	for rows.Next() {
		x, m, err := o.scan(rows.Scan)
		if err != nil {
			return nil, wrap("scan "+string(o.tb.kind), err)
		}
		if m.Deleted {
			x = o.tomb(ratsinfo.Meta{ID: m.ID, Created: m.Created, Modified: m.Modified, Deleted: true})
		} else {
			live = append(live, x)
		}
		out = append(out, x)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap("find "+string(o.tb.kind), err)
	}
	rows.Close()
	if o.fill != nil && len(live) > 0 {
		if err := o.fill(ctx, db, r, v, live, f.Embedded); err != nil {
			return nil, wrap("find "+string(o.tb.kind), err)
		}
	}
	if o.redact != nil {
		for _, x := range live {
			o.redact(x, v)
		}
	}
	return out, nil
}

// byID reads one object, tombstones included; what the viewer may not see is not found.
func (o *kindOps[T]) byID(ctx context.Context, db *DB, id int64) (T, error) {
	xs, err := o.list(ctx, db, ratsinfo.ListFilter{IDs: []int64{id}, WithDeleted: true}, nil, "")
	if err != nil {
		var zero T
		return zero, err
	}
	if len(xs) == 0 {
		var zero T
		return zero, ratsinfo.NotFound(o.tb.kind, id)
	}
	return xs[0], nil
}

func ids[T any](xs []T, id func(T) int64) []int64 {
	out := make([]int64, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}
