package jobs_test

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
	"github.com/ratsinfo/ratsinfo/jobs"
)

// eachDB runs fn on a migrated SQLite file and, when the environment names a
// server, on a fresh PostgreSQL database.
func eachDB(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, filepath.Join(t.TempDir(), "ratsinfo.db")) })
	t.Run("postgres", func(t *testing.T) { fn(t, pgtest.DSN(t)) })
}

// TestExtractJobs: files created without text get it from background jobs,
// through the store (modified and change feed move), with a status for the
// ones that cannot be read; a second sweep finds nothing left to do.
func TestExtractJobs(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
	}
	eachDB(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		sys := ratsinfo.SystemContext(ctx)
		db := openStore(t, dsn)
		defer db.Close()
		if err := jobs.Migrate(ctx, db.Dialect(), db.JobPool(), nil); err != nil {
			t.Fatal(err)
		}
		blobs, err := blob.NewDir(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		body := &ratsinfo.Body{Name: "Stadt Norderstedt"}
		if err := db.CreateBody(sys, body); err != nil {
			t.Fatal(err)
		}
		put := func(name, mime string, content []byte, text string) *ratsinfo.File {
			key, size, sum, err := blobs.Put(sys, bytes.NewReader(content))
			if err != nil {
				t.Fatal(err)
			}
			f := &ratsinfo.File{BodyID: body.ID, Name: name, MimeType: mime, BlobKey: key, Size: size, SHA512Checksum: sum, Text: text}
			if err := db.CreateFile(sys, f); err != nil {
				t.Fatal(err)
			}
			return f
		}
		answer := put("Beantwortung", "application/pdf", demo.PDF("Beantwortung", "Reisekosten der Zukunfts-\nbotschafter am Knotenpunkt"), "")
		lying := put("Einladung", "application/pdf", []byte("<html><body><p>Einladung zur Sitzung des Hauptausschusses</p></body></html>"), "")
		corrupt := put("Anlage", "application/pdf", []byte("%PDF-1.4\nkaputt\n"), "")
		image := put("Foto", "image/png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "")
		done := put("Vorlage", "application/pdf", demo.PDF("Vorlage", "anderer Text"), "schon extrahiert")
		before, err := db.Changes(sys, 0, 100000)
		if err != nil {
			t.Fatal(err)
		}

		ew := &jobs.ExtractWorker{Store: db, Blobs: blobs, Extractor: &blob.Extractor{}}
		register, _ := jobs.Extraction(ew, time.Hour)
		q, err := jobs.New(jobs.Config{Dialect: db.Dialect(), DB: db.JobPool(), Register: register, PollInterval: 100 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		n, err := q.EnqueueFilesWithoutText(ctx, db)
		if err != nil || n != 4 {
			t.Fatalf("enqueued %d, %v; want 4", n, err)
		}
		if n, err := q.EnqueueFilesWithoutText(ctx, db); err != nil || n != 4 {
			t.Fatalf("second enqueue found %d, %v", n, err) // unique jobs: found again, inserted once
		}
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		waitKind(t, q, jobs.ExtractArgs{}.Kind())
		stop, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if err := q.Stop(stop); err != nil {
			t.Fatal(err)
		}

		got, err := db.FindFileByID(sys, answer.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != "Reisekosten der Zukunftsbotschafter am Knotenpunkt" {
			t.Errorf("answer text %q", got.Text)
		}
		if !got.Modified.After(answer.Modified) {
			t.Errorf("modified did not move: %v → %v", answer.Modified, got.Modified)
		}
		if got, _ := db.FindFileByID(sys, lying.ID); got.Text != "Einladung zur Sitzung des Hauptausschusses" {
			t.Errorf("html declared as pdf: %q", got.Text)
		}
		if got, _ := db.FindFileByID(sys, done.ID); got.Text != "schon extrahiert" || !got.Modified.Equal(done.Modified) {
			t.Errorf("a file with text was touched: %q %v", got.Text, got.Modified)
		}
		after, err := db.Changes(sys, 0, 100000)
		if err != nil {
			t.Fatal(err)
		}
		updated := map[int64]bool{}
		for _, c := range after[len(before):] {
			if c.Kind == ratsinfo.KindFile && c.Action == "update" {
				updated[c.ObjectID] = true
			}
		}
		if !updated[answer.ID] || !updated[lying.ID] || updated[corrupt.ID] || updated[done.ID] {
			t.Errorf("change feed updates: %v", updated)
		}
		st, err := db.FileTextStates(sys, []int64{answer.ID, lying.ID, corrupt.ID, image.ID})
		if err != nil {
			t.Fatal(err)
		}
		for id, want := range map[int64]ratsinfo.TextStatus{answer.ID: ratsinfo.TextDone, lying.ID: ratsinfo.TextDone,
			corrupt.ID: ratsinfo.TextFailed, image.ID: ratsinfo.TextFailed} {
			if st[id].Status != want {
				t.Errorf("file %d: %s, want %s (%q)", id, st[id].Status, want, st[id].Reason)
			}
		}
		if !strings.HasPrefix(st[corrupt.ID].Reason, "Text konnte nicht extrahiert werden: ") {
			t.Errorf("reason %q", st[corrupt.ID].Reason)
		}
		if n, err := q.EnqueueFilesWithoutText(ctx, db); err != nil || n != 0 {
			t.Errorf("after extraction %d files are still waiting (%v)", n, err)
		}
	})
}

// TestExtractRetriesThenFails: a file that hits the limit on every attempt is
// retried and then marked failed with the reason; the queue goes on.
func TestExtractRetriesThenFails(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
	}
	ctx := context.Background()
	sys := ratsinfo.SystemContext(ctx)
	db := openStore(t, filepath.Join(t.TempDir(), "ratsinfo.db"))
	defer db.Close()
	if err := jobs.Migrate(ctx, db.Dialect(), db.JobPool(), nil); err != nil {
		t.Fatal(err)
	}
	blobs, _ := blob.NewDir(t.TempDir())
	body := &ratsinfo.Body{Name: "Stadt"}
	if err := db.CreateBody(sys, body); err != nil {
		t.Fatal(err)
	}
	key, _, _, _ := blobs.Put(sys, bytes.NewReader(demo.PDF("x", "Haushalt")))
	f := &ratsinfo.File{BodyID: body.ID, Name: "Haushalt", BlobKey: key}
	if err := db.CreateFile(sys, f); err != nil {
		t.Fatal(err)
	}
	// 4 MiB of address space is too little for pdftotext to start: the limit
	// is hit on every attempt.
	ew := &jobs.ExtractWorker{Store: db, Blobs: blobs, Extractor: &blob.Extractor{MemoryLimit: 4 << 20}}
	register, _ := jobs.Extraction(ew, time.Hour)
	q, err := jobs.New(jobs.Config{Dialect: db.Dialect(), DB: db.JobPool(), Register: register, PollInterval: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.EnqueueExtract(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	waitKind(t, q, jobs.ExtractArgs{}.Kind())
	stop, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	q.Stop(stop)
	st, err := db.FileTextStates(sys, []int64{f.ID})
	if err != nil {
		t.Fatal(err)
	}
	if s := st[f.ID]; s.Status != ratsinfo.TextFailed || s.Attempts != 3 || !strings.Contains(s.Reason, "pdftotext") {
		t.Errorf("state %+v, want failed after 3 attempts naming pdftotext", s)
	}
}

func waitKind(t *testing.T, q *jobs.Queue, kind string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for {
		left, err := q.Unfinished(ctx, kind)
		if err != nil {
			t.Fatal(err)
		}
		if !left {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatal("jobs did not finish within 60 s")
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// TestExtractWithoutPDFToText: on a machine without pdftotext a PDF stays
// pending with the reason, its job ends (no attempts used up), and a later
// sweep finds it again.
func TestExtractWithoutPDFToText(t *testing.T) {
	ctx := context.Background()
	sys := ratsinfo.SystemContext(ctx)
	db := openStore(t, filepath.Join(t.TempDir(), "ratsinfo.db"))
	defer db.Close()
	if err := jobs.Migrate(ctx, db.Dialect(), db.JobPool(), nil); err != nil {
		t.Fatal(err)
	}
	blobs, _ := blob.NewDir(t.TempDir())
	body := &ratsinfo.Body{Name: "Stadt"}
	if err := db.CreateBody(sys, body); err != nil {
		t.Fatal(err)
	}
	key, _, _, _ := blobs.Put(sys, bytes.NewReader(demo.PDF("x", "Haushalt")))
	f := &ratsinfo.File{BodyID: body.ID, Name: "Haushalt", BlobKey: key}
	if err := db.CreateFile(sys, f); err != nil {
		t.Fatal(err)
	}
	ew := &jobs.ExtractWorker{Store: db, Blobs: blobs, Extractor: &blob.Extractor{PDFToText: "pdftotext-gibt-es-nicht"}}
	register, _ := jobs.Extraction(ew, time.Hour)
	q, err := jobs.New(jobs.Config{Dialect: db.Dialect(), DB: db.JobPool(), Register: register, PollInterval: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.EnqueueExtract(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	waitKind(t, q, jobs.ExtractArgs{}.Kind())
	stop, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	q.Stop(stop)
	st, err := db.FileTextStates(sys, []int64{f.ID})
	if err != nil {
		t.Fatal(err)
	}
	if s := st[f.ID]; s.Status != ratsinfo.TextPending || !strings.Contains(s.Reason, "poppler-utils") {
		t.Errorf("state %+v, want pending naming poppler-utils", s)
	}
	if ids, err := db.FilesWithoutText(sys, 0, 10); err != nil || len(ids) != 1 || ids[0] != f.ID {
		t.Errorf("the next sweep does not find the file again: %v %v", ids, err)
	}
	// The finished job must not block the next one for the same file.
	if _, err := q.EnqueueFilesWithoutText(ctx, db); err != nil {
		t.Fatal(err)
	}
	if waiting, err := q.Unfinished(ctx, jobs.ExtractArgs{}.Kind()); err != nil || !waiting {
		t.Errorf("the file was not enqueued again after its job completed (%v)", err)
	}
}
