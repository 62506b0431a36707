package web

import (
	"context"
	"net/http"
	"sort"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
	"golang.org/x/sync/errgroup"
)

// personShowPage is a person: memberships over time and the papers they
// originated. Contact data appears only when the person agreed to publish it.
type personShowPage struct {
	Page
	Name        string
	Person      *ratsinfo.Person
	Contact     bool
	Location    string
	Memberships []memberRow
	// Factions and Current answer first what visitors ask first: which faction,
	// and where the person sits now (memberships without an end or ending after today).
	Factions  []Link
	Current   []memberRow
	Papers    []paperRow
	PapersURL string // the paper list filtered to this person, beyond the 50 shown here
	ICS       string
}

func (s *Server) personShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	d, err := s.loadPerson(r.Context(), id)
	if err != nil {
		return err
	}
	name := personName(d.person)
	p := &personShowPage{Page: s.newPage(r, name, "personen"), Name: name, Person: d.person}
	assemblePerson(p, d, ratsinfo.DateOf(s.now().In(s.loc)))
	return s.render(w, r, http.StatusOK, "person_show", p)
}

// personData is everything a person page shows, as the store returned it.
type personData struct {
	person   *ratsinfo.Person
	members  []*ratsinfo.Membership
	papers   []*ratsinfo.Paper
	orgs     map[int64]*ratsinfo.Organization
	location *ratsinfo.Location
}

// loadPerson reads a person page's data: the person, the memberships and the
// papers side by side; then the organizations and the address.
func (s *Server) loadPerson(ctx context.Context, id int64) (*personData, error) {
	d := &personData{}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		d.person, err = loadLive(gctx, s.store.FindPersonByID, ratsinfo.KindPerson, id)
		return err
	})
	g.Go(func() (err error) {
		d.members, err = s.store.FindMemberships(gctx, ratsinfo.MembershipFilter{PersonIDs: []int64{id}})
		return err
	})
	g.Go(func() (err error) {
		d.papers, _, err = s.store.FindPapersByDate(gctx, ratsinfo.PaperQuery{PersonID: id, Limit: 50})
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var orgIDs []int64
	for _, m := range d.members {
		orgIDs = append(orgIDs, m.OrganizationID, m.OnBehalfOf)
	}
	g, gctx = errgroup.WithContext(ctx)
	g.Go(func() (err error) { d.orgs, err = s.orgsByID(gctx, orgIDs); return err })
	// The store withholds the address without consent; asking only with consent
	// keeps this page safe should a store ever get that wrong.
	if d.person.ContactConsent && d.person.LocationID != 0 {
		g.Go(func() error {
			l, err := s.locationOf(gctx, d.person.LocationID)
			if err != nil {
				s.log.Warn("location of person", "id", id, "err", err)
			}
			d.location = l
			return nil
		})
	}
	return d, g.Wait()
}

// assemblePerson fills the page from the loaded data; it reads nothing more.
func assemblePerson(p *personShowPage, d *personData, today ratsinfo.Date) {
	person := d.person
	p.Crumbs = []Link{{Label: p.T("Personen"), URL: ratsinfo.WebListPath(ratsinfo.KindPerson)}}
	p.LastModified = person.Modified
	// The store withholds contact data without consent; checking consent here too
	// keeps this page safe should a store ever get that wrong.
	p.Contact = person.ContactConsent && (len(person.Email) > 0 || len(person.Phone) > 0)
	if d.location != nil {
		p.Location = locationText(d.location)
	}
	for _, m := range d.members {
		o, ok := d.orgs[m.OrganizationID]
		if m.Deleted || !ok {
			continue
		}
		p.LastModified = latest(p.LastModified, m.Modified)
		row := memberRow{Name: o.Name, URL: ratsinfo.WebPath(ratsinfo.KindOrganization, o.ID), Role: m.Role,
			VotingRight: m.VotingRight, From: m.StartDate, Until: m.EndDate}
		if f, ok := d.orgs[m.OnBehalfOf]; ok && m.OnBehalfOf != 0 {
			row.OnBehalfOf = &Link{Label: f.Name, URL: ratsinfo.WebPath(ratsinfo.KindOrganization, f.ID)}
		}
		p.Memberships = append(p.Memberships, row)
		if m.EndDate.IsZero() || !m.EndDate.Before(today) {
			if o.OrganizationType == ratsinfo.OrgTypeFaction {
				p.Factions = append(p.Factions, Link{Label: o.Name, URL: row.URL})
			} else {
				p.Current = append(p.Current, row)
			}
		}
	}
	// Current memberships first, then by start, latest first: a career read backwards.
	sort.SliceStable(p.Memberships, func(i, j int) bool {
		a, b := p.Memberships[i], p.Memberships[j]
		if a.Until.IsZero() != b.Until.IsZero() {
			return a.Until.IsZero()
		}
		return b.From.Before(a.From)
	})
	for _, pp := range d.papers {
		p.Papers = append(p.Papers, paperRowOf(pp))
		p.LastModified = latest(p.LastModified, pp.Modified)
	}
	p.PapersURL = ratsinfo.WebListPath(ratsinfo.KindPaper) + "?person=" + strconv.FormatInt(person.ID, 10)
	p.ICS = ratsinfo.WebPath(ratsinfo.KindPerson, person.ID) + meetingsICS()
	p.Feeds = []Link{{Label: p.T("Sitzungen der Gremien dieser Person (ICS)"), URL: p.ICS, Type: "text/calendar"}}
}
