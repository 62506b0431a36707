package main

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
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// run runs one command of the real binary in-process.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &App{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	code := app.Main(context.Background(), args)
	return code, out.String(), errOut.String()
}

// filesWithoutText writes a body and files without text into a migrated data
// folder: one PDF with a text layer, one scan.
func filesWithoutText(t *testing.T, dir, database string) (text, scan int64) {
	t.Helper()
	dsn := filepath.Join(dir, "ratsinfo.db")
	if database != "" {
		dsn = database
	}
	ctx := ratsinfo.SystemContext(context.Background())
	db, err := sqldb.Open(ctx, dsn, sqldb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	blobs, err := blob.NewDir(filepath.Join(dir, "dateien"))
	if err != nil {
		t.Fatal(err)
	}
	body := &ratsinfo.Body{Name: "Stadt Norderstedt"}
	if err := db.CreateBody(ctx, body); err != nil {
		t.Fatal(err)
	}
	for i, content := range [][]byte{
		demo.PDF("Antwort", "Die Fahrrad-\nstraße wird im Haupt-\nausschuss beraten."),
		[]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
			"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
	} {
		key, size, sum, err := blobs.Put(ctx, bytes.NewReader(content))
		if err != nil {
			t.Fatal(err)
		}
		f := &ratsinfo.File{BodyID: body.ID, Name: "Datei", MimeType: "application/pdf", BlobKey: key, Size: size, SHA512Checksum: sum}
		if err := db.CreateFile(ctx, f); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			text = f.ID
		} else {
			scan = f.ID
		}
	}
	return text, scan
}

func fileState(t *testing.T, dsn string, id int64) (string, ratsinfo.TextStatus) {
	t.Helper()
	ctx := ratsinfo.SystemContext(context.Background())
	db, err := sqldb.Open(ctx, dsn, sqldb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	f, err := db.FindFileByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	st, err := db.FileTextStates(ctx, []int64{id})
	if err != nil {
		t.Fatal(err)
	}
	return f.Text, st[id].Status
}

// TestExtractCommand: `ratsinfo extract` reads every file without text, blocks
// until done and exits 0; run again it finds nothing left.
func TestExtractCommand(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
	}
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			dir := t.TempDir()
			args := []string{"--data-dir", dir, "--log-level", "warn"}
			dsn := filepath.Join(dir, "ratsinfo.db")
			if backend == "postgres" {
				dsn = pgtest.DSN(t)
				args = append(args, "--database", dsn)
			}
			if code, _, errOut := run(t, append([]string{"migrate"}, args...)...); code != 0 {
				t.Fatalf("migrate: %d %s", code, errOut)
			}
			textID, scanID := filesWithoutText(t, dir, map[bool]string{true: dsn}[backend == "postgres"])
			code, out, errOut := run(t, append([]string{"extract"}, args...)...)
			if code != 0 || !strings.Contains(out, "Textauszug fertig: 2 Dateien") {
				t.Fatalf("extract: %d %q %q", code, out, errOut)
			}
			if text, st := fileState(t, dsn, textID); text != "Die Fahrradstraße wird im Hauptausschuss beraten." || st != ratsinfo.TextDone {
				t.Errorf("text file: %q %s", text, st)
			}
			if text, st := fileState(t, dsn, scanID); text != "" || st != ratsinfo.TextNeedsOCR {
				t.Errorf("scan: %q %s", text, st)
			}
			if code, out, _ := run(t, append([]string{"extract"}, args...)...); code != 0 || !strings.Contains(out, "Textauszug fertig: 0 Dateien") {
				t.Errorf("second extract: %d %q", code, out)
			}
		})
	}
}

// TestServeExtractsInBackground: files without text get it while the server
// runs, from the sweep at start; nothing has to call extract.
func TestServeExtractsInBackground(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
	}
	dir := t.TempDir()
	if code, _, errOut := run(t, "migrate", "--data-dir", dir); code != 0 {
		t.Fatalf("migrate: %d %s", code, errOut)
	}
	textID, _ := filesWithoutText(t, dir, "")
	srv := startServer(t, "--data-dir", dir)
	deadline := time.Now().Add(60 * time.Second)
	for {
		text, _ := fileState(t, filepath.Join(dir, "ratsinfo.db"), textID)
		if text != "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the server did not extract the text within 60 s")
		}
		time.Sleep(200 * time.Millisecond)
	}
	if code := srv.stop(); code != 0 {
		t.Errorf("serve exited with %d", code)
	}
}

// TestServeRefusesMissingJobTables: a database migrated by an older binary
// (without the job tables) is refused with the advice to migrate, not
// migrated silently.
func TestServeRefusesMissingJobTables(t *testing.T) {
	dir := t.TempDir()
	db, err := sqldb.Open(context.Background(), filepath.Join(dir, "ratsinfo.db"), sqldb.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, _, errOut := run(t, "serve", "--data-dir", dir, "--addr", "127.0.0.1:0")
	if code != 1 || !strings.Contains(errOut, "Hintergrundaufgaben") || !strings.Contains(errOut, "ratsinfo migrate") {
		t.Fatalf("serve: %d %q", code, errOut)
	}
}
