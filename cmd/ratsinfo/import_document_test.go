package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// legacyFiles writes the documents of the import tests into dir: the seed
// answer, a Windows-1252 answer with a page break, an answer as PDF, a
// Mitteilungsvorlage (no questions), and bad files.
func legacyFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	seed, err := os.ReadFile("../../demo/seed/beantwortung-anfrage-pender-smart-city.txt")
	if err != nil {
		t.Fatal(err)
	}
	cp1252, err := os.ReadFile("../../legacy/testdata/11-windows-1252-seitenwechsel.txt")
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.ReadFile("../../legacy/testdata/06-mitteilungsvorlage.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"seed.txt":   seed,
		"cp1252.txt": cp1252,
		"info.txt":   info,
		"answer.pdf": demo.PDF("Beantwortung", "Beratungsfolge Sitzungstermin Zuständigkeit\nHauptausschuss 13.03.2023 Kenntnisnahme\n\n"+
			"Beantwortung der Anfrage von Frau Anja Berg zum Thema Radverkehr vom 01.02.2023\n\nSachverhalt:\n\n"+
			"1) Wie viele Fahrradstraßen gibt es?\n\nEs gibt drei Fahrrad-\nstraßen.\n"),
		"binary.txt": {0x00, 0x01, 0xff, 0xfe, 'a', 0x00},
		"fake.pdf":   []byte("kein PDF"),
		"notes.docx": []byte("PK\x03\x04"),
	}
	out := map[string]string{}
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		out[name] = p
	}
	return out
}

type recordCounts struct{ inquiries, papers, persons, organizations, meetings, consultations, files int }

func countRecords(t *testing.T, dsn string) (recordCounts, []*ratsinfo.Inquiry) {
	t.Helper()
	ctx := ratsinfo.SystemContext(context.Background())
	db, err := sqldb.Open(ctx, dsn, sqldb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var c recordCounts
	inq, err := db.FindInquiries(ctx, ratsinfo.InquiryFilter{})
	must(t, err)
	c.inquiries = len(inq)
	p, err := db.FindPapers(ctx, ratsinfo.PaperFilter{})
	must(t, err)
	c.papers = len(p)
	pe, err := db.FindPersons(ctx, ratsinfo.PersonFilter{})
	must(t, err)
	c.persons = len(pe)
	o, err := db.FindOrganizations(ctx, ratsinfo.OrganizationFilter{})
	must(t, err)
	c.organizations = len(o)
	m, err := db.FindMeetings(ctx, ratsinfo.MeetingFilter{})
	must(t, err)
	c.meetings = len(m)
	co, err := db.FindConsultations(ctx, ratsinfo.ConsultationFilter{})
	must(t, err)
	c.consultations = len(co)
	f, err := db.FindFiles(ctx, ratsinfo.FileFilter{})
	must(t, err)
	c.files = len(f)
	return c, inq
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestImportDocument: `ratsinfo import document` stores the seed, a
// Windows-1252 text and a PDF as published inquiries with their questions and
// answers, matches the person and the committee already there, refuses bad
// files with German messages while importing the others, and changes nothing
// when run again or with --json.
func TestImportDocument(t *testing.T) {
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
			// What the city has already: the body, the main committee, the inquirer.
			ctx := ratsinfo.SystemContext(context.Background())
			db, err := sqldb.Open(ctx, dsn, sqldb.Options{})
			must(t, err)
			body := &ratsinfo.Body{Name: "Stadt Norderstedt"}
			must(t, db.CreateBody(ctx, body))
			must(t, db.CreateOrganization(ctx, &ratsinfo.Organization{BodyID: body.ID, Name: "Hauptausschuss", OrganizationType: "Gremium"}))
			must(t, db.CreatePerson(ctx, &ratsinfo.Person{BodyID: body.ID, Name: "Patrick Pender", GivenName: "Patrick", FamilyName: "Pender"}))
			db.Close()

			f := legacyFiles(t, t.TempDir())
			before, _ := countRecords(t, dsn)
			code, out, errOut := run(t, append(append([]string{"import", "document", "--json"}, args...), f["seed.txt"], f["info.txt"])...)
			if code != 0 || errOut != "" {
				t.Fatalf("--json: %d %q", code, errOut)
			}
			dec := json.NewDecoder(strings.NewReader(out))
			var seed, info struct {
				File      string
				Inquirer  string
				Questions []struct{ Number, Text, Answer string }
				Warnings  []string
			}
			must(t, dec.Decode(&seed))
			must(t, dec.Decode(&info))
			if seed.File != "seed.txt" || seed.Inquirer != "Herr Pender" || len(seed.Questions) != 6 || len(info.Questions) != 0 || len(info.Warnings) == 0 {
				t.Errorf("--json printed %+v and %+v", seed, info)
			}
			if after, _ := countRecords(t, dsn); after != before {
				t.Errorf("--json wrote: %+v → %+v", before, after)
			}

			all := append([]string{"import", "document"}, args...)
			all = append(all, f["seed.txt"], f["cp1252.txt"], f["answer.pdf"], f["info.txt"], f["binary.txt"], f["fake.pdf"], f["notes.docx"],
				filepath.Join(dir, "fehlt.txt"))
			code, out, errOut = run(t, all...)
			if code != 1 {
				t.Fatalf("import with bad files: exit %d, want 1; %q %q", code, out, errOut)
			}
			for _, want := range []string{"info.txt“: keine Fragen erkannt, nichts importiert", "binary.txt“ ist keine Textdatei",
				"fake.pdf“ endet auf .pdf, ist aber kein PDF", "notes.docx“ ist weder .txt noch .pdf", "fehlt.txt“ gibt es nicht",
				"Fehler: 5 von 8 Dateien wurden nicht importiert"} {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errOut)
				}
			}
			if !strings.Contains(out, "seed.txt: 6 Fragen importiert") || !strings.Contains(out, "als Windows-1252 gelesen") {
				t.Errorf("stdout:\n%s", out)
			}
			first, inquiries := countRecords(t, dsn)
			// Three answers, each with an inquiry paper; Pender and the
			// Hauptausschuss matched, Lars Petersen, Anja Berg and the Bauausschuss new.
			want := recordCounts{inquiries: 3, papers: 6, persons: 3, organizations: 2, meetings: 3, consultations: 3, files: 3}
			if first != want {
				t.Errorf("after import: %+v, want %+v", first, want)
			}
			var pender *ratsinfo.Inquiry
			for _, q := range inquiries {
				if q.State != ratsinfo.InquiryPublished || q.PaperID == 0 || q.AnswerPaperID == 0 {
					t.Errorf("inquiry %d %q: state %s, paper %d, answer %d", q.ID, q.Title, q.State, q.PaperID, q.AnswerPaperID)
				}
				if q.Title == "Smart City Offensive" {
					pender = q
				}
			}
			if pender == nil {
				t.Fatal("no inquiry Smart City Offensive")
			}
			full, err := openAndFindInquiry(t, dsn, pender.ID)
			must(t, err)
			if len(full.Questions) != 6 || !strings.HasPrefix(full.Questions[3].Answer, "Exkurs zum Thema Smart City Ranking") ||
				!strings.Contains(full.Questions[3].Text, "Warum entspricht es") || len(full.InquirerPersonIDs) != 1 {
				t.Errorf("seed inquiry: %d questions, inquirers %v, question 4 %q", len(full.Questions), full.InquirerPersonIDs, full.Questions[3].Text)
			}

			// Again: nothing new, the same inquiries.
			code, out, errOut = run(t, append(append([]string{"import", "document"}, args...), f["seed.txt"], f["cp1252.txt"], f["answer.pdf"])...)
			if code != 0 {
				t.Fatalf("rerun: %d %q", code, errOut)
			}
			if again, _ := countRecords(t, dsn); again != first {
				t.Errorf("rerun changed the counts: %+v → %+v\n%s", first, again, out)
			}
			if !strings.Contains(out, "neu: nichts;") {
				t.Errorf("rerun reported new records:\n%s", out)
			}
		})
	}
}

func openAndFindInquiry(t *testing.T, dsn string, id int64) (*ratsinfo.Inquiry, error) {
	ctx := ratsinfo.SystemContext(context.Background())
	db, err := sqldb.Open(ctx, dsn, sqldb.Options{})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.FindInquiry(ctx, id)
}

// TestImportDocumentScan: a PDF without a text layer is refused with a German
// message that suggests OCR.
func TestImportDocumentScan(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
	}
	scan := filepath.Join(t.TempDir(), "scan.pdf")
	must(t, os.WriteFile(scan, []byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"+
		"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"), 0o644))
	code, _, errOut := run(t, "import", "document", "--json", scan)
	if code != 1 || !strings.Contains(errOut, "enthält keinen Text (vermutlich ein Scan)") || !strings.Contains(errOut, "ocrmypdf") {
		t.Errorf("scan: %d %q", code, errOut)
	}
}

// TestDemoSeedThroughParser: the demo city's seed answer, loaded as `serve
// --demo` does, goes through the legacy importer: it finds the papers, the
// person, the committee, the meeting and the consultation the demo wrote and
// adds only the published inquiry with the six questions.
func TestDemoSeedThroughParser(t *testing.T) {
	ctx := ratsinfo.SystemContext(context.Background())
	cfg := Config{DataDir: t.TempDir()}
	db, blobs, err := openData(ctx, &cfg, true, slog.New(slog.NewTextHandler(io.Discard, nil)))
	must(t, err)
	defer db.Close()
	city, err := demo.Load(ctx, db, blobs)
	must(t, err)
	must(t, demo.LoadInquiries(ctx, db, blobs, city))
	dsn := filepath.Join(cfg.DataDir, "ratsinfo.db")
	before, _ := countRecords(t, dsn)
	res, err := loadSeedAnswer(ctx, db, blobs, city)
	must(t, err)
	after, _ := countRecords(t, dsn)
	before.inquiries++
	if after != before {
		t.Errorf("the seed import added more than the inquiry: %+v → %+v (created %v)", before, after, res.Created)
	}
	if res.AnswerPaperID != city.AnswerPaperID || res.InquiryPaperID != city.InquiryPaperID || res.FileID != city.AnswerFileID {
		t.Errorf("matched answer %d, inquiry %d, file %d; the demo wrote %d, %d, %d",
			res.AnswerPaperID, res.InquiryPaperID, res.FileID, city.AnswerPaperID, city.InquiryPaperID, city.AnswerFileID)
	}
	q, err := db.FindInquiry(ctx, res.InquiryID)
	must(t, err)
	if q.State != ratsinfo.InquiryPublished || len(q.Questions) != 6 || len(q.InquirerPersonIDs) != 1 ||
		!strings.HasPrefix(q.Questions[5].Text, "Bisher sind 21 Digitale Knotenpunkte") {
		t.Errorf("seed inquiry: state %s, %d questions, inquirers %v", q.State, len(q.Questions), q.InquirerPersonIDs)
	}
}
