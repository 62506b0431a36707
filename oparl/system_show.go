package oparl

import (
	"context"
	"net/http"
)

// systemShow serves the System object, the entry point of the API (spec 2-10).
func (s *Server) systemShow(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	sys, err := s.store.FindSystem(ctx)
	if err != nil {
		return err
	}
	c := s.newConv(&query{})
	s.writeJSON(w, r, http.StatusOK, c.system(sys))
	return nil
}
