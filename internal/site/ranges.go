package site

import "net/http"

// withoutRanges makes a rendered page ignore Range requests: the page is
// answered whole with 200 and does not advertise Accept-Ranges. A page is made
// per request and is small, so a part of it is worth nothing to a client, while
// http.ServeContent would answer "bytes=0-0,0-0,…" with a multipart body sixty
// times the page's size. File downloads keep their ranges (package oparl).
func withoutRanges(w http.ResponseWriter, r *http.Request) (http.ResponseWriter, *http.Request) {
	if r.Header.Get("Range") != "" || r.Header.Get("If-Range") != "" {
		r2 := *r
		r2.Header = r.Header.Clone()
		r2.Header.Del("Range")
		r2.Header.Del("If-Range")
		r = &r2
	}
	return &noRangesWriter{ResponseWriter: w}, r
}

// noRangesWriter drops the Accept-Ranges header that http.ServeContent sets.
type noRangesWriter struct {
	http.ResponseWriter
	wrote bool
}

func (w *noRangesWriter) WriteHeader(code int) {
	if !w.wrote {
		w.wrote = true
		w.Header().Del("Accept-Ranges")
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *noRangesWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer (flush, deadlines).
func (w *noRangesWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
