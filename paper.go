package ratsinfo

// Paper types used in German councils.
const (
	PaperTypeResolution  = "Beschlussvorlage"
	PaperTypeInformation = "Mitteilungsvorlage"
	PaperTypeMotion      = "Antrag"
	PaperTypeInquiry     = "Anfrage"
	PaperTypeAnswer      = "Beantwortung einer Anfrage"
	PaperTypeReport      = "Bericht"
)

// PaperTypes returns the paper types above, in the order the website offers
// them as filters. A mirrored council may use others; they are stored as given.
func PaperTypes() []string {
	return []string{PaperTypeResolution, PaperTypeInformation, PaperTypeMotion,
		PaperTypeInquiry, PaperTypeAnswer, PaperTypeReport}
}

// Consultation roles (Zuständigkeit in the Beratungsfolge).
const (
	RoleHearing     = "Anhörung"
	RolePreliminary = "Vorberatung"
	RoleDecision    = "Entscheidung"
	RoleAcknowledge = "Kenntnisnahme"
)

// Paper is a Vorlage or Drucksache. An unpublished paper (a draft, or an answer
// before its sign-off) is stored but never reaches a viewer without the right; a
// paper that was public and is withdrawn (depublished) reads as deleted to them.
type Paper struct {
	Meta
	BodyID                    int64
	Name                      string
	Reference                 string
	Date                      Date
	PaperType                 string
	RelatedPaperIDs           []int64
	SuperordinatedPaperIDs    []int64
	SubordinatedPaperIDs      []int64 // filled by reads: papers that name this one as superordinated
	MainFileID                int64
	AuxiliaryFileIDs          []int64
	LocationIDs               []int64
	OriginatorPersonIDs       []int64
	UnderDirectionOfIDs       []int64 // organizations
	OriginatorOrganizationIDs []int64
	Published                 bool
}

// Validate trims and checks p.
func (p *Paper) Validate() error {
	v := newValidator(KindPaper)
	v.meta(&p.Meta)
	if p.BodyID <= 0 {
		v.add("body", "Die Vorlage braucht eine Körperschaft.")
	}
	v.required("name", &p.Name)
	v.text("reference", &p.Reference)
	v.text("paperType", &p.PaperType)
	v.ids("relatedPaper", p.RelatedPaperIDs)
	v.ids("superordinatedPaper", p.SuperordinatedPaperIDs)
	v.ids("auxiliaryFile", p.AuxiliaryFileIDs)
	v.ids("location", p.LocationIDs)
	v.ids("originatorPerson", p.OriginatorPersonIDs)
	v.ids("underDirectionOf", p.UnderDirectionOfIDs)
	v.ids("originatorOrganization", p.OriginatorOrganizationIDs)
	for _, id := range append(append([]int64{}, p.RelatedPaperIDs...), p.SuperordinatedPaperIDs...) {
		if p.ID != 0 && id == p.ID {
			v.add("relatedPaper", "Eine Vorlage kann nicht auf sich selbst verweisen.")
		}
	}
	return v.err()
}

// Consultation is one row of a paper's Beratungsfolge: which organization treats the
// paper, in which meeting and agenda item, in which role. Position orders the rows.
type Consultation struct {
	Meta
	PaperID         int64
	AgendaItemID    int64
	MeetingID       int64
	Position        int
	OrganizationIDs []int64
	Authoritative   bool
	Role            string
}

// Validate trims and checks c.
func (c *Consultation) Validate() error {
	v := newValidator(KindConsultation)
	v.meta(&c.Meta)
	if c.PaperID <= 0 {
		v.add("paper", "Die Beratung braucht eine Vorlage.")
	}
	v.ids("organization", c.OrganizationIDs)
	v.text("role", &c.Role)
	return v.err()
}
