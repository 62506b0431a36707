package oparl

import "encoding/json"

// The JSON types below mirror the OParl 1.1 schema property by property. Every
// optional property has omitempty, so missing data is omitted rather than sent as
// null or "" (spec 2-04); the few properties that OParl requires or whose false value
// carries meaning (AgendaItem.public, Membership.votingRight, Consultation.authoritative,
// AgendaItem.order) have none. Field order is the order of the schema files, which
// keeps golden files readable.

// Type URLs of the OParl 1.1 namespace.
const (
	schemaBase   = "https://schema.oparl.org/1.1/"
	typeError    = schemaBase + "Error"
	projectURL   = "https://github.com/ratsinfo/ratsinfo"
	apiPathBase  = "/oparl/v1.1"
	apiPathSlash = apiPathBase + "/"
)

// head opens every object: its canonical URL and its type.
type head struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

// tail closes every object with the common properties of spec 3-01.
type tail struct {
	License  string   `json:"license,omitempty"`
	Keyword  []string `json:"keyword,omitempty"`
	Created  string   `json:"created,omitempty"`
	Modified string   `json:"modified,omitempty"`
	Web      string   `json:"web,omitempty"`
	Deleted  bool     `json:"deleted,omitempty"`
}

// tombstoneJSON is what remains of a deleted object (spec 2-08): id, type, created,
// modified and deleted, nothing else.
type tombstoneJSON struct {
	ID       string `json:"id"`
	Type     string `json:"type"`
	Created  string `json:"created,omitempty"`
	Modified string `json:"modified,omitempty"`
	Deleted  bool   `json:"deleted"`
}

type systemJSON struct {
	head
	OparlVersion       string   `json:"oparlVersion"`
	OtherOparlVersions []string `json:"otherOparlVersions,omitempty"`
	Body               string   `json:"body"`
	Name               string   `json:"name,omitempty"`
	ContactEmail       string   `json:"contactEmail,omitempty"`
	ContactName        string   `json:"contactName,omitempty"`
	Website            string   `json:"website,omitempty"`
	Vendor             string   `json:"vendor,omitempty"`
	Product            string   `json:"product,omitempty"`
	tail
}

type bodyJSON struct {
	head
	System            string   `json:"system,omitempty"`
	ShortName         string   `json:"shortName,omitempty"`
	Name              string   `json:"name"`
	Website           string   `json:"website,omitempty"`
	LicenseValidSince string   `json:"licenseValidSince,omitempty"`
	OparlSince        string   `json:"oparlSince,omitempty"`
	AGS               string   `json:"ags,omitempty"`
	RGS               string   `json:"rgs,omitempty"`
	Equivalent        []string `json:"equivalent,omitempty"`
	ContactEmail      string   `json:"contactEmail,omitempty"`
	ContactName       string   `json:"contactName,omitempty"`
	Organization      string   `json:"organization"`
	Person            string   `json:"person"`
	Meeting           string   `json:"meeting"`
	Paper             string   `json:"paper"`
	// LegislativeTerm is mandatory, so it is [] when empty; only omit_internal
	// (nil pointer) removes it.
	LegislativeTerm     *[]*legislativeTermJSON `json:"legislativeTerm,omitempty"`
	AgendaItem          string                  `json:"agendaItem"`
	Consultation        string                  `json:"consultation"`
	File                string                  `json:"file"`
	LocationList        string                  `json:"locationList"`
	LegislativeTermList string                  `json:"legislativeTermList"`
	Membership          string                  `json:"membership"`
	Classification      string                  `json:"classification,omitempty"`
	Location            *locationJSON           `json:"location,omitempty"`
	tail
}

type legislativeTermJSON struct {
	head
	Body      string `json:"body,omitempty"`
	Name      string `json:"name,omitempty"`
	StartDate string `json:"startDate,omitempty"`
	EndDate   string `json:"endDate,omitempty"`
	tail
}

type organizationJSON struct {
	head
	Body              string        `json:"body,omitempty"`
	Name              string        `json:"name,omitempty"`
	Membership        []string      `json:"membership,omitempty"`
	Meeting           string        `json:"meeting,omitempty"`
	ShortName         string        `json:"shortName,omitempty"`
	Post              []string      `json:"post,omitempty"`
	SubOrganizationOf string        `json:"subOrganizationOf,omitempty"`
	OrganizationType  string        `json:"organizationType,omitempty"`
	Classification    string        `json:"classification,omitempty"`
	StartDate         string        `json:"startDate,omitempty"`
	EndDate           string        `json:"endDate,omitempty"`
	Website           string        `json:"website,omitempty"`
	Location          *locationJSON `json:"location,omitempty"`
	ExternalBody      string        `json:"externalBody,omitempty"`
	tail
}

type personJSON struct {
	head
	Body           string            `json:"body,omitempty"`
	Name           string            `json:"name,omitempty"`
	FamilyName     string            `json:"familyName,omitempty"`
	GivenName      string            `json:"givenName,omitempty"`
	FormOfAddress  string            `json:"formOfAddress,omitempty"`
	Affix          string            `json:"affix,omitempty"`
	Title          []string          `json:"title,omitempty"`
	Gender         string            `json:"gender,omitempty"`
	Phone          []string          `json:"phone,omitempty"`
	Email          []string          `json:"email,omitempty"`
	Location       string            `json:"location,omitempty"`
	LocationObject *locationJSON     `json:"locationObject,omitempty"`
	Status         []string          `json:"status,omitempty"`
	Membership     []*membershipJSON `json:"membership,omitempty"`
	Life           string            `json:"life,omitempty"`
	LifeSource     string            `json:"lifeSource,omitempty"`
	tail
}

type membershipJSON struct {
	head
	Person       string `json:"person,omitempty"`
	Organization string `json:"organization,omitempty"`
	Role         string `json:"role,omitempty"`
	VotingRight  bool   `json:"votingRight"`
	StartDate    string `json:"startDate,omitempty"`
	EndDate      string `json:"endDate,omitempty"`
	OnBehalfOf   string `json:"onBehalfOf,omitempty"`
	tail
}

type meetingJSON struct {
	head
	Name             string            `json:"name,omitempty"`
	MeetingState     string            `json:"meetingState,omitempty"`
	Cancelled        bool              `json:"cancelled,omitempty"`
	Start            string            `json:"start,omitempty"`
	End              string            `json:"end,omitempty"`
	Location         *locationJSON     `json:"location,omitempty"`
	Organization     []string          `json:"organization,omitempty"`
	Participant      []string          `json:"participant,omitempty"`
	Invitation       *fileJSON         `json:"invitation,omitempty"`
	ResultsProtocol  *fileJSON         `json:"resultsProtocol,omitempty"`
	VerbatimProtocol *fileJSON         `json:"verbatimProtocol,omitempty"`
	AuxiliaryFile    []*fileJSON       `json:"auxiliaryFile,omitempty"`
	AgendaItem       []*agendaItemJSON `json:"agendaItem,omitempty"`
	tail
}

type agendaItemJSON struct {
	head
	Meeting        string      `json:"meeting,omitempty"`
	Number         string      `json:"number,omitempty"`
	Order          int         `json:"order"`
	Name           string      `json:"name,omitempty"`
	Public         bool        `json:"public"`
	Consultation   string      `json:"consultation,omitempty"`
	Result         string      `json:"result,omitempty"`
	ResolutionText string      `json:"resolutionText,omitempty"`
	ResolutionFile *fileJSON   `json:"resolutionFile,omitempty"`
	AuxiliaryFile  []*fileJSON `json:"auxiliaryFile,omitempty"`
	Start          string      `json:"start,omitempty"`
	End            string      `json:"end,omitempty"`
	tail
}

type paperJSON struct {
	head
	Body                   string              `json:"body,omitempty"`
	Name                   string              `json:"name,omitempty"`
	Reference              string              `json:"reference,omitempty"`
	Date                   string              `json:"date,omitempty"`
	PaperType              string              `json:"paperType,omitempty"`
	RelatedPaper           []string            `json:"relatedPaper,omitempty"`
	SuperordinatedPaper    []string            `json:"superordinatedPaper,omitempty"`
	SubordinatedPaper      []string            `json:"subordinatedPaper,omitempty"`
	MainFile               *fileJSON           `json:"mainFile,omitempty"`
	AuxiliaryFile          []*fileJSON         `json:"auxiliaryFile,omitempty"`
	Location               []*locationJSON     `json:"location,omitempty"`
	OriginatorPerson       []string            `json:"originatorPerson,omitempty"`
	UnderDirectionOf       []string            `json:"underDirectionOf,omitempty"`
	OriginatorOrganization []string            `json:"originatorOrganization,omitempty"`
	Consultation           []*consultationJSON `json:"consultation,omitempty"`
	tail
}

type consultationJSON struct {
	head
	Paper         string   `json:"paper,omitempty"`
	AgendaItem    string   `json:"agendaItem,omitempty"`
	Meeting       string   `json:"meeting,omitempty"`
	Organization  []string `json:"organization,omitempty"`
	Authoritative bool     `json:"authoritative"`
	Role          string   `json:"role,omitempty"`
	tail
}

type fileJSON struct {
	head
	Name               string   `json:"name,omitempty"`
	FileName           string   `json:"fileName,omitempty"`
	MimeType           string   `json:"mimeType,omitempty"`
	Date               string   `json:"date,omitempty"`
	Size               int64    `json:"size,omitempty"`
	SHA1Checksum       string   `json:"sha1Checksum,omitempty"`
	SHA512Checksum     string   `json:"sha512Checksum,omitempty"`
	Text               string   `json:"text,omitempty"`
	AccessURL          string   `json:"accessUrl"`
	DownloadURL        string   `json:"downloadUrl,omitempty"`
	ExternalServiceURL string   `json:"externalServiceUrl,omitempty"`
	MasterFile         string   `json:"masterFile,omitempty"`
	DerivativeFile     []string `json:"derivativeFile,omitempty"`
	FileLicense        string   `json:"fileLicense,omitempty"`
	Meeting            []string `json:"meeting,omitempty"`
	AgendaItem         []string `json:"agendaItem,omitempty"`
	Paper              []string `json:"paper,omitempty"`
	tail
}

type locationJSON struct {
	head
	Description   string          `json:"description,omitempty"`
	GeoJSON       json.RawMessage `json:"geojson,omitempty"`
	StreetAddress string          `json:"streetAddress,omitempty"`
	Room          string          `json:"room,omitempty"`
	PostalCode    string          `json:"postalCode,omitempty"`
	SubLocality   string          `json:"subLocality,omitempty"`
	Locality      string          `json:"locality,omitempty"`
	Bodies        []string        `json:"bodies,omitempty"`
	Organizations []string        `json:"organizations,omitempty"`
	Persons       []string        `json:"persons,omitempty"`
	Meetings      []string        `json:"meetings,omitempty"`
	Papers        []string        `json:"papers,omitempty"`
	tail
}

// listJSON is one page of an external list (spec 2-05): data, pagination and links
// are always present; data is [] on an empty page, never null.
type listJSON struct {
	Data       []any          `json:"data"`
	Pagination paginationJSON `json:"pagination"`
	Links      linksJSON      `json:"links"`
}

// paginationJSON: totalElements is a pointer because 0 is a real count, while the
// meetings of an organization have no cheap count and omit it.
type paginationJSON struct {
	TotalElements   *int `json:"totalElements,omitempty"`
	ElementsPerPage int  `json:"elementsPerPage"`
}

type linksJSON struct {
	First string `json:"first,omitempty"`
	Self  string `json:"self,omitempty"`
	Next  string `json:"next,omitempty"`
	Web   string `json:"web,omitempty"`
}

// errorJSON is the OParl Error object (spec 2-09). Message is German and says what
// to fix; Debug names the request, never internals.
type errorJSON struct {
	Type    string `json:"type"`
	Message string `json:"message"`
	Debug   string `json:"debug,omitempty"`
}
