package main

import (
	"context"
	"fmt"
	"time"

	"github.com/ratsinfo/ratsinfo/search"
)

// reindex reads the text of files that have none, then builds the search
// index of this data folder anew beside the old one and puts it in its place.
// It blocks until done and fails, in German, while a `serve` of the same data
// folder holds the index.
func (a *App) reindex(ctx context.Context, args []string) error {
	var cfg Config
	fs := a.flagSet("reindex")
	cfg.dataFlags(fs, a.Getenv)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.check(); err != nil {
		return err
	}
	log := a.logger(cfg.LogLevel)
	db, blobs, err := openData(ctx, &cfg, false, log)
	if err != nil {
		return err
	}
	defer db.Close()
	syn, err := search.LoadSynonyms(cfg.synonymsFile())
	if err != nil {
		return err
	}
	// The lock first: text extraction of a large city takes long, and a
	// running serve would only refuse at the end.
	idx, err := search.Open(cfg.searchDir(), db, search.Options{Inquiries: db, Synonyms: syn, Logger: log})
	if err != nil {
		return fmt.Errorf("%w. Bitte „ratsinfo serve“ dieses Datenordners beenden und „ratsinfo reindex“ erneut aufrufen", err)
	}
	defer idx.Close()
	if err := a.extractAll(ctx, db, blobs, log); err != nil {
		return err
	}
	started := time.Now()
	tty := isTerminal(a.Stderr)
	var last time.Time
	progress := func(done, total int) {
		if tty && time.Since(last) > 200*time.Millisecond {
			last = time.Now()
			fmt.Fprintf(a.Stderr, "\rSuchindex: %d von %d Objekten   ", done, total)
		}
	}
	if err := idx.Rebuild(ctx, progress); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("Aufbau des Suchindex abgebrochen; der bisherige Index bleibt unverändert")
		}
		return err
	}
	if tty {
		fmt.Fprintln(a.Stderr)
	}
	st, err := idx.Stats()
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "Suchindex neu aufgebaut: %d Dokumente, %.1f MB in %.1f s (%s).\n",
		st.Docs, float64(st.Bytes)/1e6, time.Since(started).Seconds(), cfg.searchDir())
	return nil
}
