package demo

import (
	"fmt"
	"strings"

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

// PDF renders text as the demo's PDFs are rendered (pages of 60 lines, tagged,
// with an embedded font): tests of text extraction make real PDFs with it.
func PDF(title, text string) []byte { return pdfDocument(title, text) }
