package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/jobs"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// extract enqueues text extraction for every file without text and works the
// queue until none is left, so an operator can fill the texts (and later the
// search index) before the first start or after a large import.
func (a *App) extract(ctx context.Context, args []string) error {
	var cfg Config
	fs := a.flagSet("extract")
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
	return a.extractAll(ctx, db, blobs, log)
}

// extractAll reads the text of every file without text and returns when the
// queue is empty: `extract`, and `reindex` before it builds the index.
func (a *App) extractAll(ctx context.Context, db *sqldb.DB, blobs *blob.Dir, log *slog.Logger) error {
	q, err := newQueue(db, blobs, nil, log)
	if err != nil {
		return err
	}
	started := time.Now()
	total, err := q.EnqueueFilesWithoutText(ctx, db)
	if err != nil {
		return err
	}
	finished, stopEvents := q.Finished(jobs.ExtractArgs{}.Kind())
	defer stopEvents()
	if err := q.Start(ctx); err != nil {
		return err
	}
	werr := a.waitExtract(ctx, q, finished, total, started)
	stopCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := q.Stop(stopCtx); err != nil && werr == nil {
		werr = err
	}
	if werr != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("Textauszug abgebrochen; die übrigen Dateien bleiben in der Warteschlange und werden beim nächsten Aufruf oder von „ratsinfo serve“ gelesen")
		}
		return werr
	}
	fmt.Fprintf(a.Stdout, "Textauszug fertig: %d Dateien in %.1f s.\n", total, time.Since(started).Seconds())
	left, err := countWithoutText(ctx, db)
	if err != nil {
		return err
	}
	if left > 0 {
		fmt.Fprintf(a.Stdout, "%d Dateien haben noch keinen Text, weil ein Werkzeug fehlt (z. B. pdftotext aus poppler-utils); "+
			"sie werden gelesen, sobald es installiert ist.\n", left)
	}
	return nil
}

// countWithoutText counts the files still waiting for their text after the
// queue ran dry: those whose tool is missing.
func countWithoutText(ctx context.Context, s ratsinfo.TextStore) (int, error) {
	sys := ratsinfo.SystemContext(ctx)
	var after int64
	n := 0
	for {
		ids, err := s.FilesWithoutText(sys, after, 1000)
		if err != nil || len(ids) == 0 {
			return n, err
		}
		n += len(ids)
		after = ids[len(ids)-1]
	}
}

// waitExtract polls the job table until no extraction job is left (also those
// another instance works), showing progress on a terminal.
func (a *App) waitExtract(ctx context.Context, q *jobs.Queue, finished <-chan struct{}, total int, started time.Time) error {
	tty := isTerminal(a.Stderr)
	done := 0
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-finished:
			done++
			continue
		case <-tick.C:
		}
		if tty {
			fmt.Fprintf(a.Stderr, "\r%d von %d Dateien gelesen (%.0f/s)   ", done, total, float64(done)/time.Since(started).Seconds())
		}
		left, err := q.Unfinished(ctx, jobs.ExtractArgs{}.Kind())
		if err != nil {
			return err
		}
		if !left {
			if tty {
				fmt.Fprintln(a.Stderr)
			}
			return nil
		}
	}
}
