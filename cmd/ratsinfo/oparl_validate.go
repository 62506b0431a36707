package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/ratsinfo/ratsinfo/oparl/validate"
)

func (a *App) oparl(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "validate" {
		fmt.Fprint(a.Stderr, "Aufruf: ratsinfo oparl validate [--json] [--max-objects N] [--concurrency N] URL\n")
		return errUsage
	}
	return a.oparlValidate(ctx, args[1:])
}

func (a *App) oparlValidate(ctx context.Context, args []string) error {
	fs := a.flagSet("oparl validate")
	asJSON := fs.Bool("json", false, "Bericht als JSON ausgeben")
	maxObjects := fs.Int("max-objects", 0, "höchstens so viele Objekte prüfen (0 = alle)")
	concurrency := fs.Int("concurrency", 4, "gleichzeitige Anfragen (höflich bleiben: 1 bis 16)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("bitte genau eine URL angeben: die des OParl-System-Objekts, z. B. http://127.0.0.1:8080/oparl/v1.1/system")
	}
	target := fs.Arg(0)
	if u, err := url.Parse(target); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q ist keine gültige URL; erwartet wird z. B. https://ris.example.de/oparl/v1.1/system", target)
	}
	if *concurrency < 1 || *concurrency > 16 {
		return fmt.Errorf("--concurrency %d liegt außerhalb von 1 bis 16", *concurrency)
	}
	if *maxObjects < 0 {
		return fmt.Errorf("--max-objects darf nicht negativ sein")
	}

	opt := validate.Options{MaxObjects: *maxObjects, Concurrency: *concurrency}
	if isTerminal(a.Stderr) {
		opt.Progress = func(p validate.Progress) {
			fmt.Fprintf(a.Stderr, "\r%d Objekte, %d Seiten, %d Anfragen, %s   ",
				p.Objects, p.Pages, p.Requests, p.Elapsed.Round(time.Second))
		}
	}
	report, err := validate.Run(ctx, target, opt)
	if opt.Progress != nil {
		fmt.Fprintln(a.Stderr)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		err = report.WriteJSON(a.Stdout)
	} else {
		err = report.WriteText(a.Stdout)
	}
	if err != nil {
		return err
	}
	if n := report.Errors(); n > 0 {
		return fmt.Errorf("die Schnittstelle verletzt die OParl-Spezifikation (%d Fehler)", n)
	}
	return nil
}

// isTerminal reports whether w is a character device, so that progress lines are
// shown to people and not written into logs or pipes.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
