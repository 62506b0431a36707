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
	// Inquiries serves /anfragen; nil leaves the pages out.
	Inquiries InquiryReader
	// FeedbackLimit bounds how many messages the forms take per client address
	// and from all clients; the zero value takes the defaults (3 at once, then 5
	// a minute per client; 500 an hour in all).
	FeedbackLimit FeedbackLimit
	// TextDir holds each body's own imprint and privacy notice as plain text:
	// <TextDir>/<body id>/impressum.txt and datenschutz.txt, paragraphs separated
	// by blank lines. Missing files (or "") leave the generated pages.
	TextDir string
	// Search answers /suche and /api/search from the full-text index; nil
	// leaves /suche to the search in titles and reference numbers.
	Search ratsinfo.Searcher
	// Renders bounds the pages built at once, shared with the API; nil gives
	// the site its own with the defaults.
	Renders *site.Limiter
	// State is the body's federal state: the accessibility statement names its
	// Schlichtungsstelle. "" means ratsinfo.DefaultState.
	State ratsinfo.State
	// AccessibilityChecked is the day the site's accessibility was last checked,
	// as the statement says; zero says that no date was given.
	AccessibilityChecked ratsinfo.Date
}

// Store is what the website reads: the record, and whether the database answers
// (the health check).
type Store interface {
	ratsinfo.RecordReader
	ratsinfo.Pinger
}

// Server renders the website. It holds no request state and is safe for concurrent use.
type Server struct {
	baseURL   string
	store     Store
	feedback  ratsinfo.FeedbackStore
	inquiries InquiryReader
	search    ratsinfo.Searcher
	limiter   *feedbackLimiter
	textDir   string
	state     ratsinfo.State
	// a11yChecked is the day of the last accessibility check (Config.AccessibilityChecked).
	a11yChecked ratsinfo.Date
	log         *slog.Logger
	now         func() time.Time
	site        *site.Site // the page kit: layout, error page, assets, translation
	loc         *time.Location
	renders     *site.Limiter
	// untranslated hears of every German text an English page showed for want
	// of a translation; the i18n test sets it to find texts the list lacks.
	untranslated func(de string)
	// countCap bounds the totals of filtered paper lists and searches
	// (ratsinfo.PaperQuery.CountCap); tests lower it.
	countCap int
}

// NewServer parses the embedded templates and hashes the assets. A broken template
// is a programming error caught by every test, so it panics rather than returning.
func NewServer(cfg Config) *Server {
	s := &Server{
		baseURL:     strings.TrimRight(cfg.BaseURL, "/"),
		store:       cfg.Store,
		feedback:    cfg.Feedback,
		inquiries:   cfg.Inquiries,
		search:      cfg.Search,
		textDir:     cfg.TextDir,
		state:       cfg.State,
		a11yChecked: cfg.AccessibilityChecked,
		log:         cfg.Logger,
		now:         cfg.Now,
		loc:         ratsinfo.Berlin(),
		limiter:     newFeedbackLimiter(cfg.FeedbackLimit),
		renders:     cfg.Renders,
		countCap:    paperCountCap,
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
// package oparl owns that prefix on the same mux. The paths of objects and lists
// come from the domain's URL scheme (ratsinfo.WebPath), which OParl's `web` links
// use too; only paths that name no kind are written out here.
func (s *Server) Register(mux *http.ServeMux) {
	mux.Handle("GET /healthz", public(http.HandlerFunc(s.handleHealthz)))
	mux.Handle("GET /static/", s.site.Assets())
	mux.Handle("/", s.handle(s.homeShow)) // start page; everything unknown is a 404 page

	// Every kind's page, at ratsinfo.WebPath; kinds without a page of their own
	// redirect to the page that shows them.
	for _, r := range s.objectRoutes() {
		mux.Handle("GET "+idPattern(r.kind), s.handle(r.show))
	}
	for _, r := range []struct {
		kind ratsinfo.Kind
		list handlerFunc
	}{
		{ratsinfo.KindMeeting, s.meetingList}, {ratsinfo.KindPaper, s.paperList},
		{ratsinfo.KindOrganization, s.organizationList}, {ratsinfo.KindPerson, s.personList},
	} {
		mux.Handle("GET "+ratsinfo.WebListPath(r.kind), s.handle(r.list))
	}
	mux.Handle("GET /suche", s.handle(s.searchShow))
	mux.Handle("GET /api/search", public(http.HandlerFunc(s.searchAPI)))
	if s.inquiries != nil {
		mux.Handle("GET /anfragen", s.handle(s.inquiryList))
		mux.Handle("GET /anfragen/{id}", s.handle(s.inquiryShow))
		mux.Handle("GET /anfragen.atom", s.handle(s.inquiriesAtom))
		mux.Handle("GET /anfragen.ics", s.handle(s.inquiriesICS))
	}
	mux.Handle("GET /sprache", s.handle(s.langSwitch))
	mux.Handle("GET /impressum", s.handle(s.legalShow("impressum", "Impressum")))
	mux.Handle("GET /datenschutz", s.handle(s.legalShow("datenschutz", "Datenschutz")))
	mux.Handle("GET /barrierefreiheit", s.handle(s.legalShow("barrierefreiheit", "Erklärung zur Barrierefreiheit")))
	mux.Handle("POST /barrierefreiheit", s.handle(s.accessibilityFeedback))
	mux.Handle("GET "+idPattern(ratsinfo.KindFile)+"/melden", s.handle(s.fileReport))
	mux.Handle("POST "+idPattern(ratsinfo.KindFile)+"/melden", s.handle(s.fileReport))

	// Calendars and feeds. A single meeting's entry is /sitzungen/{id}.ics (see meetingShow).
	mux.Handle("GET "+meetingsICS(), s.handle(s.meetingsICS))
	mux.Handle("GET "+idPattern(ratsinfo.KindOrganization)+meetingsICS(), s.handle(s.organizationICS))
	mux.Handle("GET "+idPattern(ratsinfo.KindPerson)+meetingsICS(), s.handle(s.personICS))
	mux.Handle("GET "+papersAtom(), s.handle(s.papersAtom))
	mux.Handle("GET "+idPattern(ratsinfo.KindOrganization)+papersAtom(), s.handle(s.organizationAtom))
	mux.Handle("GET /sitemap.xml", s.handle(s.sitemap))
	mux.Handle("GET /robots.txt", s.handle(s.robotsTxt))
	mux.Handle("GET /opensearch.xml", s.handle(s.openSearch))
}

// objectRoute is the handler of one kind's page.
type objectRoute struct {
	kind ratsinfo.Kind
	show handlerFunc
}

// objectRoutes names the handler of every kind's page; a test checks that each
// ratsinfo.WebPath is served.
func (s *Server) objectRoutes() []objectRoute {
	return []objectRoute{
		{ratsinfo.KindMeeting, s.meetingShow},
		{ratsinfo.KindPaper, s.paperShow},
		{ratsinfo.KindOrganization, s.organizationShow},
		{ratsinfo.KindPerson, s.personShow},
		{ratsinfo.KindFile, s.fileShow},
		{ratsinfo.KindLocation, s.locationShow},
		{ratsinfo.KindAgendaItem, s.agendaItemRedirect},
		{ratsinfo.KindConsultation, s.consultationRedirect},
		{ratsinfo.KindMembership, s.membershipRedirect},
		{ratsinfo.KindLegislativeTerm, s.legislativeTermRedirect},
		{ratsinfo.KindBody, s.bodyRedirect},
	}
}

// idPattern is the mux pattern of a kind's pages, e.g. "/vorlagen/{id}".
func idPattern(k ratsinfo.Kind) string { return ratsinfo.WebListPath(k) + "/{id}" }

// meetingsICS is the calendar of all meetings, or appended to an organization's
// or person's path, of theirs.
func meetingsICS() string { return ratsinfo.WebListPath(ratsinfo.KindMeeting) + ".ics" }

// papersAtom is the feed of new papers, or appended to an organization's path, of its papers.
func papersAtom() string { return ratsinfo.WebListPath(ratsinfo.KindPaper) + ".atom" }
