package demo

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPDFDocument checks the hand-written PDF where readers are strict: the xref
// offsets, the stream lengths and the German characters in WinAnsiEncoding.
func TestPDFDocument(t *testing.T) {
	text := strings.Repeat("Größe der Fläche: 1.374,64 € – „Norderstedt GO!“ (Stand 2023)\n", 70)
	pdf := pdfDocument("Beantwortung – Smart City", text)
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.4")) || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
		t.Fatal("no PDF header or trailer")
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(pdf)
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(pdf[xref:], -1)
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %.10q", i+1, pdf[off:])
		}
	}
	for _, s := range regexp.MustCompile(`(?s)/Length (\d+) >>\nstream\n(.*?)\nendstream`).FindAllSubmatch(pdf, -1) {
		if n, _ := strconv.Atoi(string(s[1])); n != len(s[2]) {
			t.Errorf("stream /Length %d, actual %d", n, len(s[2]))
		}
	}
	if !bytes.Contains(pdf, []byte("/Count 2")) {
		t.Error("70 lines should make two pages")
	}
	if !bytes.Contains(pdf, []byte("Gr\xf6\xdfe der Fl\xe4che: 1.374,64 \x80 \x96 \x84Norderstedt GO!\x93 \\(Stand 2023\\)")) {
		t.Error("German characters or parentheses not encoded for WinAnsiEncoding")
	}
}
