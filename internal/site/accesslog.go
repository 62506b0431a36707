package site

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"
)

// AccessLog logs one structured line per request: method, path, status, bytes and
// duration. The query string is left out: search terms are the visitor's business.
// Requests are logged at debug level, so a terminal at the default level shows
// what matters; an answer of 5xx is logged at warn, so failures stay visible. A
// request whose client went away before the answer was complete is logged at
// debug as "client gone" with status 499, never as a 5xx.
func AccessLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		level, msg, status := slog.LevelDebug, "request", rec.status
		switch {
		case ClientGone(r):
			// Whatever the handler made of the cancelled work, the client had
			// hung up: not our failure, and anyone could inflate the error rate
			// by hanging up. 499 as nginx logs it; only the log says so.
			msg, status = "client gone", StatusClientGone
		case rec.status >= 500:
			level = slog.LevelWarn
		}
		log.LogAttrs(context.WithoutCancel(r.Context()), level, msg,
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", status),
			slog.Int64("bytes", rec.bytes),
			slog.Duration("duration", time.Since(start)),
		)
	})
}

// statusRecorder remembers what a handler answered, for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status  int
	bytes   int64
	written bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.written {
		r.status = code
		r.written = true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.written = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer (flush, deadlines).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// StatusClientGone is the status the access log records for a request whose
// client hung up first (nginx's 499). It is never sent.
const StatusClientGone = 499

// ClientGone reports whether the client of r hung up: the server cancels a
// request's context when its connection closes. A deadline that ran out is ours
// (context.DeadlineExceeded), so it does not count.
func ClientGone(r *http.Request) bool {
	return errors.Is(r.Context().Err(), context.Canceled)
}
