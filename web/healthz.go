package web

import (
	"context"
	"net/http"
	"time"
)

// handleHealthz tells a load balancer whether this instance can serve: it can when
// the database answers. It is plain text, for machines and for the operator's curl.
func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := s.store.Ping(ctx); err != nil {
		s.log.Warn("health check failed", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("Die Datenbank antwortet nicht.\n"))
		return
	}
	w.Write([]byte("ok\n"))
}
