package site

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
	"slices"
	"strings"
	"sync"
	"time"
)

//go:embed templates
var kitFS embed.FS

// errorPageName is the kit's own page; a surface cannot have a page of that name.
const errorPageName = "error"

// mustParsePages parses every template at start-up; a broken template fails the
// first test rather than the first visitor. The layout's default parts ("head",
// "header", "footer") are parsed first so that the surface's partials replace them.
func mustParsePages(cfg Config, funcs template.FuncMap) map[string]*template.Template {
	base := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(kitFS, "templates/layout.html"))
	if len(cfg.Partials) > 0 {
		base = template.Must(base.ParseFS(cfg.Templates, cfg.Partials...))
	}
	pages := map[string]*template.Template{
		errorPageName: template.Must(template.Must(base.Clone()).ParseFS(kitFS, "templates/error.html")),
	}
	if cfg.Templates == nil {
		return pages
	}
	files, err := fs.Glob(cfg.Templates, "*.html")
	if err != nil {
		panic(err)
	}
	for _, f := range files {
		if slices.Contains(cfg.Partials, f) {
			continue
		}
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == errorPageName {
			panic("site: the page name " + errorPageName + " is the kit's error page")
		}
		pages[name] = template.Must(template.Must(base.Clone()).ParseFS(cfg.Templates, f))
	}
	return pages
}

// funcs are the template functions of every page: the kit's and the surface's.
func (s *Site) funcs(own map[string]any) template.FuncMap {
	f := template.FuncMap{
		// pair hands a partial both the page (for translations) and its own data.
		"pair": func(page any, x any) Pair { return Pair{Page: page, X: x} },
	}
	for k, v := range own {
		f[k] = v
	}
	return f
}

// Pair is the argument of partials: the page and the partial's own data.
type Pair struct {
	Page any
	X    any
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Render executes a page into a buffer first, so a template error never leaves a
// half-written page, so the body's hash can serve as ETag for conditional GET, and
// so the request's render slot (see Limiter) is given back before the write.
// name is the page's template file without ".html".
func (s *Site) Render(w http.ResponseWriter, r *http.Request, status int, name string, data Data) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("render: no template %q", name)
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := t.ExecuteTemplate(buf, "layout", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	// The page is complete: the render slot is free for the next request while
	// this one waits for its client to read.
	Release(r.Context())
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", data.page().Lang)
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
	ServeCached(w, r, buf.Bytes(), data.page().LastModified)
	return nil
}

// ServeCached answers with body, or 304 when the client's copy is current. The
// ETag is the body's hash, so it changes with anything on the page, templates
// included; Last-Modified is only sent when the page knows it exactly.
func ServeCached(w http.ResponseWriter, r *http.Request, body []byte, modified time.Time) {
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
