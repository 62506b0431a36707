package web

import (
	"maps"
	"net/http"
	"slices"

	"github.com/ratsinfo/ratsinfo"
)

// locationShowPage is a place: its address and the meetings held there.
type locationShowPage struct {
	Page
	Location *ratsinfo.Location
	Text     string
	Meetings []meetingRow
}

func (s *Server) locationShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		return err
	}
	l, err := loadLive(ctx, s.store.FindLocationByID, ratsinfo.KindLocation, id)
	if err != nil {
		return err
	}
	// A location that is someone's contact address is personal data: it has a page
	// only when it is also a public place (a meeting room, a project site).
	if len(l.PersonIDs) > 0 && len(l.MeetingIDs) == 0 && len(l.OrganizationIDs) == 0 && len(l.PaperIDs) == 0 && len(l.BodyIDs) == 0 {
		return ratsinfo.NotFound(ratsinfo.KindLocation, id)
	}
	ids := l.MeetingIDs
	if len(ids) > 50 {
		ids = ids[len(ids)-50:]
	}
	meetings, err := s.meetingsByID(ctx, ids)
	if err != nil {
		return err
	}
	orgs, err := s.orgsOfMeetings(ctx, slices.Collect(maps.Values(meetings)))
	if err != nil {
		return err
	}
	text := locationText(l)
	p := &locationShowPage{Page: s.newPage(r, text, ""), Location: l, Text: text}
	p.LastModified = l.Modified
	for i := len(ids) - 1; i >= 0; i-- {
		if m, ok := meetings[ids[i]]; ok {
			p.Meetings = append(p.Meetings, meetingRowOf(m, orgs))
		}
	}
	return s.render(w, r, http.StatusOK, "location_show", p)
}
