package sqldb

import (
	"context"
	"fmt"

	"github.com/ratsinfo/ratsinfo"
)

// Changes returns change-feed entries after seq, oldest first.
func (db *DB) Changes(ctx context.Context, afterSeq int64, limit int) ([]ratsinfo.Change, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, err := db.reader(ctx).query(ctx, `SELECT seq, kind, object_id, body_id, action, at FROM change_feed WHERE seq > ? ORDER BY seq LIMIT ?`, afterSeq, limit)
	if err != nil {
		return nil, wrap("changes", err)
	}
	defer rows.Close()
	var out []ratsinfo.Change
	for rows.Next() {
		var c ratsinfo.Change
		var kind string
		if err := rows.Scan(&c.Seq, &kind, &c.ObjectID, nint{&c.BodyID}, &c.Action, ntime{&c.At}); err != nil {
			return nil, wrap("changes", err)
		}
		c.Kind = ratsinfo.Kind(kind)
		out = append(out, c)
	}
	return out, wrap("changes", rows.Err())
}

// countKey identifies a cached count: the same query seen by the same class of viewer.
type countKey struct {
	query     string
	nonPublic bool
}

// Count returns how many objects of kind k match f for the viewer in ctx. A whole
// list (no filter but the body) is read from list_count, which the write
// transactions keep (migration 0008); a filtered one is counted, up to f.Limit
// rows if set, and cached until the change feed moves on (see cachedCount).
func (db *DB) Count(ctx context.Context, k ratsinfo.Kind, f ratsinfo.ListFilter) (int, error) {
	if k == ratsinfo.KindSystem {
		return 1, nil
	}
	tb, ok := tables[k]
	if !ok {
		return 0, ratsinfo.Errorf(ratsinfo.EINVALID, "Unbekannter Objekttyp %q.", k)
	}
	v := ratsinfo.ViewerFrom(ctx)
	if !f.Narrowed() {
		n, err := db.keptCount(ctx, k, f.BodyID, v)
		return n, wrap("count "+string(k), err)
	}
	limit := f.Limit
	f.AfterID, f.Limit = 0, 0
	c, _ := db.listCond(tb, v, f)
	q := "SELECT COUNT(*) FROM " + tb.name + " t" + c.sql()
	if limit > 0 {
		q = "SELECT COUNT(*) FROM (SELECT 1 FROM " + tb.name + " t" + c.sql() + " LIMIT ?) x"
		c.args = append(c.args, limit)
	}
	n, err := db.cachedCount(ctx, q, c.args)
	if err != nil {
		return 0, wrap("count "+string(k), err)
	}
	return n, nil
}

// keptCount reads the count of a whole list from list_count: the live objects
// for viewers who see non-public ones, the public ones for everyone else.
func (db *DB) keptCount(ctx context.Context, k ratsinfo.Kind, body int64, v ratsinfo.Viewer) (int, error) {
	col := "public"
	if v.SeesNonPublic() {
		col = "live"
	}
	q, args := "SELECT CAST(COALESCE(SUM("+col+"), 0) AS BIGINT) FROM list_count WHERE kind = ?", []any{string(k)}
	if body != 0 {
		q += " AND body_id = ?"
		args = append(args, body)
	}
	var n int
	err := scanOne(ctx, db.reader(ctx), &n, q, args...)
	return n, err
}

// cachedCount runs a COUNT query, or answers it from the count cache, which is
// emptied whenever the change feed moves on (one indexed MAX(seq) tells), so a
// count is never stale, even with several instances on one database.
func (db *DB) cachedCount(ctx context.Context, q string, args []any) (int, error) {
	r := db.reader(ctx)
	_, inTx := r.(*txState)
	var seq int64
	key := countKey{query: fmt.Sprintf("%s|%v", q, args), nonPublic: ratsinfo.ViewerFrom(ctx).SeesNonPublic()}
	if !inTx {
		if err := scanOne(ctx, r, &seq, `SELECT COALESCE(MAX(seq), 0) FROM change_feed`); err != nil {
			return 0, err
		}
		db.countMu.Lock()
		if db.countSeq != seq {
			db.counts, db.countSeq = map[countKey]int{}, seq
		}
		n, hit := db.counts[key]
		db.countMu.Unlock()
		if hit {
			return n, nil
		}
	}
	var n int
	if err := scanOne(ctx, r, &n, q, args...); err != nil {
		return 0, err
	}
	if !inTx {
		db.countMu.Lock()
		if db.countSeq == seq && len(db.counts) < 10000 {
			db.counts[key] = n
		}
		db.countMu.Unlock()
	}
	return n, nil
}
