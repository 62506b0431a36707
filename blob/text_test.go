package blob_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/demo"
)

func needPDFToText(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
	}
}

// zipOf builds a zip archive (an ODT or DOCX) from name/content pairs.
func zipOf(t *testing.T, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// textlessPDF is a valid two-page PDF whose pages draw only a rectangle: what a
// scan looks like to a text extractor.
func textlessPDF() []byte {
	var buf bytes.Buffer
	var offs []int
	obj := func(s string) {
		offs = append(offs, buf.Len())
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", len(offs), s)
	}
	buf.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>")
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>")
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>")
	stream := "0 0 0 rg 50 50 400 600 re f"
	obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream))
	x := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&buf, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, x)
	return buf.Bytes()
}

func TestExtractText(t *testing.T) {
	needPDFToText(t)
	long := strings.Repeat("Zeile mit Füllwörtern über die Straßenbahn.\n", 130) // three pages
	for _, c := range []struct {
		name    string
		content []byte
		status  ratsinfo.TextStatus
		want    []string // substrings of the text (or the reason)
		notWant []string
		pages   int
	}{
		{"pdf with hyphenation and umlauts", demo.PDF("Anfrage", "Die Verkehrs-\nführung am Knotenpunkt\nund die Smart City-\nOffensive mit E-\nBikes."),
			ratsinfo.TextDone, []string{"Verkehrsführung am Knotenpunkt", "Smart City-Offensive", "E-Bikes"}, []string{"Verkehrs-"}, 1},
		{"pdf of three pages", demo.PDF("Lang", long), ratsinfo.TextDone, []string{"Straßenbahn"}, nil, 3},
		{"pdf without text layer", textlessPDF(), ratsinfo.TextNeedsOCR, []string{"braucht Texterkennung"}, nil, 2},
		{"corrupt pdf", []byte("%PDF-1.4\nthis is not a pdf at all\n%%EOF\n"), ratsinfo.TextFailed, []string{"Text konnte nicht extrahiert werden", "beschädigt"}, nil, 0},
		{"html declared as pdf", []byte("<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body><script>alert('böse')</script><p>Sitzung des Hauptaus&shy;schusses</p><p>Tagesordnung &amp; Anlagen</p></body></html>"),
			ratsinfo.TextDone, []string{"Sitzung des Hauptausschusses", "Tagesordnung & Anlagen"}, []string{"alert", "böse", "p{}"}, 0},
		{"plain utf-8", []byte("Reisekosten für Zukunftsbotschafter"), ratsinfo.TextDone, []string{"Reisekosten für Zukunftsbotschafter"}, nil, 0},
		{"plain windows-1252", []byte("Gr\xf6\xdfe der Fl\xe4che \x80 100"), ratsinfo.TextDone, []string{"Größe der Fläche € 100"}, nil, 0},
		{"odt", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml",
			`<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:h>Beschlussvorlage</text:h><text:p>Der Ausschuss<text:s/>beschließt den Radweg.</text:p></office:text></office:body></office:document-content>`),
			ratsinfo.TextDone, []string{"Beschlussvorlage\nDer Ausschuss beschließt den Radweg."}, nil, 0},
		{"docx", zipOf(t, "[Content_Types].xml", "<Types/>", "word/document.xml",
			`<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Stellungnahme der</w:t></w:r><w:r><w:t xml:space="preserve"> Verwaltung</w:t></w:r></w:p><w:p><w:r><w:t>Zweiter Absatz</w:t></w:r></w:p></w:body></w:document>`),
			ratsinfo.TextDone, []string{"Stellungnahme der Verwaltung\nZweiter Absatz"}, nil, 0},
		{"zip that is no document", zipOf(t, "a.txt", "hallo"), ratsinfo.TextFailed, []string{"weder ein ODT- noch ein DOCX-Dokument"}, nil, 0},
		{"image", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ratsinfo.TextFailed, []string{"image/png", "nicht unterstützt"}, nil, 0},
		{"empty", nil, ratsinfo.TextFailed, []string{"leer"}, nil, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := &blob.Extractor{}
			got, err := e.ExtractText(context.Background(), bytes.NewReader(c.content))
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if got.Status != c.status || got.Pages != c.pages {
				t.Fatalf("status %s pages %d, want %s and %d (reason %q)", got.Status, got.Pages, c.status, c.pages, got.Reason)
			}
			hay := got.Text + got.Reason
			for _, w := range c.want {
				if !strings.Contains(hay, w) {
					t.Errorf("missing %q in %q", w, hay)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(hay, w) {
					t.Errorf("unexpected %q in %q", w, hay)
				}
			}
		})
	}
}

// TestExtractTextFromFile runs pdftotext on the blob file itself (no copy), as
// the job does with the data folder's blobs.
func TestExtractTextFromFile(t *testing.T) {
	needPDFToText(t)
	p := filepath.Join(t.TempDir(), "a.pdf")
	os.WriteFile(p, demo.PDF("x", "Fahrradstraße im Stadtteil Garstedt"), 0o644)
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := &blob.Extractor{}
	got, err := e.ExtractText(context.Background(), f)
	if err != nil || !strings.Contains(got.Text, "Fahrradstraße im Stadtteil Garstedt") {
		t.Fatalf("got %+v, %v", got, err)
	}
	if e.PeakRSS() <= 0 {
		t.Error("peak memory of pdftotext not measured")
	}
}

// TestExtractTextLimits: a limit hit is an error (the job retries and finally
// marks the file failed), never a hang or a crash, and text is capped.
func TestExtractTextLimits(t *testing.T) {
	needPDFToText(t)
	pdf := demo.PDF("Lang", strings.Repeat("Eine lange Zeile über den Haushalt der Stadt.\n", 3000))
	e := &blob.Extractor{MemoryLimit: 4 << 20}
	if got, err := e.ExtractText(context.Background(), bytes.NewReader(pdf)); err == nil {
		t.Errorf("4 MiB memory limit: no error, got %s %q", got.Status, got.Reason)
	}
	e = &blob.Extractor{Timeout: time.Millisecond}
	if got, err := e.ExtractText(context.Background(), bytes.NewReader(pdf)); err == nil {
		t.Errorf("1 ms time limit: no error, got %s", got.Status)
	}
	e = &blob.Extractor{MaxText: 1000}
	got, err := e.ExtractText(context.Background(), bytes.NewReader(pdf))
	if err != nil || got.Status != ratsinfo.TextDone || len(got.Text) > 1000 || len(got.Text) < 500 {
		t.Errorf("text cap 1000: %d bytes, %s, %v", len(got.Text), got.Status, err)
	}
	bomb := zipOf(t, "word/document.xml", "<w:document xmlns:w=\"w\"><w:body>"+strings.Repeat("<w:p><w:r><w:t>Bombe</w:t></w:r></w:p>", 200000)+"</w:body></w:document>")
	got, err = e.ExtractText(context.Background(), bytes.NewReader(bomb))
	if err != nil || got.Status != ratsinfo.TextDone || len(got.Text) > 1000 {
		t.Errorf("zip bomb: %d bytes, %s, %v", len(got.Text), got.Status, err)
	}
}
