package demo

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.7")) || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
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

// TestPDFAccessible checks a demo PDF with poppler as a reader sees it: tagged, its
// fonts embedded, its title shown, German as its language, the text extractable
// in reading order, and a structure tree of paragraphs that carries the text.
func TestPDFAccessible(t *testing.T) {
	for _, tool := range []string{"pdfinfo", "pdffonts", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s (poppler-utils) is missing: .ci/run installs it", tool)
		}
	}
	title := "Beantwortung der Anfrage von Herrn Pender zum Thema Smart City Offensive"
	text := "Stadt Norderstedt\nBeantwortung A 23/0012/1\n\n" +
		strings.Repeat("Größe der Fläche: 1.374,64 € – „Norderstedt GO!“ (Stand 2023) Ærø ½\n", 40) +
		"\nSachverhalt:\nDie Verwaltung legt hiermit die Unterlagen vor.\n" +
		strings.Repeat("Zweiter Absatz über die Seitengrenze hinweg.\n", 30) + "Ende des Dokuments."
	pdf := pdfDocument(title, text)
	path := filepath.Join(t.TempDir(), "demo.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(name string, args ...string) string {
		out, err := exec.Command(name, append(args, path)...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		return string(out)
	}
	info := map[string]string{}
	for _, line := range strings.Split(run("pdfinfo"), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	if info["Tagged"] != "yes" || info["Title"] != title || !strings.HasSuffix(info["Page size"], "(A4)") || info["Pages"] != "2" {
		t.Errorf("pdfinfo: tagged %q, title %q, page size %q, %s pages", info["Tagged"], info["Title"], info["Page size"], info["Pages"])
	}
	if !bytes.Contains(pdf, []byte("/Lang (de)")) || !bytes.Contains(pdf, []byte("/DisplayDocTitle true")) {
		t.Error("catalog lacks /Lang (de) or /DisplayDocTitle")
	}
	fonts := strings.Split(strings.TrimSpace(run("pdffonts")), "\n")
	if len(fonts) != 3 {
		t.Fatalf("pdffonts lists %d fonts, want 1:\n%s", len(fonts)-2, strings.Join(fonts, "\n"))
	}
	// name type encoding emb sub uni object ID
	if f := strings.Fields(fonts[2]); len(f) < 7 || !strings.HasSuffix(f[0], "+GoRegular") || f[1] != "TrueType" || f[3] != "yes" || f[4] != "yes" {
		t.Errorf("font not an embedded subset: %s", fonts[2])
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	rest := string(out)
	for _, w := range []string{"Stadt Norderstedt", "Größe der Fläche: 1.374,64 € – „Norderstedt GO!“ (Stand 2023) Ærø ½", "Sachverhalt:", "Zweiter Absatz", "Ende des Dokuments."} {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("extracted text lacks %q in reading order:\n%.400s", w, rest)
		}
		rest = rest[i+len(w):]
	}
	structure := run("pdfinfo", "-struct-text")
	if !strings.Contains(structure, "Document") || strings.Count(structure, "/P") < 3 && strings.Count(structure, "P (block)") < 3 {
		t.Errorf("structure tree lacks the document and its paragraphs:\n%.600s", structure)
	}
	if !strings.Contains(structure, "Ende des Dokuments.") {
		t.Errorf("structure tree does not carry the text:\n%.600s", structure)
	}
	if len(pdf) > 40_000 {
		t.Errorf("a two-page PDF takes %d bytes: the font subset is too large", len(pdf))
	}
}
