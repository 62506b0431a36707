package sqldb

import "context"

// LatestChange returns the newest change-feed sequence number (0 for an empty
// feed). Caches of rendered output compare it: while it stays the same, nothing that
// any reader can see has changed, on this instance or on any other sharing the
// database.
func (db *DB) LatestChange(ctx context.Context) (int64, error) {
	rows, err := db.reader(ctx).query(ctx, `SELECT COALESCE(MAX(seq), 0) FROM change_feed`)
	if err != nil {
		return 0, wrap("latest change", err)
	}
	defer rows.Close()
	var seq int64
	if rows.Next() {
		if err := rows.Scan(&seq); err != nil {
			return 0, wrap("latest change", err)
		}
	}
	return seq, wrap("latest change", rows.Err())
}
