package jobs_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/jobs"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// BenchmarkExtractJobs measures the whole path of text extraction on the demo
// city's first 300 files: enqueue, two workers, pdftotext, clean-up, the
// write through the store. "direct" extracts the same files with two
// goroutines and no queue or store: the baseline of the same run.
func BenchmarkExtractJobs(b *testing.B) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext (poppler-utils) is not installed")
	}
	ctx := context.Background()
	sys := ratsinfo.SystemContext(ctx)
	dir := b.TempDir()
	db, err := sqldb.Open(ctx, filepath.Join(dir, "ratsinfo.db"), sqldb.Options{Migrate: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	blobs, err := blob.NewDir(filepath.Join(dir, "dateien"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := demo.Load(sys, db, blobs); err != nil {
		b.Fatal(err)
	}
	if err := jobs.Migrate(ctx, db.Dialect(), db.JobPool(), nil); err != nil {
		b.Fatal(err)
	}
	files, err := db.FindFiles(sys, ratsinfo.FileFilter{ListFilter: ratsinfo.ListFilter{Limit: 300}})
	if err != nil {
		b.Fatal(err)
	}
	var ids []int64
	var keys []string
	for _, f := range files {
		if f.BlobKey != "" {
			ids, keys = append(ids, f.ID), append(keys, f.BlobKey)
		}
	}
	b.Logf("%d files", len(ids))

	b.Run("direct", func(b *testing.B) {
		e := &blob.Extractor{}
		for b.Loop() {
			ch := make(chan string)
			var wg sync.WaitGroup
			for range 2 {
				wg.Go(func() {
					for k := range ch {
						r, err := blobs.Open(sys, k)
						if err != nil {
							b.Error(err)
							continue
						}
						if _, err := e.ExtractText(ctx, r); err != nil {
							b.Error(err)
						}
						r.Close()
					}
				})
			}
			for _, k := range keys {
				ch <- k
			}
			close(ch)
			wg.Wait()
		}
		b.ReportMetric(float64(len(keys)*b.N)/b.Elapsed().Seconds(), "files/s")
	})
	b.Run("jobs", func(b *testing.B) {
		ew := &jobs.ExtractWorker{Store: db, Blobs: blobs, Extractor: &blob.Extractor{}}
		register, _ := jobs.Extraction(ew, time.Hour)
		q, err := jobs.New(jobs.Config{Dialect: db.Dialect(), DB: db.JobPool(), Register: register, Workers: 2, PollInterval: 100 * time.Millisecond})
		if err != nil {
			b.Fatal(err)
		}
		if err := q.Start(ctx); err != nil {
			b.Fatal(err)
		}
		defer q.Stop(ctx)
		for b.Loop() {
			b.StopTimer()
			// The demo stores its texts with the files: empty them, so every
			// loop has the same 300 files to read.
			for _, id := range ids {
				f, err := db.FindFileByID(sys, id)
				if err != nil {
					b.Fatal(err)
				}
				f.Text = ""
				if err := db.UpdateFile(sys, f); err != nil {
					b.Fatal(err)
				}
			}
			b.StartTimer()
			if err := q.EnqueueExtract(ctx, ids...); err != nil {
				b.Fatal(err)
			}
			for {
				left, err := q.Unfinished(ctx, jobs.ExtractArgs{}.Kind())
				if err != nil {
					b.Fatal(err)
				}
				if !left {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
		}
		b.ReportMetric(float64(len(ids)*b.N)/b.Elapsed().Seconds(), "files/s")
	})
}
