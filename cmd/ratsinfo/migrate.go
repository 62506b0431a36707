package main

import (
	"context"
	"fmt"

	"github.com/ratsinfo/ratsinfo/sqldb"
)

func (a *App) migrate(ctx context.Context, args []string) error {
	var cfg Config
	fs := a.flagSet("migrate")
	cfg.dataFlags(fs, a.Getenv)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.check(); err != nil {
		return err
	}
	if err := cfg.ensureDataDir(); err != nil {
		return err
	}
	db, err := cfg.openDB(ctx, sqldb.Options{Logger: a.logger(cfg.LogLevel), Migrate: true})
	if err != nil {
		return err
	}
	defer db.Close()
	current, latest, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "Datenbankschema ist aktuell (Version %d von %d, %s).\n", current, latest, db.Dialect())
	return nil
}
