package web

import (
	"html/template"
	"net/http"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/richtext"
)

// inquiryShowPage shows one inquiry: each question beside its answer, each with
// a deep link (#frage-2), and the public timeline.
type inquiryShowPage struct {
	Page
	Inquiry   *ratsinfo.Inquiry
	State     string
	Overdue   bool
	Deadline  string
	Inquirers []Link
	Faction   *Link
	Paper     *Link
	Answer    *Link
	Questions []questionView
	Timeline  []timelineEntry
}

type questionView struct {
	Number int
	Anchor string
	Text   string
	Points []pointView
	Answer template.HTML
}

type pointView struct{ Label, Text string }

type timelineEntry struct {
	Date, What, Note string
}

func (s *Server) inquiryShow(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return pageNotFound()
	}
	ctx := r.Context()
	in, err := s.inquiries.FindInquiry(ctx, id)
	if err != nil {
		return err
	}
	p := &inquiryShowPage{Page: s.newPage(r, in.Title, "anfragen"), Inquiry: in, Overdue: in.Overdue(s.today())}
	p.State = p.T(in.State.German())
	if !in.Deadline.Day.IsZero() {
		p.Deadline = in.Deadline.Explain()
	}
	for _, pid := range in.InquirerPersonIDs {
		if person, err := s.store.FindPersonByID(ctx, pid); err == nil && !person.Deleted {
			p.Inquirers = append(p.Inquirers, Link{Label: person.Name, URL: ratsinfo.WebPath(ratsinfo.KindPerson, pid)})
		}
	}
	if in.ExternalInquirer != "" {
		p.Inquirers = append(p.Inquirers, Link{Label: in.ExternalInquirer})
	}
	if in.FactionID != 0 {
		if org, err := s.store.FindOrganizationByID(ctx, in.FactionID); err == nil && !org.Deleted {
			p.Faction = &Link{Label: org.Name, URL: ratsinfo.WebPath(ratsinfo.KindOrganization, org.ID)}
		}
	}
	p.Paper = s.paperLink(r, in.PaperID)
	p.Answer = s.paperLink(r, in.AnswerPaperID)
	for _, q := range in.Questions {
		v := questionView{Number: q.Number, Anchor: "frage-" + strconv.Itoa(q.Number), Text: q.Text}
		for i, pt := range q.Points {
			v.Points = append(v.Points, pointView{Label: ratsinfo.PointLabel(i), Text: pt})
		}
		if q.Answer != "" {
			v.Answer = richtext.HTML(q.Answer)
		}
		p.Questions = append(p.Questions, v)
	}
	events, err := s.inquiries.InquiryEvents(ctx, id)
	if err != nil {
		return err
	}
	for _, e := range events {
		label := ratsinfo.InquiryEventLabel(e.Action) // the store gives the public only milestones
		p.Timeline = append(p.Timeline, timelineEntry{Date: ratsinfo.DateOf(e.At.In(s.loc)).German(), What: p.T(label), Note: e.Note})
	}
	return s.render(w, r, http.StatusOK, "inquiry_show", p)
}

// paperLink links a public paper, or nil when there is none the public may see.
func (s *Server) paperLink(r *http.Request, id int64) *Link {
	if id == 0 {
		return nil
	}
	paper, err := s.store.FindPaperByID(r.Context(), id)
	if err != nil || paper.Deleted {
		return nil
	}
	label := paper.Name
	if paper.Reference != "" {
		label = paper.Reference + ": " + label
	}
	return &Link{Label: label, URL: ratsinfo.WebPath(ratsinfo.KindPaper, id)}
}
