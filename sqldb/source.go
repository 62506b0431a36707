package sqldb

import (
	"context"
	"time"
	"unicode/utf8"

	"github.com/ratsinfo/ratsinfo"
)

// DB keeps the bookkeeping of the OParl mirror next to the data, so that the
// mirror's checkpoints commit in the same transaction as the objects they cover.
var _ ratsinfo.SourceMap = (*DB)(nil)

// FindBySource returns what a source URL was imported as.
func (db *DB) FindBySource(ctx context.Context, url string) (ratsinfo.SourceRef, error) {
	rows, err := db.reader(ctx).query(ctx, `SELECT kind, object_id, hash, system FROM source_map WHERE url = ?`, url)
	if err != nil {
		return ratsinfo.SourceRef{}, wrap("find source", err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return ratsinfo.SourceRef{}, wrap("find source", err)
		}
		return ratsinfo.SourceRef{}, ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Zur Quelle %s gibt es kein importiertes Objekt.", url)
	}
	var r ratsinfo.SourceRef
	var kind string
	if err := rows.Scan(&kind, &r.ID, &r.Hash, &r.System); err != nil {
		return ratsinfo.SourceRef{}, wrap("find source", err)
	}
	r.Kind = ratsinfo.Kind(kind)
	return r, nil
}

// Sources returns the whole source map.
func (db *DB) Sources(ctx context.Context) (map[string]ratsinfo.SourceRef, error) {
	rows, err := db.reader(ctx).query(ctx, `SELECT url, kind, object_id, hash, system FROM source_map`)
	if err != nil {
		return nil, wrap("sources", err)
	}
	defer rows.Close()
	out := map[string]ratsinfo.SourceRef{}
	for rows.Next() {
		var u, kind string
		var r ratsinfo.SourceRef
		if err := rows.Scan(&u, &kind, &r.ID, &r.Hash, &r.System); err != nil {
			return nil, wrap("sources", err)
		}
		r.Kind = ratsinfo.Kind(kind)
		out[u] = r
	}
	return out, wrap("sources", rows.Err())
}

// RecordSource remembers what url was imported as, replacing an earlier entry.
func (db *DB) RecordSource(ctx context.Context, url string, r ratsinfo.SourceRef) error {
	if err := ratsinfo.CanKeepBooks(ctx); err != nil {
		return err
	}
	return db.write(ctx, "record source", func(t *txState, _ time.Time) error {
		_, err := t.exec(ctx, `INSERT INTO source_map (url, kind, object_id, hash, system) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, object_id = excluded.object_id, hash = excluded.hash, system = excluded.system`,
			url, string(r.Kind), r.ID, r.Hash, r.System)
		return err
	})
}

// Checkpoint returns the value under key, or "" if there is none.
func (db *DB) Checkpoint(ctx context.Context, key string) (string, error) {
	rows, err := db.reader(ctx).query(ctx, `SELECT value FROM mirror_checkpoint WHERE key = ?`, key)
	if err != nil {
		return "", wrap("checkpoint", err)
	}
	defer rows.Close()
	var v string
	if rows.Next() {
		if err := rows.Scan(&v); err != nil {
			return "", wrap("checkpoint", err)
		}
	}
	return v, wrap("checkpoint", rows.Err())
}

// Checkpoints returns every checkpoint whose key starts with prefix. Prefixes are
// compared with substr rather than LIKE, so that URLs with % or _ match literally;
// substr counts characters in both dialects, not bytes.
func (db *DB) Checkpoints(ctx context.Context, prefix string) (map[string]string, error) {
	rows, err := db.reader(ctx).query(ctx, `SELECT key, value FROM mirror_checkpoint WHERE substr(key, 1, ?) = ?`, utf8.RuneCountInString(prefix), prefix)
	if err != nil {
		return nil, wrap("checkpoints", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, wrap("checkpoints", err)
		}
		out[k] = v
	}
	return out, wrap("checkpoints", rows.Err())
}

// SetCheckpoint stores value under key; "" removes it.
func (db *DB) SetCheckpoint(ctx context.Context, key, value string) error {
	if err := ratsinfo.CanKeepBooks(ctx); err != nil {
		return err
	}
	return db.write(ctx, "set checkpoint", func(t *txState, _ time.Time) error {
		if value == "" {
			_, err := t.exec(ctx, `DELETE FROM mirror_checkpoint WHERE key = ?`, key)
			return err
		}
		_, err := t.exec(ctx, `INSERT INTO mirror_checkpoint (key, value) VALUES (?, ?)
ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}

// RetryFiles returns system's failed downloads: access URL → file source URL.
func (db *DB) RetryFiles(ctx context.Context, system string) (map[string]string, error) {
	rows, err := db.reader(ctx).query(ctx, `SELECT access_url, file_url FROM mirror_file_retry WHERE system = ?`, system)
	if err != nil {
		return nil, wrap("retry files", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var a, f string
		if err := rows.Scan(&a, &f); err != nil {
			return nil, wrap("retry files", err)
		}
		out[a] = f
	}
	return out, wrap("retry files", rows.Err())
}

// SetRetryFile adds a failed download to system's retry set; "" removes it.
func (db *DB) SetRetryFile(ctx context.Context, system, accessURL, fileURL string) error {
	return db.write(ctx, "set retry file", func(t *txState, _ time.Time) error {
		if fileURL == "" {
			_, err := t.exec(ctx, `DELETE FROM mirror_file_retry WHERE access_url = ? AND system = ?`, accessURL, system)
			return err
		}
		_, err := t.exec(ctx, `INSERT INTO mirror_file_retry (access_url, file_url, system) VALUES (?, ?, ?)
ON CONFLICT (access_url) DO UPDATE SET file_url = excluded.file_url, system = excluded.system`, accessURL, fileURL, system)
		return err
	})
}
