package sqldb

import "github.com/ratsinfo/ratsinfo"

// What a viewer sees is decided here: every SQL fragment and every redaction that
// depends on the viewer, with its reason. Reads take the viewer from the context
// (ratsinfo.ViewerFrom) and use these; nothing else in the package compares roles.
//
// The rules, for the public (staff and the program itself see everything live):
//   - A paper that was never published does not exist; one that was published and
//     is withdrawn is a tombstone. Its consultations follow it, also when it is
//     deleted.
//   - A file exists when something the public sees attaches it, and stays a
//     tombstone once nothing does any more; a location when nothing uses it
//     yet or something public does, and stays a tombstone once only hidden
//     objects do. A consultation that was public stays a tombstone when its
//     paper is withdrawn or it is moved to a paper the public does not see. The write side keeps these
//     facts in backref.public (saveSpec.public: a published paper, a public agenda
//     item, a person who consented, every meeting, organization and body).
//   - A non-public agenda item shows only that it exists, where, and its number.
//   - A person's contact data needs the person's consent to publish.
//   - Embedded lists and links name no deleted objects and, for the public, no
//     papers it cannot see; an agenda item links its consultation only while the
//     viewer sees it live.

// visibility returns, for a viewer, the condition under which a row exists at all
// and the expression that makes it a tombstone. Every read of every kind goes
// through it (listCond).
func visibility(k ratsinfo.Kind, v ratsinfo.Viewer) (exists, deleted string) {
	if v.SeesNonPublic() {
		return "", "t.deleted"
	}
	switch k {
	case ratsinfo.KindPaper:
		// Never published: does not exist. Published once, withdrawn since: tombstone.
		return "(t.published OR t.ever_published)", "(t.deleted OR NOT t.published)"
	case ratsinfo.KindConsultation:
		// Public once (consultation.ever_public, kept by triggers): a tombstone
		// while its paper is not published, wherever it was moved to.
		return "t.ever_public",
			"(t.deleted OR NOT EXISTS (SELECT 1 FROM paper p WHERE p.id = t.paper_id AND p.published AND NOT p.deleted))"
	case ratsinfo.KindFile:
		// Never attached by anything public: does not exist. Public once, attached
		// by nothing public now: tombstone (file.ever_public, kept by a trigger).
		return "t.ever_public", "(t.deleted OR NOT EXISTS (SELECT 1 FROM backref r WHERE r.dst_kind = 'File' AND r.dst_id = t.id AND r.public))"
	case ratsinfo.KindLocation:
		// Public once (location.ever_public, marked at commit by markLocationsSeen):
		// a tombstone while only hidden objects use it.
		return "(t.ever_public OR " + locationPublic + ")", "(t.deleted OR NOT " + locationPublic + ")"
	}
	return "", "t.deleted"
}

// locationPublic is whether the public sees location t now: while nothing uses
// it yet, or something public does.
const locationPublic = "(NOT EXISTS (SELECT 1 FROM backref r WHERE r.dst_kind = 'Location' AND r.dst_id = t.id)" +
	" OR EXISTS (SELECT 1 FROM backref r WHERE r.dst_kind = 'Location' AND r.dst_id = t.id AND r.public))"

// backrefVisible keeps the back-references (who attaches a file or uses a
// location) that the viewer may follow: the public only those from public objects.
func backrefVisible(v ratsinfo.Viewer) string {
	if v.SeesNonPublic() {
		return "r.live"
	}
	return "r.public"
}

// publicPaperJoin keeps only link targets (or sources) that the public sees.
func publicPaperJoin(v ratsinfo.Viewer, col string) string {
	if v.SeesNonPublic() {
		return ""
	}
	return "JOIN paper p ON p.id = " + col + " AND p.published AND NOT p.deleted "
}

// liveFileJoin drops deleted files from embedded file lists (OParl: embedded lists
// contain no deleted objects).
const liveFileJoin = "JOIN file f ON f.id = l.dst AND NOT f.deleted "

// redactAgendaItem leaves of a non-public item, for the public, only that it
// exists, where, and its number: the agenda must show the gap in its numbering.
func redactAgendaItem(a *ratsinfo.AgendaItem, v ratsinfo.Viewer) {
	if !v.SeesNonPublic() && !a.Public {
		*a = ratsinfo.AgendaItem{Meta: a.Meta, MeetingID: a.MeetingID, Position: a.Position, Number: a.Number}
	}
}

// redactPerson drops contact data, which is personal: without consent the public
// never gets it.
func redactPerson(p *ratsinfo.Person, v ratsinfo.Viewer) {
	if !v.SeesNonPublic() && !p.ContactConsent {
		p.Phone, p.Email, p.LocationID = nil, nil, 0
	}
}

// liveConsultations keeps, of the consultations c, those the viewer sees live:
// not deleted, and for the public with their paper published.
func liveConsultations(v ratsinfo.Viewer) string {
	if v.SeesNonPublic() {
		return "SELECT c.id FROM consultation c WHERE NOT c.deleted AND "
	}
	return "SELECT c.id FROM consultation c JOIN paper p ON p.id = c.paper_id AND p.published AND NOT p.deleted WHERE NOT c.deleted AND "
}
