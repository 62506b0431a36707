package ratsinfo

import (
	"context"
	"io"
	"time"
)

// ListFilter selects a page of one kind of object: the objects of one body, in
// ascending id order (a stable, immutable order), after a keyset cursor. Zero values
// mean "no restriction".
type ListFilter struct {
	BodyID int64
	// IDs restricts the result to these ids (batch loads of embedded objects).
	IDs []int64

	CreatedSince  time.Time
	CreatedUntil  time.Time
	ModifiedSince time.Time
	ModifiedUntil time.Time
	// WithDeleted includes tombstones. OParl lists include them only with
	// modified_since; reads by id always return them.
	WithDeleted bool
	// Embedded says the objects are loaded to be embedded in the objects that refer
	// to them. An embedded object omits its back-references (OParl 1.1, 3-00), so
	// the store may leave them empty (File's MeetingIDs, AgendaItemIDs and PaperIDs,
	// Location's BodyIDs to PaperIDs) and save the queries that find them.
	Embedded bool

	AfterID int64 // keyset cursor: only ids greater than this
	Limit   int   // 0: no limit
}

// AgendaItemFilter selects agenda items, in meeting order when MeetingIDs is set.
type AgendaItemFilter struct {
	ListFilter
	MeetingIDs []int64
}

// ConsultationFilter selects consultations, in Beratungsfolge order when PaperIDs is set.
type ConsultationFilter struct {
	ListFilter
	PaperIDs      []int64
	MeetingIDs    []int64
	AgendaItemIDs []int64
}

// MembershipFilter selects memberships.
type MembershipFilter struct {
	ListFilter
	PersonIDs       []int64
	OrganizationIDs []int64
}

// LegislativeTermFilter selects legislative terms.
type LegislativeTermFilter struct{ ListFilter }

// OrganizationFilter selects organizations.
type OrganizationFilter struct{ ListFilter }

// PersonFilter selects persons.
type PersonFilter struct{ ListFilter }

// MeetingFilter selects meetings.
type MeetingFilter struct {
	ListFilter
	OrganizationID int64
}

// PaperFilter selects papers.
type PaperFilter struct {
	ListFilter
	PaperType string
}

// MeetingRange selects meetings by start time, in start order: the website's
// calendar and its "next meetings". Meetings without a start are left out. It is a
// range rather than a keyset page because a calendar asks for a month at a time.
type MeetingRange struct {
	BodyID int64
	// OrganizationIDs keeps meetings of any of these organizations; nil: all.
	OrganizationIDs []int64
	From            time.Time // start >= From; zero: no lower bound
	Until           time.Time // start < Until; zero: no upper bound
	Descending      bool      // latest first, for "past meetings"
	Limit           int       // 0: no limit
}

// PaperQuery selects papers newest first (by date, then id), with the filters of the
// website's paper list. Offset paging is fine here: people read the first pages.
type PaperQuery struct {
	BodyID    int64
	PaperType string
	// Text matches a case-insensitive part of the name or the reference number.
	Text string
	// OrganizationID keeps papers that this organization consults, directs or originated.
	OrganizationID int64
	// PersonID keeps papers this person originated.
	PersonID int64
	// RelatedPaperID keeps papers that name this paper as related (an inquiry's answers).
	RelatedPaperID int64
	DateFrom       Date // paper date >= DateFrom
	DateUntil      Date // paper date <= DateUntil
	Offset         int
	Limit          int // 0: no limit
}

// FileFilter selects files.
type FileFilter struct{ ListFilter }

// LocationFilter selects locations.
type LocationFilter struct{ ListFilter }

// BodyFilter selects bodies.
type BodyFilter struct{ ListFilter }

// Store is the council record: every object type, read with the viewer from the
// context (what the viewer may not see reads as not found, or as a tombstone where
// it was public before) and written in one transaction per call, with one audit row
// and one change-feed row per changed object. Writes set ID, Created and Modified.
// Updates replace the whole object. Deletes are soft: the object becomes a tombstone,
// and every object that embeds it gets a new Modified.
type Store interface {
	FindSystem(ctx context.Context) (*System, error)
	UpdateSystem(ctx context.Context, s *System) error

	FindBodyByID(ctx context.Context, id int64) (*Body, error)
	FindBodies(ctx context.Context, f BodyFilter) ([]*Body, error)
	CreateBody(ctx context.Context, b *Body) error
	UpdateBody(ctx context.Context, b *Body) error
	DeleteBody(ctx context.Context, id int64) error

	FindLegislativeTermByID(ctx context.Context, id int64) (*LegislativeTerm, error)
	FindLegislativeTerms(ctx context.Context, f LegislativeTermFilter) ([]*LegislativeTerm, error)
	CreateLegislativeTerm(ctx context.Context, t *LegislativeTerm) error
	UpdateLegislativeTerm(ctx context.Context, t *LegislativeTerm) error
	DeleteLegislativeTerm(ctx context.Context, id int64) error

	FindOrganizationByID(ctx context.Context, id int64) (*Organization, error)
	FindOrganizations(ctx context.Context, f OrganizationFilter) ([]*Organization, error)
	CreateOrganization(ctx context.Context, o *Organization) error
	UpdateOrganization(ctx context.Context, o *Organization) error
	DeleteOrganization(ctx context.Context, id int64) error

	FindPersonByID(ctx context.Context, id int64) (*Person, error)
	FindPersons(ctx context.Context, f PersonFilter) ([]*Person, error)
	CreatePerson(ctx context.Context, p *Person) error
	UpdatePerson(ctx context.Context, p *Person) error
	DeletePerson(ctx context.Context, id int64) error

	FindMembershipByID(ctx context.Context, id int64) (*Membership, error)
	FindMemberships(ctx context.Context, f MembershipFilter) ([]*Membership, error)
	CreateMembership(ctx context.Context, m *Membership) error
	UpdateMembership(ctx context.Context, m *Membership) error
	DeleteMembership(ctx context.Context, id int64) error

	FindMeetingByID(ctx context.Context, id int64) (*Meeting, error)
	FindMeetings(ctx context.Context, f MeetingFilter) ([]*Meeting, error)
	// FindMeetingsByStart returns the meetings that start in a range, in start order.
	FindMeetingsByStart(ctx context.Context, r MeetingRange) ([]*Meeting, error)
	CreateMeeting(ctx context.Context, m *Meeting) error
	UpdateMeeting(ctx context.Context, m *Meeting) error
	DeleteMeeting(ctx context.Context, id int64) error

	FindAgendaItemByID(ctx context.Context, id int64) (*AgendaItem, error)
	FindAgendaItems(ctx context.Context, f AgendaItemFilter) ([]*AgendaItem, error)
	CreateAgendaItem(ctx context.Context, a *AgendaItem) error
	UpdateAgendaItem(ctx context.Context, a *AgendaItem) error
	DeleteAgendaItem(ctx context.Context, id int64) error

	FindPaperByID(ctx context.Context, id int64) (*Paper, error)
	FindPapers(ctx context.Context, f PaperFilter) ([]*Paper, error)
	// FindPapersByDate returns a page of papers newest first and how many match in all.
	FindPapersByDate(ctx context.Context, q PaperQuery) ([]*Paper, int, error)
	CreatePaper(ctx context.Context, p *Paper) error
	UpdatePaper(ctx context.Context, p *Paper) error
	DeletePaper(ctx context.Context, id int64) error

	FindConsultationByID(ctx context.Context, id int64) (*Consultation, error)
	FindConsultations(ctx context.Context, f ConsultationFilter) ([]*Consultation, error)
	CreateConsultation(ctx context.Context, c *Consultation) error
	UpdateConsultation(ctx context.Context, c *Consultation) error
	DeleteConsultation(ctx context.Context, id int64) error

	FindFileByID(ctx context.Context, id int64) (*File, error)
	FindFiles(ctx context.Context, f FileFilter) ([]*File, error)
	CreateFile(ctx context.Context, f *File) error
	UpdateFile(ctx context.Context, f *File) error
	DeleteFile(ctx context.Context, id int64) error

	FindLocationByID(ctx context.Context, id int64) (*Location, error)
	FindLocations(ctx context.Context, f LocationFilter) ([]*Location, error)
	CreateLocation(ctx context.Context, l *Location) error
	UpdateLocation(ctx context.Context, l *Location) error
	DeleteLocation(ctx context.Context, id int64) error

	// Count returns how many objects of kind k a body has that match f (AfterID and
	// Limit ignored), as the viewer in ctx sees them.
	Count(ctx context.Context, k Kind, f ListFilter) (int, error)

	// InTransaction runs fn with a context whose writes share one transaction, for
	// bulk loads (demo city, generator, imports). All of fn's writes commit or none.
	InTransaction(ctx context.Context, fn func(ctx context.Context) error) error

	// Changes returns change-feed entries after seq, oldest first.
	Changes(ctx context.Context, afterSeq int64, limit int) ([]Change, error)

	// Ping reports whether the database answers.
	Ping(ctx context.Context) error
}

// Change is one row of the change feed: an object of a kind was created, updated or
// deleted at a time. Search indexing, alerts and sync read it.
type Change struct {
	Seq      int64
	Kind     Kind
	ObjectID int64
	BodyID   int64
	Action   string // "create", "update", "delete"
	At       time.Time
}

// BlobStore keeps file contents. Keys are chosen by the store (content hashes).
type BlobStore interface {
	// Put stores r's content and returns its key, size and SHA-512 in hex.
	Put(ctx context.Context, r io.Reader) (key string, size int64, sha512 string, err error)
	// Open returns the content under key.
	Open(ctx context.Context, key string) (io.ReadSeekCloser, error)
}

// BlobBatcher is a BlobStore that can write many blobs behind one durability
// barrier: bulk imports download thousands of files, and a sync per file would
// cost most of their time.
type BlobBatcher interface {
	BlobStore
	NewBatch() BlobBatch
}

// BlobBatch writes blobs whose content is durable only after Sync. A caller
// commits a reference to such a blob only after Sync returned without error, so
// that no committed row points at content a crash could lose.
type BlobBatch interface {
	BlobStore
	// Sync makes every blob put so far durable under its key.
	Sync(ctx context.Context) error
	// Discard drops what was put since the last Sync.
	Discard()
}
