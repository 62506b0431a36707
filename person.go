package ratsinfo

// Person is a council member, a mandate holder, a member of staff.
type Person struct {
	Meta
	BodyID        int64
	Name          string
	FamilyName    string
	GivenName     string
	FormOfAddress string
	Affix         string
	Title         []string
	Gender        string
	Phone         []string
	Email         []string
	LocationID    int64 // contact address; personal data
	Status        []string
	Life          string
	LifeSource    string
	// ContactConsent is the person's consent to publish phone, e-mail and address.
	// Without it anonymous viewers never get them.
	ContactConsent bool
}

// Validate trims and checks p.
func (p *Person) Validate() error {
	v := newValidator(KindPerson)
	v.meta(&p.Meta)
	if p.BodyID <= 0 {
		v.add("body", "Die Person braucht eine Körperschaft.")
	}
	v.text("familyName", &p.FamilyName)
	v.text("givenName", &p.GivenName)
	v.text("name", &p.Name)
	if p.Name == "" {
		p.Name = joinNonEmpty(p.GivenName, p.FamilyName)
	}
	if p.Name == "" {
		v.add("name", "Bitte geben Sie einen Namen an (Vor- und Nachname oder vollständiger Name).")
	}
	v.text("formOfAddress", &p.FormOfAddress)
	v.text("affix", &p.Affix)
	v.texts("title", &p.Title)
	v.text("gender", &p.Gender)
	if p.Gender != "" && p.Gender != lower(p.Gender) {
		v.add("gender", "Das Geschlecht wird klein und englisch angegeben: female, male oder ein anderer Wert.")
	}
	v.texts("phone", &p.Phone)
	v.texts("email", &p.Email)
	for _, e := range p.Email {
		if !ValidEmail(e) {
			v.addf("email", "%s ist keine gültige E-Mail-Adresse.", e)
		}
	}
	v.texts("status", &p.Status)
	v.text("life", &p.Life)
	v.text("lifeSource", &p.LifeSource)
	return v.err()
}

// Membership says that a person belongs to an organization, in a role, for a time.
type Membership struct {
	Meta
	PersonID       int64
	OrganizationID int64
	Role           string
	VotingRight    bool
	StartDate      Date
	EndDate        Date
	OnBehalfOf     int64 // the faction the member sits for
}

// Validate trims and checks m.
func (m *Membership) Validate() error {
	v := newValidator(KindMembership)
	v.meta(&m.Meta)
	if m.PersonID <= 0 {
		v.add("person", "Die Mitgliedschaft braucht eine Person.")
	}
	if m.OrganizationID <= 0 {
		v.add("organization", "Die Mitgliedschaft braucht ein Gremium.")
	}
	v.text("role", &m.Role)
	v.dateOrder("endDate", m.StartDate, m.EndDate)
	return v.err()
}
