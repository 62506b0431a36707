package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

const tokenUsage = `Aufruf:
  ratsinfo token create --email E [--name N]   gibt nur den Schlüssel aus, in einer Zeile
  ratsinfo token list [--email E]
  ratsinfo token revoke NR
`

// parseInterspersed parses flags before and after the arguments, so that
// `token revoke 3 --data-dir X` works as well as `token revoke --data-dir X 3`.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// token manages the API tokens (`Authorization: Bearer …` for /api/v1/).
func (a *App) token(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(a.Stderr, tokenUsage)
		return errUsage
	}
	var cfg Config
	fs := a.flagSet("token " + args[0])
	cfg.dataFlags(fs, a.Getenv)
	var email, name *string
	switch args[0] {
	case "create":
		email = fs.String("email", "", "E-Mail-Adresse des Kontos, für das der Schlüssel gilt")
		name = fs.String("name", "", "wofür der Schlüssel ist, z. B. „DMS der Stadt“")
	case "list":
		email = fs.String("email", "", "nur die Schlüssel dieses Kontos")
	case "revoke":
	default:
		fmt.Fprint(a.Stderr, tokenUsage)
		return errUsage
	}
	pos, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return err
	}
	db, err := a.openAccounts(ctx, &cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	sys := ratsinfo.SystemContext(ctx)
	switch args[0] {
	case "create":
		acc, err := db.FindAccountByEmail(sys, *email)
		if err != nil {
			return fmt.Errorf("--email %q: %w", *email, err)
		}
		token, hash := ratsinfo.NewSecret()
		if err := db.CreateAPIToken(sys, &ratsinfo.APIToken{AccountID: acc.ID, Name: *name}, hash); err != nil {
			return err
		}
		// Only the token, so that scripts can take it as it is.
		fmt.Fprintln(a.Stdout, token)
	case "list":
		var id int64
		if *email != "" {
			acc, err := db.FindAccountByEmail(sys, *email)
			if err != nil {
				return fmt.Errorf("--email %q: %w", *email, err)
			}
			id = acc.ID
		}
		list, err := db.FindAPITokens(sys, id)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			fmt.Fprintln(a.Stdout, "Keine API-Schlüssel.")
			return nil
		}
		tw := tabwriter.NewWriter(a.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "Nr.\tKonto\tName\tangelegt\tzuletzt benutzt\tStatus")
		for _, t := range list {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Email, orNone(t.Name), when(t.Created), when(t.LastUsed), tokenStatus(t))
		}
		return tw.Flush()
	case "revoke":
		if len(pos) != 1 {
			return fmt.Errorf("bitte genau eine Nummer eines Schlüssels angeben, z. B. „ratsinfo token revoke 3“; „ratsinfo token list“ zeigt die Nummern")
		}
		id, err := strconv.ParseInt(pos[0], 10, 64)
		if err != nil || id <= 0 {
			return fmt.Errorf("%q ist keine Nummer eines Schlüssels; „ratsinfo token list“ zeigt die Nummern", pos[0])
		}
		if err := db.RevokeAPIToken(sys, id); err != nil {
			return err
		}
		fmt.Fprintf(a.Stdout, "API-Schlüssel %d widerrufen.\n", id)
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// when is a time in Berlin, as the office reads it, or "–" for never.
func when(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.In(ratsinfo.Berlin()).Format("02.01.2006 15:04")
}

func tokenStatus(t *ratsinfo.APIToken) string {
	if !t.Revoked.IsZero() {
		return "widerrufen " + when(t.Revoked)
	}
	return "gültig"
}
