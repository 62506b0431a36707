package sqldb

import (
	"context"
	"fmt"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// Batch loads for a page: one query per relation for all rows of the page.

// linkSet holds reference lists by link kind and source id.
type linkSet map[string]map[int64][]int64

// loadLinks loads the ordered lists of the given link kinds for all src ids. join
// may restrict the targets (e.g. to papers the public sees).
func (db *DB) loadLinks(ctx context.Context, q querier, k ratsinfo.Kind, kinds []string, src []int64, join string) (linkSet, error) {
	// The kind comes back as its index in kinds: a number is cheaper to read than
	// a string per link row.
	quoted := make([]string, len(kinds))
	var which strings.Builder
	which.WriteString("CASE l.kind")
	for i, kind := range kinds {
		quoted[i] = "'" + string(k) + "." + kind + "'"
		fmt.Fprintf(&which, " WHEN %s THEN %d", quoted[i], i)
	}
	which.WriteString(" END")
	c := &cond{}
	c.add("l.kind IN (" + strings.Join(quoted, ", ") + ")")
	db.in(c, "l.src", src)
	rows, err := q.query(ctx, "SELECT "+which.String()+", l.src, l.dst FROM link l "+join+c.sql()+" ORDER BY l.kind, l.src, l.pos", c.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := linkSet{}
	for rows.Next() {
		var i int
		var s, d int64
		if err := rows.Scan(&i, &s, &d); err != nil {
			return nil, err
		}
		kind := kinds[i]
		if out[kind] == nil {
			out[kind] = map[int64][]int64{}
		}
		out[kind][s] = append(out[kind][s], d)
	}
	return out, rows.Err()
}

func (l linkSet) get(kind string, id int64) []int64 { return l[kind][id] }

// loadPairs runs a two-column query (key, value) and groups values by key in
// result order.
func loadPairs(ctx context.Context, q querier, query string, args ...any) (map[int64][]int64, error) {
	rows, err := q.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]int64{}
	for rows.Next() {
		var a, b int64
		if err := rows.Scan(&a, &b); err != nil {
			return nil, err
		}
		out[a] = append(out[a], b)
	}
	return out, rows.Err()
}

// loadBackrefs returns, per file or location, the objects that attach or embed it
// and that the viewer may see.
func (db *DB) loadBackrefs(ctx context.Context, q querier, dst ratsinfo.Kind, ids []int64, v ratsinfo.Viewer) (map[int64]map[ratsinfo.Kind][]int64, error) {
	c := &cond{}
	c.add("r.dst_kind = ?", string(dst))
	db.in(c, "r.dst_id", ids)
	c.add(backrefVisible(v))
	rows, err := q.query(ctx, "SELECT DISTINCT r.dst_id, r.src_kind, r.src_id FROM backref r"+c.sql()+" ORDER BY r.dst_id, r.src_kind, r.src_id", c.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]map[ratsinfo.Kind][]int64{}
	for rows.Next() {
		var d, s int64
		var k string
		if err := rows.Scan(&d, &k, &s); err != nil {
			return nil, err
		}
		if out[d] == nil {
			out[d] = map[ratsinfo.Kind][]int64{}
		}
		out[d][ratsinfo.Kind(k)] = append(out[d][ratsinfo.Kind(k)], s)
	}
	return out, rows.Err()
}
