package sqldb

import (
	"fmt"

	"github.com/ratsinfo/ratsinfo"
)

// committeePapers keeps the papers that belong to an organization's list: those
// it leads (underDirectionOf) or submitted (originatorOrganization), those it
// hears or decides (a live consultation that names it, or whose meeting is
// one of its meetings: imported consultations often name only the meeting),
// and the inquiries whose public answer it hears. An inquiry itself is rarely
// consulted; its answer is, so "inquiries heard in the Hauptausschuss" found
// none before.
//
// Every part is a set of ids through the link_dst and consultation_meeting
// indexes; per-row EXISTS over consultations scanned the whole paper table.
func committeePapers(c *cond, orgID int64) {
	consulted := "SELECT k.paper_id FROM consultation k WHERE NOT k.deleted AND" +
		" (k.id IN (SELECT l.src FROM link l WHERE l.kind = 'Consultation.organization' AND l.dst = ?)" +
		" OR k.meeting_id IN (SELECT l.src FROM link l WHERE l.kind = 'Meeting.organization' AND l.dst = ?))"
	// An answer names its inquiry as related, or the inquiry its answer; either way.
	answer := " JOIN paper a ON a.id = r.%s WHERE r.kind = 'Paper.relatedPaper' AND a.paper_type = ?" +
		" AND a.published AND NOT a.deleted AND a.id IN (" + consulted + ")"
	c.add("(t.id IN (SELECT l.src FROM link l WHERE l.kind IN ('Paper.underDirectionOf', 'Paper.originatorOrganization') AND l.dst = ?)"+
		" OR t.id IN ("+consulted+")"+
		" OR t.paper_type = ? AND (t.id IN (SELECT r.dst FROM link r"+fmt.Sprintf(answer, "src")+")"+
		" OR t.id IN (SELECT r.src FROM link r"+fmt.Sprintf(answer, "dst")+")))",
		orgID, orgID, orgID,
		ratsinfo.PaperTypeInquiry, ratsinfo.PaperTypeAnswer, orgID, orgID,
		ratsinfo.PaperTypeAnswer, orgID, orgID)
}
