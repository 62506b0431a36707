package sqldb

import (
	"context"
	"database/sql"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

var _ ratsinfo.TextStore = (*DB)(nil)

// FilesWithoutText lists the files text extraction still has to read. It looks
// past visibility (a file of an unpublished paper gets its text too), so only
// the program itself may ask.
func (db *DB) FilesWithoutText(ctx context.Context, afterID int64, limit int) ([]int64, error) {
	if err := ratsinfo.CanKeepBooks(ctx); err != nil {
		return nil, err
	}
	rows, err := db.reader(ctx).query(ctx, `SELECT t.id FROM file t
WHERE t.id > ? AND NOT t.deleted AND t.blob_key IS NOT NULL AND t.blob_key <> '' AND (t.text IS NULL OR t.text = '')
AND NOT EXISTS (SELECT 1 FROM file_text_state s WHERE s.file_id = t.id AND s.status IN ('failed', 'needs_ocr'))
ORDER BY t.id LIMIT ?`, afterID, limit)
	if err != nil {
		return nil, wrap("files without text", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, wrap("files without text", err)
		}
		out = append(out, id)
	}
	return out, wrap("files without text", rows.Err())
}

// SetFileTextState records the outcome of an extraction attempt. It is
// bookkeeping, not a change of the record: no audit or change-feed row (the
// text itself goes through UpdateFile and has both).
func (db *DB) SetFileTextState(ctx context.Context, s ratsinfo.FileTextState) error {
	if err := ratsinfo.CanKeepBooks(ctx); err != nil {
		return err
	}
	return db.write(ctx, "set file text state", func(t *txState, now time.Time) error {
		_, err := t.exec(ctx, `INSERT INTO file_text_state (file_id, status, reason, attempts, updated) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (file_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, attempts = excluded.attempts, updated = excluded.updated`,
			s.FileID, string(s.Status), s.Reason, s.Attempts, now.UnixMicro())
		return err
	})
}

// FileTextStates returns the extraction state of files. The reasons name what
// went wrong inside a file, which may be a non-public one: only the program and
// staff read them.
func (db *DB) FileTextStates(ctx context.Context, ids []int64) (map[int64]ratsinfo.FileTextState, error) {
	if !ratsinfo.ViewerFrom(ctx).SeesNonPublic() {
		return nil, ratsinfo.Errorf(ratsinfo.EFORBIDDEN, "Der Stand der Textauszüge ist nur für das Büro der Stadtvertretung lesbar.")
	}
	out := make(map[int64]ratsinfo.FileTextState, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	c := &cond{}
	db.in(c, "t.id", ids)
	rows, err := db.reader(ctx).query(ctx, `SELECT t.id, COALESCE(t.text, ''), s.status, s.reason, s.attempts, s.updated
FROM file t LEFT JOIN file_text_state s ON s.file_id = t.id`+c.sql(), c.args...)
	if err != nil {
		return nil, wrap("file text states", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			st       ratsinfo.FileTextState
			text     string
			status   sql.NullString
			reason   sql.NullString
			attempts sql.NullInt64
			updated  sql.NullInt64
		)
		if err := rows.Scan(&st.FileID, &text, &status, &reason, &attempts, &updated); err != nil {
			return nil, wrap("file text states", err)
		}
		st.Status, st.Reason, st.Attempts = ratsinfo.TextStatus(status.String), reason.String, int(attempts.Int64)
		if updated.Valid {
			st.Updated = fromMicros(updated.Int64)
		}
		switch {
		case text != "":
			st.Status = ratsinfo.TextDone
		case st.Status == "" || st.Status == ratsinfo.TextDone:
			st.Status = ratsinfo.TextPending
		}
		out[st.FileID] = st
	}
	return out, wrap("file text states", rows.Err())
}
