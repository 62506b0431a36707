package main

import (
	"context"
	"fmt"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/demo"
)

func (a *App) generate(ctx context.Context, args []string) error {
	var cfg Config
	fs := a.flagSet("generate")
	cfg.dataFlags(fs, a.Getenv)
	papers := fs.Int("papers", 100000, "Anzahl der Vorlagen; Sitzungen, Personen und Dateien entstehen im Verhältnis")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.check(); err != nil {
		return err
	}
	if *papers < 1 || *papers > 50_000_000 {
		return fmt.Errorf("--papers %d liegt außerhalb des erlaubten Bereichs 1 bis 50000000", *papers)
	}
	db, blobs, err := openData(ctx, &cfg, true, a.logger(cfg.LogLevel))
	if err != nil {
		return err
	}
	defer db.Close()

	started := time.Now()
	last := time.Now()
	progress := func(done int) {
		if time.Since(last) < time.Second && done < *papers {
			return
		}
		last = time.Now()
		rate := float64(done) / time.Since(started).Seconds()
		fmt.Fprintf(a.Stderr, "\r%d von %d Vorlagen (%.0f/s)   ", done, *papers, rate)
	}
	today := ratsinfo.DateOf(time.Now().In(ratsinfo.Berlin())) // nothing generated is dated later
	if err := demo.Generate(ratsinfo.SystemContext(ctx), db, blobs, *papers, today, progress); err != nil {
		return fmt.Errorf("generate: %w", withSetting(err, cfg.storageSetting()))
	}
	elapsed := time.Since(started)
	fmt.Fprintf(a.Stderr, "\n")
	fmt.Fprintf(a.Stdout, "%d Vorlagen in %.1f s erzeugt (%.0f Vorlagen/s) in %s.\n",
		*papers, elapsed.Seconds(), float64(*papers)/elapsed.Seconds(), cfg.dsn())
	return nil
}
