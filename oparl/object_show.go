package oparl

import (
	"context"
	"net/http"

	"github.com/ratsinfo/ratsinfo"
)

// objectShow serves one object by its id, embedded objects included. Deleted objects
// are served as tombstones with status 200 (spec 2-08); an id of another kind, or
// one the public may not see, is 404.
func (s *Server) objectShow(ctx context.Context, w http.ResponseWriter, r *http.Request, rt route, q *query) error {
	c := s.newConv(q)
	v, err := s.findObject(ctx, c, rt.kind, rt.id)
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, v)
	return nil
}

// findObject loads and converts object id of kind k, with its embedded objects.
func (s *Server) findObject(ctx context.Context, c *conv, k ratsinfo.Kind, id int64) (any, error) {
	ks, ok := kinds[k]
	if !ok {
		return nil, ratsinfo.NotFound(k, id)
	}
	return ks.object(ctx, s, c, id)
}
