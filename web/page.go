package web

import (
	"context"
	"net/http"
	"net/url"

	"github.com/ratsinfo/ratsinfo"
)

// newPage fills the common part of a page from the request.
func (s *Server) newPage(r *http.Request, title, section string) Page {
	return s.site.NewPage(r, title, section)
}

// siteName names the site after the body when there is exactly one, as a city's
// visitors expect ("Ratsinformationssystem Norderstedt"), else after the system.
func (s *Server) siteName(ctx context.Context) string {
	bodies, err := s.store.FindBodies(ctx, ratsinfo.BodyFilter{ListFilter: ratsinfo.ListFilter{Limit: 2}})
	if err == nil && len(bodies) == 1 {
		name := bodies[0].ShortName
		if name == "" {
			name = bodies[0].Name
		}
		return "Ratsinformationssystem " + name
	}
	if sys, err := s.store.FindSystem(ctx); err == nil && sys.Name != "" {
		return sys.Name
	}
	return "Ratsinformationssystem"
}

// pathWith returns p with query parameter k set to v, for pagination and filters.
func pathWith(p string, q url.Values, k, v string) string {
	c := url.Values{}
	for key, vals := range q {
		c[key] = vals
	}
	if v == "" {
		c.Del(k)
	} else {
		c.Set(k, v)
	}
	if len(c) == 0 {
		return p
	}
	return p + "?" + c.Encode()
}
