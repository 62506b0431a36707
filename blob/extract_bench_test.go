package blob_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

var (
	demoPDFsOnce sync.Once
	demoPDFsDir  string
	demoPDFs     []string
	demoPDFsErr  error
)

// TestMain removes the demo city the benchmark wrote, once every run of it
// (-count=6) is done.
func TestMain(m *testing.M) {
	code := m.Run()
	if demoPDFsDir != "" {
		os.RemoveAll(demoPDFsDir)
	}
	os.Exit(code)
}

// loadDemoPDFs writes the demo city into a temporary data folder once and
// returns the paths of its PDF blobs.
func loadDemoPDFs(b *testing.B) []string {
	demoPDFsOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ratsinfo-extract-bench-")
		if err != nil {
			demoPDFsErr = err
			return
		}
		demoPDFsDir = dir
		ctx := ratsinfo.SystemContext(context.Background())
		db, err := sqldb.Open(ctx, filepath.Join(dir, "ratsinfo.db"), sqldb.Options{Migrate: true})
		if err != nil {
			demoPDFsErr = err
			return
		}
		defer db.Close()
		blobs, err := blob.NewDir(filepath.Join(dir, "dateien"))
		if err != nil {
			demoPDFsErr = err
			return
		}
		if _, err := demo.Load(ctx, db, blobs); err != nil {
			demoPDFsErr = err
			return
		}
		demoPDFsErr = filepath.WalkDir(filepath.Join(dir, "dateien"), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			head := make([]byte, 5)
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			if n, _ := f.Read(head); n == 5 && bytes.Equal(head, []byte("%PDF-")) {
				demoPDFs = append(demoPDFs, p)
			}
			return nil
		})
	})
	if demoPDFsErr != nil {
		b.Fatal(demoPDFsErr)
	}
	return demoPDFs
}

// BenchmarkExtractDemoPDFs extracts PDFs of the demo city: "bare" runs
// pdftotext alone (the baseline), "extractor" adds what a job does around it
// (limits through the shell, German clean-up), serially and with two workers.
// It reports pages per second and the peak resident memory of one pdftotext.
func BenchmarkExtractDemoPDFs(b *testing.B) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext (poppler-utils) is not installed")
	}
	// The first 300 PDFs of the demo city (in the data folder's order): the
	// whole city takes 45 s a run, too long for -count=6 on a shared machine.
	pdfs := loadDemoPDFs(b)
	pdfs = pdfs[:min(300, len(pdfs))]
	pages := 0
	{
		e := &blob.Extractor{}
		for _, p := range pdfs {
			f, _ := os.Open(p)
			res, err := e.ExtractText(context.Background(), f)
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
			pages += res.Pages
		}
	}
	b.Logf("%d PDFs, %d pages", len(pdfs), pages)
	b.Run("bare", func(b *testing.B) {
		for b.Loop() {
			for _, p := range pdfs {
				if err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", "-q", p, os.DevNull).Run(); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
	})
	long := filepath.Join(b.TempDir(), "lang.pdf")
	if err := os.WriteFile(long, demo.PDF("Haushaltsplan", strings.TrimSuffix(strings.Repeat(
		"Die Verkehrs-\nführung am Knotenpunkt wird im Haupt- und Finanzausschuss beraten.\n", 30*200), "\n")), 0o644); err != nil {
		b.Fatal(err)
	}
	// One document of 200 pages: pdftotext's own speed, without the start of
	// a process per page that dominates the demo's one-page files.
	b.Run("long-200-pages", func(b *testing.B) {
		e := &blob.Extractor{}
		for b.Loop() {
			f, _ := os.Open(long)
			res, err := e.ExtractText(context.Background(), f)
			f.Close()
			if err != nil || res.Pages != 200 {
				b.Fatalf("%d pages, %v", res.Pages, err)
			}
		}
		b.ReportMetric(float64(200*b.N)/b.Elapsed().Seconds(), "pages/s")
		b.ReportMetric(float64(e.PeakRSS())/(1<<20), "peak-MiB")
	})
	for _, workers := range []int{1, 2} {
		b.Run("extractor-"+string(rune('0'+workers)), func(b *testing.B) {
			e := &blob.Extractor{}
			for b.Loop() {
				ch := make(chan string)
				var wg sync.WaitGroup
				for range workers {
					wg.Go(func() {
						for p := range ch {
							f, err := os.Open(p)
							if err != nil {
								b.Error(err)
								continue
							}
							if _, err := e.ExtractText(context.Background(), f); err != nil {
								b.Error(err)
							}
							f.Close()
						}
					})
				}
				for _, p := range pdfs {
					ch <- p
				}
				close(ch)
				wg.Wait()
			}
			b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(e.PeakRSS())/(1<<20), "peak-MiB")
		})
	}
}
