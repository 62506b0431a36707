package sqldb

import "context"

// The trigram title index paper_title (SQLite only) is written once per transaction
// instead of once per paper: FTS5 flushes its pending terms at the start of every
// statement, so per-row trigger inserts left a tiny index segment per paper and a
// bulk load spent most of its time merging them (migration 0005).
//
// Before its first new paper a transaction records in paper_title_defer the
// smallest id it can create (ids are AUTOINCREMENT, so every paper it creates has
// an id at least that large); the triggers skip those papers, and indexTitles adds
// them just before commit with the names and references they end up with. The row
// never outlives the transaction, so every committed state has a complete index.
// A title search inside the same transaction does not find its own new papers.

// deferTitles starts deferring the title index for papers this transaction creates.
func (t *txState) deferTitles(ctx context.Context) error {
	if t.db.dialect != "sqlite" || t.titlesDeferred {
		return nil
	}
	if _, err := t.exec(ctx, `INSERT INTO paper_title_defer (from_id) SELECT COALESCE(MAX(id), 0) + 1 FROM paper`); err != nil {
		return err
	}
	t.titlesDeferred = true
	return nil
}

// indexTitles adds the papers created in this transaction to the title index in one
// statement and ends the deferral.
func (t *txState) indexTitles(ctx context.Context) error {
	if !t.titlesDeferred {
		return nil
	}
	if _, err := t.exec(ctx, `INSERT INTO paper_title (rowid, name, reference) SELECT id, name, reference FROM paper WHERE id >= (SELECT MIN(from_id) FROM paper_title_defer)`); err != nil {
		return err
	}
	if _, err := t.exec(ctx, `DELETE FROM paper_title_defer`); err != nil {
		return err
	}
	t.titlesDeferred = false
	return nil
}
