package pdf

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/testenv"
)

func seedAnswer() ratsinfo.AnswerDocument {
	return ratsinfo.AnswerDocument{
		BodyName: "Stadt Norderstedt", UnitName: "Stabsstelle Smart City", Reference: "A 23/0001",
		Date:  ratsinfo.NewDate(2023, 2, 20),
		Title: ratsinfo.AnswerTitle("von Herrn Pender", "Anfrage zum Thema Smart City Offensive", ratsinfo.NewDate(2023, 1, 16)),
		Consultations: []ratsinfo.AnswerConsultation{
			{Organization: "Hauptausschuss", Date: ratsinfo.NewDate(2023, 2, 27), Role: ratsinfo.RoleHearing},
		},
		Preamble: "Herr Pender hat am 16.01.2023 folgende Anfrage gestellt.",
		Questions: []ratsinfo.Question{
			{Number: 1, Text: "Wie hoch waren die Reisekosten der Zukunftsbotschafter?", Answer: "Die Reisekosten betrugen 1.234,56 Euro."},
			{Number: 2, Text: "Welche Projekte gibt es?", Points: []string{"Welche laufen?", "Welche sind geplant?"},
				Answer: "- Knotenpunkt-Zählung\n- Parkraumsensoren\n\nSiehe https://www.norderstedt.de/ <script>alert(1)</script>"},
		},
	}
}

func TestAnswerHTML(t *testing.T) {
	html, err := AnswerHTML(seedAnswer())
	if err != nil {
		t.Fatal(err)
	}
	s := string(html)
	for _, want := range []string{
		`<html lang="de">`,
		"<title>Beantwortung der Anfrage von Herrn Pender zum Thema Smart City Offensive vom 16.01.2023</title>",
		"<caption>Beratungsfolge</caption>", "<td>Hauptausschuss</td><td>27.02.2023</td><td>Anhörung</td>",
		`<section class="question" id="frage-2">`, "<li>Welche sind geplant?</li>", "<li>Parkraumsensoren</li>",
		"&lt;script&gt;",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("answer HTML lacks %q", want)
		}
	}
	if strings.Contains(s, "<script>") {
		t.Error("answer HTML carries a script tag from the answer text")
	}
}

// TestRenderAnswerPDF prints the answer with the real browser and checks what
// makes it accessible with poppler's tools: tagged, every font embedded, title
// set, text extractable in reading order.
func TestRenderAnswerPDF(t *testing.T) {
	bin := testenv.Getenv(t, "RATSINFO_TEST_CHROMIUM", "Browsertests")
	for _, tool := range []string{"pdfinfo", "pdffonts", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s (poppler-utils) is missing: .ci/run installs it", tool)
		}
	}
	c, err := Find(bin)
	if err != nil {
		t.Fatal(err)
	}
	html, err := AnswerHTML(seedAnswer())
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.RenderPDF(context.Background(), html)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "antwort.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(name string, args ...string) string {
		b, err := exec.Command(name, append(args, path)...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, b)
		}
		return string(b)
	}
	info := map[string]string{}
	for _, line := range strings.Split(run("pdfinfo"), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	if info["Tagged"] != "yes" || !strings.HasPrefix(info["Title"], "Beantwortung der Anfrage von Herrn Pender") ||
		!strings.HasSuffix(info["Page size"], "(A4)") {
		t.Errorf("pdfinfo: tagged %q, title %q, page size %q", info["Tagged"], info["Title"], info["Page size"])
	}
	fonts := run("pdffonts")
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	if len(lines) < 3 {
		t.Fatalf("no fonts listed:\n%s", fonts)
	}
	for _, l := range lines[2:] {
		if f := strings.Fields(l); len(f) < 5 || !strings.Contains(l, " yes ") {
			t.Errorf("font not embedded: %s", l)
		}
	}
	plain, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	order := []string{"Beratungsfolge", "Hauptausschuss", "Beantwortung der Anfrage", "Frage 1", "Reisekosten betrugen", "Frage 2", "Parkraumsensoren"}
	rest := string(plain)
	for _, w := range order {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("extracted text lacks %q in reading order:\n%s", w, plain)
		}
		rest = rest[i+len(w):]
	}
	if !strings.Contains(string(out), "/Lang (de)") {
		t.Error("the document's language is not set to German (/Lang in the catalog)")
	}
}
