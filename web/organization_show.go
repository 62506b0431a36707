package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"golang.org/x/sync/errgroup"
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
	// CalendarURL is the meeting calendar filtered to this organization.
	CalendarURL string
	// Years links the year view of every year with meetings of this organization.
	Years []Link
	ICS   string
	Atom  string
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
	id, err := pathID(r)
	if err != nil {
		return err
	}
	d, err := s.loadOrganization(r.Context(), id)
	if err != nil {
		return err
	}
	p := &organizationShowPage{Page: s.newPage(r, d.org.Name, "gremien"), Org: d.org}
	s.assembleOrganization(p, d)
	return s.render(w, r, http.StatusOK, "organization_show", p)
}

// organizationData is everything an organization page shows, as the store returned it.
type organizationData struct {
	org              *ratsinfo.Organization
	now              time.Time
	members          []*ratsinfo.Membership
	upcoming, recent []*ratsinfo.Meeting
	first, last      []*ratsinfo.Meeting // the organization's first and last meeting, for the links to every year
	papers           []*ratsinfo.Paper
	paperTotal       int
	persons          map[int64]*ratsinfo.Person
	orgs             map[int64]*ratsinfo.Organization // the parent, the factions members sit for, the organization itself
	location         *ratsinfo.Location
}

// loadOrganization reads an organization page's data: the organization, its
// memberships, meetings and papers side by side; then the members, the
// organizations they sit for and the location, one query per kind.
func (s *Server) loadOrganization(ctx context.Context, id int64) (*organizationData, error) {
	d := &organizationData{now: s.now()}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		d.org, err = loadLive(gctx, s.store.FindOrganizationByID, ratsinfo.KindOrganization, id)
		return err
	})
	g.Go(func() (err error) {
		d.members, err = s.store.FindMemberships(gctx, ratsinfo.MembershipFilter{OrganizationIDs: []int64{id}})
		return err
	})
	g.Go(func() (err error) {
		d.upcoming, err = s.store.FindMeetingsByStart(gctx, ratsinfo.MeetingRange{OrganizationIDs: []int64{id}, From: d.now, Limit: 10})
		return err
	})
	g.Go(func() (err error) {
		d.recent, err = s.store.FindMeetingsByStart(gctx, ratsinfo.MeetingRange{OrganizationIDs: []int64{id}, Until: d.now, Descending: true, Limit: 10})
		return err
	})
	for _, desc := range []bool{false, true} {
		g.Go(func() error {
			m, err := s.store.FindMeetingsByStart(gctx, ratsinfo.MeetingRange{OrganizationIDs: []int64{id}, Descending: desc, Limit: 1})
			if desc {
				d.last = m
			} else {
				d.first = m
			}
			return err
		})
	}
	g.Go(func() (err error) {
		d.papers, d.paperTotal, err = s.store.FindPapersByDate(gctx, ratsinfo.PaperQuery{OrganizationID: id, Limit: 10})
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	personIDs := make([]int64, 0, len(d.members))
	orgIDs := []int64{d.org.SubOrganizationOf}
	for _, m := range d.members {
		personIDs = append(personIDs, m.PersonID)
		orgIDs = append(orgIDs, m.OnBehalfOf)
	}
	g, gctx = errgroup.WithContext(ctx)
	g.Go(func() (err error) { d.persons, err = s.personsByID(gctx, personIDs); return err })
	g.Go(func() (err error) { d.orgs, err = s.orgsByID(gctx, orgIDs); return err })
	if d.org.LocationID != 0 {
		g.Go(func() error {
			// The address is a detail: without it the page still says what matters.
			l, err := s.locationOf(gctx, d.org.LocationID)
			if err != nil {
				s.log.Warn("location of organization", "id", id, "err", err)
			}
			d.location = l
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	d.orgs[id] = d.org
	return d, nil
}

// assembleOrganization fills the page from the loaded data; it reads nothing more.
func (s *Server) assembleOrganization(p *organizationShowPage, d *organizationData) {
	o := d.org
	p.Crumbs = []Link{{Label: p.T("Gremien"), URL: ratsinfo.WebListPath(ratsinfo.KindOrganization)}}
	if parent, ok := d.orgs[o.SubOrganizationOf]; ok && parent.ID != o.ID {
		p.Parent = &Link{Label: parent.Name, URL: ratsinfo.WebPath(ratsinfo.KindOrganization, parent.ID)}
	}
	if l := d.location; l != nil {
		p.Location = &Link{Label: locationText(l), URL: ratsinfo.WebPath(ratsinfo.KindLocation, l.ID)}
	}
	today := ratsinfo.DateOf(d.now.In(s.loc))
	for _, m := range d.members {
		person, ok := d.persons[m.PersonID]
		if m.Deleted || !ok {
			continue
		}
		row := memberRow{Name: personName(person), URL: ratsinfo.WebPath(ratsinfo.KindPerson, person.ID),
			Role: m.Role, VotingRight: m.VotingRight, From: m.StartDate, Until: m.EndDate}
		if f, ok := d.orgs[m.OnBehalfOf]; ok && m.OnBehalfOf != 0 {
			row.OnBehalfOf = &Link{Label: f.Name, URL: ratsinfo.WebPath(ratsinfo.KindOrganization, f.ID)}
		}
		if !m.EndDate.IsZero() && m.EndDate.Before(today) {
			p.Past = append(p.Past, row)
		} else {
			p.Current = append(p.Current, row)
		}
	}
	for _, m := range d.upcoming {
		p.Upcoming = append(p.Upcoming, meetingRowOf(m, d.orgs))
	}
	for _, m := range d.recent {
		p.Recent = append(p.Recent, meetingRowOf(m, d.orgs))
	}
	for _, pp := range d.papers {
		p.Papers = append(p.Papers, paperRowOf(pp))
	}
	if d.paperTotal > len(d.papers) {
		p.MoreURL = ratsinfo.WebListPath(ratsinfo.KindPaper) + "?gremium=" + strconv.FormatInt(o.ID, 10)
	}
	p.CalendarURL = ratsinfo.WebListPath(ratsinfo.KindMeeting) + "?gremium=" + strconv.FormatInt(o.ID, 10)
	if len(d.first) == 1 && len(d.last) == 1 {
		// Every year with meetings, newest first: all meetings, not only the last ten.
		for y := d.last[0].Start.In(s.loc).Year(); y >= d.first[0].Start.In(s.loc).Year(); y-- {
			p.Years = append(p.Years, Link{Label: strconv.Itoa(y),
				URL: ratsinfo.WebListPath(ratsinfo.KindMeeting) + "?jahr=" + strconv.Itoa(y) + "&gremium=" + strconv.FormatInt(o.ID, 10)})
		}
	}
	p.ICS = ratsinfo.WebPath(ratsinfo.KindOrganization, o.ID) + meetingsICS()
	p.Atom = ratsinfo.WebPath(ratsinfo.KindOrganization, o.ID) + papersAtom()
	p.Feeds = []Link{
		{Label: p.T("Sitzungen dieses Gremiums (ICS)"), URL: p.ICS, Type: "text/calendar"},
		{Label: p.T("Vorlagen dieses Gremiums (Atom)"), URL: p.Atom, Type: "application/atom+xml"},
	}
}
