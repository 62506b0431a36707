package legacy

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo/demo"
)

// BenchmarkParse reads and parses a folder of 1,000 documents: the seed in
// variants (other names, extra paragraphs), so that nothing repeats exactly.
// The baseline in the same run is pdftotext on the seed as a PDF, the text
// extraction a PDF needs before parsing. Reported: documents per second.
func BenchmarkParse(b *testing.B) {
	seed := readSeed(b)
	dir := b.TempDir()
	var names []string
	for i := range 1000 {
		s := strings.ReplaceAll(seed, "Pender", fmt.Sprintf("Pender%d", i))
		s = strings.Repeat("Vorbemerkung des Amtes.\n\n", i%5) + s
		name := filepath.Join(dir, fmt.Sprintf("%04d.txt", i))
		if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
			b.Fatal(err)
		}
		names = append(names, name)
	}
	b.Run("parse", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for _, name := range names {
				content, err := os.ReadFile(name)
				if err != nil {
					b.Fatal(err)
				}
				text, _ := Decode(content)
				if d := Parse(text); len(d.Questions) != 6 {
					b.Fatalf("%s: %d questions", name, len(d.Questions))
				}
				n++
			}
		}
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
	})
	b.Run("pdftotext", func(b *testing.B) {
		if _, err := exec.LookPath("pdftotext"); err != nil {
			b.Skip("pdftotext (poppler-utils) is not installed")
		}
		pdf := filepath.Join(dir, "seed.pdf")
		if err := os.WriteFile(pdf, demo.PDF("Beantwortung", seed), 0o644); err != nil {
			b.Fatal(err)
		}
		n := 0
		for b.Loop() {
			for range 20 { // a small folder per iteration: one run is too short to time
				var out bytes.Buffer
				cmd := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", "-q", pdf, "-")
				cmd.Stdout = &out
				if err := cmd.Run(); err != nil || out.Len() == 0 {
					b.Fatalf("pdftotext: %v, %d bytes", err, out.Len())
				}
				n++
			}
		}
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
	})
}
