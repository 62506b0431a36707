package pdf

import (
	"bytes"
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
