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
	"github.com/riverqueue/river"
)

// extractLimit is the time one file may take; a larger one is retried and then
// marked failed, so no worker is stuck on one document.
const extractLimit = 2 * time.Minute

// jobSchema applies river's tables when the store's schema is migrated too, and
// otherwise only checks them: like the store, never silently at a normal start.
func jobSchema(ctx context.Context, db *sqldb.DB, migrate bool, log *slog.Logger) error {
	if migrate {
		return jobs.Migrate(ctx, db.Dialect(), db.JobPool(), log)
	}
	return jobs.CheckSchema(ctx, db.Dialect(), db.JobPool())
}

// newQueue builds this instance's job queue with every job kind it runs:
// text extraction and its periodic sweep, and, when mails is set (serve), the
// mails of the inquiry path in their own queue.
func newQueue(db *sqldb.DB, blobs *blob.Dir, mails *queueMails, log *slog.Logger) (*jobs.Queue, error) {
	ew := &jobs.ExtractWorker{Store: db, Blobs: blobs, Limit: extractLimit,
		Extractor: &blob.Extractor{Timeout: extractLimit, MemoryLimit: 1 << 30}}
	register, periodic := jobs.Extraction(ew, 5*time.Minute)
	cfg := jobs.Config{Dialect: db.Dialect(), DB: db.JobPool(), Register: register, Periodic: periodic, Logger: log}
	if mails != nil {
		m := &jobs.InquiryMails{Store: db, BaseURL: mails.baseURL, ReminderDays: mails.reminderDays}
		// Events are read every half minute; the deadlines once an hour, as
		// the day may turn at any time and a look that finds nothing new is cheap.
		mregister, mperiodic := jobs.Mails(m, mails.sender, 30*time.Second, time.Hour)
		cfg.Register = func(ws *river.Workers) { register(ws); mregister(ws) }
		cfg.Periodic = append(cfg.Periodic, mperiodic...)
		cfg.Queues = map[string]int{jobs.MailQueue: 1}
	}
	return jobs.New(cfg)
}

// queueMails is what the mail jobs need of serve's settings.
type queueMails struct {
	baseURL      string
	reminderDays int
	sender       ratsinfo.MailSender
}

// stopQueue lets running jobs finish within the shutdown time; a job cut off
// runs again after the next start.
func stopQueue(q *jobs.Queue, log *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := q.Stop(ctx); err != nil {
		log.Warn("Hintergrundaufgaben nicht sauber beendet", "err", err)
	}
}

// enqueueText enqueues extraction for the files an import brought without
// text; they are read by `ratsinfo extract` or a running `serve`.
func (a *App) enqueueText(ctx context.Context, db *sqldb.DB, blobs *blob.Dir, log *slog.Logger) error {
	q, err := newQueue(db, blobs, nil, log)
	if err != nil {
		return err
	}
	n, err := q.EnqueueFilesWithoutText(ctx, db)
	if err != nil {
		return err
	}
	if n > 0 {
		fmt.Fprintf(a.Stdout, "%d Dateien ohne Text warten auf den Textauszug (durch „ratsinfo serve“ im Hintergrund oder sofort mit „ratsinfo extract“).\n", n)
	}
	return nil
}
