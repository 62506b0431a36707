package ratsinfo

import "time"

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
