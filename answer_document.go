package ratsinfo

import (
	"context"
	"strings"
)

// AnswerDocument is what the published answer's main file shows, in the layout
// councils know from their answer papers (see the seed document): the
// Beratungsfolge, the title "Beantwortung der Anfrage von … zum Thema … vom …",
// the Sachverhalt and each question followed by its answer.
type AnswerDocument struct {
	BodyName      string
	UnitName      string // the answering unit, "Amt für Stadtentwicklung"
	Reference     string
	Date          Date // the day of publication
	Title         string
	Preamble      string
	Consultations []AnswerConsultation
	Questions     []Question
}

// AnswerConsultation is one row of the document's Beratungsfolge table.
type AnswerConsultation struct {
	Organization string
	Date         Date
	Role         string
}

// PDFRenderer turns a self-contained HTML document into an accessible PDF:
// tagged, fonts embedded, text selectable, title and language set.
type PDFRenderer interface {
	RenderPDF(ctx context.Context, html []byte) ([]byte, error)
}

// AnswerTitle builds the answer paper's title as councils write it:
// "Beantwortung der Anfrage von Herrn Pender zum Thema Smart City Offensive vom
// 16.01.2023". asker is who asks in the dative ("von Herrn Pender", "der
// Fraktion Bürgerliste"); an inquiry title that already starts with "Anfrage
// zum Thema" gives only its subject.
func AnswerTitle(asker, title string, received Date) string {
	subject := strings.TrimSpace(title)
	for _, prefix := range []string{"Anfrage zum Thema ", "Anfrage zu ", "Anfrage: ", "Anfrage "} {
		if rest, ok := strings.CutPrefix(subject, prefix); ok {
			subject = rest
			break
		}
	}
	var b strings.Builder
	b.WriteString("Beantwortung der Anfrage")
	if asker != "" {
		b.WriteString(" " + asker)
	}
	b.WriteString(" zum Thema " + subject)
	if !received.IsZero() {
		b.WriteString(" vom " + received.German())
	}
	return b.String()
}
