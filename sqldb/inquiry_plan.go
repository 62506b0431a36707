package sqldb

import (
	"context"
	"slices"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// planRegistration completes r for inquiry q inside the registering
// transaction: the body's deadline rule for q's paper type, and the
// consultation plan (committee, meeting and its day, role), each checked
// against the body with a German message.
func (db *DB) planRegistration(ctx context.Context, t *txState, actor int64, q *ratsinfo.Inquiry, r *ratsinfo.Registration) error {
	rules, err := loadInquiryRules(ctx, t, q.BodyID, q.PaperType)
	if err != nil {
		return err
	}
	if len(rules) > 0 {
		r.Rule = rules[0]
	}
	r.Role = strings.TrimSpace(r.Role)
	if len(r.Role) > 200 || strings.IndexFunc(r.Role, ratsinfo.IsControl) >= 0 {
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Die Rolle in der Beratung ist zu lang oder enthält Steuerzeichen; üblich sind „%s“, „%s“, „%s“ oder „%s“.",
			ratsinfo.RoleHearing, ratsinfo.RolePreliminary, ratsinfo.RoleDecision, ratsinfo.RoleAcknowledge)
	}
	if r.CommitteeID != 0 {
		probe := &ratsinfo.Inquiry{BodyID: q.BodyID, PreferredCommitteeID: r.CommitteeID}
		if err := checkInquiryRefs(ctx, t, probe); err != nil {
			return err
		}
	}
	if r.MeetingID != 0 {
		m, err := db.FindMeetingByID(recordContext(ctx, t, actor), r.MeetingID)
		if err != nil || m.Deleted || m.BodyID != q.BodyID {
			return ratsinfo.Errorf(ratsinfo.EINVALID, "Die Sitzung %d gibt es in dieser Körperschaft nicht. Bitte eine Sitzung aus der Liste wählen.", r.MeetingID)
		}
		if m.Cancelled {
			return ratsinfo.Errorf(ratsinfo.EINVALID, "Die Sitzung „%s“ ist abgesagt. Bitte eine andere Sitzung wählen.", m.Name)
		}
		if m.Start.IsZero() {
			return ratsinfo.Errorf(ratsinfo.EINVALID, "Die Sitzung „%s“ hat noch keinen Termin; ohne ihn lässt sich keine Frist berechnen.", m.Name)
		}
		r.MeetingDay = ratsinfo.DateOf(m.Start.In(ratsinfo.Berlin()))
		if !r.ReceivedOn.IsZero() && r.MeetingDay.Before(r.ReceivedOn) {
			return ratsinfo.Errorf(ratsinfo.EINVALID, "Die Sitzung „%s“ am %s liegt vor dem Eingang der Anfrage (%s) und kann sie nicht mehr behandeln. "+
				"Bitte eine spätere Sitzung wählen.", m.Name, r.MeetingDay.German(), r.ReceivedOn.German())
		}
		switch {
		case r.CommitteeID == 0 && slices.Contains(m.OrganizationIDs, q.PreferredCommitteeID):
			r.CommitteeID = q.PreferredCommitteeID
		case r.CommitteeID == 0 && len(m.OrganizationIDs) > 0:
			r.CommitteeID = m.OrganizationIDs[0]
		case r.CommitteeID != 0 && !slices.Contains(m.OrganizationIDs, r.CommitteeID):
			return ratsinfo.Errorf(ratsinfo.EINVALID, "Die Sitzung „%s“ am %s ist keine Sitzung des gewählten Gremiums. "+
				"Bitte eine Sitzung dieses Gremiums wählen oder das Gremium ändern.", m.Name, r.MeetingDay.German())
		}
	}
	if r.CommitteeID == 0 {
		r.CommitteeID = q.PreferredCommitteeID
	}
	if r.CommitteeID != 0 && r.Role == "" {
		r.Role = ratsinfo.RoleHearing
	}
	if r.CommitteeID == 0 {
		r.Role = ""
	}
	return nil
}
