package web

import (
	"context"
	"net/http"

	"github.com/ratsinfo/ratsinfo"
)

// legalPage is the imprint, the privacy notice or the accessibility statement.
// Their facts (who runs the site, whom to contact) come from the body's record,
// so each city's installation shows its own.
type legalPage struct {
	Page
	Kind         string // "impressum", "datenschutz", "barrierefreiheit"
	BodyName     string
	ContactName  string
	ContactEmail string
	Website      string
	Form         feedbackForm
}

// feedbackForm is the state of a feedback or report form.
type feedbackForm struct {
	Action  string
	Subject string // what the report is about, e.g. a file's name
	Name    string
	Email   string
	Text    string
	Reason  string // file reports: the chosen reason, kept when the form is shown again
	Errors  map[string]string
	Bot     bool  // the honeypot was filled in
	Sent    bool  // stored: the page thanks and says what happens next
	Number  int64 // the stored message's number, for a later enquiry
}

func (s *Server) legalShow(kind, title string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		p := s.newLegalPage(r, kind, title)
		return s.render(w, r, http.StatusOK, "legal_show", p)
	}
}

func (s *Server) newLegalPage(r *http.Request, kind, title string) *legalPage {
	p := &legalPage{Page: s.newPage(r, "", ""), Kind: kind}
	p.Title = p.T(title)
	p.Form.Action = "/barrierefreiheit"
	s.fillContact(r.Context(), p)
	return p
}

// fillContact takes the operator's contact from the only body, or the system.
func (s *Server) fillContact(ctx context.Context, p *legalPage) {
	bodies, err := s.store.FindBodies(ctx, ratsinfo.BodyFilter{ListFilter: ratsinfo.ListFilter{Limit: 2}})
	if err == nil && len(bodies) == 1 {
		b := bodies[0]
		p.BodyName, p.ContactName, p.ContactEmail, p.Website = b.Name, b.ContactName, b.ContactEmail, b.Website
	}
	if p.ContactEmail == "" {
		if sys, err := s.store.FindSystem(ctx); err == nil {
			p.ContactName, p.ContactEmail = sys.ContactName, sys.ContactEmail
			if p.BodyName == "" {
				p.BodyName = sys.Name
			}
		}
	}
}
