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

// The rules of accounts. An administrator (the admin role) manages accounts; an
// account may read itself, change its own password, see and end its own
// sessions, and hold its own API tokens; the program itself (RoleSystem: the
// commands, the login) may do all of that. Credentials (password hashes,
// session and token lookups) are read only by the program, on behalf of a
// visitor who is not logged in yet.

// CanManageAccounts returns nil when the viewer in ctx may list, create, change
// and disable accounts: administrators and the program itself.
func CanManageAccounts(ctx context.Context) error {
	if mayManageAccounts(ViewerFrom(ctx)) {
		return nil
	}
	return Errorf(EFORBIDDEN, "Keine Berechtigung: Konten verwalten nur Administratorinnen und Administratoren. Bitte wenden Sie sich an die Verwaltung der Konten.")
}

func mayManageAccounts(v Viewer) bool { return v.Role == RoleSystem || v.Has(GrantAdmin) }

// CanReadAccount returns nil when the viewer in ctx may read the account id:
// itself, an administrator, the program.
func CanReadAccount(ctx context.Context, id int64) error {
	if v := ViewerFrom(ctx); isSelf(v, id) || mayManageAccounts(v) {
		return nil
	}
	return Errorf(EFORBIDDEN, "Keine Berechtigung: Dieses Konto können nur die Inhaberin oder der Inhaber und die Verwaltung der Konten sehen.")
}

// CanManageSessions returns nil when the viewer in ctx may list and end the
// sessions of account id: itself (logout everywhere), an administrator (a lost
// laptop), the program.
func CanManageSessions(ctx context.Context, id int64) error {
	if v := ViewerFrom(ctx); isSelf(v, id) || mayManageAccounts(v) {
		return nil
	}
	return Errorf(EFORBIDDEN, "Keine Berechtigung: Sitzungen eines Kontos beenden nur die Inhaberin oder der Inhaber und die Verwaltung der Konten.")
}

// CanSetPassword returns nil when the viewer in ctx may set the password of
// account id: only the account itself and the program (reset link). An
// administrator sends a reset link rather than knowing anyone's password.
func CanSetPassword(ctx context.Context, id int64) error {
	if v := ViewerFrom(ctx); isSelf(v, id) || v.Role == RoleSystem {
		return nil
	}
	return Errorf(EFORBIDDEN, "Keine Berechtigung: Ein Passwort setzt nur die Inhaberin oder der Inhaber des Kontos selbst, über den Link aus der E-Mail.")
}

// CanManageTokens returns nil when the viewer in ctx may create, list and
// revoke the API tokens of account id (0: of every account): itself, an
// administrator, the program.
func CanManageTokens(ctx context.Context, id int64) error {
	if v := ViewerFrom(ctx); (id != 0 && isSelf(v, id)) || mayManageAccounts(v) {
		return nil
	}
	return Errorf(EFORBIDDEN, "Keine Berechtigung: API-Schlüssel verwalten nur die Inhaberin oder der Inhaber des Kontos und die Verwaltung der Konten.")
}

// CanAuthenticate returns nil when the viewer in ctx may read credentials:
// password hashes, sessions and tokens by their hash, reset links and login
// attempts. Only the program itself does, when it logs a visitor in.
func CanAuthenticate(ctx context.Context) error {
	if ViewerFrom(ctx).Role == RoleSystem {
		return nil
	}
	return Errorf(EFORBIDDEN, "Keine Berechtigung: Anmeldedaten liest nur das Programm selbst.")
}

func isSelf(v Viewer, id int64) bool { return v.UserID != 0 && v.UserID == id && v.Role != RoleSystem }
