package ratsinfo

import "time"

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

// Body is a municipality (Körperschaft). A server may host several.
type Body struct {
	Meta
	ShortName         string
	Name              string
	Website           string
	LicenseValidSince time.Time
	OparlSince        time.Time
	AGS               string // Amtlicher Gemeindeschlüssel, 8 digits
	RGS               string // Regionalschlüssel, 12 digits
	Equivalent        []string
	ContactEmail      string
	ContactName       string
	Classification    string
	LocationID        int64 // embedded Location
}

// Validate trims and checks b.
func (b *Body) Validate() error {
	v := newValidator(KindBody)
	v.meta(&b.Meta)
	v.required("name", &b.Name)
	v.text("shortName", &b.ShortName)
	v.url("website", &b.Website)
	v.text("ags", &b.AGS)
	if b.AGS != "" && !agsPattern.MatchString(b.AGS) {
		v.add("ags", "Der Amtliche Gemeindeschlüssel hat genau 8 Ziffern, z. B. 01060063 (führende Null nicht vergessen).")
	}
	v.text("rgs", &b.RGS)
	if b.RGS != "" && !rgsPattern.MatchString(b.RGS) {
		v.add("rgs", "Der Regionalschlüssel hat genau 12 Ziffern.")
	}
	v.urls("equivalent", &b.Equivalent)
	v.text("contactEmail", &b.ContactEmail)
	if b.ContactEmail != "" && !ValidEmail(b.ContactEmail) {
		v.add("contactEmail", "ist keine gültige E-Mail-Adresse.")
	}
	v.text("contactName", &b.ContactName)
	v.text("classification", &b.Classification)
	if b.LocationID != 0 {
		v.ids("location", []int64{b.LocationID})
	}
	return v.err()
}

// LegislativeTerm is a Wahlperiode of a body. OParl embeds it in Body.
type LegislativeTerm struct {
	Meta
	BodyID    int64
	Name      string
	StartDate Date
	EndDate   Date
}

// Validate trims and checks t.
func (t *LegislativeTerm) Validate() error {
	v := newValidator(KindLegislativeTerm)
	v.meta(&t.Meta)
	if t.BodyID <= 0 {
		v.add("body", "Die Wahlperiode braucht eine Körperschaft.")
	}
	v.required("name", &t.Name)
	v.dateOrder("endDate", t.StartDate, t.EndDate)
	return v.err()
}

// Location is a place: a town hall room, a project site, a digital hub. Its GeoJSON is
// a Feature with [longitude, latitude] coordinates.
type Location struct {
	Meta
	BodyID        int64
	Description   string
	GeoJSON       string // a GeoJSON Feature as JSON text, "" if unknown
	StreetAddress string
	Room          string
	PostalCode    string
	SubLocality   string
	Locality      string

	// Back-references, filled by reads of a single location (OParl: only standalone).
	BodyIDs         []int64
	OrganizationIDs []int64
	PersonIDs       []int64
	MeetingIDs      []int64
	PaperIDs        []int64
}

// Validate trims and checks l.
func (l *Location) Validate() error {
	v := newValidator(KindLocation)
	v.meta(&l.Meta)
	if l.BodyID <= 0 {
		v.add("body", "Der Ort braucht eine Körperschaft.")
	}
	v.text("description", &l.Description)
	v.text("geojson", &l.GeoJSON)
	if l.GeoJSON != "" {
		if err := ValidateGeoJSON(l.GeoJSON); err != nil {
			v.add("geojson", ErrorMessage(err))
		}
	}
	v.text("streetAddress", &l.StreetAddress)
	v.text("room", &l.Room)
	v.text("postalCode", &l.PostalCode)
	v.text("subLocality", &l.SubLocality)
	v.text("locality", &l.Locality)
	if l.Description == "" && l.GeoJSON == "" && l.StreetAddress == "" && l.Room == "" && l.Locality == "" {
		v.add("description", "Ein Ort braucht mindestens eine Beschreibung, eine Adresse, einen Raum oder Geodaten.")
	}
	return v.err()
}
