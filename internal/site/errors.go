package site

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/httpstatus"
)

// HandlerFunc is a page handler: it renders on success and returns what went
// wrong otherwise, so that one function decides the status and the error page.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Handle turns fn into a handler that shows the error page for what fn returns.
// fn runs holding a slot of the site's Limiter, which Render gives back before it
// writes; without a free slot in time the visitor gets the 503 page at once.
// It sets no viewer: which viewer a surface's pages read as is the surface's
// decision (the public site pins the anonymous one). Pages never answer a Range
// request (see withoutRanges). A query with control
// characters is refused before fn runs (ratsinfo.CheckQuery), so no page has to
// remember that the database cannot hold a NUL.
func (s *Site) Handle(fn HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w, r = withoutRanges(w, r)
		if err := ratsinfo.CheckQuery(r.URL.Query()); err != nil {
			s.RenderError(w, r, err)
			return
		}
		r, release, ok := s.renders.Acquire(r)
		if !ok {
			s.RenderError(w, r, Busy())
			return
		}
		defer release()
		if err := fn(w, r); err != nil {
			s.RenderError(w, r, err)
		}
	})
}

// RetryAfterSeconds is what a 503 asks a client to wait (Retry-After) before it
// tries again: long enough for a database restart or a crowd to pass, short
// enough that a visitor who reloads by hand is not sent away for long.
const RetryAfterSeconds = 30

// errorPage is the data of the error page.
type errorPage struct {
	Page
	Status  int
	Heading string
	Text    string
	Links   []Link
}

// RenderError shows the error page in the visitor's language, with the status
// of the error's code. Internal errors are logged with the request and shown
// only as a generic sentence: their text may name tables, files or the very
// non-public things a public page must not reveal.
func (s *Site) RenderError(w http.ResponseWriter, r *http.Request, err error) {
	if ClientGone(r) {
		// The store gave up because the visitor left: nobody reads a page, and
		// it is not a failure of ours (the access log records "client gone").
		s.log.Debug("page abandoned: client gone", "path", r.URL.Path, "err", err)
		return
	}
	status := httpstatus.Of(ratsinfo.ErrorCode(err))
	p := errorPage{Page: s.NewPage(r, "", ""), Status: status, Links: s.errorLinks}
	p.NoIndex = true
	switch status {
	case http.StatusNotFound:
		p.Heading = p.T("Seite nicht gefunden")
		p.Text = p.T("Diese Seite gibt es nicht oder nicht mehr. Vielleicht hilft die Suche oder die Startseite weiter.")
	case http.StatusInternalServerError:
		s.log.Error("page failed", "method", r.Method, "path", r.URL.Path, "err", err)
		p.Heading = p.T("Ein Fehler ist aufgetreten")
		p.Text = p.Msg(ratsinfo.ErrorText(errors.New("internal")))
	case http.StatusServiceUnavailable:
		// A passing state: say when to come back, and which it is, since the
		// visitor can do nothing but wait. Not the error's own text: the store's
		// texts (a full disk, missing rights) are written for the operator.
		s.log.Warn("page unavailable", "path", r.URL.Path, "err", err)
		w.Header().Set("Retry-After", strconv.Itoa(RetryAfterSeconds))
		p.Heading = p.T("Vorübergehend nicht verfügbar")
		if isBusy(err) {
			p.Text = p.T(busyMessage)
		} else {
			p.Text = p.T(unreachableMessage)
		}
	default:
		p.Heading = p.T("Die Anfrage konnte nicht bearbeitet werden")
		p.Text = p.ErrorText(err)
	}
	p.Title = p.Heading
	if rerr := s.Render(w, r, status, errorPageName, &p); rerr != nil {
		s.log.Error("error page failed", "path", r.URL.Path, "err", rerr)
		http.Error(w, p.Text, status)
	}
}

// ErrorText is the user-readable message of err in the page's language, with
// what is wrong with each field, as ratsinfo.ErrorMessage gives it in German.
func (p *Page) ErrorText(err error) string {
	text := p.Msg(ratsinfo.ErrorText(err))
	var e *ratsinfo.Error
	if !errors.As(err, &e) {
		return text
	}
	return e.WithFields(text, func(name string) string { return p.Msg(e.FieldText(name)) })
}
