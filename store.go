package ratsinfo

import (
	"context"
	"time"
)

// The store is split by area so that each consumer names the narrowest set it
// uses and the compiler checks it: the website and the API read the record
// (RecordReader, ChangeFeed), the mirror and the demo city write it
// (RecordWriter) and keep their bookkeeping (SourceMap, Checkpoints), the
// website's forms write feedback (FeedbackStore). The contract common to all:
//
//   - Visibility: every read takes the viewer from the context (ViewerFrom).
//     What the viewer may not see reads as not found (ENOTFOUND), or as a
//     tombstone where it was public before; counts and lists leave it out.
//   - Transactions: every write is one transaction, with one audit row and one
//     change-feed row per changed object, unless the context carries one
//     (RecordWriter.InTransaction), whose writes all commit or none.
//   - Permissions: every write asks the domain (CanWriteRecord, CanCreateFeedback)
//     with the viewer in the context; a viewer without the right gets EFORBIDDEN.
//   - Soft deletes: a deleted object becomes a tombstone that keeps its id,
//     Created and Modified; every object that embeds it gets a new Modified.
//   - Durability: a write that returned nil is committed. A File refers to blob
//     content that the caller made durable first (BlobBatch.Sync).

// RecordReader reads the council record: the twelve OParl kinds, by id, by page
// and in the website's orders. "Not found" is an ENOTFOUND error, never nil, nil.
// Reads by id return tombstones; lists return them only with WithDeleted.
type RecordReader interface {
	// FindSystem returns the one System.
	FindSystem(ctx context.Context) (*System, error)

	// FindBodyByID returns a body or its tombstone; ENOTFOUND if there is none.
	FindBodyByID(ctx context.Context, id int64) (*Body, error)
	// FindBodies returns a page of bodies in id order.
	FindBodies(ctx context.Context, f BodyFilter) ([]*Body, error)
	// FindLegislativeTermByID returns a legislative term or its tombstone; ENOTFOUND if none.
	FindLegislativeTermByID(ctx context.Context, id int64) (*LegislativeTerm, error)
	// FindLegislativeTerms returns a page of legislative terms in id order.
	FindLegislativeTerms(ctx context.Context, f LegislativeTermFilter) ([]*LegislativeTerm, error)
	// FindOrganizationByID returns an organization or its tombstone; ENOTFOUND if none.
	FindOrganizationByID(ctx context.Context, id int64) (*Organization, error)
	// FindOrganizations returns a page of organizations in id order.
	FindOrganizations(ctx context.Context, f OrganizationFilter) ([]*Organization, error)
	// FindPersonByID returns a person or its tombstone; ENOTFOUND if none. Personal
	// data given without consent is left empty for the public.
	FindPersonByID(ctx context.Context, id int64) (*Person, error)
	// FindPersons returns a page of persons in id order.
	FindPersons(ctx context.Context, f PersonFilter) ([]*Person, error)
	// FindMembershipByID returns a membership or its tombstone; ENOTFOUND if none.
	FindMembershipByID(ctx context.Context, id int64) (*Membership, error)
	// FindMemberships returns a page of memberships in id order.
	FindMemberships(ctx context.Context, f MembershipFilter) ([]*Membership, error)
	// FindMeetingByID returns a meeting or its tombstone; ENOTFOUND if none.
	FindMeetingByID(ctx context.Context, id int64) (*Meeting, error)
	// FindMeetings returns a page of meetings in id order.
	FindMeetings(ctx context.Context, f MeetingFilter) ([]*Meeting, error)
	// FindMeetingsByStart returns the meetings that start in a range, in start order.
	FindMeetingsByStart(ctx context.Context, r MeetingRange) ([]*Meeting, error)
	// FindAgendaItemByID returns an agenda item or its tombstone; ENOTFOUND if none.
	// A non-public item shows the public its number only.
	FindAgendaItemByID(ctx context.Context, id int64) (*AgendaItem, error)
	// FindAgendaItems returns agenda items, in meeting order when MeetingIDs is set.
	FindAgendaItems(ctx context.Context, f AgendaItemFilter) ([]*AgendaItem, error)
	// FindPaperByID returns a paper; ENOTFOUND for the public when it was never
	// published, a tombstone when it was withdrawn.
	FindPaperByID(ctx context.Context, id int64) (*Paper, error)
	// FindPapers returns a page of papers in id order.
	FindPapers(ctx context.Context, f PaperFilter) ([]*Paper, error)
	// FindPapersByDate returns a page of papers newest first and how many match in all.
	FindPapersByDate(ctx context.Context, q PaperQuery) ([]*Paper, int, error)
	// FindConsultationByID returns a consultation or its tombstone; ENOTFOUND if none.
	FindConsultationByID(ctx context.Context, id int64) (*Consultation, error)
	// FindConsultations returns consultations, in Beratungsfolge order when PaperIDs is set.
	FindConsultations(ctx context.Context, f ConsultationFilter) ([]*Consultation, error)
	// FindFileByID returns a file or its tombstone; ENOTFOUND if none or if it is
	// attached to nothing the viewer may see.
	FindFileByID(ctx context.Context, id int64) (*File, error)
	// FindFiles returns a page of files in id order.
	FindFiles(ctx context.Context, f FileFilter) ([]*File, error)
	// FindLocationByID returns a location or its tombstone; ENOTFOUND if none.
	FindLocationByID(ctx context.Context, id int64) (*Location, error)
	// FindLocations returns a page of locations in id order.
	FindLocations(ctx context.Context, f LocationFilter) ([]*Location, error)

	// Count returns how many objects of kind k a body has that match f (AfterID
	// ignored), as the viewer in ctx sees them; EINVALID for an unknown kind. A
	// Limit > 0 stops counting there (the result is then at most Limit): a list
	// with filters may match a million rows, and its total is only worth a bounded
	// count. Without filters the count is kept by the store and always cheap.
	Count(ctx context.Context, k Kind, f ListFilter) (int, error)
}

// RecordWriter writes the council record. Writes validate first (EINVALID with
// the fields to fix), check references within the body (EINVALID), ask
// CanWriteRecord (EFORBIDDEN), and set ID, Created and Modified on the object.
//
// An update replaces the whole object, on a precondition: the object's Modified is
// the one the editor loaded. When the stored object has changed since (compared to
// the microsecond, as stored), the update fails with ECONFLICT and writes nothing;
// a missing (zero) Modified is EINVALID. Updating or deleting a tombstone or an
// object that does not exist is ENOTFOUND.
type RecordWriter interface {
	// UpdateSystem replaces the System's properties.
	UpdateSystem(ctx context.Context, s *System) error

	// CreateBody creates a body; its location can only be set by an update.
	CreateBody(ctx context.Context, b *Body) error
	// UpdateBody replaces a body.
	UpdateBody(ctx context.Context, b *Body) error
	// DeleteBody turns a body into a tombstone.
	DeleteBody(ctx context.Context, id int64) error
	// CreateLegislativeTerm creates a legislative term; its body gets a new Modified.
	CreateLegislativeTerm(ctx context.Context, t *LegislativeTerm) error
	// UpdateLegislativeTerm replaces a legislative term.
	UpdateLegislativeTerm(ctx context.Context, t *LegislativeTerm) error
	// DeleteLegislativeTerm turns a legislative term into a tombstone.
	DeleteLegislativeTerm(ctx context.Context, id int64) error
	// CreateOrganization creates an organization.
	CreateOrganization(ctx context.Context, o *Organization) error
	// UpdateOrganization replaces an organization.
	UpdateOrganization(ctx context.Context, o *Organization) error
	// DeleteOrganization turns an organization into a tombstone.
	DeleteOrganization(ctx context.Context, id int64) error
	// CreatePerson creates a person.
	CreatePerson(ctx context.Context, p *Person) error
	// UpdatePerson replaces a person.
	UpdatePerson(ctx context.Context, p *Person) error
	// DeletePerson turns a person into a tombstone.
	DeletePerson(ctx context.Context, id int64) error
	// CreateMembership creates a membership; its person gets a new Modified.
	CreateMembership(ctx context.Context, m *Membership) error
	// UpdateMembership replaces a membership.
	UpdateMembership(ctx context.Context, m *Membership) error
	// DeleteMembership turns a membership into a tombstone.
	DeleteMembership(ctx context.Context, id int64) error
	// CreateMeeting creates a meeting.
	CreateMeeting(ctx context.Context, m *Meeting) error
	// UpdateMeeting replaces a meeting.
	UpdateMeeting(ctx context.Context, m *Meeting) error
	// DeleteMeeting turns a meeting into a tombstone.
	DeleteMeeting(ctx context.Context, id int64) error
	// CreateAgendaItem creates an agenda item; its meeting gets a new Modified.
	CreateAgendaItem(ctx context.Context, a *AgendaItem) error
	// UpdateAgendaItem replaces an agenda item.
	UpdateAgendaItem(ctx context.Context, a *AgendaItem) error
	// DeleteAgendaItem turns an agenda item into a tombstone.
	DeleteAgendaItem(ctx context.Context, id int64) error
	// CreatePaper creates a paper.
	CreatePaper(ctx context.Context, p *Paper) error
	// UpdatePaper replaces a paper; Published=false on a published paper withdraws it.
	UpdatePaper(ctx context.Context, p *Paper) error
	// DeletePaper turns a paper into a tombstone.
	DeletePaper(ctx context.Context, id int64) error
	// CreateConsultation creates a consultation; its paper gets a new Modified.
	CreateConsultation(ctx context.Context, c *Consultation) error
	// UpdateConsultation replaces a consultation.
	UpdateConsultation(ctx context.Context, c *Consultation) error
	// DeleteConsultation turns a consultation into a tombstone.
	DeleteConsultation(ctx context.Context, id int64) error
	// CreateFile creates a file; its blob content must be durable already.
	CreateFile(ctx context.Context, f *File) error
	// UpdateFile replaces a file; whatever it is attached to gets a new Modified.
	UpdateFile(ctx context.Context, f *File) error
	// DeleteFile turns a file into a tombstone.
	DeleteFile(ctx context.Context, id int64) error
	// CreateLocation creates a location.
	CreateLocation(ctx context.Context, l *Location) error
	// UpdateLocation replaces a location; whatever uses it gets a new Modified.
	UpdateLocation(ctx context.Context, l *Location) error
	// DeleteLocation turns a location into a tombstone.
	DeleteLocation(ctx context.Context, id int64) error

	// InTransaction runs fn with a context whose writes and reads share one
	// transaction, for bulk loads (demo city, generator, imports). All of fn's
	// writes commit or none; a nested call joins the outer transaction.
	InTransaction(ctx context.Context, fn func(ctx context.Context) error) error
}

// RecordStore reads and writes the council record: what the demo city and the
// generator need.
type RecordStore interface {
	RecordReader
	RecordWriter
}

// ChangeFeed is the record's history in commit order: search indexing, alerts,
// sync and caches of rendered output follow it.
type ChangeFeed interface {
	// Changes returns change-feed entries after seq, oldest first (limit 0: 1000).
	Changes(ctx context.Context, afterSeq int64, limit int) ([]Change, error)
	// LatestChange returns the newest sequence number (0 for an empty feed). While
	// it stays the same, nothing any reader can see has changed.
	LatestChange(ctx context.Context) (int64, error)
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

// Pinger tells whether the store answers: the health check of a load balancer.
type Pinger interface {
	// Ping returns nil when the database answers.
	Ping(ctx context.Context) error
}

// Store is every area at once: what the binary opens (sqldb.DB) and wires into
// the consumers, each of which takes only its part.
type Store interface {
	RecordReader
	RecordWriter
	ChangeFeed
	SourceMap
	Checkpoints
	FeedbackStore
	Pinger
}
