package web

import (
	"net/http"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
)

// organizationShowPage is an organization with its members, meetings and papers.
type organizationShowPage struct {
	Page
	Org      *ratsinfo.Organization
	Parent   *Link
	Location *Link
	Current  []memberRow
	Past     []memberRow
	Upcoming []meetingRow
	Recent   []meetingRow
	Papers   []paperRow
	MoreURL  string
	ICS      string
	Atom     string
}

// memberRow is one membership seen from either side: the person on an
// organization's page, the organization on a person's page.
type memberRow struct {
	Name        string
	URL         string
	Role        string
	VotingRight bool
	OnBehalfOf  *Link
	From, Until ratsinfo.Date
}

func (s *Server) organizationShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		return err
	}
	o, err := s.store.FindOrganizationByID(ctx, id)
	if o, err = findLive(o, err, func(o *ratsinfo.Organization) bool { return o.Deleted }, ratsinfo.KindOrganization, id); err != nil {
		return err
	}
	ms, err := s.store.FindMemberships(ctx, ratsinfo.MembershipFilter{OrganizationIDs: []int64{id}})
	if err != nil {
		return err
	}
	var personIDs, orgIDs []int64
	orgIDs = append(orgIDs, o.SubOrganizationOf)
	for _, m := range ms {
		personIDs = append(personIDs, m.PersonID)
		orgIDs = append(orgIDs, m.OnBehalfOf)
	}
	persons, err := s.personsByID(ctx, personIDs)
	if err != nil {
		return err
	}
	orgs, err := s.orgsByID(ctx, orgIDs)
	if err != nil {
		return err
	}
	orgs[o.ID] = o
	now := s.now()
	upcoming, err := s.store.FindMeetingsByStart(ctx, ratsinfo.MeetingRange{OrganizationIDs: []int64{id}, From: now, Limit: 10})
	if err != nil {
		return err
	}
	recent, err := s.store.FindMeetingsByStart(ctx, ratsinfo.MeetingRange{OrganizationIDs: []int64{id}, Until: now, Descending: true, Limit: 10})
	if err != nil {
		return err
	}
	papers, total, err := s.store.FindPapersByDate(ctx, ratsinfo.PaperQuery{OrganizationID: id, Limit: 10})
	if err != nil {
		return err
	}

	p := &organizationShowPage{Page: s.newPage(r, o.Name, "gremien"), Org: o}
	p.Crumbs = []Link{{Label: p.T("Gremien"), URL: "/gremien"}}
	if parent, ok := orgs[o.SubOrganizationOf]; ok && parent.ID != o.ID {
		p.Parent = &Link{Label: parent.Name, URL: ratsinfo.WebPath(ratsinfo.KindOrganization, parent.ID)}
	}
	if o.LocationID != 0 {
		if locs, err := s.locationsByID(ctx, []int64{o.LocationID}); err == nil {
			if l, ok := locs[o.LocationID]; ok {
				p.Location = &Link{Label: locationText(l), URL: ratsinfo.WebPath(ratsinfo.KindLocation, l.ID)}
			}
		}
	}
	today := ratsinfo.DateOf(now.In(s.loc))
	for _, m := range ms {
		person, ok := persons[m.PersonID]
		if m.Deleted || !ok {
			continue
		}
		row := memberRow{Name: personName(person), URL: ratsinfo.WebPath(ratsinfo.KindPerson, person.ID),
			Role: m.Role, VotingRight: m.VotingRight, From: m.StartDate, Until: m.EndDate}
		if f, ok := orgs[m.OnBehalfOf]; ok && m.OnBehalfOf != 0 {
			row.OnBehalfOf = &Link{Label: f.Name, URL: ratsinfo.WebPath(ratsinfo.KindOrganization, f.ID)}
		}
		if !m.EndDate.IsZero() && m.EndDate.Before(today) {
			p.Past = append(p.Past, row)
		} else {
			p.Current = append(p.Current, row)
		}
	}
	for _, m := range upcoming {
		p.Upcoming = append(p.Upcoming, meetingRowOf(m, orgs))
	}
	for _, m := range recent {
		p.Recent = append(p.Recent, meetingRowOf(m, orgs))
	}
	for _, pp := range papers {
		p.Papers = append(p.Papers, paperRowOf(pp))
	}
	idStr := strconv.FormatInt(id, 10)
	if total > len(papers) {
		p.MoreURL = "/vorlagen?gremium=" + idStr
	}
	p.ICS = ratsinfo.WebPath(ratsinfo.KindOrganization, id) + "/sitzungen.ics"
	p.Atom = ratsinfo.WebPath(ratsinfo.KindOrganization, id) + "/vorlagen.atom"
	p.Feeds = []Link{
		{Label: p.T("Sitzungen dieses Gremiums (ICS)"), URL: p.ICS, Type: "text/calendar"},
		{Label: p.T("Vorlagen dieses Gremiums (Atom)"), URL: p.Atom, Type: "application/atom+xml"},
	}
	return s.render(w, r, http.StatusOK, "organization_show", p)
}
