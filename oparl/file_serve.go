package oparl

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/netguard"
)

// fileServe sends a file's content: inline for accessUrl, as an attachment for
// downloadUrl (spec 2-07). http.ServeContent brings conditional GET
// (If-None-Match, If-Modified-Since → 304), ranges (at most a few, see
// limitRanges) and Content-Length; the ETag is
// the content hash, so it changes exactly when the content does.
func (s *Server) fileServe(ctx context.Context, w http.ResponseWriter, r *http.Request, id int64, download bool) error {
	// As an embedded read: serving the content needs no back-references.
	files, err := s.store.FindFiles(ctx, ratsinfo.FileFilter{ListFilter: ratsinfo.ListFilter{
		IDs: []int64{id}, WithDeleted: true, Embedded: true}})
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return ratsinfo.NotFound(ratsinfo.KindFile, id)
	}
	f := files[0]
	if f.Deleted {
		s.writeErrorStatus(w, r, http.StatusGone, fmt.Sprintf("Die Datei %d wurde gelöscht.", id))
		return nil
	}
	if f.BlobKey == "" && f.SourceURL != "" && netguard.PublicHost(f.SourceURL) {
		// A mirrored file whose content we do not hold (yet): the source has it.
		// Never to an internal address: the link came from a foreign server.
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Access-Control-Allow-Origin", "*")
		http.Redirect(w, r, f.SourceURL, http.StatusTemporaryRedirect)
		return nil
	}
	if f.BlobKey == "" || s.blobs == nil {
		return ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Für die Datei %d ist kein Inhalt hinterlegt.", id)
	}
	rc, err := s.blobs.Open(ctx, f.BlobKey)
	if err != nil {
		return fmt.Errorf("open blob of file %d: %w", id, err)
	}
	defer rc.Close()

	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("X-Content-Type-Options", "nosniff")
	// Uploaded content is served from our origin; the sandbox keeps an HTML or SVG
	// attachment from running script with the site's cookies.
	h.Set("Content-Security-Policy", "sandbox")
	if f.MimeType != "" {
		h.Set("Content-Type", f.MimeType)
	}
	etag := f.SHA512Checksum
	if etag == "" {
		etag = f.BlobKey
	}
	if len(etag) > 40 {
		etag = etag[:40]
	}
	h.Set("ETag", `"`+etag+`"`)
	disposition := "inline"
	if download {
		disposition = "attachment"
	}
	h.Set("Content-Disposition", contentDisposition(disposition, fileName(f)))
	// The server's write timeout is made for pages; a large file to a slow
	// client needs longer. (An error means the writer cannot extend it; then
	// the page timeout applies.)
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.downloadTimeout))
	http.ServeContent(w, limitRanges(r, rc), fileName(f), f.Modified, rc)
	return nil
}

// fileName is the name a browser saves the file under.
func fileName(f *ratsinfo.File) string {
	if f.FileName != "" {
		return f.FileName
	}
	name := f.Name
	if exts, _ := mime.ExtensionsByType(f.MimeType); len(exts) > 0 && !strings.HasSuffix(name, exts[0]) {
		name += exts[0]
	}
	return name
}

// contentDisposition writes an ASCII filename for old clients and the exact UTF-8
// name as RFC 5987 filename* for the rest, so "Anlage Übersicht.pdf" keeps its
// umlaut.
func contentDisposition(kind, name string) string {
	ascii := make([]byte, 0, len(name))
	for _, r := range name {
		switch {
		case r == '"' || r == '\\' || r < 0x20 || r == 0x7f:
			ascii = append(ascii, '_')
		case r < 0x80:
			ascii = append(ascii, byte(r))
		default:
			ascii = append(ascii, asciiFold(r)...)
		}
	}
	v := kind + `; filename="` + string(ascii) + `"`
	if string(ascii) != name {
		v += "; filename*=UTF-8''" + rfc5987(name)
	}
	return v
}

// rfc5987 percent-encodes every byte that is not an attr-char of RFC 5987.
func rfc5987(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func asciiFold(r rune) string {
	switch r {
	case 'ä':
		return "ae"
	case 'ö':
		return "oe"
	case 'ü':
		return "ue"
	case 'Ä':
		return "Ae"
	case 'Ö':
		return "Oe"
	case 'Ü':
		return "Ue"
	case 'ß':
		return "ss"
	}
	return "_"
}
