package sqldb

import (
	"context"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// keptInquiryCounts answers CountInquiries from inquiry_count, which triggers
// keep in every write transaction (migration 0015), for the viewers whose
// visibility the table can express: the anonymous public (not drafts, not
// confidential) and the program (everything), filtered at most by body and
// state. ok is false for everyone and everything else: they are counted row by
// row (CountInquiries).
//
// Overdue depends on the day, so no trigger can keep it. It is counted as its
// complement: the open inquiries (kept) minus those still within their deadline
// or without one yet (counted on the index inquiry_counts). Overdue inquiries
// pile up over the years, but the ones within their deadline are at most the
// inquiries of the last period (weeks), however long the history.
func (db *DB) keptInquiryCounts(ctx context.Context, f ratsinfo.InquiryFilter) (n ratsinfo.InquiryCounts, ok bool, err error) {
	v := ratsinfo.ViewerFrom(ctx)
	public := v.Role == ratsinfo.RoleAnonymous && v.UserID == 0 && len(v.Grants) == 0
	// Any filter but these (unit, faction, and whatever is added later) is
	// counted row by row: the table knows only body, state and confidentiality.
	rest := f
	rest.BodyID, rest.State, rest.Overdue, rest.Today = 0, "", false, ratsinfo.Date{}
	rest.Limit, rest.Offset, rest.Brief = 0, 0, false
	if !public && v.Role != ratsinfo.RoleSystem || rest != (ratsinfo.InquiryFilter{}) {
		return n, false, nil
	}
	c := &cond{}
	if public {
		c.add("state <> 'draft' AND confidential = FALSE")
	} else {
		// Names both values so that the index's deadline column is usable.
		c.add("confidential IN (FALSE, TRUE)")
	}
	if f.BodyID != 0 {
		c.add("body_id = ?", f.BodyID)
	}
	if f.State != "" {
		c.add("state = ?", string(f.State))
	}
	r := db.reader(ctx)
	// Open counts drafts too (for the program; the public sees none), as
	// countInquiryRows does; only the other open states can be overdue.
	var waitingOrLate int
	if err := scanRow(ctx, r, []any{&n.Total, &n.Open, &waitingOrLate}, `SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT),
CAST(COALESCE(SUM(CASE WHEN state NOT IN ('published', 'withdrawn') THEN n ELSE 0 END), 0) AS BIGINT),
CAST(COALESCE(SUM(CASE WHEN state IN `+openStatesSQL()+` THEN n ELSE 0 END), 0) AS BIGINT)
FROM inquiry_count`+c.sql(), c.args...); err != nil {
		return n, true, wrap("count inquiries", err)
	}
	today := f.Today
	if today.IsZero() {
		today = ratsinfo.DateOf(db.now().In(ratsinfo.Berlin()))
	}
	var waiting int
	if err := scanRow(ctx, r, []any{&waiting}, notOverdueQuery(c), notOverdueArgs(c, today)...); err != nil {
		return n, true, wrap("count inquiries", err)
	}
	n.Overdue = waitingOrLate - waiting
	if f.Overdue {
		// The list holds the overdue ones only: all of them are open.
		n.Total, n.Open = n.Overdue, n.Overdue
	}
	return n, true, nil
}

// notOverdueQuery counts the open inquiries under c that are not overdue: one
// count without a deadline, one with a deadline from today on. Two counts, as
// the index inquiry_counts (state, confidential, deadline, …) serves each
// directly where an OR of both would read every open inquiry.
func notOverdueQuery(c *cond) string {
	open := openInquiryStates()
	where := c.sql() + " AND state IN (?" + strings.Repeat(", ?", len(open)-1) + ")"
	return `SELECT (SELECT COUNT(*) FROM inquiry` + where + ` AND deadline = '') + (SELECT COUNT(*) FROM inquiry` + where + ` AND deadline >= ?)`
}

func notOverdueArgs(c *cond, today ratsinfo.Date) []any {
	var states []any
	for _, s := range openInquiryStates() {
		states = append(states, string(s))
	}
	var args []any
	args = append(append(args, c.args...), states...)
	args = append(append(args, c.args...), states...)
	return append(args, today.String())
}

// openStatesSQL lists the open states as an SQL literal: ('submitted', …).
// They are constants of the domain, never input.
func openStatesSQL() string {
	var quoted []string
	for _, s := range openInquiryStates() {
		quoted = append(quoted, "'"+string(s)+"'")
	}
	return "(" + strings.Join(quoted, ", ") + ")"
}

// openInquiryStates are the states in which an inquiry waits for its answer and
// can be overdue: all but the draft (no deadline yet) and the two ends.
func openInquiryStates() []ratsinfo.InquiryState {
	var out []ratsinfo.InquiryState
	for _, s := range ratsinfo.InquiryStates() {
		if s != ratsinfo.InquiryDraft && s != ratsinfo.InquiryPublished && s != ratsinfo.InquiryWithdrawn {
			out = append(out, s)
		}
	}
	return out
}

// scanRow reads the one row of q into dst.
func scanRow(ctx context.Context, r querier, dst []any, q string, args ...any) error {
	rows, err := r.query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(dst...); err != nil {
			return err
		}
	}
	return rows.Err()
}
