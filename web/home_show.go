package web

import (
	"net/http"

	"github.com/ratsinfo/ratsinfo"
)

// homePage is the start page: what is next, what is new, and the search box.
type homePage struct {
	Page
	Upcoming []meetingRow
	Papers   []paperRow
	Answers  []paperRow
	// MeetingsURL and PapersURL lead on to the full calendar and paper list.
	MeetingsURL, PapersURL string
}

// homeShow serves "/" and, since "/" catches every path no other route claims,
// the friendly 404 page for unknown paths.
func (s *Server) homeShow(w http.ResponseWriter, r *http.Request) error {
	if r.URL.Path != "/" {
		return pageNotFound()
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		return &ratsinfo.Error{Code: ratsinfo.EINVALID, Message: "Diese Seite kann nur abgerufen werden (GET)."}
	}
	ctx := r.Context()
	upcoming, err := s.store.FindMeetingsByStart(ctx, ratsinfo.MeetingRange{From: s.now(), Limit: 6})
	if err != nil {
		return err
	}
	papers, _, err := s.store.FindPapersByDate(ctx, ratsinfo.PaperQuery{Limit: 8})
	if err != nil {
		return err
	}
	answers, _, err := s.store.FindPapersByDate(ctx, ratsinfo.PaperQuery{PaperType: ratsinfo.PaperTypeAnswer, Limit: 5})
	if err != nil {
		return err
	}
	orgs, err := s.orgsOfMeetings(ctx, upcoming)
	if err != nil {
		return err
	}
	p := &homePage{Page: s.newPage(r, "", ""), MeetingsURL: ratsinfo.WebListPath(ratsinfo.KindMeeting),
		PapersURL: ratsinfo.WebListPath(ratsinfo.KindPaper)}
	for _, m := range upcoming {
		p.Upcoming = append(p.Upcoming, meetingRowOf(m, orgs))
	}
	for _, x := range papers {
		p.Papers = append(p.Papers, paperRowOf(x))
	}
	for _, x := range answers {
		p.Answers = append(p.Answers, paperRowOf(x))
	}
	p.Feeds = []Link{
		{Label: p.T("Neue Vorlagen (Atom)"), URL: papersAtom(), Type: "application/atom+xml"},
		{Label: p.T("Sitzungskalender (ICS)"), URL: meetingsICS(), Type: "text/calendar"},
	}
	return s.render(w, r, http.StatusOK, "home_show", p)
}
