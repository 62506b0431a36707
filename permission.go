package ratsinfo

import "context"

// Who may do what. Every write of the store asks one of these functions with the
// viewer from the context, so a right is decided in the domain, once, and a
// handler that forgets to check cannot write past it. Reads need no function: what
// a viewer may read is decided in the store's queries (Viewer.SeesNonPublic).
//
// Today only the program itself (RoleSystem: demo city, generator, OParl import)
// writes the council record; the public may send feedback; staff may read
// non-public items and feedback. The back office's roles (council member, council
// office, administrative unit, sign-off, admin) will each get their line in the
// rules below, per kind where a role may write some kinds only (a unit its
// papers, the council office meetings and agendas).

// CanWriteRecord returns nil when the viewer in ctx may create, change or delete
// objects of kind k in the council record, and an EFORBIDDEN error otherwise.
func CanWriteRecord(ctx context.Context, k Kind) error {
	if mayWriteRecord(ViewerFrom(ctx), k) {
		return nil
	}
	return Errorf(EFORBIDDEN, "Keine Berechtigung: %s darf mit Ihrer Anmeldung nicht angelegt, geändert oder gelöscht werden. "+
		"Änderungen am Ratsinformationssystem nimmt das Büro der Stadtvertretung vor; bitte wenden Sie sich dorthin.", k.GermanName())
}

// mayWriteRecord is the rule table of record writes: by role, and by kind for the
// roles that will write some kinds only.
func mayWriteRecord(v Viewer, _ Kind) bool {
	switch v.Role {
	case RoleSystem:
		return true
	default:
		return false
	}
}

// CanKeepBooks returns nil when the viewer in ctx may write the bookkeeping of
// the program's own jobs (the mirror's source map and checkpoints), and an
// EFORBIDDEN error otherwise: only the program itself keeps it.
func CanKeepBooks(ctx context.Context) error {
	if ViewerFrom(ctx).Role == RoleSystem {
		return nil
	}
	return Errorf(EFORBIDDEN, "Keine Berechtigung: Die Verwaltungsdaten des Datenabgleichs schreibt nur das Programm selbst.")
}

// CanCreateFeedback returns nil when the viewer in ctx may send feedback through
// the website's forms: everyone may, the anonymous public included (BITV 2.0
// requires a feedback path without a login).
func CanCreateFeedback(context.Context) error { return nil }

// CanReadFeedback returns nil when the viewer in ctx may read feedback, and an
// EFORBIDDEN error otherwise: feedback carries citizens' names and addresses, so
// only staff reads it.
func CanReadFeedback(ctx context.Context) error {
	if ViewerFrom(ctx).Role >= RoleStaff {
		return nil
	}
	return Errorf(EFORBIDDEN, "Rückmeldungen sind nur für das Büro der Stadtvertretung lesbar.")
}
