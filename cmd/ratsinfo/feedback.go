package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// feedback is the council office's way to read what citizens sent through the
// website's forms, until the back office has a staff login and a page for it.
func (a *App) feedback(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "list" {
		fmt.Fprint(a.Stderr, "Aufruf: ratsinfo feedback list [--data-dir DIR] [--database URL] [--art barrierefreiheit|datei] [--seit JJJJ-MM-TT] [--anzahl N]\n")
		return errUsage
	}
	var cfg Config
	fs := a.flagSet("feedback list")
	cfg.dataFlags(fs, a.Getenv)
	kind := fs.String("art", "", "nur diese Art: barrierefreiheit (Feedback zur Barrierefreiheit) oder datei (Meldungen zu Dateien)")
	since := fs.String("seit", "", "nur Nachrichten ab diesem Tag (JJJJ-MM-TT)")
	limit := fs.Int("anzahl", 0, "höchstens so viele Nachrichten, die neuesten zuerst; 0 = alle")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if err := cfg.check(); err != nil {
		return err
	}
	filter := ratsinfo.FeedbackFilter{Kind: *kind, Limit: max(*limit, 0)}
	if filter.Kind != "" && filter.Kind != ratsinfo.FeedbackAccessibility && filter.Kind != ratsinfo.FeedbackFileReport {
		return fmt.Errorf("--art %q wird nicht verstanden: erlaubt sind „barrierefreiheit“ und „datei“", *kind)
	}
	if *since != "" {
		d, err := ratsinfo.ParseDate(*since)
		if err != nil {
			return fmt.Errorf("--seit %q wird nicht verstanden: bitte als JJJJ-MM-TT angeben, z. B. 2026-01-31", *since)
		}
		filter.Since = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, ratsinfo.Berlin())
	}
	// Reading an existing database only: never create or migrate one here.
	db, err := cfg.openDB(ctx, sqldb.Options{Logger: a.logger(cfg.LogLevel)})
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.FindFeedback(ratsinfo.SystemContext(ctx), filter)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(a.Stdout, "Keine Rückmeldungen.")
		return nil
	}
	for _, f := range list {
		writeFeedback(a.Stdout, f)
	}
	fmt.Fprintf(a.Stdout, "%d Rückmeldung(en).\n", len(list))
	return nil
}

var reasonGerman = map[string]string{
	ratsinfo.ReasonPersonalData: "personenbezogene Daten",
	ratsinfo.ReasonWrongContent: "falscher Inhalt",
	ratsinfo.ReasonOther:        "sonstiges",
}

// writeFeedback prints one message as a block that reads well in a terminal and
// in an e-mail the office forwards. Everything a citizen typed goes through
// terminalSafe: a message must not be able to forge lines or act on the terminal.
func writeFeedback(w io.Writer, f *ratsinfo.Feedback) {
	fmt.Fprintf(w, "Nr. %d vom %s\n", f.ID, f.Created.In(ratsinfo.Berlin()).Format("02.01.2006 15:04"))
	if f.Kind == ratsinfo.FeedbackFileReport {
		fmt.Fprintf(w, "  Art:      Meldung zu Datei %d (%s), %s\n", f.FileID, ratsinfo.WebPath(ratsinfo.KindFile, f.FileID), reasonGerman[f.Reason])
	} else {
		fmt.Fprintf(w, "  Art:      Feedback zur Barrierefreiheit\n")
	}
	if f.Page != "" {
		fmt.Fprintf(w, "  Seite:    %s\n", terminalSafe(f.Page))
	}
	fmt.Fprintf(w, "  Absender: %s\n", terminalSafe(orDash(strings.TrimSpace(f.Name+" "+angle(f.Email)))))
	fmt.Fprintf(w, "  Sprache:  %s\n", terminalSafe(f.Lang))
	// Running text keeps its lines, each behind the "  | " margin, so that no
	// line of the message can look like a line of ours.
	for _, line := range strings.Split(f.Text, "\n") {
		fmt.Fprintf(w, "  | %s\n", terminalSafe(strings.TrimSuffix(line, "\r")))
	}
	fmt.Fprintln(w)
}

func angle(email string) string {
	if email == "" {
		return ""
	}
	return "<" + email + ">"
}

func orDash(s string) string {
	if s == "" {
		return "– (anonym, keine Antwort möglich)"
	}
	return s
}
