// Package web is the public website: server-rendered German (and English) pages,
// calendars and feeds over the council record, on the page kit internal/site. It
// reads everything as the anonymous public, pinned in every handler, so the Store
// alone decides what a visitor may see, whoever else shares the mux.
package web

import (
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/site"
)

// Config is what the website needs from the binary.
type Config struct {
	// BaseURL is the public address without trailing slash, e.g.
	// https://ratsinfo.norderstedt.de; feeds, sitemaps and file links need it absolute.
	BaseURL string
	Store   Store
	Logger  *slog.Logger
	// Now is the clock for "next meetings" and feed times; nil means time.Now.
	// Tests fix it so that the demo city's dates stay in the future or past.
	Now func() time.Time
	// Feedback stores what citizens send through the accessibility and "report
	// this file" forms; nil turns the forms' sending off.
	Feedback ratsinfo.FeedbackStore
	// TextDir holds each body's own imprint and privacy notice as plain text:
	// <TextDir>/<body id>/impressum.txt and datenschutz.txt, paragraphs separated
	// by blank lines. Missing files (or "") leave the generated pages.
	TextDir string
}

// Store is what the website reads: the record, and whether the database answers
// (the health check).
type Store interface {
	ratsinfo.RecordReader
	ratsinfo.Pinger
}

// Server renders the website. It holds no request state and is safe for concurrent use.
type Server struct {
	baseURL  string
	store    Store
	feedback ratsinfo.FeedbackStore
	textDir  string
	log      *slog.Logger
	now      func() time.Time
	site     *site.Site // the page kit: layout, error page, assets, translation
	loc      *time.Location
	// untranslated hears of every German text an English page showed for want
	// of a translation; the i18n test sets it to find texts the list lacks.
	untranslated func(de string)
}

// NewServer parses the embedded templates and hashes the assets. A broken template
// is a programming error caught by every test, so it panics rather than returning.
func NewServer(cfg Config) *Server {
	s := &Server{
		baseURL:  strings.TrimRight(cfg.BaseURL, "/"),
		store:    cfg.Store,
		feedback: cfg.Feedback,
		textDir:  cfg.TextDir,
		log:      cfg.Logger,
		now:      cfg.Now,
		loc:      ratsinfo.Berlin(),
	}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.site = s.newSite(s.baseURL)
	return s
}

// Register lists every route of the website. Nothing is registered under /oparl/:
// package oparl owns that prefix on the same mux.
func (s *Server) Register(mux *http.ServeMux) {
	mux.Handle("GET /healthz", public(http.HandlerFunc(s.handleHealthz)))
	mux.Handle("GET /static/", s.site.Assets())
	mux.Handle("/", s.handle(s.homeShow)) // start page; everything unknown is a 404 page

	mux.Handle("GET /sitzungen", s.handle(s.meetingList))
	mux.Handle("GET /sitzungen/{id}", s.handle(s.meetingShow))
	mux.Handle("GET /vorlagen", s.handle(s.paperList))
	mux.Handle("GET /vorlagen/{id}", s.handle(s.paperShow))
	mux.Handle("GET /gremien", s.handle(s.organizationList))
	mux.Handle("GET /gremien/{id}", s.handle(s.organizationShow))
	mux.Handle("GET /personen", s.handle(s.personList))
	mux.Handle("GET /personen/{id}", s.handle(s.personShow))
	mux.Handle("GET /dateien/{id}", s.handle(s.fileShow))
	mux.Handle("GET /orte/{id}", s.handle(s.locationShow))
	mux.Handle("GET /suche", s.handle(s.searchShow))
	mux.Handle("GET /sprache", s.handle(s.langSwitch))
	mux.Handle("GET /impressum", s.handle(s.legalShow("impressum", "Impressum")))
	mux.Handle("GET /datenschutz", s.handle(s.legalShow("datenschutz", "Datenschutz")))
	mux.Handle("GET /barrierefreiheit", s.handle(s.legalShow("barrierefreiheit", "Erklärung zur Barrierefreiheit")))
	mux.Handle("POST /barrierefreiheit", s.handle(s.accessibilityFeedback))
	mux.Handle("GET /dateien/{id}/melden", s.handle(s.fileReport))
	mux.Handle("POST /dateien/{id}/melden", s.handle(s.fileReport))

	// Calendars and feeds. A single meeting's entry is /sitzungen/{id}.ics (see meetingShow).
	mux.Handle("GET /sitzungen.ics", s.handle(s.meetingsICS))
	mux.Handle("GET /gremien/{id}/sitzungen.ics", s.handle(s.organizationICS))
	mux.Handle("GET /personen/{id}/sitzungen.ics", s.handle(s.personICS))
	mux.Handle("GET /vorlagen.atom", s.handle(s.papersAtom))
	mux.Handle("GET /gremien/{id}/vorlagen.atom", s.handle(s.organizationAtom))
	mux.Handle("GET /sitemap.xml", s.handle(s.sitemap))
	mux.Handle("GET /robots.txt", s.handle(s.robotsTxt))
	mux.Handle("GET /opensearch.xml", s.handle(s.openSearch))

	// Kinds without a page of their own redirect to the page that shows them.
	mux.Handle("GET /tagesordnungspunkte/{id}", s.handle(s.agendaItemRedirect))
	mux.Handle("GET /beratungen/{id}", s.handle(s.consultationRedirect))
	mux.Handle("GET /mitgliedschaften/{id}", s.handle(s.membershipRedirect))
	mux.Handle("GET /wahlperioden/{id}", s.handle(s.legislativeTermRedirect))
	mux.Handle("GET /koerperschaften/{id}", s.handle(s.bodyRedirect))
}
