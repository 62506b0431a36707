package ratsinfo

// System is the OParl entry point: the installation itself. There is one per server.
type System struct {
	Meta
	Name         string
	ContactEmail string
	ContactName  string
	Website      string
	Vendor       string
	Product      string
}

// Validate trims and checks s.
func (s *System) Validate() error {
	v := newValidator(KindSystem)
	v.meta(&s.Meta)
	v.required("name", &s.Name)
	v.text("contactEmail", &s.ContactEmail)
	if s.ContactEmail != "" && !ValidEmail(s.ContactEmail) {
		v.add("contactEmail", "ist keine gültige E-Mail-Adresse.")
	}
	v.text("contactName", &s.ContactName)
	v.url("website", &s.Website)
	v.url("vendor", &s.Vendor)
	v.url("product", &s.Product)
	return v.err()
}
