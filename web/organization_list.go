package web

import (
	"net/http"

	"github.com/ratsinfo/ratsinfo"
)

// organizationListPage lists all organizations, grouped by type, so that visitors
// find "the council", "the committees" and "the factions" where they expect them.
type organizationListPage struct {
	Page
	Groups []orgGroup
}

type orgGroup struct {
	Name string
	Orgs []Link
}

// orgTypeOrder is the order and German plural heading of the organization types.
var orgTypeOrder = []struct{ typ, heading string }{
	{ratsinfo.OrgTypeCommittee, "Gremien"},
	{ratsinfo.OrgTypeFaction, "Fraktionen"},
	{ratsinfo.OrgTypeParty, "Parteien"},
	{ratsinfo.OrgTypeAdminUnit, "Verwaltung"},
	{ratsinfo.OrgTypeExternal, "Externe Gremien"},
	{ratsinfo.OrgTypeInstitute, "Institutionen"},
	{"", "Sonstige"},
}

func (s *Server) organizationList(w http.ResponseWriter, r *http.Request) error {
	orgs, err := s.store.FindOrganizations(r.Context(), ratsinfo.OrganizationFilter{})
	if err != nil {
		return err
	}
	p := &organizationListPage{Page: s.newPage(r, "", "gremien")}
	p.Title = p.T("Gremien")
	byType := map[string][]Link{}
	for _, o := range orgs {
		if o.Deleted {
			continue
		}
		t := o.OrganizationType
		if t == ratsinfo.OrgTypeOther {
			t = ""
		}
		label := o.Name
		if !o.EndDate.IsZero() && o.EndDate.Before(ratsinfo.DateOf(s.now().In(s.loc))) {
			label += " (" + p.T("aufgelöst") + ")"
		}
		byType[t] = append(byType[t], Link{Label: label, URL: ratsinfo.WebPath(ratsinfo.KindOrganization, o.ID)})
	}
	for _, g := range orgTypeOrder {
		if len(byType[g.typ]) > 0 {
			p.Groups = append(p.Groups, orgGroup{Name: p.T(g.heading), Orgs: byType[g.typ]})
		}
	}
	return s.render(w, r, http.StatusOK, "organization_list", p)
}
