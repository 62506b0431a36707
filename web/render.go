package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

//go:embed templates
var templateFS embed.FS

// pages holds one parsed template set per page: the layout and partials cloned,
// then the page's own file, so every page can define "content" without clashes.
type pages struct {
	byName map[string]*template.Template
}

// mustParsePages parses every template at start-up; a broken template fails the
// first test rather than the first visitor.
func mustParsePages(funcs template.FuncMap) *pages {
	base := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS,
		"templates/layout.html", "templates/partials.html"))
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "layout" || name == "partials" {
			continue
		}
		t := template.Must(base.Clone())
		p.byName[name] = template.Must(t.ParseFS(templateFS, f))
	}
	return p
}

// pageData is implemented by every page's data struct through its embedded Page.
type pageData interface{ base() *Page }

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render executes a page into a buffer first, so a template error never leaves a
// half-written page, and so the body's hash can serve as ETag for conditional GET.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data pageData) error {
	t, ok := s.pages.byName[name]
	if !ok {
		return fmt.Errorf("render: no template %q", name)
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := t.ExecuteTemplate(buf, "layout", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", data.base().Lang)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	// No script, no frames, nothing from elsewhere: the policy says so to the browser.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Add("Vary", "Accept-Language, Cookie")
	if status != http.StatusOK {
		h.Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		_, err := w.Write(buf.Bytes())
		return ignoreWriteErr(err)
	}
	serveCached(w, r, buf.Bytes(), data.base().LastModified)
	return nil
}

// serveCached answers with body, or 304 when the client's copy is current. The
// ETag is the body's hash, so it changes with anything on the page, templates
// included; Last-Modified is only sent when the page knows it exactly.
func serveCached(w http.ResponseWriter, r *http.Request, body []byte, modified time.Time) {
	sum := sha256.Sum256(body)
	h := w.Header()
	h.Set("ETag", `"`+hex.EncodeToString(sum[:12])+`"`)
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-cache")
	}
	if !modified.IsZero() {
		modified = modified.Truncate(time.Second)
	}
	http.ServeContent(w, r, "", modified, bytes.NewReader(body))
}

// ignoreWriteErr drops errors of writing to a client that went away: nothing can
// be shown to them any more, and they are not our fault.
func ignoreWriteErr(error) error { return nil }

// latest returns the latest of ts, for a page's Last-Modified.
func latest(ts ...time.Time) time.Time {
	var m time.Time
	for _, t := range ts {
		if t.After(m) {
			m = t
		}
	}
	return m
}
