package web

import (
	"context"
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestPaperShowsAttachmentText: the paper page carries the text of each
// attachment, folded in <details> under the attachment's name, not only the
// main file's text.
func TestPaperShowsAttachmentText(t *testing.T) {
	w := testWorld(t)
	ctx := context.Background()
	papers, _, err := w.store.FindPapersByDate(ctx, ratsinfo.PaperQuery{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range papers {
		if len(p.AuxiliaryFileIDs) == 0 || len(p.AuxiliaryFileIDs) >= manyFilesFrom {
			continue
		}
		f, err := w.store.FindFileByID(ctx, p.AuxiliaryFileIDs[0])
		if err != nil || f.Text == "" {
			continue
		}
		_, body := w.get(t, fmt.Sprintf("/vorlagen/%d", p.ID))
		first := strings.TrimSpace(strings.SplitN(f.Text, "\n", 2)[0])
		for _, want := range []string{`<h2 id="anlagentext">Text der Anlagen</h2>`, "<details>\n<summary>" + html.EscapeString(f.Name) + "</summary>",
			"<p>" + html.EscapeString(first)} {
			if !strings.Contains(body, want) {
				t.Errorf("paper %d: missing %q", p.ID, want)
			}
		}
		return
	}
	t.Fatal("the demo city has no published paper with an attachment that has text")
}
