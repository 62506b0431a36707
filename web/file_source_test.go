package web

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestFileAtSourcePage (issue 9 item 17): the page of a mirrored file whose
// content we do not hold says, in German and English, that the document is at
// the source, and names its host; a file we hold says nothing of the kind.
func TestFileAtSourcePage(t *testing.T) {
	w, err := buildWorld() // its own world: the shared one must not change
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.srv.Close)
	ctx := ratsinfo.SystemContext(t.Context())
	f := &ratsinfo.File{BodyID: w.city.BodyID, Name: "Anlage an der Quelle", SourceURL: "https://ris.example.de/dokumente/4711.pdf"}
	if err := w.store.CreateFile(ctx, f); err != nil {
		t.Fatal(err)
	}
	p := &ratsinfo.Paper{BodyID: w.city.BodyID, Name: "Vorlage mit Quelle", Published: true, AuxiliaryFileIDs: []int64{f.ID}}
	if err := w.store.CreatePaper(ctx, p); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{"de": "Das Dokument liegt bei der Quelle", "en": "The document is held at the source"} {
		res, body := w.get(t, fmt.Sprintf("/dateien/%d", f.ID), "Accept-Language", lang)
		if res.StatusCode != 200 || !strings.Contains(body, want) || !strings.Contains(body, "ris.example.de") {
			t.Errorf("%s: %d, Hinweis auf die Quelle fehlt", lang, res.StatusCode)
		}
	}
	_, body := w.get(t, fmt.Sprintf("/dateien/%d", w.city.AnswerFileID))
	if strings.Contains(body, "Das Dokument liegt bei der Quelle") {
		t.Error("Hinweis auf die Quelle bei einer Datei, deren Inhalt wir haben")
	}
}
