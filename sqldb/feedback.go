package sqldb

import (
	"context"
	"database/sql"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Feedback from the website's forms lives in its own table, outside the council
// record: it has no audit or change-feed rows, so it never reaches the API, search,
// feeds or calendars, and only staff can read it back.
var _ ratsinfo.FeedbackStore = (*DB)(nil)

// CreateFeedback validates f and stores it in one transaction; once it returns nil
// the message is on disk: PostgreSQL syncs every commit, and SQLite's connections
// run with synchronous=FULL (see openSQLite), which syncs the WAL on each commit.
func (db *DB) CreateFeedback(ctx context.Context, f *ratsinfo.Feedback) error {
	if err := ratsinfo.CanCreateFeedback(ctx); err != nil {
		return err
	}
	if err := f.Validate(); err != nil {
		return err
	}
	return db.write(ctx, "create feedback", func(t *txState, now time.Time) error {
		var file any
		if f.FileID > 0 {
			file = f.FileID
		}
		id, err := t.insert(ctx, `INSERT INTO feedback (created, kind, reason, file_id, page, lang, name, email, text)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, []any{now.UnixMicro(), f.Kind, f.Reason, file, f.Page, f.Lang, f.Name, f.Email, f.Text})
		if err != nil {
			return err
		}
		f.ID, f.Created = id, time.UnixMicro(now.UnixMicro()).UTC()
		return nil
	})
}

// FindFeedback returns feedback newest first. The public may write feedback but
// not read it: it holds names and addresses of citizens.
func (db *DB) FindFeedback(ctx context.Context, ff ratsinfo.FeedbackFilter) ([]*ratsinfo.Feedback, error) {
	if err := ratsinfo.CanReadFeedback(ctx); err != nil {
		return nil, err
	}
	c := &cond{}
	if ff.Kind != "" {
		c.add("kind = ?", ff.Kind)
	}
	if !ff.Since.IsZero() {
		c.add("created >= ?", ff.Since.UnixMicro())
	}
	q := `SELECT id, created, kind, reason, file_id, page, lang, name, email, text FROM feedback` + c.sql() + ` ORDER BY created DESC, id DESC`
	args := c.args
	if ff.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, ff.Limit)
	}
	rows, err := db.reader(ctx).query(ctx, q, args...)
	if err != nil {
		return nil, wrap("find feedback", err)
	}
	defer rows.Close()
	var out []*ratsinfo.Feedback
	for rows.Next() {
		f := &ratsinfo.Feedback{}
		var created int64
		var file sql.NullInt64
		if err := rows.Scan(&f.ID, &created, &f.Kind, &f.Reason, &file, &f.Page, &f.Lang, &f.Name, &f.Email, &f.Text); err != nil {
			return nil, wrap("find feedback", err)
		}
		f.Created, f.FileID = time.UnixMicro(created).UTC(), file.Int64
		out = append(out, f)
	}
	return out, wrap("find feedback", rows.Err())
}
