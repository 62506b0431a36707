// Package ratsinfo is the domain of the Ratsinfo council information system: the
// twelve OParl object types, their validation rules, the viewer who reads them, the
// error type every layer speaks, the rights of each role (CanWriteRecord …), and the
// store interfaces by area (store.go) that the storage packages implement. It
// imports the standard library only.
package ratsinfo

import (
	"context"
	"time"
)

// Kind names an object type. The values are the OParl type names, so that change
// feed rows, audit rows and URLs line up with the specification.
type Kind string

// The twelve OParl object types.
const (
	KindSystem          Kind = "System"
	KindBody            Kind = "Body"
	KindLegislativeTerm Kind = "LegislativeTerm"
	KindOrganization    Kind = "Organization"
	KindPerson          Kind = "Person"
	KindMembership      Kind = "Membership"
	KindMeeting         Kind = "Meeting"
	KindAgendaItem      Kind = "AgendaItem"
	KindPaper           Kind = "Paper"
	KindConsultation    Kind = "Consultation"
	KindFile            Kind = "File"
	KindLocation        Kind = "Location"
)

// BodyKinds are the kinds that a body lists externally (OParl 1.1 has a list for each).
var BodyKinds = []Kind{
	KindOrganization, KindPerson, KindMeeting, KindPaper, KindLegislativeTerm,
	KindAgendaItem, KindConsultation, KindFile, KindLocation, KindMembership,
}

// Meta holds what every object has: an id (unique per kind), real creation and
// modification times, and the soft-delete flag. A deleted object keeps its Meta and
// is served as a tombstone.
type Meta struct {
	ID       int64
	Created  time.Time
	Modified time.Time
	Deleted  bool
	// Keyword and License are OParl's optional common properties.
	Keyword []string
	License string
}

// Common returns the properties every object has. Through it, generic code over
// all kinds (the website's batch loads keyed by id, its tombstone check) reads
// ID and Deleted, which a type parameter cannot reach as fields.
func (m *Meta) Common() *Meta { return m }

// Role is what a viewer may see.
type Role int

// Roles, from least to most privileged. The zero value is the anonymous public.
const (
	RoleAnonymous Role = iota
	// RoleStaff may read non-public items (council office, administration, mandate holders).
	RoleStaff
	// RoleSystem is the program itself: demo loading, imports, migrations.
	RoleSystem
)

// Viewer is who reads. Every store read takes it from the context, so visibility is
// decided in one place.
type Viewer struct {
	// UserID is the logged-in account's id (Account.ID); 0 for the public and
	// the program. The audit trail names it as the actor.
	UserID int64
	Role   Role
	// Grants are the logged-in account's roles in the back office.
	Grants []Grant
}

// AccountViewer returns the viewer of a logged-in account: it reads as staff
// when it holds any grant (every back-office role reads non-public items), and
// as the public without one.
func AccountViewer(a *Account) Viewer {
	v := Viewer{UserID: a.ID, Grants: a.Grants}
	if len(a.Grants) > 0 {
		v.Role = RoleStaff
	}
	return v
}

// Has reports whether the viewer holds role r in any body.
func (v Viewer) Has(r GrantRole) bool {
	for _, g := range v.Grants {
		if g.Role == r {
			return true
		}
	}
	return false
}

// SeesNonPublic reports whether v may read non-public agenda items, unpublished papers
// and personal data given without consent to publish.
func (v Viewer) SeesNonPublic() bool { return v.Role >= RoleStaff }

type viewerKey struct{}

// WithViewer returns a context that carries v.
func WithViewer(ctx context.Context, v Viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// ViewerFrom returns the viewer in ctx; without one it is the anonymous public, so a
// forgotten WithViewer fails closed.
func ViewerFrom(ctx context.Context) Viewer {
	v, _ := ctx.Value(viewerKey{}).(Viewer)
	return v
}

// SystemContext returns ctx with the program itself as viewer.
func SystemContext(ctx context.Context) context.Context {
	return WithViewer(ctx, Viewer{Role: RoleSystem})
}
