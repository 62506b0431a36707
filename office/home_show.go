package office

import (
	"net/http"

	"github.com/ratsinfo/ratsinfo"
)

type homePage struct {
	page
	Grants   []grantView
	Sessions []sessionView
}

type sessionView struct {
	*ratsinfo.Session
	Current bool
}

// grantView is a grant as the office shows it.
type grantView struct {
	ratsinfo.Grant
	Label string
}

func grantViews(gs []ratsinfo.Grant) []grantView {
	out := make([]grantView, len(gs))
	for i, g := range gs {
		out[i] = grantView{Grant: g, Label: g.Role.GermanName()}
	}
	return out
}

// homeShow is the start page: who am I, my roles, my sessions.
func (s *Server) homeShow(w http.ResponseWriter, r *http.Request) error {
	acc := accountFrom(r.Context())
	sessions, err := s.cfg.Store.FindSessions(r.Context(), acc.ID, s.cfg.Limits)
	if err != nil {
		return err
	}
	p := homePage{page: s.newPage(r, "Büro"), Grants: grantViews(acc.Grants)}
	cur := sessionFrom(r.Context())
	for _, x := range sessions {
		p.Sessions = append(p.Sessions, sessionView{Session: x, Current: cur != nil && cur.ID == x.ID})
	}
	return s.render(w, r, http.StatusOK, "home", &p)
}
