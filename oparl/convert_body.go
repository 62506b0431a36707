package oparl

import (
	"github.com/ratsinfo/ratsinfo"
)

// This file converts the objects around a body: System, Body, LegislativeTerm,
// Organization, Person, Membership and Location.

func (c *conv) system(s *ratsinfo.System) *systemJSON {
	vendor, product := s.Vendor, s.Product
	if vendor == "" {
		vendor = projectURL
	}
	if product == "" {
		product = projectURL
	}
	t := c.tail(ratsinfo.KindSystem, &s.Meta)
	t.Web = c.base + "/"
	if t.License == "" {
		t.License = c.license
	}
	return &systemJSON{
		head:         head{ID: c.api + "/system", Type: c.types[ratsinfo.KindSystem]},
		OparlVersion: schemaBase,
		Body:         c.api + "/body",
		Name:         s.Name,
		ContactEmail: s.ContactEmail,
		ContactName:  s.ContactName,
		Website:      s.Website,
		Vendor:       vendor,
		Product:      product,
		tail:         t,
	}
}

func (c *conv) body(b *ratsinfo.Body) any {
	k := ratsinfo.KindBody
	if b.Deleted {
		return c.tombstone(k, &b.Meta)
	}
	j := &bodyJSON{
		head:                c.head(k, b.ID),
		System:              c.api + "/system",
		ShortName:           b.ShortName,
		Name:                b.Name,
		Website:             b.Website,
		LicenseValidSince:   c.dateTime(b.LicenseValidSince),
		OparlSince:          c.dateTime(b.OparlSince),
		AGS:                 b.AGS,
		RGS:                 b.RGS,
		Equivalent:          b.Equivalent,
		ContactEmail:        b.ContactEmail,
		ContactName:         b.ContactName,
		Organization:        c.bodyList(b.ID, ratsinfo.KindOrganization),
		Person:              c.bodyList(b.ID, ratsinfo.KindPerson),
		Meeting:             c.bodyList(b.ID, ratsinfo.KindMeeting),
		Paper:               c.bodyList(b.ID, ratsinfo.KindPaper),
		AgendaItem:          c.bodyList(b.ID, ratsinfo.KindAgendaItem),
		Consultation:        c.bodyList(b.ID, ratsinfo.KindConsultation),
		File:                c.bodyList(b.ID, ratsinfo.KindFile),
		LocationList:        c.bodyList(b.ID, ratsinfo.KindLocation),
		LegislativeTermList: c.bodyList(b.ID, ratsinfo.KindLegislativeTerm),
		Membership:          c.bodyList(b.ID, ratsinfo.KindMembership),
		Classification:      b.Classification,
		Location:            c.locationEmbedded(b.LocationID),
		tail:                c.tail(k, &b.Meta),
	}
	if j.License == "" {
		j.License = c.license
	}
	if !c.omitInternal {
		terms := make([]*legislativeTermJSON, 0, len(c.emb.terms[b.ID]))
		for _, t := range c.emb.terms[b.ID] {
			if !t.Deleted { // embedded lists never show tombstones (spec 2-05)
				terms = append(terms, c.legislativeTermJSON(t, false))
			}
		}
		j.LegislativeTerm = &terms
	}
	return j
}

func (c *conv) legislativeTerm(t *ratsinfo.LegislativeTerm) any {
	if t.Deleted {
		return c.tombstone(ratsinfo.KindLegislativeTerm, &t.Meta)
	}
	return c.legislativeTermJSON(t, true)
}

// legislativeTermJSON leaves out the body when embedded in it (spec 3-00: an
// embedded object omits the back-reference to its parent).
func (c *conv) legislativeTermJSON(t *ratsinfo.LegislativeTerm, standalone bool) *legislativeTermJSON {
	j := &legislativeTermJSON{
		head:      c.head(ratsinfo.KindLegislativeTerm, t.ID),
		Name:      t.Name,
		StartDate: date(t.StartDate),
		EndDate:   date(t.EndDate),
		tail:      c.tail(ratsinfo.KindLegislativeTerm, &t.Meta),
	}
	if standalone {
		j.Body = c.id(ratsinfo.KindBody, t.BodyID)
	}
	return j
}

func (c *conv) organization(o *ratsinfo.Organization) any {
	k := ratsinfo.KindOrganization
	if o.Deleted {
		return c.tombstone(k, &o.Meta)
	}
	return &organizationJSON{
		head:              c.head(k, o.ID),
		Body:              c.id(ratsinfo.KindBody, o.BodyID),
		Name:              o.Name,
		Membership:        c.ids(ratsinfo.KindMembership, o.MembershipIDs),
		Meeting:           c.id(k, o.ID) + "/meeting",
		ShortName:         o.ShortName,
		Post:              o.Post,
		SubOrganizationOf: c.id(k, o.SubOrganizationOf),
		OrganizationType:  o.OrganizationType,
		Classification:    o.Classification,
		StartDate:         date(o.StartDate),
		EndDate:           date(o.EndDate),
		Website:           o.Website,
		Location:          c.locationEmbedded(o.LocationID),
		ExternalBody:      o.ExternalBody,
		tail:              c.tail(k, &o.Meta),
	}
}

func (c *conv) person(p *ratsinfo.Person) any {
	k := ratsinfo.KindPerson
	if p.Deleted {
		return c.tombstone(k, &p.Meta)
	}
	j := &personJSON{
		head:          c.head(k, p.ID),
		Body:          c.id(ratsinfo.KindBody, p.BodyID),
		Name:          p.Name,
		FamilyName:    p.FamilyName,
		GivenName:     p.GivenName,
		FormOfAddress: p.FormOfAddress,
		Affix:         p.Affix,
		Title:         p.Title,
		Gender:        p.Gender,
		Phone:         p.Phone,
		Email:         p.Email,
		Status:        p.Status,
		Life:          p.Life,
		LifeSource:    p.LifeSource,
		tail:          c.tail(k, &p.Meta),
	}
	// location and locationObject come as a pair (spec: if locationObject is
	// present, location must point to the same Location), and only when the
	// location itself is visible, so the URL never leads to a 404.
	if l := c.locationEmbedded(p.LocationID); l != nil {
		j.Location = l.ID
		j.LocationObject = l
	}
	if !c.omitInternal {
		for _, m := range c.emb.memberships[p.ID] {
			if !m.Deleted {
				j.Membership = append(j.Membership, c.membershipJSON(m, false))
			}
		}
	}
	return j
}

func (c *conv) membership(m *ratsinfo.Membership) any {
	if m.Deleted {
		return c.tombstone(ratsinfo.KindMembership, &m.Meta)
	}
	return c.membershipJSON(m, true)
}

func (c *conv) membershipJSON(m *ratsinfo.Membership, standalone bool) *membershipJSON {
	j := &membershipJSON{
		head:         c.head(ratsinfo.KindMembership, m.ID),
		Organization: c.id(ratsinfo.KindOrganization, m.OrganizationID),
		Role:         m.Role,
		VotingRight:  m.VotingRight,
		StartDate:    date(m.StartDate),
		EndDate:      date(m.EndDate),
		OnBehalfOf:   c.id(ratsinfo.KindOrganization, m.OnBehalfOf),
		tail:         c.tail(ratsinfo.KindMembership, &m.Meta),
	}
	if standalone {
		j.Person = c.id(ratsinfo.KindPerson, m.PersonID)
	}
	return j
}

func (c *conv) location(l *ratsinfo.Location) any {
	k := ratsinfo.KindLocation
	if l.Deleted {
		return c.tombstone(k, &l.Meta)
	}
	j := c.locationJSON(l)
	j.Bodies = c.ids(ratsinfo.KindBody, l.BodyIDs)
	j.Organizations = c.ids(ratsinfo.KindOrganization, l.OrganizationIDs)
	j.Persons = c.ids(ratsinfo.KindPerson, l.PersonIDs)
	j.Meetings = c.ids(ratsinfo.KindMeeting, l.MeetingIDs)
	j.Papers = c.ids(ratsinfo.KindPaper, l.PaperIDs)
	return j
}

// locationEmbedded returns the batch-loaded location id without back-references, or
// nil if there is none or it is deleted or hidden.
func (c *conv) locationEmbedded(id int64) *locationJSON {
	l := c.emb.locations[id]
	if id == 0 || l == nil || l.Deleted {
		return nil
	}
	return c.locationJSON(l)
}

func (c *conv) locationJSON(l *ratsinfo.Location) *locationJSON {
	return &locationJSON{
		head:          c.head(ratsinfo.KindLocation, l.ID),
		Description:   l.Description,
		GeoJSON:       geoJSON(l.GeoJSON),
		StreetAddress: l.StreetAddress,
		Room:          l.Room,
		PostalCode:    l.PostalCode,
		SubLocality:   l.SubLocality,
		Locality:      l.Locality,
		tail:          c.tail(ratsinfo.KindLocation, &l.Meta),
	}
}
