package office

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// registerChoices fills the choices of the register form: the body's
// administrative units and committees, the meetings of the coming year (and
// the last two months: paper inquiries arrive late), the roles of a
// consultation, and the rule of the inquiry's paper type.
func (s *Server) registerChoices(r *http.Request, in *ratsinfo.Inquiry, p *inquiryShowPage) error {
	ctx := r.Context()
	orgs, err := s.cfg.Record.FindOrganizations(ctx, ratsinfo.OrganizationFilter{})
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, o := range orgs {
		if o.BodyID != in.BodyID || o.Deleted {
			continue
		}
		names[o.ID] = o.Name
		id := strconv.FormatInt(o.ID, 10)
		switch o.OrganizationType {
		case ratsinfo.OrgTypeAdminUnit:
			p.Units = append(p.Units, option{Value: id, Label: o.Name})
		case ratsinfo.OrgTypeCommittee:
			p.Committees = append(p.Committees, option{Value: id, Label: o.Name, Selected: o.ID == in.PreferredCommitteeID})
		}
	}
	now := s.now()
	meetings, err := s.cfg.Record.FindMeetingsByStart(ctx, ratsinfo.MeetingRange{BodyID: in.BodyID,
		From: now.AddDate(0, -2, 0), Until: now.AddDate(1, 0, 0), Limit: maxMeetingChoices})
	if err != nil {
		return err
	}
	for _, m := range meetings {
		if m.Cancelled || m.Deleted {
			continue
		}
		var orgNames []string
		for _, o := range m.OrganizationIDs {
			if n, ok := names[o]; ok {
				orgNames = append(orgNames, n)
			}
		}
		label := m.Start.In(ratsinfo.Berlin()).Format("02.01.2006 15:04") + " – " + m.Name
		if len(orgNames) > 0 && !strings.Contains(m.Name, orgNames[0]) {
			label += " (" + strings.Join(orgNames, ", ") + ")"
		}
		p.Meetings = append(p.Meetings, option{Value: strconv.FormatInt(m.ID, 10), Label: label})
	}
	for _, role := range []string{ratsinfo.RoleHearing, ratsinfo.RoleAcknowledge, ratsinfo.RolePreliminary, ratsinfo.RoleDecision} {
		p.Roles = append(p.Roles, option{Value: role, Label: role})
	}
	rules, err := s.cfg.Inquiries.FindInquiryRules(ctx, in.BodyID)
	if err != nil {
		return err
	}
	p.Rule = "keine Regel für „" + in.PaperType + "“: " + ratsinfo.DefaultInquiryPeriod.German() + " nach Eingang"
	for _, rule := range rules {
		if rule.PaperType == in.PaperType {
			p.Rule = "Fristregel für „" + in.PaperType + "“: " + rule.German()
		}
	}
	return nil
}

// maxMeetingChoices bounds the meeting list of the register form.
const maxMeetingChoices = 300

// planText names the planned consultation of in, empty when none is planned.
func (s *Server) planText(r *http.Request, in *ratsinfo.Inquiry) (string, error) {
	if in.PlannedCommitteeID == 0 {
		return "", nil
	}
	ctx := r.Context()
	var parts []string
	if org, err := s.cfg.Record.FindOrganizationByID(ctx, in.PlannedCommitteeID); err == nil {
		parts = append(parts, org.Name)
	} else if ratsinfo.ErrorCode(err) != ratsinfo.ENOTFOUND {
		return "", err
	}
	if in.PlannedMeetingID != 0 {
		m, err := s.cfg.Record.FindMeetingByID(ctx, in.PlannedMeetingID)
		switch {
		case err == nil:
			parts = append(parts, "Sitzung am "+m.Start.In(ratsinfo.Berlin()).Format("02.01.2006 um 15:04 Uhr"))
		case ratsinfo.ErrorCode(err) != ratsinfo.ENOTFOUND:
			return "", err
		}
	}
	if in.PlannedRole != "" {
		parts = append(parts, in.PlannedRole)
	}
	return strings.Join(parts, ", "), nil
}

// registration reads the register form.
func registration(r *http.Request, st ratsinfo.State) (ratsinfo.Registration, error) {
	received, err := ratsinfo.ParseDate(r.PostFormValue("received"))
	if err != nil {
		return ratsinfo.Registration{}, err
	}
	reg := ratsinfo.Registration{ReceivedOn: received, Reference: r.PostFormValue("reference"),
		Note: r.PostFormValue("reason"), State: st, Role: r.PostFormValue("role")}
	for name, dst := range map[string]*int64{"unit": &reg.UnitID, "committee": &reg.CommitteeID, "meeting": &reg.MeetingID} {
		if v := r.PostFormValue(name); v != "" {
			if *dst, err = strconv.ParseInt(v, 10, 64); err != nil || *dst <= 0 {
				return reg, ratsinfo.Errorf(ratsinfo.EINVALID, "Das Formular enthält eine ungültige Auswahl. Bitte laden Sie die Seite neu.")
			}
		}
	}
	if v := r.PostFormValue("period"); v != "" {
		if reg.Period, err = ratsinfo.ParsePeriod(v); err != nil {
			return reg, err
		}
	}
	if v := r.PostFormValue("deadline"); v != "" {
		if reg.Deadline, err = ratsinfo.ParseDate(v); err != nil {
			return reg, err
		}
	}
	return reg, nil
}
