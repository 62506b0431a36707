package sqldb

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// refCheck is a reference field whose ids must name live objects of one body.
type refCheck struct {
	field string
	kind  ratsinfo.Kind
	ids   []int64
}

func one(id int64) []int64 {
	if id == 0 {
		return nil
	}
	return []int64{id}
}

// linkList is an ordered reference list stored in the link table.
type linkList struct {
	kind string
	ids  []int64
}

// attach is a file attachment or embedded location, kept in backref so that the
// file's or location's visibility and back-references need no per-kind joins.
type attach struct {
	kind ratsinfo.Kind // File or Location
	ids  []int64
}

// saveSpec describes one write of one object.
type saveSpec struct {
	tb     *table
	meta   *ratsinfo.Meta
	body   int64
	parent int64 // embedding parent (child kinds)
	vals   []any // values of tb.cols
	refs   []refCheck
	links  []linkList
	attach []attach
	public bool // the object is visible to the public (for its attachments)
	create bool
}

type current struct {
	body, modified, parent int64
	deleted                bool
}

// current reads the stored state that a write needs to know.
func (t *txState) current(ctx context.Context, tb *table, id int64) (current, bool, error) {
	parent := "0"
	if tb.parent != "" {
		parent = tb.parent
	}
	var c current
	var body sql.NullInt64
	err := t.queryRow(ctx, "SELECT body_id, modified, deleted, "+parent+" FROM "+tb.name+" WHERE id = ?", id).
		Scan(&body, &c.modified, nbool{&c.deleted}, nint{&c.parent})
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	c.body = body.Int64
	if tb.kind == ratsinfo.KindBody {
		c.body = id
	}
	return c, err == nil, err
}

// bodyOf returns the body of a live object, or ok=false if there is none.
func (t *txState) bodyOf(ctx context.Context, k ratsinfo.Kind, id int64) (int64, bool, error) {
	if b, ok := t.known[objKey{k, id}]; ok {
		return b, true, nil
	}
	c, found, err := t.current(ctx, tables[k], id)
	if err != nil || !found || c.deleted {
		return 0, false, err
	}
	t.known[objKey{k, id}] = c.body
	return c.body, true, nil
}

func (t *txState) checkRefs(ctx context.Context, k ratsinfo.Kind, body int64, refs []refCheck) error {
	var fields map[string]string
	for _, r := range refs {
		for _, id := range r.ids {
			b, ok, err := t.bodyOf(ctx, r.kind, id)
			if err != nil {
				return err
			}
			if !ok || b != body {
				if fields == nil {
					fields = map[string]string{}
				}
				fields[r.field] = fmt.Sprintf("%s %d gibt es in dieser Körperschaft nicht (oder sie ist gelöscht).", r.kind.GermanName(), id)
				break
			}
		}
	}
	if fields != nil {
		return &ratsinfo.Error{Code: ratsinfo.EINVALID, Fields: fields,
			Message: fmt.Sprintf("%s verweist auf Einträge, die es nicht gibt. Bitte korrigieren Sie die genannten Felder.", k.GermanName())}
	}
	return nil
}

// nextModified keeps modified strictly increasing per object even when the clock
// stands still or goes back.
func nextModified(now time.Time, old int64) int64 {
	return max(now.UnixMicro(), old+1)
}

// save creates (meta.ID == 0) or replaces an object, with its links, attachments,
// audit and change rows, and the modified bump of whatever embeds it.
func (t *txState) save(ctx context.Context, now time.Time, s *saveSpec) error {
	tb := s.tb
	if err := t.checkRefs(ctx, tb.kind, s.body, s.refs); err != nil {
		return err
	}
	action := "create"
	var oldParent int64
	var err error
	var wasPublic bool
	var attachedBefore map[objKey]bool
	if s.create {
		err = t.insertObj(ctx, now, s)
	} else {
		action = "update"
		if tb.kind == ratsinfo.KindPaper {
			if wasPublic, err = t.paperPublished(ctx, s.meta.ID); err != nil {
				return err
			}
		}
		// What the object attached before replaceObj clears it: a file or
		// location it lets go of, or attaches with another public state,
		// changes its public form (diffAttachments).
		if len(s.attach) > 0 {
			if attachedBefore, err = t.attachedUnflushed(ctx, tb.kind, s.meta.ID); err != nil {
				return err
			}
		}
		oldParent, err = t.replaceObj(ctx, now, s)
	}
	if err != nil {
		return err
	}
	if err := t.insertLinks(ctx, tb.kind, s.meta.ID, s.links); err != nil {
		return err
	}
	if err := t.insertAttach(ctx, tb.kind, s.meta.ID, s.attach, s.public); err != nil {
		return err
	}
	if len(s.attach) > 0 {
		if err := t.bump(ctx, now, t.diffAttachments(attachedBefore, attachMap(s.attach, s.public))); err != nil {
			return err
		}
	}
	t.known[objKey{tb.kind, s.meta.ID}] = s.body
	if err := t.record(ctx, now, action, tb.kind, s.meta.ID, s.body); err != nil {
		return err
	}
	if tb.kind == ratsinfo.KindPaper && !s.create {
		isPublic, err := t.paperPublished(ctx, s.meta.ID)
		if err != nil {
			return err
		}
		if isPublic != wasPublic {
			if err := t.bumpConsultations(ctx, now, s.meta.ID); err != nil {
				return err
			}
			if err := t.bumpAround(ctx, now, s.meta.ID); err != nil {
				return err
			}
		}
	}
	if tb.kind == ratsinfo.KindConsultation && !s.create && oldParent != s.parent {
		if err := t.bumpMovedConsultation(ctx, now, s.meta.ID, oldParent, s.parent); err != nil {
			return err
		}
	}
	return t.bumpParents(ctx, now, tb, s.meta.ID, s.parent, oldParent, s.create)
}

// insertObj writes the row of a new object and sets its Meta.
func (t *txState) insertObj(ctx context.Context, now time.Time, s *saveSpec) error {
	tb := s.tb
	if tb.kind == ratsinfo.KindPaper {
		if err := t.deferTitles(ctx); err != nil {
			return err
		}
	}
	cols := "body_id, created, modified, deleted, keyword, license"
	if len(tb.cols) > 0 {
		cols += ", " + strings.Join(tb.cols, ", ")
	}
	q := "INSERT INTO " + tb.name + " (" + cols + ") VALUES (?" + strings.Repeat(", ?", 5+len(tb.cols)) + ")"
	args := append([]any{ref(s.body), now.UnixMicro(), now.UnixMicro(), false, strs(s.meta.Keyword), str(s.meta.License)}, s.vals...)
	id, err := t.insert(ctx, q, args)
	if err != nil {
		return err
	}
	s.meta.ID = id
	t.created[objKey{tb.kind, id}] = true
	if tb.kind == ratsinfo.KindLocation {
		t.touchedLocations[id] = true // public at commit while nothing uses it
	}
	s.meta.Created, s.meta.Modified, s.meta.Deleted = fromMicros(now.UnixMicro()), fromMicros(now.UnixMicro()), false
	if tb.kind == ratsinfo.KindBody {
		s.body = s.meta.ID
	}
	return nil
}

// paperPublished reads whether a paper is published now; a paper that does not
// exist is not, and the update that asked reports it as not found.
func (t *txState) paperPublished(ctx context.Context, id int64) (bool, error) {
	var pub bool
	err := t.queryRow(ctx, "SELECT published FROM paper WHERE id = ?", id).Scan(&pub)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read published of paper %d: %w", id, err)
	}
	return pub, nil
}

// bumpConsultations gives the consultations of a paper a new modified and a
// change-feed row: they are visible exactly when their paper is, so publishing,
// withdrawing or deleting the paper changes what the public sees of them, and a
// mirror asking for modified_since must be told (as tombstones, or again).
func (t *txState) bumpConsultations(ctx context.Context, now time.Time, paper int64) error {
	if err := t.flush(ctx); err != nil {
		return err
	}
	us := now.UnixMicro()
	rows, err := t.query(ctx, "UPDATE consultation SET modified = CASE WHEN modified >= ? THEN modified + 1 ELSE ? END WHERE paper_id = ? AND NOT deleted RETURNING id", us, us, paper)
	if err != nil {
		return fmt.Errorf("bump consultations of paper %d: %w", paper, err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	body := t.known[objKey{ratsinfo.KindPaper, paper}]
	for _, id := range ids {
		if err := t.change(ctx, now, "update", ratsinfo.KindConsultation, id, body); err != nil {
			return err
		}
	}
	return nil
}

// replaceObj overwrites the row of a live object if the Meta's Modified is still
// the stored one (the update's precondition), sets its Meta, clears its old links
// and returns its former embedding parent.
func (t *txState) replaceObj(ctx context.Context, now time.Time, s *saveSpec) (oldParent int64, err error) {
	tb := s.tb
	cur, found, err := t.current(ctx, tb, s.meta.ID)
	if err != nil {
		return 0, err
	}
	if !found || cur.deleted {
		return 0, ratsinfo.NotFound(tb.kind, s.meta.ID)
	}
	if tb.kind == ratsinfo.KindBody {
		s.body = s.meta.ID
	} else if cur.body != s.body {
		return 0, &ratsinfo.Error{Code: ratsinfo.EINVALID, Fields: map[string]string{"body": "kann nicht geändert werden."},
			Message: fmt.Sprintf("%s kann nicht in eine andere Körperschaft verschoben werden.", tb.kind.GermanName())}
	}
	if err := ratsinfo.CheckModified(tb.kind, s.meta.Modified, fromMicros(cur.modified)); err != nil {
		return 0, err
	}
	mod := nextModified(now, cur.modified)
	var set strings.Builder
	set.WriteString("UPDATE " + tb.name + " SET modified = ?, keyword = ?, license = ?")
	for _, c := range tb.cols {
		if e, ok := tb.updateExpr[c]; ok {
			set.WriteString(", " + c + " = " + e)
		} else {
			set.WriteString(", " + c + " = ?")
		}
	}
	// The precondition again, in the UPDATE itself: on PostgreSQL a concurrent
	// writer may have committed since current() read the row; the UPDATE waits
	// for its lock and then finds no row with the modified we checked.
	set.WriteString(" WHERE id = ? AND modified = ? RETURNING created")
	args := append([]any{mod, strs(s.meta.Keyword), str(s.meta.License)}, s.vals...)
	var created int64
	err = t.queryRow(ctx, set.String(), append(args, s.meta.ID, cur.modified)...).Scan(&created)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, t.conflict(ctx, tb, s.meta)
	}
	if err != nil {
		return 0, err
	}
	s.meta.Created, s.meta.Modified, s.meta.Deleted = fromMicros(created), fromMicros(mod), false
	return cur.parent, t.clearRefs(ctx, tb.kind, s.meta.ID, s.links)
}

// conflict reports an update that lost the race to a concurrent one, with the
// modified time that won.
func (t *txState) conflict(ctx context.Context, tb *table, m *ratsinfo.Meta) error {
	cur, found, err := t.current(ctx, tb, m.ID)
	if err != nil {
		return err
	}
	if !found || cur.deleted {
		return ratsinfo.NotFound(tb.kind, m.ID)
	}
	return cmp.Or(ratsinfo.CheckModified(tb.kind, m.Modified, fromMicros(cur.modified)), errRaced)
}

// errRaced is a row that changed between the precondition check and the UPDATE
// and yet holds the modified that was checked: it cannot happen while modified
// only grows (nextModified), and is reported rather than taken for success.
var errRaced = errors.New("the row changed during the update")

// remove soft-deletes an object: it keeps its row as a tombstone.
func (t *txState) remove(ctx context.Context, now time.Time, tb *table, id int64) error {
	cur, found, err := t.current(ctx, tb, id)
	if err != nil {
		return err
	}
	if !found || cur.deleted {
		return ratsinfo.NotFound(tb.kind, id)
	}
	var wasPublic bool
	if tb.kind == ratsinfo.KindPaper {
		if wasPublic, err = t.paperPublished(ctx, id); err != nil {
			return err
		}
	}
	if _, err := t.exec(ctx, "UPDATE "+tb.name+" SET deleted = TRUE, modified = ? WHERE id = ?", nextModified(now, cur.modified), id); err != nil {
		return err
	}
	if err := t.flush(ctx); err != nil {
		return err
	}
	attachedBefore, err := t.attachedUnflushed(ctx, tb.kind, id)
	if err != nil {
		return err
	}
	// Attachments of a deleted object stay counted as hidden references, so a
	// location that only a deleted person used does not become public.
	if _, err := t.exec(ctx, "UPDATE backref SET live = FALSE, public = FALSE WHERE src_kind = ? AND src_id = ?", string(tb.kind), id); err != nil {
		return err
	}
	delete(t.known, objKey{tb.kind, id})
	if err := t.record(ctx, now, "delete", tb.kind, id, cur.body); err != nil {
		return err
	}
	switch tb.kind {
	case ratsinfo.KindPaper:
		t.known[objKey{tb.kind, id}] = cur.body // for the consultations' feed rows
		err := t.bumpConsultations(ctx, now, id)
		delete(t.known, objKey{tb.kind, id})
		if err != nil {
			return err
		}
		if wasPublic {
			if err := t.bumpAround(ctx, now, id); err != nil {
				return err
			}
		}
	}
	// Its back-references stay, hidden (below): what it attached publicly
	// loses it from its back-references, or vanishes.
	hiddenNow := map[objKey]bool{}
	for k := range attachedBefore {
		hiddenNow[k] = false
	}
	if err := t.bump(ctx, now, t.diffAttachments(attachedBefore, hiddenNow)); err != nil {
		return err
	}
	switch tb.kind {
	case ratsinfo.KindConsultation:
		// The agenda items that link it no longer do (dropHiddenConsultations).
		items, err := t.linkingItems(ctx, "consultation_id = ?", id)
		if err != nil {
			return err
		}
		if err := t.bump(ctx, now, items); err != nil {
			return err
		}
	}
	return t.bumpParents(ctx, now, tb, id, cur.parent, 0, false)
}

// clearRefs removes an object's links and back-references before they are written
// anew. Rows still in the buffers are dropped there and rows already written are
// deleted, so no flush is needed: a bulk load that creates an object and then
// updates it (a consultation and its agenda item point at each other) keeps its
// multi-row INSERTs full instead of flushing a few rows per update.
func (t *txState) clearRefs(ctx context.Context, k ratsinfo.Kind, id int64, links []linkList) error {
	t.links = dropRows(t.links, 4, func(row []any) bool {
		if row[1].(int64) != id {
			return false
		}
		for _, l := range links {
			if row[0].(string) == string(k)+"."+l.kind {
				return true
			}
		}
		return false
	})
	t.refs = dropRows(t.refs, 6, func(row []any) bool { return row[2].(string) == string(k) && row[3].(int64) == id })
	for _, l := range links {
		if _, err := t.exec(ctx, "DELETE FROM link WHERE kind = ? AND src = ?", string(k)+"."+l.kind, id); err != nil {
			return err
		}
	}
	_, err := t.exec(ctx, "DELETE FROM backref WHERE src_kind = ? AND src_id = ?", string(k), id)
	return err
}

// dropRows removes the rows for which drop is true from a flattened buffer of rows
// of width values, in place.
func dropRows(buf []any, width int, drop func(row []any) bool) []any {
	out := buf[:0]
	for i := 0; i+width <= len(buf); i += width {
		if !drop(buf[i : i+width]) {
			out = append(out, buf[i:i+width]...)
		}
	}
	return out
}

func (t *txState) insertLinks(ctx context.Context, k ratsinfo.Kind, id int64, links []linkList) error {
	for _, l := range links {
		for pos, dst := range l.ids {
			t.links = append(t.links, string(k)+"."+l.kind, id, pos, dst)
		}
	}
	return t.flushFull(ctx)
}

func (t *txState) insertAttach(ctx context.Context, k ratsinfo.Kind, id int64, as []attach, public bool) error {
	for _, a := range as {
		for _, dst := range a.ids {
			if dst != 0 {
				t.refs = append(t.refs, string(a.kind), dst, string(k), id, true, public)
			}
		}
	}
	return t.flushFull(ctx)
}

// insert runs an INSERT and returns the new id: RETURNING on PostgreSQL, the
// cheaper last-insert rowid on SQLite.
func (t *txState) insert(ctx context.Context, q string, args []any) (int64, error) {
	if t.db.dialect == "postgres" {
		var id int64
		err := t.queryRow(ctx, q+" RETURNING id", args...).Scan(&id)
		return id, err
	}
	res, err := t.exec(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// bumpParents gives every object that embeds this one a new modified and a change
// row: OParl clients sync on modified, and an embedded child is part of its parent.
func (t *txState) bumpParents(ctx context.Context, now time.Time, tb *table, id, parent, oldParent int64, created bool) error {
	var parents []objKey
	if parent != 0 {
		parents = append(parents, objKey{tb.pkind, parent})
	}
	if oldParent != 0 && oldParent != parent {
		parents = append(parents, objKey{tb.pkind, oldParent})
	}
	// A new file or location is not attached to anything yet.
	if !created && (tb.kind == ratsinfo.KindFile || tb.kind == ratsinfo.KindLocation) {
		rows, err := t.query(ctx, "SELECT DISTINCT src_kind, src_id FROM backref WHERE dst_kind = ? AND dst_id = ? AND live", string(tb.kind), id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k objKey
			if err := rows.Scan(&k.kind, &k.id); err != nil {
				rows.Close()
				return err
			}
			parents = append(parents, k)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return t.bump(ctx, now, parents)
}

// bump gives each object a new modified and a change-feed row, once each.
func (t *txState) bump(ctx context.Context, now time.Time, keys []objKey) error {
	us := now.UnixMicro()
	seen := map[objKey]bool{}
	for _, p := range keys {
		// An object created in this same transaction is committed together with
		// the change, so no reader ever saw the state before; bulk loads skip the bump.
		if t.created[p] || seen[p] {
			continue
		}
		seen[p] = true
		var body sql.NullInt64
		err := t.queryRow(ctx, "UPDATE "+tables[p.kind].name+" SET modified = CASE WHEN modified >= ? THEN modified + 1 ELSE ? END WHERE id = ? RETURNING body_id", us, us, p.id).Scan(&body)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return fmt.Errorf("bump %s %d: %w", p.kind, p.id, err)
		}
		if p.kind == ratsinfo.KindBody {
			body.Int64 = p.id
		}
		if err := t.change(ctx, now, "update", p.kind, p.id, body.Int64); err != nil {
			return err
		}
	}
	return nil
}

// attachedUnflushed returns the files and locations an object attaches
// (backref), each with whether the public sees it attached, without writing the
// buffered rows first: an update in a bulk load keeps its multi-row INSERTs
// full. The rows still in the buffer are read from there.
func (t *txState) attachedUnflushed(ctx context.Context, k ratsinfo.Kind, id int64) (map[objKey]bool, error) {
	q := "SELECT dst_kind, dst_id, public FROM backref WHERE src_kind = ? AND src_id = ?"
	var rows *sql.Rows
	var err error
	if t.db.dialect == "postgres" {
		rows, err = t.tx.QueryContext(ctx, t.db.rebind(q), string(k), id)
	} else {
		var st *sql.Stmt
		if st, err = t.stmt(ctx, q); err == nil {
			rows, err = st.QueryContext(ctx, string(k), id)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("attachments of %s %d: %w", k, id, err)
	}
	defer rows.Close()
	out := map[objKey]bool{}
	for rows.Next() {
		var key objKey
		var public bool
		if err := rows.Scan(&key.kind, &key.id, nbool{&public}); err != nil {
			return nil, fmt.Errorf("attachments of %s %d: %w", k, id, err)
		}
		out[key] = out[key] || public
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("attachments of %s %d: %w", k, id, err)
	}
	for i := 0; i+6 <= len(t.refs); i += 6 {
		if t.refs[i+2].(string) == string(k) && t.refs[i+3].(int64) == id {
			key := objKey{ratsinfo.Kind(t.refs[i].(string)), t.refs[i+1].(int64)}
			out[key] = out[key] || t.refs[i+5].(bool)
		}
	}
	return out, nil
}

// attachMap is what an object attaches by its saveSpec, as attachedUnflushed
// reads it back.
func attachMap(as []attach, public bool) map[objKey]bool {
	out := map[objKey]bool{}
	for _, a := range as {
		for _, id := range a.ids {
			if id != 0 {
				out[objKey{a.kind, id}] = public
			}
		}
	}
	return out
}

// diffAttachments returns the files and locations whose public form a write
// changed by what one object attaches: newly attached, let go of, or attached
// with another public state. Each appears or vanishes for the public, or names
// the object among its back-references or not. Locations among them are
// checked at commit for whether the public sees them (markLocationsSeen).
func (t *txState) diffAttachments(before, after map[objKey]bool) []objKey {
	var out []objKey
	for k, pub := range before {
		if now, ok := after[k]; !ok || now != pub {
			out = append(out, k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			out = append(out, k)
		}
	}
	for _, k := range out {
		if k.kind == ratsinfo.KindLocation {
			t.touchedLocations[k.id] = true
		}
	}
	return out
}

// linkingItems returns the live agenda items whose consultation matches where,
// and their meetings, which embed them.
func (t *txState) linkingItems(ctx context.Context, where string, args ...any) ([]objKey, error) {
	rows, err := t.query(ctx, "SELECT 'AgendaItem', id FROM agenda_item WHERE NOT deleted AND "+where+
		" UNION ALL SELECT 'Meeting', meeting_id FROM agenda_item WHERE NOT deleted AND "+where, append(args, args...)...)
	if err != nil {
		return nil, fmt.Errorf("agenda items linking consultations: %w", err)
	}
	return scanKeys(rows)
}

func scanKeys(rows *sql.Rows) ([]objKey, error) {
	defer rows.Close()
	var out []objKey
	for rows.Next() {
		var k objKey
		if err := rows.Scan(&k.kind, &k.id); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// bumpAround bumps what a paper's change of public state alters besides the
// paper, its consultations and its attachments (diffAttachments): the agenda
// items that link its consultations, with their meetings, and the papers whose
// lists name it (related, superordinated, subordinated), since embedded lists
// name no paper the public cannot see.
func (t *txState) bumpAround(ctx context.Context, now time.Time, paper int64) error {
	items, err := t.linkingItems(ctx, "consultation_id IN (SELECT id FROM consultation WHERE paper_id = ?)", paper)
	if err != nil {
		return err
	}
	rows, err := t.query(ctx, "SELECT 'Paper', src FROM link WHERE kind IN ('Paper.relatedPaper', 'Paper.superordinatedPaper') AND dst = ?"+
		" UNION SELECT 'Paper', dst FROM link WHERE kind = 'Paper.superordinatedPaper' AND src = ?", paper, paper)
	if err != nil {
		return fmt.Errorf("papers naming paper %d: %w", paper, err)
	}
	papers, err := scanKeys(rows)
	if err != nil {
		return fmt.Errorf("papers naming paper %d: %w", paper, err)
	}
	return t.bump(ctx, now, append(items, papers...))
}

// bumpMovedConsultation bumps the agenda items linking a consultation that moved
// from one paper to another, with their meetings, when the move changed whether
// the public sees it: they link it only while it does.
func (t *txState) bumpMovedConsultation(ctx context.Context, now time.Time, id, from, to int64) error {
	var live int
	if err := t.queryRow(ctx, "SELECT COUNT(*) FROM paper WHERE id IN (?, ?) AND published AND NOT deleted", from, to).Scan(&live); err != nil {
		return fmt.Errorf("published papers of moved consultation %d: %w", id, err)
	}
	if live != 1 {
		return nil
	}
	items, err := t.linkingItems(ctx, "consultation_id = ?", id)
	if err != nil {
		return err
	}
	return t.bump(ctx, now, items)
}
