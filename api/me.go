package api

import (
	"net/http"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// account is an account in the API.
type account struct {
	ID       int64     `json:"id"`
	Email    string    `json:"email"`
	Name     string    `json:"name"`
	Disabled bool      `json:"disabled"`
	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
	Grants   []grant   `json:"grants"`
}

// grant is a role in a body; the ids are those of the OParl URLs.
type grant struct {
	Role         string `json:"role"`
	Body         int64  `json:"body"`
	Person       int64  `json:"person,omitempty"`
	Organization int64  `json:"organization,omitempty"`
}

func accountJSON(a *ratsinfo.Account) account {
	out := account{ID: a.ID, Email: a.Email, Name: a.Name, Disabled: a.Disabled, Created: a.Created, Modified: a.Modified, Grants: []grant{}}
	for _, g := range a.Grants {
		out.Grants = append(out.Grants, grant{Role: string(g.Role), Body: g.BodyID, Person: g.PersonID, Organization: g.OrganizationID})
	}
	return out
}

// me answers GET /api/v1/me: the token's account and its roles.
func (s *Server) me(w http.ResponseWriter, r *http.Request) error {
	a, err := s.store.FindAccountByID(r.Context(), ratsinfo.ViewerFrom(r.Context()).UserID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, accountJSON(a))
	return nil
}
