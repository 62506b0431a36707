package web

import (
	"context"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestPersonFactionAtTop checks that a council member's page names the faction
// and the current memberships before anything else, and that the membership
// table keeps its period column.
func TestPersonFactionAtTop(t *testing.T) {
	w := testWorld(t)
	ctx := context.Background()
	orgs, err := w.store.FindOrganizations(ctx, ratsinfo.OrganizationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var faction *ratsinfo.Organization
	for _, o := range orgs {
		if o.OrganizationType == ratsinfo.OrgTypeFaction && !o.Deleted {
			faction = o
			break
		}
	}
	if faction == nil {
		t.Fatal("no faction in the test city")
	}
	ms, err := w.store.FindMemberships(ctx, ratsinfo.MembershipFilter{OrganizationIDs: []int64{faction.ID}})
	if err != nil {
		t.Fatal(err)
	}
	var member int64
	for _, m := range ms {
		if m.EndDate.IsZero() && !m.Deleted {
			member = m.PersonID
			break
		}
	}
	if member == 0 {
		t.Fatalf("faction %s has no current member", faction.Name)
	}
	_, page := w.get(t, ratsinfo.WebPath(ratsinfo.KindPerson, member), "Accept-Language", "de")
	top, _, ok := strings.Cut(page, `id="mitgliedschaften"`)
	if !ok {
		t.Fatal("no membership section")
	}
	h1 := strings.Index(top, "<h1>")
	fr := strings.Index(top, "<dt>Fraktion</dt>")
	cur := strings.Index(top, "<dt>Aktuell</dt>")
	if h1 < 0 || fr < h1 || cur < fr || !strings.Contains(top[fr:], faction.Name) {
		t.Errorf("faction %q and current memberships not at the top: h1 %d, Fraktion %d, Aktuell %d", faction.Name, h1, fr, cur)
	}
	if !strings.Contains(page, `data-label="Zeitraum"`) {
		t.Error("membership table without its period column")
	}
}
