package office

import (
	"context"
	"net/http"

	"github.com/ratsinfo/ratsinfo"
)

// InquiryStore is what the office's inquiry pages need of the store.
type InquiryStore interface {
	ratsinfo.InquiryStore
	ratsinfo.InquiryRuleStore
	ratsinfo.AnswerPublisher
}

// inquiryListPage lists the inquiries the account works on: its own as
// inquirer, all of the body for the council office and sign-off, the assigned
// ones for a unit. The store decides which (FindInquiries with the viewer).
type inquiryListPage struct {
	page
	Rows    []inquiryRow
	State   string
	States  []option
	Overdue bool
	CanAsk  bool
}

type inquiryRow struct {
	ID                                int64
	Reference, Title, State, Deadline string
	Overdue                           bool
}

type option struct {
	Value, Label string
	Selected     bool
}

func (s *Server) inquiryList(w http.ResponseWriter, r *http.Request) error {
	p := inquiryListPage{page: s.newPage(r, "Anfragen")}
	q := r.URL.Query()
	f := ratsinfo.InquiryFilter{Limit: 500, Today: s.today(), Brief: true}
	if v := q.Get("stand"); v != "" {
		st, err := ratsinfo.ParseInquiryState(v)
		if err != nil {
			return err
		}
		f.State, p.State = st, v
	}
	f.Overdue = q.Get("ueberfaellig") != ""
	p.Overdue = f.Overdue
	for _, st := range ratsinfo.InquiryStates() {
		p.States = append(p.States, option{Value: string(st), Label: st.German(), Selected: string(st) == p.State})
	}
	list, err := s.cfg.Inquiries.FindInquiries(r.Context(), f)
	if err != nil {
		return err
	}
	today := s.today()
	for _, in := range list {
		p.Rows = append(p.Rows, inquiryRow{ID: in.ID, Reference: in.Reference, Title: in.Title, State: in.State.German(),
			Deadline: in.Deadline.Day.German(), Overdue: in.Overdue(today)})
	}
	p.CanAsk = canAsk(r.Context())
	return s.render(w, r, http.StatusOK, "inquiry_list", &p)
}

// canAsk reports whether the account may put an inquiry at all: a council
// member, a faction office or the council office.
func canAsk(ctx context.Context) bool {
	for _, g := range ratsinfo.ViewerFrom(ctx).Grants {
		switch g.Role {
		case ratsinfo.GrantCouncilMember, ratsinfo.GrantFactionOffice, ratsinfo.GrantCouncilOffice:
			return true
		}
	}
	return false
}

func (s *Server) today() ratsinfo.Date { return ratsinfo.DateOf(s.now().In(ratsinfo.Berlin())) }
