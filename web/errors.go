package web

import (
	"net/http"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/site"
)

// handlerFunc is a page handler: it renders on success and returns what went wrong
// otherwise, so that one function decides the status and the error page.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle runs fn as the anonymous public, whatever a middleware in front of the
// shared mux (a staff session) put in the context: the public site shows the
// same to everyone, and the store decides visibility from this viewer alone.
func (s *Server) handle(fn handlerFunc) http.Handler {
	return public(s.site.Handle(site.HandlerFunc(fn)))
}

// public pins the anonymous viewer for next, as oparl's handler does.
func public(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(ratsinfo.WithViewer(r.Context(), ratsinfo.Viewer{})))
	})
}

// renderError shows the kit's error page in the visitor's language.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	s.site.RenderError(w, r, err)
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
