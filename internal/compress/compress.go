// Package compress answers HTML, JSON (OParl included), XML, feeds, calendars,
// CSS and JavaScript compressed with brotli or gzip, as the client accepts. It
// wraps the whole handler chain; handlers know nothing of it.
//
// What it never compresses: Range requests and their answers (a byte range of
// a compressed stream is not the range the client asked for), file contents
// (they announce Accept-Ranges or are attachments; PDFs and images are
// compressed already), HEAD requests, answers without a body, and answers
// smaller than MinSize, where the encoding's frame costs more than it saves.
package compress

import (
	"compress/gzip"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// MinSize is the smallest known body length worth compressing.
const MinSize = 1024

// Levels: fast enough to compress every answer as it is sent. brotli 5 took
// 13 times gzip's time on a 1.4 MB OParl page for 26 % fewer bytes; brotli 2
// is about as fast as gzip and still 10 % smaller (see README, Betrieb).
const (
	gzipLevel   = gzip.DefaultCompression
	brotliLevel = 2
)

// compressible are the media types worth compressing: text the site renders.
var compressible = map[string]bool{
	"text/html": true, "text/css": true, "text/javascript": true, "application/javascript": true,
	"application/json": true, "application/geo+json": true, "application/problem+json": true,
	"application/xml": true, "text/xml": true, "application/atom+xml": true,
	"application/opensearchdescription+xml": true, "text/calendar": true, "text/plain": true,
}

// Handler compresses next's answers for clients that accept it.
func Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		enc := negotiate(r.Header.Get("Accept-Encoding"))
		if r.Method == http.MethodHead || r.Header.Get("Range") != "" {
			enc = ""
		}
		cw := &writer{ResponseWriter: w, enc: enc}
		if enc != "" {
			r = cw.untagConditions(r)
		}
		defer cw.close()
		next.ServeHTTP(cw, r)
	})
}

// negotiate picks brotli, else gzip, from an Accept-Encoding header; "" for none.
// A q-value of 0 refuses an encoding; "*" accepts both.
func negotiate(header string) string {
	accepts := map[string]bool{}
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		if v, ok := strings.CutPrefix(strings.ReplaceAll(strings.TrimSpace(params), " ", ""), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if name == "*" {
			accepts["br"], accepts["gzip"] = accepts["br"] || q > 0, accepts["gzip"] || q > 0
			continue
		}
		accepts[name] = q > 0
	}
	switch {
	case accepts["br"]:
		return "br"
	case accepts["gzip"]:
		return "gzip"
	}
	return ""
}

// etagSuffix tells a compressed representation's ETag from the plain one's, so
// that no cache or client takes one for the other: `"abc"` becomes `"abc-br"`.
func etagSuffix(enc string) string {
	if enc == "gzip" {
		return "-gz"
	}
	return "-" + enc
}

// writer decides at the first header write whether to compress, from what the
// handler has set.
type writer struct {
	http.ResponseWriter
	enc      string // the accepted encoding; "" for none
	decided  bool
	out      io.WriteCloser // the encoder once compressing, else nil
	untagged bool           // the request's validators had our ETag suffix removed
}

// untagConditions strips this encoding's suffix from If-None-Match, so the
// handler compares the ETag it knows; a 304 then gets the suffix back.
func (w *writer) untagConditions(r *http.Request) *http.Request {
	inm := r.Header.Get("If-None-Match")
	suffix := etagSuffix(w.enc) + `"`
	if !strings.Contains(inm, suffix) {
		return r
	}
	r2 := *r
	r2.Header = r.Header.Clone()
	r2.Header.Set("If-None-Match", strings.ReplaceAll(inm, suffix, `"`))
	w.untagged = true
	return &r2
}

func (w *writer) WriteHeader(code int) {
	if !w.decided {
		w.decide(code)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *writer) Write(b []byte) (int, error) {
	if !w.decided {
		w.WriteHeader(http.StatusOK)
	}
	if w.out != nil {
		return w.out.Write(b)
	}
	return w.ResponseWriter.Write(b)
}

// decide looks at the answer's headers once, before they are sent.
func (w *writer) decide(code int) {
	w.decided = true
	h := w.Header()
	mediaType, _, _ := strings.Cut(h.Get("Content-Type"), ";")
	mediaType = strings.ToLower(strings.TrimSpace(mediaType))
	if !compressible[mediaType] {
		if code == http.StatusNotModified && w.untagged {
			w.retag(h)
		}
		return
	}
	// The answer depends on Accept-Encoding whether or not this one is compressed.
	h.Add("Vary", "Accept-Encoding")
	if code == http.StatusNotModified && w.untagged {
		w.retag(h)
		return
	}
	if w.enc == "" || code < 200 || code == http.StatusNoContent || code == http.StatusPartialContent || code == http.StatusNotModified ||
		h.Get("Content-Encoding") != "" || h.Get("Accept-Ranges") != "" || h.Get("Content-Range") != "" ||
		strings.HasPrefix(strings.ToLower(h.Get("Content-Disposition")), "attachment") {
		return
	}
	if n, err := strconv.Atoi(h.Get("Content-Length")); err == nil && n < MinSize {
		return
	}
	h.Del("Content-Length")
	h.Set("Content-Encoding", w.enc)
	w.retag(h)
	w.out = newEncoder(w.enc, w.ResponseWriter)
}

// retag gives the answer's ETag this encoding's suffix.
func (w *writer) retag(h http.Header) {
	if et := h.Get("ETag"); strings.HasSuffix(et, `"`) && !strings.HasSuffix(et, etagSuffix(w.enc)+`"`) {
		h.Set("ETag", strings.TrimSuffix(et, `"`)+etagSuffix(w.enc)+`"`)
	}
}

// close ends the compressed stream and returns the encoder to its pool.
func (w *writer) close() {
	if w.out == nil {
		return
	}
	w.out.Close()
	putEncoder(w.enc, w.out)
	w.out = nil
}

// Flush sends what is compressed so far, for answers that stream.
func (w *writer) Flush() {
	if f, ok := w.out.(interface{ Flush() error }); ok {
		f.Flush()
	}
	http.NewResponseController(w.ResponseWriter).Flush()
}

// Unwrap lets http.ResponseController reach the underlying writer (deadlines).
func (w *writer) Unwrap() http.ResponseWriter { return w.ResponseWriter }

var (
	gzipPool   = sync.Pool{New: func() any { z, _ := gzip.NewWriterLevel(io.Discard, gzipLevel); return z }}
	brotliPool = sync.Pool{New: func() any { return brotli.NewWriterLevel(io.Discard, brotliLevel) }}
)

func newEncoder(enc string, dst io.Writer) io.WriteCloser {
	if enc == "gzip" {
		z := gzipPool.Get().(*gzip.Writer)
		z.Reset(dst)
		return z
	}
	b := brotliPool.Get().(*brotli.Writer)
	b.Reset(dst)
	return b
}

func putEncoder(enc string, e io.WriteCloser) {
	// Drop the finished answer's writer, so the pool does not keep it alive.
	if enc == "gzip" {
		z := e.(*gzip.Writer)
		z.Reset(io.Discard)
		gzipPool.Put(z)
		return
	}
	b := e.(*brotli.Writer)
	b.Reset(io.Discard)
	brotliPool.Put(b)
}
