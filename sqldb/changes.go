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

// countKey identifies a cached count: the same filter seen by the same class of viewer.
type countKey struct {
	kind      ratsinfo.Kind
	filter    string
	nonPublic bool
}

// Count returns how many objects of kind k match f for the viewer in ctx. Counts are
// cached until the change feed moves on, which one indexed MAX(seq) tells, so the
// cache is right even with several instances writing to one PostgreSQL database.
func (db *DB) Count(ctx context.Context, k ratsinfo.Kind, f ratsinfo.ListFilter) (int, error) {
	if k == ratsinfo.KindSystem {
		return 1, nil
	}
	tb, ok := tables[k]
	if !ok {
		return 0, ratsinfo.Errorf(ratsinfo.EINVALID, "Unbekannter Objekttyp %q.", k)
	}
	v := ratsinfo.ViewerFrom(ctx)
	f.AfterID, f.Limit = 0, 0
	key := countKey{k, fmt.Sprintf("%d|%v|%d|%d|%d|%d|%t", f.BodyID, f.IDs, f.CreatedSince.UnixMicro(), f.CreatedUntil.UnixMicro(),
		f.ModifiedSince.UnixMicro(), f.ModifiedUntil.UnixMicro(), f.WithDeleted), v.SeesNonPublic()}
	q := db.reader(ctx)
	_, inTx := q.(*txState)
	var seq int64
	if !inTx {
		rows, err := q.query(ctx, `SELECT COALESCE(MAX(seq), 0) FROM change_feed`)
		if err != nil {
			return 0, wrap("count", err)
		}
		if rows.Next() {
			err = rows.Scan(&seq)
		}
		rows.Close()
		if err != nil {
			return 0, wrap("count", err)
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
	c, _ := db.listCond(tb, v, f)
	rows, err := q.query(ctx, "SELECT COUNT(*) FROM "+tb.name+" t"+c.sql(), c.args...)
	if err != nil {
		return 0, wrap("count "+string(k), err)
	}
	var n int
	if rows.Next() {
		err = rows.Scan(&n)
	}
	rows.Close()
	if err != nil {
		return 0, wrap("count "+string(k), err)
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
