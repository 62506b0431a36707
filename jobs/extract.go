package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/ratsinfo/ratsinfo"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// ExtractArgs is the job that reads the text of one file into File.text.
type ExtractArgs struct {
	FileID int64 `json:"file_id"`
}

// Kind names the job in the job table.
func (ExtractArgs) Kind() string { return "extract_text" }

// InsertOpts makes the job unique per file while it waits or runs, so the
// sweep, the mirror and `ratsinfo extract` may all enqueue the same file.
// A completed job does not count (river's default would keep it unique for a
// day): a file still without text after it, e.g. for want of pdftotext, must
// be enqueued again by the next sweep.
func (ExtractArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: extractAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: whileWaiting}}
}

// whileWaiting are the states in which a job blocks an equal one.
var whileWaiting = []rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStatePending,
	rivertype.JobStateRetryable, rivertype.JobStateRunning, rivertype.JobStateScheduled}

// extractAttempts: a limit hit twice in a row is the file, not the machine.
const extractAttempts = 3

// TextFiles is what text extraction needs of the store.
type TextFiles interface {
	FindFileByID(ctx context.Context, id int64) (*ratsinfo.File, error)
	UpdateFile(ctx context.Context, f *ratsinfo.File) error
	ratsinfo.TextStore
}

// ExtractWorker extracts the text of one file per job. Every step can be
// repeated: a file that has text by now is left alone.
type ExtractWorker struct {
	river.WorkerDefaults[ExtractArgs]
	Store     TextFiles
	Blobs     ratsinfo.BlobStore
	Extractor ratsinfo.TextExtractor
	// Limit is the extractor's own time limit; the job gets a minute more for
	// reading and writing around it.
	Limit time.Duration
}

// Timeout bounds one job above the extractor's own limit.
func (w *ExtractWorker) Timeout(*river.Job[ExtractArgs]) time.Duration {
	if w.Limit > 0 {
		return w.Limit + time.Minute
	}
	return 3 * time.Minute
}

// NextRetry retries soon: what fails here is a limit or a conflict with
// another write, and `ratsinfo extract` waits for the retries.
func (w *ExtractWorker) NextRetry(j *river.Job[ExtractArgs]) time.Time {
	return time.Now().Add(time.Duration(j.Attempt) * 2 * time.Second)
}

// Work reads the file's content, extracts its text and stores it with the
// system viewer, which bumps modified and the change feed as every write does.
func (w *ExtractWorker) Work(ctx context.Context, j *river.Job[ExtractArgs]) error {
	sys := ratsinfo.SystemContext(ctx)
	id := j.Args.FileID
	f, err := w.Store.FindFileByID(sys, id)
	if ratsinfo.ErrorCode(err) == ratsinfo.ENOTFOUND {
		return nil // deleted since: nothing to read
	}
	if err != nil {
		return fmt.Errorf("extract file %d: %w", id, err)
	}
	if f.Deleted || f.Text != "" || f.BlobKey == "" {
		return nil
	}
	state := ratsinfo.FileTextState{FileID: id, Attempts: j.Attempt}
	res, err := w.extract(sys, ctx, f)
	if ratsinfo.ErrorCode(err) == ratsinfo.EUNAVAILABLE {
		// The machine lacks a tool (pdftotext), not the file a quality: it
		// stays pending without using up attempts, and the next sweep after
		// the tool is installed reads it.
		state.Status, state.Reason = ratsinfo.TextPending, err.Error()
		return w.Store.SetFileTextState(sys, state)
	}
	if err != nil {
		state.Status, state.Reason = ratsinfo.TextPending, err.Error()
		if j.Attempt >= j.MaxAttempts {
			state.Status, state.Reason = ratsinfo.TextFailed, "Text konnte nicht extrahiert werden: "+err.Error()
		}
		if serr := w.Store.SetFileTextState(sys, state); serr != nil {
			return fmt.Errorf("extract file %d: %w (and its state: %v)", id, err, serr)
		}
		return fmt.Errorf("extract file %d: %w", id, err)
	}
	if res.Status == ratsinfo.TextDone && res.Text == "" {
		res.Status, res.Reason = ratsinfo.TextFailed, "Text konnte nicht extrahiert werden: Die Datei enthält keinen Text."
	}
	if res.Status == ratsinfo.TextDone {
		f.Text, _ = ratsinfo.StripControl(res.Text)
		f.Text = clip(f.Text, ratsinfo.TextLimit("text"))
		if err := w.Store.UpdateFile(sys, f); err != nil {
			// A conflict means someone changed the file meanwhile: the retry
			// reads it again.
			return fmt.Errorf("extract file %d: store text: %w", id, err)
		}
	}
	state.Status, state.Reason = res.Status, res.Reason
	if err := w.Store.SetFileTextState(sys, state); err != nil {
		return fmt.Errorf("extract file %d: %w", id, err)
	}
	return nil
}

func (w *ExtractWorker) extract(sys, ctx context.Context, f *ratsinfo.File) (ratsinfo.Extracted, error) {
	r, err := w.Blobs.Open(sys, f.BlobKey)
	if err != nil && ratsinfo.ErrorCode(err) == ratsinfo.ENOTFOUND {
		return ratsinfo.Extracted{Status: ratsinfo.TextFailed,
			Reason: "Text konnte nicht extrahiert werden: Der Dateiinhalt fehlt im Datenordner."}, nil
	}
	if err != nil {
		return ratsinfo.Extracted{}, err
	}
	defer r.Close()
	return w.Extractor.ExtractText(ctx, r)
}

// clip cuts s to at most n bytes at a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// EnqueueFilesWithoutText enqueues an extraction job for every file that has
// content but no text yet and returns how many files it found (a file whose job
// still waits is not enqueued twice).
func (q *Queue) EnqueueFilesWithoutText(ctx context.Context, s ratsinfo.TextStore) (int, error) {
	return enqueueWithoutText(ctx, s, q.InsertMany)
}

// enqueueWithoutText pages through the files, so a city of 100,000 files needs
// no more memory than one page.
func enqueueWithoutText(ctx context.Context, s ratsinfo.TextStore, insert func(context.Context, []river.InsertManyParams) error) (int, error) {
	sys := ratsinfo.SystemContext(ctx)
	var after int64
	total := 0
	for {
		ids, err := s.FilesWithoutText(sys, after, 1000)
		if err != nil {
			return total, err
		}
		if len(ids) == 0 {
			return total, nil
		}
		if err := insert(ctx, extractParams(ids)); err != nil {
			return total, err
		}
		total += len(ids)
		after = ids[len(ids)-1]
	}
}

// EnqueueExtract enqueues text extraction for the given files.
func (q *Queue) EnqueueExtract(ctx context.Context, ids ...int64) error {
	return q.InsertMany(ctx, extractParams(ids))
}

func extractParams(ids []int64) []river.InsertManyParams {
	ps := make([]river.InsertManyParams, len(ids))
	for i, id := range ids {
		ps[i] = river.InsertManyParams{Args: ExtractArgs{FileID: id}}
	}
	return ps
}

// SweepArgs is the periodic job that enqueues extraction for files created
// without text by any path (demo, mirror, a later upload): the leader of the
// instances runs it at start and every few minutes, so no path has to
// remember to enqueue, and a crash between a file's write and its enqueue
// loses nothing.
type SweepArgs struct{}

// Kind names the job in the job table.
func (SweepArgs) Kind() string { return "extract_text_sweep" }

// InsertOpts keeps one sweep waiting at a time.
func (SweepArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 1, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: whileWaiting}}
}

// SweepWorker runs SweepArgs.
type SweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	Store ratsinfo.TextStore
}

// Work enqueues every file without text.
func (w *SweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	client, err := river.ClientFromContextSafely[*sql.Tx](ctx)
	if err != nil {
		return fmt.Errorf("sweep: %w", err)
	}
	_, err = enqueueWithoutText(ctx, w.Store, func(ctx context.Context, ps []river.InsertManyParams) error {
		_, err := client.InsertMany(ctx, ps)
		return err
	})
	return err
}

// Extraction returns the registration and the periodic sweep of text
// extraction, for Config.Register and Config.Periodic.
func Extraction(ew *ExtractWorker, every time.Duration) (func(*river.Workers), []*river.PeriodicJob) {
	register := func(ws *river.Workers) {
		river.AddWorker(ws, ew)
		river.AddWorker(ws, &SweepWorker{Store: ew.Store})
	}
	sweep := river.NewPeriodicJob(river.PeriodicInterval(every), func() (river.JobArgs, *river.InsertOpts) {
		return SweepArgs{}, nil
	}, &river.PeriodicJobOpts{RunOnStart: true})
	return register, []*river.PeriodicJob{sweep}
}
