package demo

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/ratsinfo/ratsinfo"
)

// paperText is the text of a paper's main file in the familiar layout: header,
// Beratungsfolge, Sachverhalt and, for proposals, the Beschlussvorschlag. It is built
// lazily because the generator's pooled files need it only once per slot.
func (b *builder) paperText(p *ratsinfo.Paper, route []step, unit *org) func() string {
	// Draw the sentences now: the random sequence must not depend on whether the
	// text is ever built.
	sentences, heading := factSentences, "Sachverhalt"
	if p.PaperType == ratsinfo.PaperTypeMotion {
		sentences, heading = motionSentences, "Begründung"
	}
	var facts []string
	for _, i := range b.rng.Perm(len(sentences))[:3+b.rng.IntN(3)] {
		facts = append(facts, sentences[i])
	}
	return func() string {
		var sb strings.Builder
		fmt.Fprintf(&sb, "%s\n%s %s\nDatum: %s\nFederführend: %s\n\n%s\n\n", b.bodyName,
			p.PaperType, p.Reference, germanDate(p.Date), unit.name, p.Name)
		sb.WriteString("Beratungsfolge\n")
		for _, st := range route {
			fmt.Fprintf(&sb, "%s – %s\n", st.org.name, st.role)
		}
		sb.WriteString("\n" + heading + ":\n")
		r := strings.NewReplacer("{subject}", "„"+p.Name+"“", "{committee}", route[0].org.name, "{unit}", unit.name)
		for _, f := range facts {
			sb.WriteString(r.Replace(f) + " ")
		}
		switch p.PaperType {
		case ratsinfo.PaperTypeResolution, ratsinfo.PaperTypeMotion:
			last := route[len(route)-1].org
			fmt.Fprintf(&sb, "\n\nBeschlussvorschlag:\n%s beschließt: %s.\n", orgSubject(last), p.Name)
		}
		return sb.String()
	}
}

// inquiryText is the text of an inquiry (its numbered questions) or of its answer
// (each question followed by the administration's answer, as in the seed).
func (b *builder) inquiryText(p *ratsinfo.Paper, questions []int, answer bool) func() string {
	return func() string {
		var sb strings.Builder
		fmt.Fprintf(&sb, "%s\n%s %s\nDatum: %s\n\n%s\n\nSachverhalt:\n", b.bodyName, p.PaperType, p.Reference, germanDate(p.Date), p.Name)
		for n, q := range questions {
			fmt.Fprintf(&sb, "\n%d) %s\n", n+1, inquiryQuestions[q])
			if answer {
				fmt.Fprintf(&sb, "\n%s\n", answerSentences[q])
			}
		}
		return sb.String()
	}
}

func germanDate(d ratsinfo.Date) string {
	if d.IsZero() {
		return "–"
	}
	return fmt.Sprintf("%02d.%02d.%d", d.Day, d.Month, d.Year)
}

// wrapLines breaks text into lines of at most width characters at spaces.
func wrapLines(text string, width int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
				out = append(out, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		out = append(out, line)
	}
	return out
}

// winAnsi encodes s for a PDF string in WinAnsiEncoding (the standard fonts' encoding),
// escaping the delimiters; German text needs its umlauts, ß, „“, – and €.
func winAnsi(s string) []byte {
	special := map[rune]byte{'€': 0x80, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97}
	var out []byte
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			out = append(out, '\\', byte(r))
		case r < 0x80 || (r >= 0xA0 && r <= 0xFF):
			out = append(out, byte(r))
		case special[r] != 0:
			out = append(out, special[r])
		default:
			out = append(out, '?')
		}
	}
	return out
}

// pdfDocument renders text as a small valid PDF (Helvetica, A4, 60 lines a page),
// written by hand because the demo must not need a PDF library.
func pdfDocument(title, text string) []byte {
	lines := wrapLines(text, 95)
	var pages [][]string
	for len(lines) > 0 {
		n := min(60, len(lines))
		pages = append(pages, lines[:n])
		lines = lines[n:]
	}
	if len(pages) == 0 {
		pages = [][]string{{""}}
	}
	var buf bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, buf.Len())
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 5+2*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	u := utf16.Encode([]rune(title))
	hexTitle := strings.Builder{}
	for _, c := range u {
		fmt.Fprintf(&hexTitle, "%04X", c)
	}
	obj(fmt.Sprintf("<< /Title <FEFF%s> /Producer (Ratsinfo Demo) >>", hexTitle.String()))
	for i, page := range pages {
		var content bytes.Buffer
		content.WriteString("BT /F1 10 Tf 13 TL 56 790 Td\n")
		for _, l := range page {
			content.WriteByte('(')
			content.Write(winAnsi(l))
			content.WriteString(") Tj T*\n")
		}
		content.WriteString("ET")
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 6+2*i))
		obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.String()))
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return buf.Bytes()
}

// PDF renders text as the demo's PDFs are rendered (pages of 60 lines, a
// text layer in Helvetica): tests of text extraction make real PDFs with it.
func PDF(title, text string) []byte { return pdfDocument(title, text) }
