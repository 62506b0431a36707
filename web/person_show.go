package web

import (
	"net/http"
	"sort"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
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
	Papers      []paperRow
	PapersURL   string // the paper list filtered to this person, beyond the 50 shown here
	ICS         string
}

func (s *Server) personShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		return err
	}
	person, err := s.store.FindPersonByID(ctx, id)
	if person, err = findLive(person, err, func(p *ratsinfo.Person) bool { return p.Deleted }, ratsinfo.KindPerson, id); err != nil {
		return err
	}
	ms, err := s.store.FindMemberships(ctx, ratsinfo.MembershipFilter{PersonIDs: []int64{id}})
	if err != nil {
		return err
	}
	var orgIDs []int64
	for _, m := range ms {
		orgIDs = append(orgIDs, m.OrganizationID, m.OnBehalfOf)
	}
	orgs, err := s.orgsByID(ctx, orgIDs)
	if err != nil {
		return err
	}
	papers, _, err := s.store.FindPapersByDate(ctx, ratsinfo.PaperQuery{PersonID: id, Limit: 50})
	if err != nil {
		return err
	}

	p := &personShowPage{Page: s.newPage(r, personName(person), "personen"), Name: personName(person), Person: person}
	p.Crumbs = []Link{{Label: p.T("Personen"), URL: "/personen"}}
	p.LastModified = person.Modified
	// The store withholds contact data without consent; checking consent here too
	// keeps this page safe should a store ever get that wrong.
	p.Contact = person.ContactConsent && (len(person.Email) > 0 || len(person.Phone) > 0)
	if person.ContactConsent && person.LocationID != 0 {
		if locs, err := s.locationsByID(ctx, []int64{person.LocationID}); err == nil {
			if l, ok := locs[person.LocationID]; ok {
				p.Location = locationText(l)
			}
		}
	}
	for _, m := range ms {
		o, ok := orgs[m.OrganizationID]
		if m.Deleted || !ok {
			continue
		}
		p.LastModified = latest(p.LastModified, m.Modified)
		row := memberRow{Name: o.Name, URL: ratsinfo.WebPath(ratsinfo.KindOrganization, o.ID), Role: m.Role,
			VotingRight: m.VotingRight, From: m.StartDate, Until: m.EndDate}
		if f, ok := orgs[m.OnBehalfOf]; ok && m.OnBehalfOf != 0 {
			row.OnBehalfOf = &Link{Label: f.Name, URL: ratsinfo.WebPath(ratsinfo.KindOrganization, f.ID)}
		}
		p.Memberships = append(p.Memberships, row)
	}
	// Current memberships first, then by start, latest first: a career read backwards.
	sort.SliceStable(p.Memberships, func(i, j int) bool {
		a, b := p.Memberships[i], p.Memberships[j]
		if a.Until.IsZero() != b.Until.IsZero() {
			return a.Until.IsZero()
		}
		return b.From.Before(a.From)
	})
	for _, pp := range papers {
		p.Papers = append(p.Papers, paperRowOf(pp))
		p.LastModified = latest(p.LastModified, pp.Modified)
	}
	p.PapersURL = "/vorlagen?person=" + strconv.FormatInt(id, 10)
	p.ICS = ratsinfo.WebPath(ratsinfo.KindPerson, id) + "/sitzungen.ics"
	p.Feeds = []Link{{Label: p.T("Sitzungen der Gremien dieser Person (ICS)"), URL: p.ICS, Type: "text/calendar"}}
	return s.render(w, r, http.StatusOK, "person_show", p)
}
