package sqldb

import (
	"context"

	"github.com/ratsinfo/ratsinfo"
)

var organizationOps = &kindOps[*ratsinfo.Organization]{
	tb: tOrganization,
	scan: func(sc func(...any) error) (*ratsinfo.Organization, *ratsinfo.Meta, error) {
		o := &ratsinfo.Organization{}
		err := sc(metaDest(&o.Meta, &o.BodyID, nstr{&o.Name}, nstr{&o.ShortName}, nstrs{&o.Post}, nint{&o.SubOrganizationOf},
			nstr{&o.OrganizationType}, nstr{&o.Classification}, ndate{&o.StartDate}, ndate{&o.EndDate}, nstr{&o.Website},
			nint{&o.LocationID}, nstr{&o.ExternalBody})...)
		return o, &o.Meta, err
	},
	tomb: func(m ratsinfo.Meta) *ratsinfo.Organization { return &ratsinfo.Organization{Meta: m} },
	fill: func(ctx context.Context, db *DB, q querier, v ratsinfo.Viewer, xs []*ratsinfo.Organization, _ bool) error {
		c := &cond{}
		db.in(c, "t.organization_id", ids(xs, func(o *ratsinfo.Organization) int64 { return o.ID }))
		c.add("NOT t.deleted")
		m, err := loadPairs(ctx, q, "SELECT t.organization_id, t.id FROM membership t"+c.sql()+" ORDER BY t.id", c.args...)
		for _, o := range xs {
			o.MembershipIDs = m[o.ID]
		}
		return err
	},
}

// FindOrganizationByID returns an organization with its membership ids, or its tombstone.
func (db *DB) FindOrganizationByID(ctx context.Context, id int64) (*ratsinfo.Organization, error) {
	return organizationOps.byID(ctx, db, id)
}

// FindOrganizations returns a page of organizations.
func (db *DB) FindOrganizations(ctx context.Context, f ratsinfo.OrganizationFilter) ([]*ratsinfo.Organization, error) {
	return organizationOps.list(ctx, db, f.ListFilter, nil, "")
}

func organizationSpec(o *ratsinfo.Organization) func(*txState) (*saveSpec, error) {
	return func(*txState) (*saveSpec, error) {
		return &saveSpec{
			body: o.BodyID,
			vals: []any{o.Name, str(o.ShortName), strs(o.Post), ref(o.SubOrganizationOf), str(o.OrganizationType), str(o.Classification),
				date(o.StartDate), date(o.EndDate), str(o.Website), ref(o.LocationID), str(o.ExternalBody)},
			refs: []refCheck{{"subOrganizationOf", ratsinfo.KindOrganization, one(o.SubOrganizationOf)},
				{"location", ratsinfo.KindLocation, one(o.LocationID)}},
			attach: []attach{{ratsinfo.KindLocation, one(o.LocationID)}},
			public: true,
		}, nil
	}
}

// CreateOrganization creates an organization.
func (db *DB) CreateOrganization(ctx context.Context, o *ratsinfo.Organization) error {
	return db.saveObj(ctx, tOrganization, true, &o.Meta, o.Validate, organizationSpec(o))
}

// UpdateOrganization replaces an organization.
func (db *DB) UpdateOrganization(ctx context.Context, o *ratsinfo.Organization) error {
	return db.saveObj(ctx, tOrganization, false, &o.Meta, o.Validate, organizationSpec(o))
}

// DeleteOrganization turns an organization into a tombstone.
func (db *DB) DeleteOrganization(ctx context.Context, id int64) error {
	return db.deleteObj(ctx, tOrganization, id)
}

var personOps = &kindOps[*ratsinfo.Person]{
	tb: tPerson,
	scan: func(sc func(...any) error) (*ratsinfo.Person, *ratsinfo.Meta, error) {
		p := &ratsinfo.Person{}
		err := sc(metaDest(&p.Meta, &p.BodyID, nstr{&p.Name}, nstr{&p.FamilyName}, nstr{&p.GivenName}, nstr{&p.FormOfAddress},
			nstr{&p.Affix}, nstrs{&p.Title}, nstr{&p.Gender}, nstrs{&p.Phone}, nstrs{&p.Email}, nint{&p.LocationID},
			nstrs{&p.Status}, nstr{&p.Life}, nstr{&p.LifeSource}, nbool{&p.ContactConsent})...)
		return p, &p.Meta, err
	},
	tomb:   func(m ratsinfo.Meta) *ratsinfo.Person { return &ratsinfo.Person{Meta: m} },
	redact: redactPerson,
}

// FindPersonByID returns a person, or its tombstone.
func (db *DB) FindPersonByID(ctx context.Context, id int64) (*ratsinfo.Person, error) {
	return personOps.byID(ctx, db, id)
}

// FindPersons returns a page of persons.
func (db *DB) FindPersons(ctx context.Context, f ratsinfo.PersonFilter) ([]*ratsinfo.Person, error) {
	return personOps.list(ctx, db, f.ListFilter, nil, "")
}

func personSpec(p *ratsinfo.Person) func(*txState) (*saveSpec, error) {
	return func(*txState) (*saveSpec, error) {
		return &saveSpec{
			body: p.BodyID,
			vals: []any{p.Name, str(p.FamilyName), str(p.GivenName), str(p.FormOfAddress), str(p.Affix), strs(p.Title), str(p.Gender),
				strs(p.Phone), strs(p.Email), ref(p.LocationID), strs(p.Status), str(p.Life), str(p.LifeSource), p.ContactConsent},
			refs:   []refCheck{{"location", ratsinfo.KindLocation, one(p.LocationID)}},
			attach: []attach{{ratsinfo.KindLocation, one(p.LocationID)}},
			public: p.ContactConsent,
		}, nil
	}
}

// CreatePerson creates a person.
func (db *DB) CreatePerson(ctx context.Context, p *ratsinfo.Person) error {
	return db.saveObj(ctx, tPerson, true, &p.Meta, p.Validate, personSpec(p))
}

// UpdatePerson replaces a person.
func (db *DB) UpdatePerson(ctx context.Context, p *ratsinfo.Person) error {
	return db.saveObj(ctx, tPerson, false, &p.Meta, p.Validate, personSpec(p))
}

// DeletePerson turns a person into a tombstone.
func (db *DB) DeletePerson(ctx context.Context, id int64) error {
	return db.deleteObj(ctx, tPerson, id)
}

var membershipOps = &kindOps[*ratsinfo.Membership]{
	tb: tMembership,
	scan: func(sc func(...any) error) (*ratsinfo.Membership, *ratsinfo.Meta, error) {
		m := &ratsinfo.Membership{}
		var body int64
		err := sc(metaDest(&m.Meta, &body, &m.PersonID, &m.OrganizationID, nstr{&m.Role}, nbool{&m.VotingRight},
			ndate{&m.StartDate}, ndate{&m.EndDate}, nint{&m.OnBehalfOf})...)
		return m, &m.Meta, err
	},
	tomb: func(m ratsinfo.Meta) *ratsinfo.Membership { return &ratsinfo.Membership{Meta: m} },
}

// FindMembershipByID returns a membership, or its tombstone.
func (db *DB) FindMembershipByID(ctx context.Context, id int64) (*ratsinfo.Membership, error) {
	return membershipOps.byID(ctx, db, id)
}

// FindMemberships returns memberships, by person or organization.
func (db *DB) FindMemberships(ctx context.Context, f ratsinfo.MembershipFilter) ([]*ratsinfo.Membership, error) {
	return membershipOps.list(ctx, db, f.ListFilter, func(c *cond) {
		db.in(c, "t.person_id", f.PersonIDs)
		db.in(c, "t.organization_id", f.OrganizationIDs)
	}, "")
}

func membershipSpec(ctx context.Context, m *ratsinfo.Membership) func(*txState) (*saveSpec, error) {
	return func(t *txState) (*saveSpec, error) {
		body, err := t.parentBody(ctx, ratsinfo.KindMembership, "person", ratsinfo.KindPerson, m.PersonID)
		if err != nil {
			return nil, err
		}
		return &saveSpec{
			body: body, parent: m.PersonID,
			vals: []any{m.PersonID, m.OrganizationID, str(m.Role), m.VotingRight, date(m.StartDate), date(m.EndDate), ref(m.OnBehalfOf)},
			refs: []refCheck{{"organization", ratsinfo.KindOrganization, one(m.OrganizationID)},
				{"onBehalfOf", ratsinfo.KindOrganization, one(m.OnBehalfOf)}},
		}, nil
	}
}

// CreateMembership creates a membership; its person gets a new modified.
func (db *DB) CreateMembership(ctx context.Context, m *ratsinfo.Membership) error {
	return db.saveObj(ctx, tMembership, true, &m.Meta, m.Validate, membershipSpec(ctx, m))
}

// UpdateMembership replaces a membership.
func (db *DB) UpdateMembership(ctx context.Context, m *ratsinfo.Membership) error {
	return db.saveObj(ctx, tMembership, false, &m.Meta, m.Validate, membershipSpec(ctx, m))
}

// DeleteMembership turns a membership into a tombstone.
func (db *DB) DeleteMembership(ctx context.Context, id int64) error {
	return db.deleteObj(ctx, tMembership, id)
}
