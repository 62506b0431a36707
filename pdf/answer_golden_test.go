package pdf

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo/internal/testenv"
)

var updateGolden = flag.Bool("update", false, "rewrite pdf/testdata/answer.golden from the PDF as printed now")

const answerGolden = "testdata/answer.golden"

// TestAnswerPDFGolden prints the seed's answer with the real browser and
// compares the text a reader or a screen reader gets out of it (pdftotext, in
// reading order) with the golden text: the title, the Beratungsfolge, each
// question followed by its answer, the answer's markup as text, nothing more.
// After a deliberate change of the layout: go test ./pdf -run Golden -update,
// and read the diff.
func TestAnswerPDFGolden(t *testing.T) {
	bin := testenv.Getenv(t, "RATSINFO_TEST_CHROMIUM", "Browsertests")
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext (poppler-utils) is missing: .ci/run installs it")
	}
	got := answerText(t, bin)
	if *updateGolden {
		if err := os.WriteFile(answerGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(answerGolden)
	if err != nil {
		t.Fatalf("%v (create it with -update)", err)
	}
	if got != string(want) {
		t.Errorf("the answer PDF's text differs from %s (after a deliberate change: -update).\n--- got ---\n%s\n--- want ---\n%s", answerGolden, got, want)
	}
}

// answerText prints the seed's answer and extracts its text, with the page
// breaks (form feeds) and trailing blanks that depend on nothing we wrote
// taken out.
func answerText(t *testing.T, bin string) string {
	t.Helper()
	c, err := Find(bin)
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.PrintAnswer(context.Background(), seedAnswer())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "antwort.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	plain, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(string(plain), "\f", "\n"), "\n") {
		lines = append(lines, strings.TrimRight(l, " "))
	}
	return strings.TrimSpace(strings.Join(lines, "\n")) + "\n"
}

// BenchmarkPrintAnswer is the price of the PDF when an answer is published:
// one print of the seed's answer by Chromium (a new browser process each, as
// publishing does).
func BenchmarkPrintAnswer(b *testing.B) {
	bin := os.Getenv("RATSINFO_TEST_CHROMIUM")
	if bin == "" {
		b.Skip("RATSINFO_TEST_CHROMIUM is not set")
	}
	c, err := Find(bin)
	if err != nil {
		b.Fatal(err)
	}
	doc := seedAnswer()
	for b.Loop() {
		if _, err := c.PrintAnswer(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}
