// Package site is the page kit of Ratsinfo's HTML surfaces: the public website
// (package web) and the coming back office each build one Site with their own
// page templates, translations and template functions, and share what every page
// needs: the layout, the error page, content-hashed assets, conditional GET,
// German/English negotiation, formatting in Berlin time and the access log.
//
// A surface's templates define "content" per page file, and the layout's parts
// "header" and "footer" (and optionally "head") in its partial files. The kit
// knows nothing of who is reading: each surface puts its viewer in the context.
package site

import (
	"context"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Config is what a surface hands the kit.
type Config struct {
	// BaseURL is the public address without trailing slash; pages carry it for
	// canonical and absolute links.
	BaseURL string
	// Templates holds the surface's templates as *.html at its root. The files
	// named in Partials are parsed into every page; every other file is a page,
	// rendered by its name without ".html".
	Templates fs.FS
	Partials  []string
	// Funcs are the surface's template functions, added to the kit's ("pair").
	Funcs map[string]any
	// English translates the surface's German texts (German → English). A text
	// both here and in the kit's own list is a mistake: New panics.
	English map[string]string
	// Static holds the surface's own static files, served beside the kit's
	// stylesheet under /static/ with a content hash; nil for none.
	Static fs.FS
	// SiteName names the site on every page (title, header); nil means
	// "Ratsinformationssystem".
	SiteName func(ctx context.Context) string
	// LangSwitchPath is where the surface routes SwitchLang; "" means "/sprache".
	LangSwitchPath string
	// ErrorLinks are the ways back that the error page offers (labels German,
	// translated); nil offers the start page.
	ErrorLinks []Link
	// Logger receives failed pages; nil discards.
	Logger *slog.Logger
	// Untranslated hears of every German text an English page showed for want
	// of a translation; a surface's i18n test sets it, production leaves it nil.
	Untranslated func(de string)
	// Renders bounds the pages built at once; surfaces of one server share one.
	// nil gives the site its own with the defaults.
	Renders *Limiter
}

// Site renders the pages of one surface. It holds no request state and is safe
// for concurrent use.
type Site struct {
	baseURL      string
	pages        map[string]*template.Template
	assets       *Assets
	english      map[string]string
	siteName     func(ctx context.Context) string
	langPath     string
	errorLinks   []Link
	log          *slog.Logger
	untranslated func(de string)
	loc          *time.Location
	renders      *Limiter
}

// New parses the templates and hashes the assets. A broken template or a text
// translated twice is a programming error caught by every test, so it panics
// rather than returning.
func New(cfg Config) *Site {
	s := &Site{
		baseURL:      strings.TrimRight(cfg.BaseURL, "/"),
		english:      mergeTranslations(english, cfg.English),
		siteName:     cfg.SiteName,
		langPath:     cfg.LangSwitchPath,
		errorLinks:   cfg.ErrorLinks,
		log:          cfg.Logger,
		untranslated: cfg.Untranslated,
		loc:          ratsinfo.Berlin(),
		renders:      cfg.Renders,
	}
	if s.renders == nil {
		s.renders = NewLimiter(0, 0)
	}
	if s.siteName == nil {
		s.siteName = func(context.Context) string { return "Ratsinformationssystem" }
	}
	if s.langPath == "" {
		s.langPath = "/sprache"
	}
	if s.errorLinks == nil {
		s.errorLinks = []Link{{Label: "Zur Startseite", URL: "/"}}
	}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s.assets = newAssets(cfg.Static)
	s.pages = mustParsePages(cfg, s.funcs(cfg.Funcs))
	return s
}

// Assets is the handler of the static files; a surface routes "GET /static/" to it.
func (s *Site) Assets() *Assets { return s.assets }

// English returns every translation the site knows, the kit's and the
// surface's, for a surface's i18n tests. It must not be modified.
func (s *Site) English() map[string]string { return s.english }
