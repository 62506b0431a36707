package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// loadInquiry reads one inquiry with its inquirers and questions, whoever asks:
// callers decide what the viewer may see of it.
func loadInquiry(ctx context.Context, r querier, id int64) (*ratsinfo.Inquiry, error) {
	rows, err := r.query(ctx, `SELECT `+inquiryColumns+` FROM inquiry WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	list, err := scanInquiries(rows)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Die Anfrage %d wurde nicht gefunden.", id)
	}
	if err := loadInquiryParts(ctx, r, list, true); err != nil {
		return nil, err
	}
	return list[0], nil
}

func scanInquiries(rows *sql.Rows) ([]*ratsinfo.Inquiry, error) {
	defer rows.Close()
	var out []*ratsinfo.Inquiry
	for rows.Next() {
		q := &ratsinfo.Inquiry{}
		var state, period, moved string
		var created, modified int64
		var nominal ratsinfo.Date
		if err := rows.Scan(&q.ID, &q.BodyID, &q.Title, &q.Preamble, nint{&q.FactionID}, &q.ExternalInquirer, &q.ExternalInquirerConsent,
			nint{&q.PreferredCommitteeID}, &state, &q.Confidential, &q.Reference, ndate{&q.ReceivedOn}, nint{&q.UnitID}, &period,
			ndate{&q.Deadline.Day}, ndate{&nominal}, &moved, &q.DeadlineNote, nint{&q.PaperID}, nint{&q.AnswerPaperID},
			nint{&q.CreatedBy}, &created, &modified, &q.PaperType, nint{&q.PlannedCommitteeID}, nint{&q.PlannedMeetingID},
			&q.PlannedRole); err != nil {
			return nil, err
		}
		q.State, q.Deadline.Nominal, q.Deadline.MovedBecause = ratsinfo.InquiryState(state), nominal, moved
		if period != "" {
			p, err := ratsinfo.ParsePeriod(period)
			if err != nil {
				return nil, fmt.Errorf("inquiry %d: stored period %q: %w", q.ID, period, err)
			}
			q.Period = p
		}
		q.Created, q.Modified = fromMicros(created), fromMicros(modified)
		out = append(out, q)
	}
	return out, rows.Err()
}

// loadInquiryParts fills the inquirers and (with questions) the questions of
// list, one query each.
func loadInquiryParts(ctx context.Context, r querier, list []*ratsinfo.Inquiry, questions bool) error {
	if len(list) == 0 {
		return nil
	}
	byID := make(map[int64]*ratsinfo.Inquiry, len(list))
	ids := make([]string, len(list))
	args := make([]any, len(list))
	for i, q := range list {
		byID[q.ID], ids[i], args[i] = q, "?", q.ID
		q.InquirerPersonIDs, q.Questions = nil, nil
	}
	in := "(" + strings.Join(ids, ",") + ")"
	rows, err := r.query(ctx, `SELECT inquiry_id, person_id FROM inquiry_inquirer WHERE inquiry_id IN `+in+` ORDER BY inquiry_id, pos`, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id, person int64
		if err := rows.Scan(&id, &person); err != nil {
			rows.Close()
			return err
		}
		byID[id].InquirerPersonIDs = append(byID[id].InquirerPersonIDs, person)
	}
	rows.Close()
	if err := rows.Err(); err != nil || !questions {
		return err
	}
	rows, err = r.query(ctx, `SELECT inquiry_id, number, text, points, answer, answer_by, answer_modified
FROM inquiry_question WHERE inquiry_id IN `+in+` ORDER BY inquiry_id, number`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var points string
		var qu ratsinfo.Question
		if err := rows.Scan(&id, &qu.Number, &qu.Text, &points, &qu.Answer, nint{&qu.AnswerBy}, ntime{&qu.AnswerModified}); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(points), &qu.Points); err != nil {
			return fmt.Errorf("inquiry %d question %d: points: %w", id, qu.Number, err)
		}
		byID[id].Questions = append(byID[id].Questions, qu)
	}
	return rows.Err()
}

// FindInquiry returns all of an inquiry to those who may read it and the public
// form to everyone else; what nobody else may see reads as not found.
func (db *DB) FindInquiry(ctx context.Context, id int64) (*ratsinfo.Inquiry, error) {
	q, err := loadInquiry(ctx, db.reader(ctx), id)
	if err != nil {
		return nil, wrap("find inquiry", err)
	}
	if ratsinfo.MayReadInquiry(ctx, q) {
		return q, nil
	}
	if p, ok := q.PublicForm(); ok {
		return p, nil
	}
	return nil, ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Die Anfrage %d wurde nicht gefunden.", id)
}

// FindInquiries returns the inquiries the viewer may read, newest first. The
// visibility is part of the query (inquiryVisibility), so a limit counts only
// what the viewer sees.
func (db *DB) FindInquiries(ctx context.Context, f ratsinfo.InquiryFilter) ([]*ratsinfo.Inquiry, error) {
	c := db.inquiryCond(ctx, f)
	q := `SELECT ` + inquiryColumns + ` FROM inquiry` + c.sql() + ` ORDER BY created DESC, id DESC`
	args := c.args
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
		if f.Offset > 0 {
			q += " OFFSET ?"
			args = append(args, f.Offset)
		}
	}
	r := db.reader(ctx)
	rows, err := r.query(ctx, q, args...)
	if err != nil {
		return nil, wrap("find inquiries", err)
	}
	list, err := scanInquiries(rows)
	if err != nil {
		return nil, wrap("find inquiries", err)
	}
	if err := loadInquiryParts(ctx, r, list, !f.Brief); err != nil {
		return nil, wrap("find inquiries", err)
	}
	for i, q := range list {
		if !ratsinfo.MayReadInquiry(ctx, q) {
			list[i], _ = q.PublicForm() // the query let only public ones through
		}
	}
	return list, nil
}

// CountInquiries counts the inquiries FindInquiries would list, in one query.
func (db *DB) CountInquiries(ctx context.Context, f ratsinfo.InquiryFilter) (ratsinfo.InquiryCounts, error) {
	if n, ok, err := db.keptInquiryCounts(ctx, f); ok {
		return n, err
	}
	return db.countInquiryRows(ctx, f)
}

// countInquiryRows counts row by row, under the viewer's visibility.
func (db *DB) countInquiryRows(ctx context.Context, f ratsinfo.InquiryFilter) (ratsinfo.InquiryCounts, error) {
	c := db.inquiryCond(ctx, f)
	today := f.Today
	if today.IsZero() {
		today = ratsinfo.DateOf(db.now().In(ratsinfo.Berlin()))
	}
	var n ratsinfo.InquiryCounts
	q := `SELECT COUNT(*),
COALESCE(SUM(CASE WHEN state NOT IN ('published', 'withdrawn') THEN 1 ELSE 0 END), 0),
COALESCE(SUM(CASE WHEN state NOT IN ('published', 'withdrawn') AND deadline <> '' AND deadline < ? THEN 1 ELSE 0 END), 0)
FROM inquiry` + c.sql()
	rows, err := db.reader(ctx).query(ctx, q, append([]any{today.String()}, c.args...)...)
	if err != nil {
		return n, wrap("count inquiries", err)
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(&n.Total, &n.Open, &n.Overdue); err != nil {
			return n, wrap("count inquiries", err)
		}
	}
	return n, wrap("count inquiries", rows.Err())
}

// inquiryCond is the WHERE of a list of inquiries: what the viewer may see and
// what the filter asks for.
func (db *DB) inquiryCond(ctx context.Context, f ratsinfo.InquiryFilter) *cond {
	c := &cond{}
	inquiryVisibility(c, ratsinfo.ViewerFrom(ctx))
	if f.BodyID != 0 {
		c.add("body_id = ?", f.BodyID)
	}
	if f.State != "" {
		c.add("state = ?", string(f.State))
	}
	if f.UnitID != 0 {
		c.add("unit_id = ?", f.UnitID)
	}
	if f.FactionID != 0 {
		c.add("faction_id = ?", f.FactionID)
	}
	if f.Overdue {
		today := f.Today
		if today.IsZero() {
			today = ratsinfo.DateOf(db.now().In(ratsinfo.Berlin()))
		}
		c.add("deadline <> '' AND deadline < ? AND state NOT IN ('published', 'withdrawn')", today.String())
	}
	return c
}

// inquiryVisibility restricts a query on inquiry to the rows v may see: the
// program all; everyone the public ones (not drafts, not confidential); an
// account besides what its grants open (MayReadInquiry says the same per row).
func inquiryVisibility(c *cond, v ratsinfo.Viewer) {
	if v.Role == ratsinfo.RoleSystem {
		return
	}
	or := []string{"(state <> 'draft' AND confidential = FALSE)"}
	var args []any
	if v.UserID != 0 {
		or = append(or, "created_by = ?")
		args = append(args, v.UserID)
	}
	for _, g := range v.Grants {
		switch g.Role {
		case ratsinfo.GrantCouncilOffice, ratsinfo.GrantSignOff:
			or = append(or, "(body_id = ? AND state <> 'draft')")
			args = append(args, g.BodyID)
		case ratsinfo.GrantUnit:
			or = append(or, "(body_id = ? AND unit_id = ? AND state <> 'draft')")
			args = append(args, g.BodyID, g.OrganizationID)
		case ratsinfo.GrantFactionOffice:
			or = append(or, "(body_id = ? AND faction_id = ?)")
			args = append(args, g.BodyID, g.OrganizationID)
		case ratsinfo.GrantCouncilMember:
			or = append(or, "(body_id = ? AND id IN (SELECT inquiry_id FROM inquiry_inquirer WHERE person_id = ?))")
			args = append(args, g.BodyID, g.PersonID)
		}
	}
	c.add("("+strings.Join(or, " OR ")+")", args...)
}

// InquiryEvents returns the audit trail of an inquiry, oldest first: all of it
// to those who may read the whole inquiry, the public timeline to everyone else.
func (db *DB) InquiryEvents(ctx context.Context, id int64) ([]*ratsinfo.InquiryEvent, error) {
	r := db.reader(ctx)
	q, err := loadInquiry(ctx, r, id)
	if err != nil {
		return nil, wrap("inquiry events", err)
	}
	full := ratsinfo.MayReadInquiry(ctx, q)
	if _, public := q.PublicForm(); !full && !public {
		return nil, ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Die Anfrage %d wurde nicht gefunden.", id)
	}
	c := &cond{}
	c.add("inquiry_id = ?", id)
	if !full {
		// The public timeline: the milestones, without who took them and
		// without the internal work (answers in progress, send-backs).
		public := ratsinfo.PublicInquiryEvents()
		args := make([]any, len(public))
		for i, a := range public {
			args[i] = a
		}
		c.add("action IN (?"+strings.Repeat(", ?", len(public)-1)+")", args...)
	}
	rows, err := r.query(ctx, `SELECT id, inquiry_id, at, actor_id, action, from_state, to_state, note FROM inquiry_event`+c.sql()+` ORDER BY id`, c.args...)
	if err != nil {
		return nil, wrap("inquiry events", err)
	}
	return scanInquiryEvents(rows, full)
}

// InquiryEventsAfter returns the audit entries of every inquiry with an id
// above after, oldest first, at most limit: the outbox that the mail jobs read
// past their checkpoint (the program only).
func (db *DB) InquiryEventsAfter(ctx context.Context, after int64, limit int) ([]*ratsinfo.InquiryEvent, error) {
	if err := ratsinfo.CanKeepBooks(ctx); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 100
	}
	rows, err := db.reader(ctx).query(ctx, `SELECT id, inquiry_id, at, actor_id, action, from_state, to_state, note FROM inquiry_event WHERE id > ? ORDER BY id LIMIT ?`, after, limit)
	if err != nil {
		return nil, wrap("inquiry events after", err)
	}
	return scanInquiryEvents(rows, true)
}

func scanInquiryEvents(rows *sql.Rows, full bool) ([]*ratsinfo.InquiryEvent, error) {
	defer rows.Close()
	var out []*ratsinfo.InquiryEvent
	for rows.Next() {
		e := &ratsinfo.InquiryEvent{}
		var at int64
		var from, to string
		if err := rows.Scan(&e.ID, &e.InquiryID, &at, nint{&e.ActorID}, &e.Action, &from, &to, &e.Note); err != nil {
			return nil, wrap("inquiry events", err)
		}
		e.At, e.From, e.To = fromMicros(at), ratsinfo.InquiryState(from), ratsinfo.InquiryState(to)
		if !full {
			e.ActorID = 0
		}
		out = append(out, e)
	}
	return out, wrap("inquiry events", rows.Err())
}
