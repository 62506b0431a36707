package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
)

// handlerFunc is a page handler: it renders on success and returns what went wrong
// otherwise, so that one function decides the status and the error page.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

func (s *Server) handle(fn handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			s.renderError(w, r, err)
		}
	})
}

// httpStatus maps an error code to its HTTP status. Anything unknown is internal.
func httpStatus(code string) int {
	switch code {
	case ratsinfo.EINVALID:
		return http.StatusBadRequest
	case ratsinfo.ENOTFOUND:
		return http.StatusNotFound
	case ratsinfo.ECONFLICT:
		return http.StatusConflict
	case ratsinfo.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case ratsinfo.EFORBIDDEN:
		return http.StatusForbidden
	case ratsinfo.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// errorPage is the data of the error page.
type errorPage struct {
	Page
	Status  int
	Heading string
	Text    string
}

// renderError shows a German error page. Internal errors are logged with the
// request and shown only as a generic sentence: their text may name tables,
// files or the very non-public things this site must not reveal.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	code := ratsinfo.ErrorCode(err)
	status := httpStatus(code)
	p := errorPage{Page: s.newPage(r, "", ""), Status: status}
	p.NoIndex = true
	switch status {
	case http.StatusNotFound:
		p.Heading = p.T("Seite nicht gefunden")
		p.Text = p.T("Diese Seite gibt es nicht oder nicht mehr. Vielleicht hilft die Suche oder die Startseite weiter.")
	case http.StatusInternalServerError:
		s.log.Error("page failed", "method", r.Method, "path", r.URL.Path, "err", err)
		p.Heading = p.T("Ein Fehler ist aufgetreten")
		p.Text = p.T(ratsinfo.ErrorMessage(errors.New("internal")))
	case http.StatusServiceUnavailable:
		s.log.Warn("page unavailable", "path", r.URL.Path, "err", err)
		p.Heading = p.T("Vorübergehend nicht verfügbar")
		p.Text = p.T("Die Daten sind gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.")
	default:
		p.Heading = p.T("Die Anfrage konnte nicht bearbeitet werden")
		// The domain's messages are German; known ones have an English text.
		p.Text = p.T(ratsinfo.ErrorMessage(err))
	}
	p.Title = p.Heading
	if rerr := s.render(w, r, status, "error", &p); rerr != nil {
		s.log.Error("error page failed", "path", r.URL.Path, "err", rerr)
		http.Error(w, p.Text, status)
	}
}

// pageNotFound is the error for a path that names no page.
func pageNotFound() error {
	return ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Diese Seite gibt es nicht.")
}

// pathID reads the {id} path segment. Anything that is not a positive number
// cannot name an object, so it is "not found" rather than "bad request": the
// visitor followed a broken link and needs the friendly way back.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, pageNotFound()
	}
	return id, nil
}
