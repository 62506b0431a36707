package oparl

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/httpstatus"
	"github.com/ratsinfo/ratsinfo/internal/site"
)

// maxPooledBuffer keeps big pages (limit=1000) from pinning their memory in the
// pool; maxPooledBuffers bounds the pool to what concurrent requests need. At most
// 8 MiB stay pooled: a default page of 100 papers is about 300 kB.
const (
	maxPooledBuffer  = 1 << 20
	maxPooledBuffers = 8
)

// buffer returns an empty response buffer from the pool or a new one.
func (s *Server) buffer() *enc {
	select {
	case e := <-s.bufs:
		e.b = e.b[:0]
		return e
	default:
		return &enc{b: make([]byte, 0, 64<<10)}
	}
}

// recycle returns e to the pool unless it grew too big or the pool is full.
func (s *Server) recycle(e *enc) {
	if cap(e.b) > maxPooledBuffer {
		return
	}
	select {
	case s.bufs <- e:
	default:
	}
}

func setJSONHeaders(h http.Header) {
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("X-Content-Type-Options", "nosniff")
}

// writeJSON encodes v completely before sending anything, so that an encoding error
// becomes a clean 500 instead of a truncated page. HTML escaping is off because the
// spec forbids it (2-04) and it only bloats the output.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	e := s.buffer()
	defer s.recycle(e)
	if a, ok := v.(appender); ok {
		a.appendJSON(e)
	} else {
		out, err := marshalNoEscape(v)
		if err != nil {
			s.logger.Error("oparl: encode response", "path", r.URL.Path, "err", err)
			if status < 500 {
				s.writeErrorStatus(w, r, http.StatusInternalServerError, ratsinfo.ErrorMessage(err))
			}
			return
		}
		e.b = append(e.b, out...)
	}
	e.b = append(e.b, '\n')
	// The answer is complete: free the render slot before a slow client reads.
	site.Release(r.Context())
	h := w.Header()
	setJSONHeaders(h)
	h.Set("Content-Length", strconv.Itoa(len(e.b)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(e.b)
	}
}

// writeError answers with an OParl Error object. Errors the user may read keep
// their German message; anything else is logged and shown as a generic message.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(r.Context().Err(), context.Canceled) {
		// The client hung up and the store gave up with it: nobody reads an
		// answer, and it is no failure of ours (the access log says "client gone").
		s.logger.Debug("oparl: request abandoned: client gone", "path", r.URL.Path, "err", err)
		return
	}
	status := errorStatus(ratsinfo.ErrorCode(err))
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", strconv.Itoa(site.RetryAfterSeconds))
	}
	if status == http.StatusInternalServerError {
		var e *ratsinfo.Error
		if !errors.As(err, &e) || e.Code == ratsinfo.EINTERNAL {
			s.logger.Error("oparl: request failed", "method", r.Method, "path", r.URL.RequestURI(), "err", err)
		}
	}
	s.writeErrorStatus(w, r, status, ratsinfo.ErrorMessage(err))
}

// errorStatus is the one table's status (internal/httpstatus) with one deliberate
// exception: EFORBIDDEN answers 404. Visibility rules read as "not found"
// everywhere else; a forbidden object must look like a missing one to the
// public too, so that the status does not reveal that a hidden object exists.
func errorStatus(code string) int {
	if code == ratsinfo.EFORBIDDEN {
		return http.StatusNotFound
	}
	return httpstatus.Of(code)
}

func (s *Server) writeErrorStatus(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.writeJSON(w, r, status, &errorJSON{Type: typeError, Message: msg, Debug: r.Method + " " + r.URL.Path})
}

// redirect sends a client from a non-canonical spelling to the one canonical URL
// (spec 2-03: 301). The target is absolute and on the configured base URL.
func (s *Server) redirect(w http.ResponseWriter, path, rawQuery string) {
	target := s.urls.base + path
	if rawQuery != "" {
		target += "?" + rawQuery
	}
	h := w.Header()
	h.Set("Location", target)
	h.Set("Access-Control-Allow-Origin", "*")
	w.WriteHeader(http.StatusMovedPermanently)
}

// preflight answers CORS preflight requests; the API is public and read-only.
func (s *Server) preflight(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
	h.Set("Access-Control-Allow-Headers", "*")
	h.Set("Access-Control-Max-Age", "86400")
	w.WriteHeader(http.StatusNoContent)
}
