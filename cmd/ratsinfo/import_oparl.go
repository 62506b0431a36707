package main

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo/internal/netguard"
	"github.com/ratsinfo/ratsinfo/oparl/mirror"
)

const importUsage = "Aufruf: ratsinfo import oparl [--data-dir DIR] [--database URL] [--concurrency N] [--max-file-size BYTES]\n" +
	"       [--allow-origin URL]... [--max-objects N] [--max-duration DAUER] URL\n"

// importCmd dispatches `ratsinfo import <source>`: an OParl endpoint or
// legacy documents.
func (a *App) importCmd(ctx context.Context, args []string) error {
	switch {
	case len(args) > 0 && args[0] == "oparl":
		return a.importOparl(ctx, args[1:])
	case len(args) > 0 && args[0] == "document":
		return a.importDocument(ctx, args[1:])
	}
	fmt.Fprint(a.Stderr, importUsage+importDocumentUsage)
	return errUsage
}

// importOparl mirrors a foreign OParl endpoint into our store. Running it again
// brings the mirror up to date; after a kill it resumes where it stopped.
func (a *App) importOparl(ctx context.Context, args []string) error {
	var cfg Config
	fs := a.flagSet("import oparl")
	cfg.dataFlags(fs, a.Getenv)
	concurrency := fs.Int("concurrency", 4, "gleichzeitige Anfragen an den Server (höflich bleiben: 1 bis 16)")
	maxFile := fs.Int64("max-file-size", 100<<20, "größte Datei in Bytes, die heruntergeladen wird; größere werden ohne Inhalt übernommen")
	var allow originList
	fs.Var(&allow, "allow-origin", "weitere Adresse (Schema, Host, Port), die abgerufen werden darf, auch im internen Netz, und deren Objekte zum System gehören; mehrfach angebbar")
	maxObjects := fs.Int("max-objects", 0, "höchstens so viele Objekte in diesem Lauf (0: unbegrenzt); der nächste Lauf setzt fort")
	maxDuration := fs.Duration("max-duration", 0, "höchstens so lange in diesem Lauf, z. B. 2h (0: unbegrenzt); der nächste Lauf setzt fort")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.check(); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("bitte genau eine URL angeben: die des OParl-System-Objekts, z. B. https://ris.example.de/oparl/v1.1/system")
	}
	target := fs.Arg(0)
	if u, err := url.Parse(target); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q ist keine gültige URL; erwartet wird z. B. https://ris.example.de/oparl/v1.1/system", target)
	}
	if *concurrency < 1 || *concurrency > 16 {
		return fmt.Errorf("--concurrency %d liegt außerhalb von 1 bis 16", *concurrency)
	}
	if *maxFile < 1 {
		return fmt.Errorf("--max-file-size muss größer als 0 sein")
	}
	if *maxObjects < 0 || *maxDuration < 0 {
		return fmt.Errorf("--max-objects und --max-duration dürfen nicht negativ sein")
	}
	log := a.logger(cfg.LogLevel)
	db, blobs, err := openData(ctx, &cfg, false, log)
	if err != nil {
		return err
	}
	defer db.Close()

	opt := mirror.Options{Concurrency: *concurrency, MaxFileSize: *maxFile, Logger: log,
		AllowOrigins: allow, MaxObjects: *maxObjects, MaxDuration: *maxDuration}
	if isTerminal(a.Stderr) {
		opt.Progress = func(p mirror.Progress) {
			eta := ""
			if p.ETA > 0 {
				eta = ", Liste fertig in etwa " + p.ETA.Round(time.Second).String()
			}
			fmt.Fprintf(a.Stderr, "\r%d Objekte (%.0f/s), %d Seiten, %d Listen, %d Dateien, %s%s   ",
				p.Objects, p.PerSecond, p.Pages, p.Lists, p.Files, p.Elapsed.Round(time.Second), eta)
		}
	}
	report, err := mirror.Import(ctx, db, blobs, target, opt)
	if opt.Progress != nil {
		fmt.Fprintln(a.Stderr)
	}
	if report != nil {
		if werr := report.WriteText(a.Stdout); werr != nil && err == nil {
			err = werr
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("Import abgebrochen; der nächste Aufruf setzt an der letzten gespeicherten Seite fort")
		}
		return withSetting(err, cfg.storageSetting())
	}
	return a.enqueueText(ctx, db, blobs, log)
}

// originList collects the repeatable --allow-origin flag.
type originList []string

func (o *originList) String() string { return strings.Join(*o, ",") }

func (o *originList) Set(v string) error {
	if _, err := netguard.Origin(v); err != nil {
		return fmt.Errorf("--allow-origin: %v", err)
	}
	*o = append(*o, v)
	return nil
}
