package validate

import "strings"

// kind is the shape a property must have.
type kind int

const (
	kString  kind = iota
	kStrings      // array of strings
	kURL          // a URL that is not crawled (web, website, licence, …)
	kURLs
	kRef  // URL of another OParl object, dereferenced
	kRefs // array of such URLs
	kList // URL of a paginated object list
	kDate
	kDateTime
	kInt
	kBool
	kObj  // embedded object
	kObjs // array of embedded objects
	kGeoJSON
)

// prop describes one property of an OParl type.
type prop struct {
	kind kind
	typ  string // target type for kRef/kRefs/kList/kObj/kObjs
	// required: "" optional, "all" always, "11" only in OParl 1.1,
	// "standalone" only when fetched on its own (back-references).
	required string
}

// spec parses the compact notation below: "kind[:Type][!|!11|^]".
func spec(s string) prop {
	var p prop
	switch {
	case strings.HasSuffix(s, "!11"):
		p.required, s = "11", strings.TrimSuffix(s, "!11")
	case strings.HasSuffix(s, "!"):
		p.required, s = "all", strings.TrimSuffix(s, "!")
	case strings.HasSuffix(s, "^"):
		p.required, s = "standalone", strings.TrimSuffix(s, "^")
	}
	name, typ, _ := strings.Cut(s, ":")
	p.typ = typ
	p.kind = map[string]kind{
		"str": kString, "strs": kStrings, "url": kURL, "urls": kURLs, "ref": kRef,
		"refs": kRefs, "list": kList, "date": kDate, "dt": kDateTime, "int": kInt,
		"bool": kBool, "obj": kObj, "objs": kObjs, "geo": kGeoJSON,
	}[name]
	return p
}

// commonProps apply to every object (spec chapter 3, "Übergreifende Aspekte").
// created/modified are handled separately because their obligation depends
// on the version and on embedding.
var commonProps = map[string]string{
	"id": "url!", "type": "str!", "created": "dt", "modified": "dt", "license": "url",
	"keyword": "strs", "web": "url", "deleted": "bool",
}

// typeProps follows the schema files of OParl 1.1.1 plus the obligations of
// the spec text (ZWINGEND in strings.yml, "muss … wenn einzeln abgerufen").
// It is read-only.
var typeProps = map[string]map[string]string{
	"System": {
		"oparlVersion": "str!", "otherOparlVersions": "urls", "body": "list:Body!", "name": "str",
		"contactEmail": "str", "contactName": "str", "website": "url", "vendor": "url", "product": "url",
	},
	"Body": {
		"system": "ref:System", "shortName": "str", "name": "str!", "website": "url",
		"licenseValidSince": "dt", "oparlSince": "dt", "ags": "str", "rgs": "str", "equivalent": "urls",
		"contactEmail": "str", "contactName": "str", "classification": "str", "location": "obj:Location",
		"organization": "list:Organization!", "person": "list:Person!", "meeting": "list:Meeting!",
		"paper": "list:Paper!", "legislativeTerm": "objs:LegislativeTerm!",
		"agendaItem": "list:AgendaItem!11", "consultation": "list:Consultation!11", "file": "list:File!11",
		"locationList": "list:Location!11", "legislativeTermList": "list:LegislativeTerm!11",
		"membership": "list:Membership!11", "mainOrganization": "ref:Organization",
	},
	"LegislativeTerm": {"body": "ref:Body^", "name": "str", "startDate": "date", "endDate": "date"},
	"Organization": {
		"body": "ref:Body", "name": "str", "membership": "refs:Membership", "meeting": "list:Meeting",
		"consultation": "list:Consultation", "shortName": "str", "post": "strs",
		"subOrganizationOf": "ref:Organization", "organizationType": "str", "classification": "str",
		"startDate": "date", "endDate": "date", "website": "url", "location": "obj:Location",
		"externalBody": "ref:Body", "memberCount": "int", "votingMemberCount": "int",
	},
	"Person": {
		"body": "ref:Body", "name": "str", "familyName": "str", "givenName": "str", "formOfAddress": "str",
		"affix": "str", "title": "strs", "gender": "str", "phone": "strs", "email": "strs",
		"location": "ref:Location", "locationObject": "obj:Location", "status": "strs",
		"membership": "objs:Membership", "life": "str", "lifeSource": "str", "image": "obj:File",
	},
	"Membership": {
		"person": "ref:Person^", "organization": "ref:Organization", "role": "str", "votingRight": "bool",
		"startDate": "date", "endDate": "date", "onBehalfOf": "ref:Organization",
	},
	"Meeting": {
		"name": "str", "meetingState": "str", "cancelled": "bool", "start": "dt", "end": "dt",
		"location": "obj:Location", "organization": "refs:Organization", "participant": "refs:Person",
		"invitation": "obj:File", "resultsProtocol": "obj:File", "verbatimProtocol": "obj:File",
		"auxiliaryFile": "objs:File", "agendaItem": "objs:AgendaItem",
	},
	"AgendaItem": {
		"meeting": "ref:Meeting^", "number": "str", "order": "int!11", "name": "str", "public": "bool",
		"consultation": "ref:Consultation", "result": "str", "resolutionText": "str",
		"resolutionFile": "obj:File", "auxiliaryFile": "objs:File", "start": "dt", "end": "dt",
	},
	"Paper": {
		"body": "ref:Body", "name": "str", "reference": "str", "date": "date", "paperType": "str",
		"relatedPaper": "refs:Paper", "superordinatedPaper": "refs:Paper", "subordinatedPaper": "refs:Paper",
		"mainFile": "obj:File", "auxiliaryFile": "objs:File", "location": "objs:Location",
		"originatorPerson": "refs:Person", "underDirectionOf": "refs:Organization",
		"originatorOrganization": "refs:Organization", "consultation": "objs:Consultation",
	},
	"Consultation": {
		"paper": "ref:Paper^", "agendaItem": "ref:AgendaItem", "meeting": "ref:Meeting",
		"organization": "refs:Organization", "authoritative": "bool", "role": "str",
	},
	"File": {
		"name": "str", "fileName": "str", "mimeType": "str", "date": "date", "size": "int",
		"sha1Checksum": "str", "sha512Checksum": "str", "text": "str", "accessUrl": "url!",
		"downloadUrl": "url", "externalServiceUrl": "url", "masterFile": "ref:File",
		"derivativeFile": "refs:File", "fileLicense": "url", "meeting": "refs:Meeting",
		"agendaItem": "refs:AgendaItem", "paper": "refs:Paper", "person": "refs:Person",
	},
	"Location": {
		"description": "str", "geojson": "geo", "streetAddress": "str", "room": "str",
		"postalCode": "str", "subLocality": "str", "locality": "str", "bodies": "refs:Body",
		"organizations": "refs:Organization", "persons": "refs:Person", "meetings": "refs:Meeting",
		"papers": "refs:Paper",
	},
}

// lookupProp returns the description of property name of type typ.
func lookupProp(typ, name string) (prop, bool) {
	if s, ok := commonProps[name]; ok {
		return spec(s), true
	}
	s, ok := typeProps[typ][name]
	if !ok {
		return prop{}, false
	}
	return spec(s), true
}

// backrefArrays are the back-references of File and Location: a file or
// place can belong to several parents, so at least one of these should be
// present when the object is fetched on its own.
var backrefArrays = map[string][]string{
	"File":     {"meeting", "agendaItem", "paper", "person"},
	"Location": {"bodies", "organizations", "persons", "meetings", "papers"},
}

// bodyLists maps the Body properties that name object lists to the type of
// their entries; the last six are new in 1.1.
var bodyLists = []struct{ prop, typ string }{
	{"organization", "Organization"}, {"person", "Person"}, {"meeting", "Meeting"}, {"paper", "Paper"},
	{"agendaItem", "AgendaItem"}, {"consultation", "Consultation"}, {"file", "File"},
	{"locationList", "Location"}, {"legislativeTermList", "LegislativeTerm"}, {"membership", "Membership"},
}
