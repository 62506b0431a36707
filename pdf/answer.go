package pdf

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"html/template"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/richtext"
)

//go:embed answer.html
var answerSource string

var answerTemplate = template.Must(template.New("answer").Funcs(template.FuncMap{"richtext": richtext.HTML}).Parse(answerSource))

// AnswerHTML renders the answer document as one self-contained HTML page (styles
// inline, no images, no scripts), ready for RenderPDF.
func AnswerHTML(d ratsinfo.AnswerDocument) ([]byte, error) {
	var b bytes.Buffer
	if err := answerTemplate.Execute(&b, d); err != nil {
		return nil, fmt.Errorf("pdf: answer document: %w", err)
	}
	return b.Bytes(), nil
}

// PrintAnswer renders the answer document as its accessible PDF.
func (c *Chromium) PrintAnswer(ctx context.Context, d ratsinfo.AnswerDocument) ([]byte, error) {
	html, err := AnswerHTML(d)
	if err != nil {
		return nil, err
	}
	return c.RenderPDF(ctx, html)
}

var _ ratsinfo.AnswerPrinter = (*Chromium)(nil)
