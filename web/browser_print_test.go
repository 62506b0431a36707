package web

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/chromedp/chromedp"

	"github.com/ratsinfo/ratsinfo/internal/testenv"
)

// TestBrowserPrintPaper prints the answer paper's page to PDF in Chromium, as a
// visitor's "Drucken" would, and reads the PDF's text back with pdftotext. The
// printout must carry the paper (title, Beratungsfolge, every paragraph of the
// full text) and nothing of the screen's furniture (navigation, search box,
// footer, file actions): that is what the print stylesheet is for.
func TestBrowserPrintPaper(t *testing.T) {
	ctx := chromium(t)
	pdftotext := testenv.LookPath(t, "pdftotext", "poppler-utils", "Drucktest")
	w := testWorld(t)
	// ?lang=de: headless Chromium asks for English, and the labels checked are German.
	path := fmt.Sprintf("/vorlagen/%d?lang=de", w.city.AnswerPaperID)
	pdf := printPDF(t, ctx, w.srv.URL+path)
	file := filepath.Join(artifactSubdir(t, "print"), "vorlage-antwort.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	text := normalizeSpace(string(out))
	bare := bareText(text)
	if err := os.WriteFile(strings.TrimSuffix(file, ".pdf")+".txt", out, 0o644); err != nil {
		t.Fatal(err)
	}

	paper, err := w.store.FindPaperByID(t.Context(), w.city.AnswerPaperID)
	if err != nil {
		t.Fatal(err)
	}
	mainFile, err := w.store.FindFileByID(t.Context(), paper.MainFileID)
	if err != nil {
		t.Fatal(err)
	}
	item, err := w.store.FindAgendaItemByID(t.Context(), w.city.HearingAgendaItemID)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{normalizeSpace(paper.Name), "A 23/0012/1",
		// The Beratungsfolge table: its heading, committee, meeting day, agenda
		// item and result. The heading also opens the full text, hence twice.
		"Beratungsfolge", "Hauptausschuss", "27.02.2023", "TOP " + item.Number, "zur Kenntnis genommen", "Anhörung"}
	for _, para := range paragraphs(mainFile.Text) {
		want = append(want, para)
	}
	for _, s := range want {
		if !strings.Contains(bare, bareText(s)) {
			t.Errorf("printout of %s misses %q", path, s)
		}
	}
	if n := strings.Count(text, "Beratungsfolge"); n < 2 {
		t.Errorf("printout has %d times „Beratungsfolge“, want the table's heading and the full text's", n)
	}
	// None of these words occurs in the paper itself; on paper they could only
	// come from the header, the search box, the footer or the file links.
	for _, label := range []string{"Sitzungen", "Vorlagen", "Gremien", "Personen", "Suche", "Suchen",
		"Zum Inhalt springen", "Titel oder Vorlagennummer", "Barrierefreiheit", "Impressum", "Datenschutz",
		"OParl-Schnittstelle", "English", "Ratsinformationssystem", "Anzeigen", "Herunterladen"} {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(label) + `\b`).MatchString(text) {
			t.Errorf("printout of %s shows the screen label %q", path, label)
		}
	}
	for _, s := range w.secrets {
		if strings.Contains(text, s) {
			t.Errorf("printout of %s contains %q, which must not appear", path, s)
		}
	}
	t.Logf("%s: %d bytes of PDF, %d characters of text, kept in %s", path, len(pdf), len(text), file)
}

// printPDF loads url and prints it on A4 the way the browser's print dialog
// does: print media, no background colours, no header or footer of its own.
func printPDF(t *testing.T, ctx context.Context, url string) []byte {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		t.Fatalf("print %s: %v", url, err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("print %s: no PDF (%d bytes)", url, len(pdf))
	}
	return pdf
}

// normalizeSpace joins lines and runs of spaces, as a printout breaks lines
// wherever the paper's width ends.
func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// bareText drops spaces and hyphens: pdftotext joins a word broken at a line's
// end ("Kosten-" / "Nutzen" becomes "KostenNutzen"), so the printed text is
// compared letter by letter without them.
func bareText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '\u00ad' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
