package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Calendar feeds (RFC 5545): all meetings, one organization's, the meetings of a
// person's organizations, and a single meeting. They hold every meeting, past and
// future: a calendar that forgets last year's meetings is no archive.

const icsPageSize = 1000

// calendar is what one feed contains.
type calendar struct {
	name     string
	meetings []*ratsinfo.Meeting
	orgs     map[int64]*ratsinfo.Organization
	locs     map[int64]*ratsinfo.Location
	agenda   map[int64][]*ratsinfo.AgendaItem // only for a single meeting's feed
}

func (s *Server) meetingsICS(w http.ResponseWriter, r *http.Request) error {
	ms, err := s.allMeetings(r.Context(), 0)
	if err != nil {
		return err
	}
	return s.writeCalendar(w, r, &calendar{name: s.siteName(r.Context()) + ": Sitzungen", meetings: ms})
}

func (s *Server) organizationICS(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	o, err := loadLive(r.Context(), s.store.FindOrganizationByID, ratsinfo.KindOrganization, id)
	if err != nil {
		return err
	}
	ms, err := s.allMeetings(r.Context(), id)
	if err != nil {
		return err
	}
	return s.writeCalendar(w, r, &calendar{name: o.Name + ": Sitzungen", meetings: ms})
}

// personICS holds the meetings of the organizations a person belongs to, while
// they belong to them: a council member's own diary.
func (s *Server) personICS(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := loadLive(ctx, s.store.FindPersonByID, ratsinfo.KindPerson, id)
	if err != nil {
		return err
	}
	ms, err := s.store.FindMemberships(ctx, ratsinfo.MembershipFilter{PersonIDs: []int64{id}})
	if err != nil {
		return err
	}
	byOrg := map[int64][]*ratsinfo.Membership{}
	var orgIDs []int64
	for _, m := range ms {
		if !m.Deleted {
			byOrg[m.OrganizationID] = append(byOrg[m.OrganizationID], m)
			orgIDs = append(orgIDs, m.OrganizationID)
		}
	}
	var meetings []*ratsinfo.Meeting
	if orgIDs = nonEmpty(orgIDs); len(orgIDs) > 0 {
		all, err := s.store.FindMeetingsByStart(ctx, ratsinfo.MeetingRange{OrganizationIDs: orgIDs})
		if err != nil {
			return err
		}
		for _, m := range all {
			if s.memberAt(m, byOrg) {
				meetings = append(meetings, m)
			}
		}
	}
	return s.writeCalendar(w, r, &calendar{name: personName(p) + ": Sitzungen", meetings: meetings})
}

// memberAt reports whether one of the meeting's organizations had the person as a
// member on the meeting's day.
func (s *Server) memberAt(m *ratsinfo.Meeting, byOrg map[int64][]*ratsinfo.Membership) bool {
	day := ratsinfo.DateOf(m.Start.In(s.loc))
	for _, oid := range m.OrganizationIDs {
		for _, ms := range byOrg[oid] {
			if (ms.StartDate.IsZero() || !day.Before(ms.StartDate)) && (ms.EndDate.IsZero() || !ms.EndDate.Before(day)) {
				return true
			}
		}
	}
	return false
}

// meetingICS is one meeting as a calendar entry, with its public agenda.
func (s *Server) meetingICS(w http.ResponseWriter, r *http.Request, id int64) error {
	ctx := r.Context()
	m, err := loadLive(ctx, s.store.FindMeetingByID, ratsinfo.KindMeeting, id)
	if err != nil {
		return err
	}
	items, err := s.store.FindAgendaItems(ctx, ratsinfo.AgendaItemFilter{MeetingIDs: []int64{id}})
	if err != nil {
		return err
	}
	return s.writeCalendar(w, r, &calendar{name: meetingRowOf(m, nil).Name, meetings: []*ratsinfo.Meeting{m},
		agenda: map[int64][]*ratsinfo.AgendaItem{id: items}})
}

// allMeetings reads every meeting (of one organization, if orgID is set) page by
// page in id order, the store's stable order.
func (s *Server) allMeetings(ctx context.Context, orgID int64) ([]*ratsinfo.Meeting, error) {
	var out []*ratsinfo.Meeting
	var after int64
	for {
		page, err := s.store.FindMeetings(ctx, ratsinfo.MeetingFilter{OrganizationID: orgID,
			ListFilter: ratsinfo.ListFilter{AfterID: after, Limit: icsPageSize}})
		if err != nil {
			return nil, err
		}
		for _, m := range page {
			if !m.Deleted {
				out = append(out, m)
			}
		}
		if len(page) < icsPageSize {
			return out, nil
		}
		after = page[len(page)-1].ID
	}
}

func (s *Server) writeCalendar(w http.ResponseWriter, r *http.Request, c *calendar) error {
	ctx := r.Context()
	var orgIDs, locIDs []int64
	for _, m := range c.meetings {
		orgIDs = append(orgIDs, m.OrganizationIDs...)
		locIDs = append(locIDs, m.LocationID)
	}
	var err error
	if c.orgs, err = s.orgsByID(ctx, orgIDs); err != nil {
		return err
	}
	if c.locs, err = s.locationsByID(ctx, locIDs); err != nil {
		return err
	}
	var iw icalWriter
	iw.line("BEGIN", "VCALENDAR")
	iw.line("VERSION", "2.0")
	iw.line("PRODID", "-//Ratsinfo//Ratsinformationssystem//DE")
	iw.line("CALSCALE", "GREGORIAN")
	iw.line("METHOD", "PUBLISH")
	iw.text("X-WR-CALNAME", c.name)
	iw.line("X-WR-TIMEZONE", "Europe/Berlin")
	iw.buf.WriteString(berlinVTimezone)
	host := "ratsinfo"
	if u, err := url.Parse(s.baseURL); err == nil && u.Host != "" {
		host = u.Host
	}
	for _, m := range c.meetings {
		if m.Start.IsZero() {
			continue
		}
		s.writeEvent(&iw, c, m, host)
	}
	iw.line("END", "VCALENDAR")
	h := w.Header()
	h.Set("Content-Type", "text/calendar; charset=utf-8")
	h.Set("Content-Disposition", `inline; filename="sitzungen.ics"`)
	serveCached(w, r, iw.buf.Bytes(), maxModified(c.meetings))
	return nil
}

func (s *Server) writeEvent(iw *icalWriter, c *calendar, m *ratsinfo.Meeting, host string) {
	row := meetingRowOf(m, c.orgs)
	link := s.baseURL + row.URL
	iw.line("BEGIN", "VEVENT")
	iw.line("UID", "sitzung-"+strconv.FormatInt(m.ID, 10)+"@"+host)
	iw.line("DTSTAMP", icalUTC(m.Modified))
	iw.line("LAST-MODIFIED", icalUTC(m.Modified))
	iw.line("DTSTART;TZID=Europe/Berlin", icalLocal(m.Start, s.loc))
	if !m.End.IsZero() && m.End.After(m.Start) {
		iw.line("DTEND;TZID=Europe/Berlin", icalLocal(m.End, s.loc))
	}
	summary := row.Name
	if m.Cancelled {
		summary = "Abgesagt: " + summary
	}
	iw.text("SUMMARY", summary)
	if l, ok := c.locs[m.LocationID]; ok {
		iw.text("LOCATION", locationText(l))
	}
	desc := []string{}
	for _, o := range row.Orgs {
		desc = append(desc, o.Label)
	}
	for _, it := range c.agenda[m.ID] {
		if it.Deleted {
			continue
		}
		if it.Public {
			desc = append(desc, strings.TrimSpace("TOP "+it.Number+" "+it.Name))
		} else {
			desc = append(desc, strings.TrimSpace("TOP "+it.Number+" "+ratsinfo.NonPublicAgendaItemName))
		}
	}
	desc = append(desc, link)
	iw.text("DESCRIPTION", strings.Join(desc, "\n"))
	iw.line("URL", link)
	switch {
	case m.Cancelled:
		iw.line("STATUS", "CANCELLED")
	case m.MeetingState == ratsinfo.MeetingScheduled:
		iw.line("STATUS", "TENTATIVE")
	default:
		iw.line("STATUS", "CONFIRMED")
	}
	iw.line("END", "VEVENT")
}

func maxModified(ms []*ratsinfo.Meeting) (t time.Time) {
	for _, m := range ms {
		t = latest(t, m.Modified)
	}
	return t
}
