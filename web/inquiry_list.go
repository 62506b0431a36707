package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/ratsinfo/ratsinfo"
)

// InquiryReader is what the public pages of inquiries read. The site's viewer
// is the anonymous public, so the store hands out public forms only: no
// drafts, no confidential inquiries, answers only once published.
type InquiryReader interface {
	FindInquiry(ctx context.Context, id int64) (*ratsinfo.Inquiry, error)
	FindInquiries(ctx context.Context, f ratsinfo.InquiryFilter) ([]*ratsinfo.Inquiry, error)
	CountInquiries(ctx context.Context, f ratsinfo.InquiryFilter) (ratsinfo.InquiryCounts, error)
	InquiryEvents(ctx context.Context, id int64) ([]*ratsinfo.InquiryEvent, error)
}

// inquiryListPage is /anfragen: every public inquiry with its state, deadline
// and the time its answer took, as councils keep asking their offices for.
type inquiryListPage struct {
	Page
	Rows    []inquiryRow
	States  []stateOption
	State   string
	Overdue bool
	Open    int // inquiries waiting for an answer
	Late    int // of which overdue
	Message string
	Pager   pager
	// Col holds the column names, translated once: each of the up to 100
	// rows repeats them for narrow screens, and a template method call per
	// cell was a third of the page's rendering time.
	Col struct{ Reference, Title, State, Deadline, Overdue string }
}

type inquiryRow struct {
	URL, Reference, Title, State, Deadline, Took string
	Overdue                                      bool
}

type stateOption struct {
	Value, Label string
	Selected     bool
}

// inquiriesPerPage is one page of the list; a city gets a few hundred
// inquiries a year, a large one thousands.
const inquiriesPerPage = 100

func (s *Server) inquiryList(w http.ResponseWriter, r *http.Request) error {
	p := &inquiryListPage{Page: s.newPage(r, "", "anfragen")}
	p.Title = p.T("Anfragen")
	q := r.URL.Query()
	f, err := s.publicInquiryFilter(q)
	if err != nil {
		return err
	}
	f.Limit = inquiriesPerPage
	p.State, p.Overdue = string(f.State), f.Overdue
	p.Feeds = inquiryFeeds(p.T, q)
	p.Col.Reference, p.Col.Title, p.Col.State, p.Col.Deadline, p.Col.Overdue = p.T("Aktenzeichen"), p.T("Titel"), p.T("Stand"), p.T("Frist"), p.T("überfällig")
	for _, st := range ratsinfo.InquiryStates() {
		if st != ratsinfo.InquiryDraft {
			p.States = append(p.States, stateOption{Value: string(st), Label: p.T(st.German()), Selected: string(st) == p.State})
		}
	}
	page, msg := pageNumber(&p.Page, q.Get("seite"))
	p.Message = msg
	f.Offset = (page - 1) * inquiriesPerPage
	all, err := s.inquiries.CountInquiries(r.Context(), ratsinfo.InquiryFilter{Today: f.Today})
	if err != nil {
		return err
	}
	p.Open, p.Late = all.Open, all.Overdue
	selected := all // without a filter the list is all of them: no second count
	if f.State != "" || f.Overdue {
		if selected, err = s.inquiries.CountInquiries(r.Context(), f); err != nil {
			return err
		}
	}
	list, err := s.inquiries.FindInquiries(r.Context(), f)
	if err != nil {
		return err
	}
	today := s.today()
	for _, in := range list {
		p.Rows = append(p.Rows, inquiryRow{URL: inquiryPath(in.ID), Reference: in.Reference, Title: in.Title,
			State: p.T(in.State.German()), Deadline: in.Deadline.Day.German(), Overdue: in.Overdue(today)})
	}
	p.Pager = makePager(r, page, selected.Total, len(list), inquiriesPerPage, false)
	return s.render(w, r, http.StatusOK, "inquiry_list", p)
}

// publicInquiryFilter reads the filters of /anfragen and its feeds: the state
// (never "draft": the public sees no drafts) and "overdue only".
func (s *Server) publicInquiryFilter(q url.Values) (ratsinfo.InquiryFilter, error) {
	f := ratsinfo.InquiryFilter{Today: s.today(), Brief: true}
	if v := q.Get("stand"); v != "" {
		st, err := ratsinfo.ParseInquiryState(v)
		if err != nil || st == ratsinfo.InquiryDraft {
			return f, ratsinfo.Errorf(ratsinfo.EINVALID, "Den Bearbeitungsstand %q gibt es nicht. Bitte einen Stand aus der Auswahl wählen.", v)
		}
		f.State = st
	}
	f.Overdue = q.Get("ueberfaellig") != ""
	return f, nil
}

func inquiryPath(id int64) string { return fmt.Sprintf("/anfragen/%d", id) }

func (s *Server) today() ratsinfo.Date { return ratsinfo.DateOf(s.now().In(s.loc)) }
