package sqldb

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

//go:embed migrations
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the dialect's numbered migrations in order.
func (db *DB) migrations() ([]migration, error) {
	dir := path.Join("migrations", db.dialect)
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		b, err := migrationFS.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

const createSchemaVersion = `CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)`

// SchemaVersion returns the database's schema version and the newest this binary knows.
func (db *DB) SchemaVersion(ctx context.Context) (current, latest int, err error) {
	ms, err := db.migrations()
	if err != nil {
		return 0, 0, err
	}
	if len(ms) > 0 {
		latest = ms[len(ms)-1].version
	}
	if _, err := db.w.ExecContext(ctx, createSchemaVersion); err != nil {
		return 0, 0, wrap("schema version", err)
	}
	var v *int64
	if err := db.w.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_version`).Scan(&v); err != nil {
		return 0, 0, wrap("schema version", err)
	}
	if v != nil {
		current = int(*v)
	}
	return current, latest, nil
}

func (db *DB) checkSchema(ctx context.Context, migrate bool) error {
	cur, latest, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if cur > latest {
		return tooNew(cur, latest)
	}
	if cur == latest {
		return nil
	}
	if !migrate {
		return &ratsinfo.Error{Code: ratsinfo.EUNAVAILABLE, Message: fmt.Sprintf(
			"Das Datenbankschema ist veraltet (Version %d, benötigt wird %d). Bitte sichern Sie die Datenbank und führen Sie `ratsinfo migrate` aus.", cur, latest)}
	}
	return db.Migrate(ctx)
}

func tooNew(cur, latest int) error {
	return &ratsinfo.Error{Code: ratsinfo.EUNAVAILABLE, Message: fmt.Sprintf(
		"Das Datenbankschema (Version %d) ist neuer als diese Ratsinfo-Version (kennt bis Version %d). Bitte verwenden Sie die neuere Ratsinfo-Version; die Datenbank wurde nicht verändert.", cur, latest)}
}

// Migrate applies pending migrations, each in its own transaction, so a failure
// leaves the database at the last complete version.
func (db *DB) Migrate(ctx context.Context) error {
	cur, latest, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if cur > latest {
		return tooNew(cur, latest)
	}
	ms, err := db.migrations()
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.version <= cur {
			continue
		}
		if err := db.apply(ctx, m); err != nil {
			return err
		}
		db.log.Info("Datenbankschema migriert", "version", m.version, "file", m.name)
	}
	return nil
}

func (db *DB) apply(ctx context.Context, m migration) error {
	now := db.now().UnixMicro()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return wrap("migrate "+m.name, err)
	}
	defer tx.Rollback()
	text := strings.ReplaceAll(m.sql, "{{now}}", strconv.FormatInt(now, 10))
	for _, stmt := range splitSQL(text) {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return wrap("migrate "+m.name, err)
		}
	}
	// A concurrent instance migrating at the same time fails here on the primary key.
	if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO schema_version (version, applied_at) VALUES (?, ?)`), m.version, now); err != nil {
		return wrap("migrate "+m.name, err)
	}
	return wrap("migrate "+m.name, tx.Commit())
}

// splitSQL splits a migration at semicolons that end a line; our migrations keep
// semicolons out of string literals. A function body between $$ quotes stays in
// one piece, as PostgreSQL needs it whole.
func splitSQL(s string) []string {
	var out []string
	var open string // a statement whose $$ body has not ended yet
	for _, part := range strings.Split(s, ";\n") {
		if open != "" {
			part = open + ";\n" + part
			open = ""
		}
		if strings.Count(part, "$$")%2 == 1 {
			open = part
			continue
		}
		var lines []string
		for _, l := range strings.Split(part, "\n") {
			if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "--") {
				lines = append(lines, l)
			}
		}
		if stmt := strings.TrimSuffix(strings.TrimSpace(strings.Join(lines, "\n")), ";"); stmt != "" {
			out = append(out, stmt)
		}
	}
	if open != "" {
		out = append(out, open) // unterminated: the database names the error
	}
	return out
}
