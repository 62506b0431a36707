package ratsinfo

// Organization types from the OParl specification.
const (
	OrgTypeCommittee = "Gremium"
	OrgTypeParty     = "Partei"
	OrgTypeFaction   = "Fraktion"
	OrgTypeAdminUnit = "Verwaltungsbereich"
	OrgTypeExternal  = "externes Gremium"
	OrgTypeInstitute = "Institution"
	OrgTypeOther     = "Sonstiges"
)

// Organization is a Gremium: the council, a committee, a faction, an administrative unit.
type Organization struct {
	Meta
	BodyID            int64
	Name              string
	ShortName         string
	Post              []string
	SubOrganizationOf int64
	OrganizationType  string
	Classification    string
	StartDate         Date
	EndDate           Date
	Website           string
	LocationID        int64 // embedded Location
	ExternalBody      string

	// MembershipIDs is filled by reads: the memberships in this organization.
	MembershipIDs []int64
}

// Validate trims and checks o.
func (o *Organization) Validate() error {
	v := newValidator(KindOrganization)
	v.meta(&o.Meta)
	if o.BodyID <= 0 {
		v.add("body", "Das Gremium braucht eine Körperschaft.")
	}
	v.required("name", &o.Name)
	v.text("shortName", &o.ShortName)
	v.texts("post", &o.Post)
	v.text("organizationType", &o.OrganizationType)
	switch o.OrganizationType {
	case "", OrgTypeCommittee, OrgTypeParty, OrgTypeFaction, OrgTypeAdminUnit, OrgTypeExternal, OrgTypeInstitute, OrgTypeOther:
	default:
		v.add("organizationType", "Erlaubt sind: Gremium, Partei, Fraktion, Verwaltungsbereich, externes Gremium, Institution, Sonstiges.")
	}
	v.text("classification", &o.Classification)
	v.dateOrder("endDate", o.StartDate, o.EndDate)
	v.url("website", &o.Website)
	v.url("externalBody", &o.ExternalBody)
	if o.SubOrganizationOf < 0 || (o.ID != 0 && o.SubOrganizationOf == o.ID) {
		v.add("subOrganizationOf", "Ein Gremium kann nicht Untergremium von sich selbst sein.")
	}
	return v.err()
}
