package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/legacy"
)

const importDocumentUsage = "Aufruf: ratsinfo import document [--json] [--body ID] [--data-dir DIR] [--database URL] DATEI...\n"

// maxDocumentSize bounds one legacy document: a 200-page answer as PDF is a
// few megabytes; more is no answer to an inquiry.
const maxDocumentSize = 64 << 20

// importDocument reads legacy answers (.txt or .pdf), recognises their
// structure and, without --json, stores them: one transaction per file.
func (a *App) importDocument(ctx context.Context, args []string) error {
	var cfg Config
	fset := a.flagSet("import document")
	cfg.dataFlags(fset, a.Getenv)
	asJSON := fset.Bool("json", false, "nichts schreiben, nur die erkannte Struktur je Datei als JSON ausgeben")
	body := fset.Int64("body", 0, "Körperschaft, in die importiert wird (nötig, wenn es mehrere gibt)")
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() == 0 {
		fmt.Fprint(a.Stderr, importDocumentUsage)
		return errUsage
	}
	ext := &blob.Extractor{}
	if *asJSON {
		enc := json.NewEncoder(a.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		var failed error
		for _, name := range fset.Args() {
			doc, _, err := readDocument(ctx, ext, name)
			if err != nil {
				fmt.Fprintf(a.Stderr, "Fehler: %s\n", userMessage(err))
				failed = errors.Join(failed, err)
				continue
			}
			if err := enc.Encode(doc); err != nil {
				return err
			}
		}
		if failed != nil {
			return fmt.Errorf("nicht alle Dateien konnten gelesen werden (siehe oben)")
		}
		return nil
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
	sctx := ratsinfo.SystemContext(ctx)
	bodyID, err := chooseBody(sctx, db, *body)
	if err != nil {
		return err
	}
	var failed int
	for _, name := range fset.Args() {
		res, doc, err := importOne(sctx, ext, db, blobs, bodyID, name)
		if err != nil {
			failed++
			fmt.Fprintf(a.Stderr, "Fehler: %s\n", userMessage(err))
			continue
		}
		fmt.Fprintf(a.Stdout, "%s: %d Fragen importiert – Anfrage %d, Vorlage der Beantwortung %d, Vorlage der Anfrage %d; neu: %s; schon vorhanden: %s\n",
			name, len(doc.Questions), res.InquiryID, res.AnswerPaperID, res.InquiryPaperID, kinds(res.Created), kinds(res.Matched))
		for _, w := range doc.Warnings {
			fmt.Fprintf(a.Stdout, "  Hinweis: %s\n", w)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d von %d Dateien wurden nicht importiert (siehe oben); die übrigen sind vollständig importiert", failed, fset.NArg())
	}
	return nil
}

// kinds lists counts by kind in German, in a fixed order.
func kinds(m map[ratsinfo.Kind]int) string {
	names := []struct {
		k    ratsinfo.Kind
		name string
	}{{ratsinfo.KindInquiry, "Anfragen"}, {ratsinfo.KindPaper, "Vorlagen"}, {ratsinfo.KindFile, "Dateien"},
		{ratsinfo.KindPerson, "Personen"}, {ratsinfo.KindOrganization, "Gremien"}, {ratsinfo.KindMeeting, "Sitzungen"},
		{ratsinfo.KindConsultation, "Beratungen"}}
	var parts []string
	for _, n := range names {
		if m[n.k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", n.name, m[n.k]))
		}
	}
	if len(parts) == 0 {
		return "nichts"
	}
	return strings.Join(parts, ", ")
}

// chooseBody returns the body to import into: the one given, or the only one.
func chooseBody(ctx context.Context, db ratsinfo.RecordReader, id int64) (int64, error) {
	if id != 0 {
		if _, err := db.FindBodyByID(ctx, id); err != nil {
			return 0, fmt.Errorf("--body %d: diese Körperschaft gibt es nicht", id)
		}
		return id, nil
	}
	bodies, err := db.FindBodies(ctx, ratsinfo.BodyFilter{ListFilter: ratsinfo.ListFilter{Limit: 2}})
	if err != nil {
		return 0, err
	}
	switch len(bodies) {
	case 0:
		return 0, fmt.Errorf("die Datenbank enthält keine Körperschaft; bitte zuerst eine anlegen (z. B. „ratsinfo serve --demo“ oder „ratsinfo import oparl“)")
	case 1:
		return bodies[0].ID, nil
	}
	return 0, fmt.Errorf("die Datenbank enthält mehrere Körperschaften; bitte mit --body ID angeben, in welche importiert wird")
}

// readDocument reads and parses one file. Errors are German and name the file.
func readDocument(ctx context.Context, ext ratsinfo.TextExtractor, name string) (*legacy.Document, []byte, error) {
	info, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, fmt.Errorf("die Datei „%s“ gibt es nicht", name)
	case err != nil:
		return nil, nil, fmt.Errorf("die Datei „%s“ ist nicht lesbar: %v", name, err)
	case info.IsDir():
		return nil, nil, fmt.Errorf("„%s“ ist ein Ordner; bitte die Dateien angeben (z. B. %s/*.pdf)", name, name)
	case info.Size() > maxDocumentSize:
		return nil, nil, fmt.Errorf("die Datei „%s“ ist %d MB groß; höchstens %d MB werden gelesen", name, info.Size()>>20, maxDocumentSize>>20)
	}
	kind := strings.ToLower(filepath.Ext(name))
	if kind != ".txt" && kind != ".pdf" {
		return nil, nil, fmt.Errorf("die Datei „%s“ ist weder .txt noch .pdf; gelesen werden Textdateien (UTF-8 oder Windows-1252) und PDF", name)
	}
	content, err := os.ReadFile(name)
	if err != nil {
		return nil, nil, fmt.Errorf("die Datei „%s“ ist nicht lesbar: %v", name, err)
	}
	var text string
	var notes []string
	if kind == ".pdf" {
		if !bytes.HasPrefix(content, []byte("%PDF-")) {
			return nil, nil, fmt.Errorf("die Datei „%s“ endet auf .pdf, ist aber kein PDF", name)
		}
		res, err := ext.ExtractText(ctx, bytes.NewReader(content))
		if err != nil {
			return nil, nil, fmt.Errorf("„%s“: %w", name, err)
		}
		switch res.Status {
		case ratsinfo.TextNeedsOCR:
			return nil, nil, fmt.Errorf("„%s“ enthält keinen Text (vermutlich ein Scan): bitte zuerst eine Texterkennung (OCR) laufen lassen, z. B. „ocrmypdf %s %s“", name, name, strings.TrimSuffix(name, filepath.Ext(name))+"-ocr.pdf")
		case ratsinfo.TextFailed:
			return nil, nil, fmt.Errorf("„%s“: %s", name, res.Reason)
		}
		text = res.Text
	} else {
		if looksBinary(content) {
			return nil, nil, fmt.Errorf("die Datei „%s“ ist keine Textdatei (sie enthält Binärdaten); bitte die Textfassung oder das PDF angeben", name)
		}
		var enc string
		text, enc = legacy.Decode(content)
		if enc != legacy.EncodingUTF8 {
			notes = append(notes, "Die Datei war nicht in UTF-8 kodiert; sie wurde als "+enc+" gelesen.")
		}
	}
	doc := legacy.Parse(text)
	doc.File = filepath.Base(name)
	doc.Warnings = append(notes, doc.Warnings...)
	return doc, content, nil
}

// looksBinary reports content that is no text: NUL bytes or many control
// characters in its first 8 KiB.
func looksBinary(b []byte) bool {
	head := b[:min(len(b), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl*50 > len(head)
}

// importOne reads, parses and stores one document in one transaction.
func importOne(ctx context.Context, ext ratsinfo.TextExtractor, db ratsinfo.LegacyImporter, blobs ratsinfo.BlobStore,
	body int64, name string) (*ratsinfo.LegacyImportResult, *legacy.Document, error) {
	doc, content, err := readDocument(ctx, ext, name)
	if err != nil {
		return nil, nil, err
	}
	res, err := storeDocument(ctx, db, blobs, body, name, doc, content)
	if err != nil {
		return nil, doc, fmt.Errorf("„%s“: %w", name, err)
	}
	return res, doc, nil
}

// storeDocument stores a parsed document: its file in the blob store, the
// records in one transaction.
func storeDocument(ctx context.Context, db ratsinfo.LegacyImporter, blobs ratsinfo.BlobStore, body int64, name string,
	doc *legacy.Document, content []byte) (*ratsinfo.LegacyImportResult, error) {
	if len(doc.Questions) == 0 {
		return nil, fmt.Errorf("keine Fragen erkannt, nichts importiert. %s", strings.Join(doc.Warnings, " "))
	}
	ans, err := legacyAnswer(doc, body)
	if err != nil {
		return nil, err
	}
	key, size, sum, err := blobs.Put(ctx, bytes.NewReader(content))
	if err != nil {
		return nil, fmt.Errorf("Datei speichern: %w", err)
	}
	ans.File = ratsinfo.LegacyFile{FileName: doc.File, MimeType: mimeOf(name), Size: size, SHA512: sum, BlobKey: key,
		Text: textOf(content, name)}
	return db.ImportLegacyAnswer(ctx, ans)
}

func mimeOf(name string) string {
	if strings.EqualFold(filepath.Ext(name), ".pdf") {
		return "application/pdf"
	}
	return "text/plain"
}

// textOf is the text a text file's File record carries for search; PDFs get
// theirs from the extraction queue.
func textOf(content []byte, name string) string {
	if strings.EqualFold(filepath.Ext(name), ".pdf") {
		return ""
	}
	t, _ := legacy.Decode(content)
	t = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\f", "\n").Replace(t)
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return ' ' // File.Text takes no control characters
		}
		return r
	}, t)
}

// legacyAnswer turns a parsed document into what the store imports.
func legacyAnswer(doc *legacy.Document, body int64) (*ratsinfo.LegacyAnswer, error) {
	a := &ratsinfo.LegacyAnswer{BodyID: body, Title: doc.Title, Reference: doc.Reference, Subject: doc.Subject,
		Faction: doc.InquirerOrganization, Preamble: doc.Text}
	if doc.Inquirer != "" {
		for _, n := range strings.Split(doc.Inquirer, " und ") {
			a.Inquirers = append(a.Inquirers, ratsinfo.ParseLegacyPerson(n))
		}
	}
	if doc.InquiryDate != "" {
		d, err := ratsinfo.ParseDate(doc.InquiryDate)
		if err != nil {
			return nil, err
		}
		a.InquiryDate = d
	}
	for _, c := range doc.Consultations {
		d, err := ratsinfo.ParseDate(c.Date)
		if err != nil {
			return nil, fmt.Errorf("Beratungsfolge %s: %w", c.Organization, err)
		}
		a.Consultations = append(a.Consultations, ratsinfo.LegacyConsultation{Organization: c.Organization, Date: d, Role: c.Role})
	}
	for _, q := range doc.Questions {
		out := ratsinfo.Question{Text: q.Text, Answer: q.FullAnswer()}
		for _, p := range q.Points {
			out.Points = append(out.Points, p.Text)
		}
		a.Questions = append(a.Questions, out)
	}
	return a, nil
}
