package sqldb

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

func TestSchemaVersions(t *testing.T) {
	backends(t, func(t *testing.T, open func(Options) (*DB, string)) {
		// A fresh database without Migrate is refused with a hint to migrate.
		{
			db, err := Open(context.Background(), dsnOf(t, open), Options{})
			if err == nil {
				db.Close()
				t.Fatal("opened an unmigrated database")
			}
			if e := wantCode(t, err, ratsinfo.EUNAVAILABLE); !strings.Contains(e.Message, "ratsinfo migrate") {
				t.Errorf("message = %q", e.Message)
			}
		}
		db, dsn := open(Options{Migrate: true})

		cur, latest, err := db.SchemaVersion(bg)
		must(t, err)
		if cur != latest || latest < 1 {
			t.Errorf("version %d of %d", cur, latest)
		}
		must(t, db.Migrate(bg)) // idempotent
		if _, err := db.w.Exec(db.rebind(`INSERT INTO schema_version (version, applied_at) VALUES (?, 0)`), latest+1); err != nil {
			t.Fatal(err)
		}
		for _, migrate := range []bool{false, true} {
			_, err = Open(bg, dsn, Options{Migrate: migrate})
			if e := wantCode(t, err, ratsinfo.EUNAVAILABLE); !strings.Contains(e.Message, "neuer") {
				t.Errorf("message = %q", e.Message)
			}
		}
	})
}

// dsnOf returns a fresh, empty database's dsn without opening it through Open.
func dsnOf(t *testing.T, open func(Options) (*DB, string)) string {
	if strings.HasPrefix(t.Name(), "TestSchemaVersions/sqlite") {
		return filepath.Join(t.TempDir(), "empty.db")
	}
	return postgresDSN(t)
}

func TestSQLiteUnwritableFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "fehlt")
	_, err := Open(bg, filepath.Join(missing, "ratsinfo.db"), Options{Migrate: true})
	// The adapter names the path; which flag moves it is the binary's business.
	if e := wantCode(t, err, ratsinfo.EINVALID); !strings.Contains(e.Message, missing) || strings.Contains(e.Message, "--") {
		t.Errorf("message = %q", e.Message)
	}
	dir := t.TempDir()
	if os.Geteuid() == 0 {
		dir = "/sys/fs" // root ignores permissions; sysfs refuses new files even to root
	} else {
		must(t, os.Chmod(dir, 0o555))
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
	}
	if f, err := os.CreateTemp(dir, "probe"); err == nil {
		f.Close()
		os.Remove(f.Name())
		t.Skip("kein schreibgeschützter Ordner verfügbar")
	}
	_, err = Open(bg, filepath.Join(dir, "ratsinfo.db"), Options{Migrate: true})
	if e := wantCode(t, err, ratsinfo.EUNAVAILABLE); strings.Contains(e.Message, "--") || !strings.Contains(e.Message, dir) {
		t.Errorf("message = %q", e.Message)
	}
}
