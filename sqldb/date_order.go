package sqldb

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ratsinfo/ratsinfo"
)

// Reads in date order: meetings by start time (calendars, "next meetings") and
// papers newest first (the paper list and its filters). They select ids only, under the same visibility conditions as every list
// (listCond), and then load the objects through the ordinary finders, so how an
// object is read and redacted stays in one place.

// FindMeetingsByStart returns the meetings that start in a range, in start order.
func (db *DB) FindMeetingsByStart(ctx context.Context, r ratsinfo.MeetingRange) ([]*ratsinfo.Meeting, error) {
	c, _ := db.listCond(tMeeting, ratsinfo.ViewerFrom(ctx), ratsinfo.ListFilter{BodyID: r.BodyID})
	c.add("t.start_at IS NOT NULL")
	if !r.From.IsZero() {
		c.add("t.start_at >= ?", r.From.UnixMicro())
	}
	if !r.Until.IsZero() {
		c.add("t.start_at < ?", r.Until.UnixMicro())
	}
	if r.OrganizationIDs != nil {
		db.linkedFrom(c, "Meeting.organization", r.OrganizationIDs)
	}
	order := " ORDER BY t.start_at, t.id"
	if r.Descending {
		order = " ORDER BY t.start_at DESC, t.id DESC"
	}
	ids, err := db.selectIDs(ctx, "SELECT t.id FROM meeting t"+c.sql()+order, c.args, 0, r.Limit)
	if err != nil {
		return nil, wrap("find meetings by start", err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	ms, err := db.FindMeetings(ctx, ratsinfo.MeetingFilter{ListFilter: ratsinfo.ListFilter{IDs: ids}})
	if err != nil {
		return nil, err
	}
	return inOrder(ids, ms, func(m *ratsinfo.Meeting) int64 { return m.ID }), nil
}

// FindPapersByDate returns a page of papers newest first and how many match in all.
// The page walks the date index (paper_date, paper_type_date) and stops after
// Limit rows; the total is kept by the store for all papers of a body and
// otherwise a separate, bounded COUNT cached until the change feed moves on,
// because a window count over 100,000 papers made every list page sort them all.
func (db *DB) FindPapersByDate(ctx context.Context, pq ratsinfo.PaperQuery) ([]*ratsinfo.Paper, int, error) {
	c, _ := db.listCond(tPaper, ratsinfo.ViewerFrom(ctx), ratsinfo.ListFilter{BodyID: pq.BodyID})
	if pq.PaperType != "" {
		c.add("t.paper_type = ?", pq.PaperType)
	}
	trigram := -1 // index of the trigram condition in c.where
	if text := strings.TrimSpace(pq.Text); text != "" {
		trigram = db.titleMatch(c, text)
	}
	if !pq.DateFrom.IsZero() {
		c.add("t.date >= ?", pq.DateFrom.String())
	}
	if !pq.DateUntil.IsZero() {
		c.add("t.date <= ?", pq.DateUntil.String())
	}
	if pq.PersonID != 0 {
		db.linkedFrom(c, "Paper.originatorPerson", []int64{pq.PersonID})
	}
	if pq.RelatedPaperID != 0 {
		db.linkedFrom(c, "Paper.relatedPaper", []int64{pq.RelatedPaperID})
	}
	if pq.OrganizationID != 0 {
		committeePapers(c, pq.OrganizationID)
	}
	// Papers without a date come last, as the empty string sorted last before; SQLite sorts NULL
	// last in descending order by itself, PostgreSQL is told to.
	order := " ORDER BY t.date DESC, t.id DESC"
	if db.dialect == "postgres" {
		order = " ORDER BY t.date DESC NULLS LAST, t.id DESC"
	}
	total, err := db.paperTotal(ctx, pq, c)
	if err != nil {
		return nil, 0, wrap("count papers", err)
	}
	capped := pq.CountCap > 0 && total > pq.CountCap
	if total == 0 || !capped && pq.Offset >= total {
		return nil, total, nil
	}
	if trigram >= 0 && total > walkDateIndex {
		// Many matches: walking the date index and testing each paper against
		// the matches finds a page sooner than sorting all matches. Few matches:
		// sorting them is cheaper than walking all papers.
		c.where[trigram] = "+" + c.where[trigram]
	}
	ids, err := db.selectIDs(ctx, "SELECT t.id FROM paper t"+c.sql()+order, c.args, pq.Offset, pq.Limit)
	if err != nil {
		return nil, 0, wrap("find papers by date", err)
	}
	if len(ids) == 0 {
		return nil, total, nil
	}
	ps, err := db.FindPapers(ctx, ratsinfo.PaperFilter{ListFilter: ratsinfo.ListFilter{IDs: ids}})
	if err != nil {
		return nil, 0, err
	}
	return inOrder(ids, ps, func(p *ratsinfo.Paper) int64 { return p.ID }), total, nil
}

// paperTotal is the total of a paper query: kept in list_count for all papers
// of a body, otherwise counted under c, up to pq.CountCap+1 rows if set.
func (db *DB) paperTotal(ctx context.Context, pq ratsinfo.PaperQuery, c *cond) (int, error) {
	if !pq.Narrowed() {
		return db.keptCount(ctx, ratsinfo.KindPaper, pq.BodyID, ratsinfo.ViewerFrom(ctx))
	}
	if pq.CountCap > 0 {
		return db.cachedCount(ctx, "SELECT COUNT(*) FROM (SELECT 1 FROM paper t"+c.sql()+" LIMIT ?) x",
			append(slices.Clone(c.args), pq.CountCap+1))
	}
	return db.cachedCount(ctx, "SELECT COUNT(*) FROM paper t"+c.sql(), c.args)
}

// walkDateIndex is the number of matches above which a title search walks the
// date index instead of sorting its matches: with 1,000 matches in 100,000 papers
// a page of 20 is found after about 2,000 index entries.
const walkDateIndex = 1000

// titleMatch keeps papers whose name or reference contains text, ignoring case.
// On SQLite a text of three or more characters goes through the trigram index
// paper_title, and the condition's index in c.where is returned (a prefix "+"
// stops SQLite from driving the query by it); shorter texts, and PostgreSQL,
// compare every title, and -1 is returned.
func (db *DB) titleMatch(c *cond, text string) int {
	if db.dialect == "sqlite" && utf8.RuneCountInString(text) >= 3 {
		at := len(c.where)
		c.add("t.id IN (SELECT rowid FROM paper_title WHERE paper_title MATCH ?)", `"`+strings.ReplaceAll(text, `"`, `""`)+`"`)
		return at
	}
	pat := "%" + likeEscape(strings.ToLower(text)) + "%"
	c.add(`(LOWER(t.name) LIKE ? ESCAPE '\' OR LOWER(t.reference) LIKE ? ESCAPE '\')`, pat, pat)
	return -1
}

// scanOne runs a query of one row and one column.
func scanOne[T any](ctx context.Context, r querier, dst *T, q string, args ...any) error {
	rows, err := r.query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(dst); err != nil {
			return err
		}
	}
	return rows.Err()
}

// linkedFrom adds "the row links, by a link of this kind, to one of ids", as a
// set lookup on the link_dst index.
func (db *DB) linkedFrom(c *cond, kind string, ids []int64) {
	sub := &cond{}
	db.in(sub, "l.dst", ids)
	c.add("t.id IN (SELECT l.src FROM link l WHERE l.kind = '"+kind+"' AND "+strings.Join(sub.where, " AND ")+")", sub.args...)
}

// selectIDs runs a query of ids with offset and limit. The total, where a page
// needs one, is a separate cached count (cachedCount).
func (db *DB) selectIDs(ctx context.Context, q string, args []any, offset, limit int) ([]int64, error) {
	if limit > 0 {
		q += " LIMIT ?"
		args = append(args, limit)
	}
	if offset > 0 {
		if limit <= 0 {
			q += " LIMIT -1"
			if db.dialect == "postgres" {
				q = strings.TrimSuffix(q, " LIMIT -1") + " LIMIT ALL"
			}
		}
		q += " OFFSET ?"
		args = append(args, offset)
	}
	rows, err := db.reader(ctx).query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// inOrder returns xs in the order of ids; ids without an object are skipped.
func inOrder[T any](ids []int64, xs []T, id func(T) int64) []T {
	byID := make(map[int64]T, len(xs))
	for _, x := range xs {
		byID[id(x)] = x
	}
	out := make([]T, 0, len(ids))
	for _, i := range ids {
		if x, ok := byID[i]; ok {
			out = append(out, x)
		}
	}
	return out
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
