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
	URL              string // the meeting that hears the answer
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
		entry := timelineEntry{Date: ratsinfo.DateOf(e.At.In(s.loc)).German(), What: p.T(label), Note: e.Note}
		if e.Action == ratsinfo.EventAgenda {
			s.hearingEntry(r, p, &entry)
		}
		p.Timeline = append(p.Timeline, entry)
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

// hearingEntry dates the timeline's agenda entry on the day of the meeting
// that hears the answer and says whether it was heard or is still to come,
// with a link to the meeting; a meeting the public cannot see leaves the entry
// as the store wrote it.
func (s *Server) hearingEntry(r *http.Request, p *inquiryShowPage, e *timelineEntry) {
	in := p.Inquiry
	if in.PlannedMeetingID == 0 {
		return
	}
	m, err := s.store.FindMeetingByID(r.Context(), in.PlannedMeetingID)
	if err != nil || m.Deleted || m.Start.IsZero() {
		return
	}
	day := ratsinfo.DateOf(m.Start.In(s.loc))
	label := "zur Behandlung in der Sitzung vorgesehen"
	if !s.today().Before(day) {
		label = "in der Sitzung behandelt"
	}
	e.Date, e.What, e.URL = day.German(), p.T(label), ratsinfo.WebPath(ratsinfo.KindMeeting, m.ID)
}
