package ratsinfo

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
		if norm, err := NormalizeGeoJSON(l.GeoJSON); err != nil {
			v.addMsg("geojson", ErrorText(err))
		} else {
			l.GeoJSON = norm
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
