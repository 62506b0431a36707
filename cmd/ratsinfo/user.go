package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/office"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

const userUsage = `Aufruf:
  ratsinfo user add --email E --name N --role ROLLE [--organization ID] [--person ID] [--body ID] [--base-url URL]
  ratsinfo user list
Rollen: council_member (mit --person), faction_office (mit --organization), council_office,
        unit (mit --organization), sign_off, admin
`

// user manages accounts of the back office from the command line: the first
// administrator is made here, later ones in the web UI.
func (a *App) user(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(a.Stderr, userUsage)
		return errUsage
	}
	switch args[0] {
	case "add":
		return a.userAdd(ctx, args[1:])
	case "list":
		return a.userList(ctx, args[1:])
	}
	fmt.Fprint(a.Stderr, userUsage)
	return errUsage
}

// openAccounts opens an existing database for the account commands: a fresh
// SQLite file is created, as at the first start, since `user add` is often the
// very first command.
func (a *App) openAccounts(ctx context.Context, cfg *Config) (*sqldb.DB, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if err := cfg.ensureDataDir(); err != nil {
		return nil, err
	}
	return cfg.openDB(ctx, sqldb.Options{Logger: a.logger(cfg.LogLevel), Migrate: cfg.freshSQLite()})
}

func (a *App) userAdd(ctx context.Context, args []string) error {
	var cfg Config
	fs := a.flagSet("user add")
	cfg.dataFlags(fs, a.Getenv)
	fs.StringVar(&cfg.BaseURL, "base-url", envOr(a.Getenv, "RATSINFO_BASE_URL", "http://127.0.0.1:8080"),
		"öffentliche Basis-URL, mit der der Link zum Setzen des Passworts beginnt [RATSINFO_BASE_URL]")
	email := fs.String("email", "", "E-Mail-Adresse (zugleich der Anmeldename)")
	name := fs.String("name", "", "Name, wie ihn das Büro anzeigt")
	role := fs.String("role", "", "Rolle: council_member, faction_office, council_office, unit, sign_off oder admin")
	org := fs.Int64("organization", 0, "Nummer der Organisation (Fraktion bzw. Fachbereich) für faction_office und unit")
	person := fs.Int64("person", 0, "Nummer der Person für council_member")
	body := fs.Int64("body", 0, "Nummer der Körperschaft; Standard: die einzige der Datenbank")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *role == "" {
		return fmt.Errorf("--role fehlt: bitte eine Rolle angeben (council_member, faction_office, council_office, unit, sign_off oder admin)")
	}
	db, err := a.openAccounts(ctx, &cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	sys := ratsinfo.SystemContext(ctx)
	if *body == 0 {
		if *body, err = onlyBody(sys, db); err != nil {
			return err
		}
	}
	acc := &ratsinfo.Account{Email: *email, Name: *name, Grants: []ratsinfo.Grant{
		{Role: ratsinfo.GrantRole(*role), BodyID: *body, OrganizationID: *org, PersonID: *person}}}
	if err := db.CreateAccount(sys, acc); err != nil {
		return err
	}
	link, err := office.CreatePasswordLink(sys, db, cfg.BaseURL, acc.ID, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "Konto %d für %s angelegt (%s).\nLink zum Setzen des Passworts (gilt %s, nur einmal):\n%s\n",
		acc.ID, acc.Email, ratsinfo.GrantRole(*role).GermanName(), "eine Stunde", link)
	return nil
}

// onlyBody is the body when the database has exactly one.
func onlyBody(ctx context.Context, db *sqldb.DB) (int64, error) {
	bodies, err := db.FindBodies(ctx, ratsinfo.BodyFilter{ListFilter: ratsinfo.ListFilter{Limit: 2}})
	if err != nil {
		return 0, err
	}
	switch len(bodies) {
	case 1:
		return bodies[0].ID, nil
	case 0:
		return 0, fmt.Errorf("die Datenbank enthält noch keine Körperschaft; bitte zuerst Daten laden (z. B. „ratsinfo serve --demo“ oder „ratsinfo import oparl“) oder --body angeben")
	}
	return 0, fmt.Errorf("die Datenbank enthält mehrere Körperschaften; bitte mit --body die Nummer der gemeinten angeben")
}

func (a *App) userList(ctx context.Context, args []string) error {
	var cfg Config
	fs := a.flagSet("user list")
	cfg.dataFlags(fs, a.Getenv)
	if err := parse(fs, args); err != nil {
		return err
	}
	db, err := a.openAccounts(ctx, &cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.FindAccounts(ratsinfo.SystemContext(ctx))
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(a.Stdout, "Keine Konten. „ratsinfo user add“ legt eines an.")
		return nil
	}
	tw := tabwriter.NewWriter(a.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Nr.\tE-Mail\tName\tStatus\tRollen")
	for _, acc := range list {
		status := "aktiv"
		if acc.Disabled {
			status = "gesperrt"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", acc.ID, acc.Email, acc.Name, status, grantsText(acc.Grants))
	}
	return tw.Flush()
}

func grantsText(gs []ratsinfo.Grant) string {
	parts := make([]string, 0, len(gs))
	for _, g := range gs {
		s := fmt.Sprintf("%s (Körperschaft %d", g.Role, g.BodyID)
		if g.OrganizationID != 0 {
			s += fmt.Sprintf(", Organisation %d", g.OrganizationID)
		}
		if g.PersonID != 0 {
			s += fmt.Sprintf(", Person %d", g.PersonID)
		}
		parts = append(parts, s+")")
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, ", ")
}
