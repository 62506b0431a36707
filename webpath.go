package ratsinfo

import "strconv"

// webSegments is the fixed URL scheme of the public website: one German path per
// kind. OParl `web` links point here, so these paths never change. It is the only
// place the scheme is written: package web registers its routes and builds its
// links from WebPath and WebListPath.
var webSegments = map[Kind]string{
	KindBody:            "koerperschaften",
	KindLegislativeTerm: "wahlperioden",
	KindOrganization:    "gremien",
	KindPerson:          "personen",
	KindMembership:      "mitgliedschaften",
	KindMeeting:         "sitzungen",
	KindAgendaItem:      "tagesordnungspunkte",
	KindPaper:           "vorlagen",
	KindConsultation:    "beratungen",
	KindFile:            "dateien",
	KindLocation:        "orte",
}

// WebPath returns the path of the HTML page of an object, e.g. "/vorlagen/42".
// The System's page is the web root.
func WebPath(k Kind, id int64) string {
	seg, ok := webSegments[k]
	if !ok {
		return "/"
	}
	return "/" + seg + "/" + strconv.FormatInt(id, 10)
}

// WebListPath returns the path of the HTML list of a kind, e.g. "/vorlagen".
func WebListPath(k Kind) string {
	seg, ok := webSegments[k]
	if !ok {
		return "/"
	}
	return "/" + seg
}
