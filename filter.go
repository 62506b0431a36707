package ratsinfo

import (
	"strings"
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

// Narrowed says whether f selects less than a whole list (of a body, or of all
// bodies): by ids, times, or with tombstones. A whole list's total is kept by the
// store; a narrowed one must be counted.
func (f ListFilter) Narrowed() bool {
	return f.IDs != nil || f.WithDeleted || !f.CreatedSince.IsZero() || !f.CreatedUntil.IsZero() ||
		!f.ModifiedSince.IsZero() || !f.ModifiedUntil.IsZero()
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
	// OrganizationID keeps papers that this organization hears or decides (named by
	// the consultation or through its meeting), leads or submitted, and the
	// inquiries whose published answer it hears.
	OrganizationID int64
	// PersonID keeps papers this person originated.
	PersonID int64
	// RelatedPaperID keeps papers that name this paper as related (an inquiry's answers).
	RelatedPaperID int64
	DateFrom       Date // paper date >= DateFrom
	DateUntil      Date // paper date <= DateUntil
	Offset         int
	Limit          int // 0: no limit
	// CountCap > 0 bounds the total of a filtered query: it counts no further
	// than CountCap+1, so a total above CountCap reads "more than CountCap".
	// Without filters the store keeps the total and it is always exact.
	CountCap int
}

// Narrowed says whether q selects less than all papers of a body (or of all
// bodies), so that its total must be counted.
func (q PaperQuery) Narrowed() bool {
	return q.PaperType != "" || strings.TrimSpace(q.Text) != "" || q.OrganizationID != 0 || q.PersonID != 0 ||
		q.RelatedPaperID != 0 || !q.DateFrom.IsZero() || !q.DateUntil.IsZero()
}

// FileFilter selects files.
type FileFilter struct{ ListFilter }

// LocationFilter selects locations.
type LocationFilter struct{ ListFilter }

// BodyFilter selects bodies.
type BodyFilter struct{ ListFilter }
