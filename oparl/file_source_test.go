package oparl

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestFileAtSource (issue 9 item 17): a mirrored file whose content we do not
// hold yet sends accessUrl and downloadUrl to its source instead of a 404, but
// never to an internal address.
func TestFileAtSource(t *testing.T) {
	w := newWorld(t)
	ctx := ratsinfo.SystemContext(t.Context())
	mk := func(src string) *ratsinfo.File {
		f := &ratsinfo.File{BodyID: w.body.ID, Name: "Anlage an der Quelle", SourceURL: src}
		must(t, w.store.CreateFile(ctx, f))
		return f
	}
	public, internal := mk("https://ris.example.de/dokumente/4711.pdf"), mk("http://169.254.169.254/latest/meta-data/")
	p, err := w.store.FindPaperByID(ctx, w.paper.ID)
	must(t, err)
	p.AuxiliaryFileIDs = append(p.AuxiliaryFileIDs, public.ID, internal.ID)
	must(t, w.store.UpdatePaper(ctx, p))
	for _, suffix := range []string{"/access", "/download"} {
		resp, _ := get(t, fmt.Sprintf("%s/file/%d%s", w.api, public.ID, suffix))
		if resp.StatusCode != http.StatusTemporaryRedirect || resp.Header.Get("Location") != public.SourceURL {
			t.Errorf("%s: %d nach %q, erwartet 307 zur Quelle", suffix, resp.StatusCode, resp.Header.Get("Location"))
		}
		resp, _ = get(t, fmt.Sprintf("%s/file/%d%s", w.api, internal.ID, suffix))
		if resp.StatusCode != http.StatusNotFound || resp.Header.Get("Location") != "" {
			t.Errorf("%s: interne Quelle %d nach %q", suffix, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
}
