// Package jobs runs durable background work: jobs are rows in the database
// (SQLite or PostgreSQL) through river, so they survive a restart and run once
// even when several instances share one PostgreSQL database. Each kind of work
// (text extraction today; mails and reminders later) registers its worker here.
package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"
)

// Config configures a Queue.
type Config struct {
	// Dialect is "sqlite" or "postgres", as sqldb.DB.Dialect reports it.
	Dialect string
	// DB is the pool jobs are stored through. For SQLite it must be the one
	// writer connection (sqldb.DB.WriterPool): river writes on every fetch, and
	// a second writer pool would only fight ours for SQLite's lock.
	DB *sql.DB
	// Workers is how many jobs this instance runs at the same time (default 2).
	Workers int
	// Register adds the worker of each job kind this instance runs.
	Register func(*river.Workers)
	// Queues are further queues this instance works, with their workers each
	// (the default queue is always worked).
	Queues map[string]int
	// Periodic are jobs the leader among the instances inserts on a schedule.
	Periodic []*river.PeriodicJob
	// ID names this instance among several on one database (default: random).
	ID     string
	Logger *slog.Logger
	// PollInterval is how often an idle instance looks for new jobs (default 1 s,
	// at least the fetch cooldown of 10 ms).
	PollInterval time.Duration
}

// Queue is one instance's view of the shared job table: it inserts jobs and,
// once started, works them.
type Queue struct {
	client *river.Client[*sql.Tx]
	log    *slog.Logger
}

// driver picks river's driver for our dialect. PostgreSQL goes through
// database/sql too (the pgx stdlib driver sqldb opened), so both dialects share
// one transaction type and one client type.
func driver(dialect string, db *sql.DB) (riverdriver.Driver[*sql.Tx], error) {
	switch dialect {
	case "sqlite":
		return riversqlite.New(db), nil
	case "postgres":
		return riverdatabasesql.New(db), nil
	}
	return nil, fmt.Errorf("jobs: unknown dialect %q", dialect)
}

// New builds a queue; it inserts jobs at once and works them after Start.
func New(cfg Config) (*Queue, error) {
	drv, err := driver(cfg.Dialect, cfg.DB)
	if err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	workers := river.NewWorkers()
	if cfg.Register != nil {
		cfg.Register(workers)
	}
	n := cfg.Workers
	if n <= 0 {
		n = 2
	}
	poll := cfg.PollInterval
	if poll <= 0 {
		poll = time.Second
	}
	queues := map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: n}}
	for name, w := range cfg.Queues {
		queues[name] = river.QueueConfig{MaxWorkers: max(w, 1)}
	}
	client, err := river.NewClient(drv, &river.Config{
		ID:                cfg.ID,
		Logger:            log,
		Queues:            queues,
		Workers:           workers,
		PeriodicJobs:      cfg.Periodic,
		FetchPollInterval: poll,
		// A finished job triggers the next fetch; river's default cooldown of
		// 100 ms capped two workers at 20 short jobs a second (one-page PDFs
		// take 20–40 ms each).
		FetchCooldown: 10 * time.Millisecond,
		// database/sql has no LISTEN; polling keeps both dialects on one path.
		PollOnly: true,
		// Jobs set their own deadline (text extraction per file); this is the
		// outer bound for a kind that forgets to.
		JobTimeout:  10 * time.Minute,
		MaxAttempts: 5,
	})
	if err != nil {
		return nil, fmt.Errorf("jobs: new client: %w", err)
	}
	return &Queue{client: client, log: log}, nil
}

// Start begins working jobs in the background until Stop. The end of ctx does
// not stop them: river would cancel running jobs then, and a server's
// shutdown signal ends ctx before Stop can let them finish.
func (q *Queue) Start(ctx context.Context) error {
	if err := q.client.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("jobs: start: %w", err)
	}
	return nil
}

// Stop waits for running jobs to finish, up to ctx's deadline; then it cancels
// them. A cancelled job is not lost: it is worked again after the next start
// (river rescues it as stuck), which is why every job kind must be safe to repeat.
func (q *Queue) Stop(ctx context.Context) error {
	err := q.client.Stop(ctx)
	if err == nil {
		return nil
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		hard, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return q.client.StopAndCancel(hard)
	}
	return fmt.Errorf("jobs: stop: %w", err)
}

// Insert adds a job. With UniqueOpts it is not added again while an equal job
// still waits or runs, so callers may enqueue the same work twice without harm.
func (q *Queue) Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) error {
	if _, err := q.client.Insert(ctx, args, opts); err != nil {
		return fmt.Errorf("jobs: insert %s: %w", args.Kind(), err)
	}
	return nil
}

// InsertMany adds many jobs in one round trip where the database allows it.
func (q *Queue) InsertMany(ctx context.Context, params []river.InsertManyParams) error {
	if len(params) == 0 {
		return nil
	}
	if _, err := q.client.InsertMany(ctx, params); err != nil {
		return fmt.Errorf("jobs: insert %d jobs: %w", len(params), err)
	}
	return nil
}

// unfinished are the states of a job that will still run.
var unfinished = []rivertype.JobState{
	rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRetryable,
	rivertype.JobStateRunning, rivertype.JobStateScheduled,
}

// Unfinished reports whether jobs of kind are still waiting or running.
func (q *Queue) Unfinished(ctx context.Context, kind string) (bool, error) {
	res, err := q.client.JobList(ctx, river.NewJobListParams().Kinds(kind).States(unfinished...).First(1))
	if err != nil {
		return false, fmt.Errorf("jobs: list %s: %w", kind, err)
	}
	return len(res.Jobs) > 0, nil
}

// Migrate brings river's tables (river_job, river_queue, …) to the version this
// binary knows. It is called by `ratsinfo migrate` and `serve --migrate` next
// to the store's own migrations, never silently at a normal start.
func Migrate(ctx context.Context, dialect string, db *sql.DB, log *slog.Logger) error {
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	m, err := migrator(dialect, db, log)
	if err != nil {
		return err
	}
	res, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return fmt.Errorf("jobs: migrate: %w", err)
	}
	for _, v := range res.Versions {
		log.Info("Warteschlange migriert", "version", v.Version, "name", v.Name)
	}
	return nil
}

// CheckSchema refuses a job table older than this binary, with the same advice
// as an outdated store schema.
func CheckSchema(ctx context.Context, dialect string, db *sql.DB) error {
	m, err := migrator(dialect, db, nil)
	if err != nil {
		return err
	}
	all := m.AllVersions()
	have, err := m.ExistingVersions(ctx)
	if err != nil {
		return fmt.Errorf("jobs: schema version: %w", err)
	}
	cur := 0
	if len(have) > 0 {
		cur = have[len(have)-1].Version
	}
	if latest := all[len(all)-1].Version; cur < latest {
		return &ratsinfo.Error{Code: ratsinfo.EUNAVAILABLE, Message: fmt.Sprintf(
			"Die Tabellen der Hintergrundaufgaben sind veraltet (Version %d, benötigt wird %d). Bitte sichern Sie die Datenbank und führen Sie `ratsinfo migrate` aus.", cur, latest)}
	}
	return nil
}

func migrator(dialect string, db *sql.DB, log *slog.Logger) (*rivermigrate.Migrator[*sql.Tx], error) {
	drv, err := driver(dialect, db)
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	m, err := rivermigrate.New(drv, &rivermigrate.Config{Logger: log})
	if err != nil {
		return nil, fmt.Errorf("jobs: migrator: %w", err)
	}
	return m, nil
}

// Finished delivers one value for each job of kind that this instance
// finishes for good (completed, or failed after its last attempt): the
// progress of a command that waits for its jobs. Call stop when done.
func (q *Queue) Finished(kind string) (<-chan struct{}, func()) {
	events, cancel := q.client.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed, river.EventKindJobCancelled)
	out := make(chan struct{}, 64)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case ev, ok := <-events:
				if !ok {
					return
				}
				if ev.Job == nil || ev.Job.Kind != kind {
					continue
				}
				if ev.Kind == river.EventKindJobCompleted || ev.Job.State == rivertype.JobStateDiscarded || ev.Job.State == rivertype.JobStateCancelled {
					select {
					case out <- struct{}{}:
					case <-done:
						return
					}
				}
			}
		}
	}()
	return out, func() { close(done); cancel() }
}
