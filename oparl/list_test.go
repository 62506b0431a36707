package oparl

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// walk follows links.next from u and returns every object of every page, checking
// the page invariants on the way: data/pagination/links present, self and first,
// elementsPerPage constant but on the last page, next on every page but the last.
func walk(t *testing.T, u string) []map[string]any {
	t.Helper()
	var all []map[string]any
	seenPages := map[string]bool{}
	for page := 0; u != ""; page++ {
		if seenPages[u] || page > 1000 {
			t.Fatalf("pagination loops at %s", u)
		}
		seenPages[u] = true
		m := getJSON(t, u, 200)
		checkShape(t, u, m, "")
		data, ok := m["data"].([]any)
		if !ok {
			t.Fatalf("%s: data is not an array", u)
		}
		links, _ := m["links"].(map[string]any)
		pag, _ := m["pagination"].(map[string]any)
		if links == nil || pag == nil {
			t.Fatalf("%s: links or pagination missing", u)
		}
		if links["self"] != u {
			t.Errorf("links.self = %v, want the page URL %s", links["self"], u)
		}
		if links["first"] == nil || links["web"] == nil {
			t.Errorf("%s: links.first or links.web missing", u)
		}
		next, _ := links["next"].(string)
		if next != "" && float64(len(data)) != pag["elementsPerPage"] {
			t.Errorf("%s: %d objects on a full page, elementsPerPage %v", u, len(data), pag["elementsPerPage"])
		}
		for _, d := range data {
			all = append(all, d.(map[string]any))
		}
		u = next
	}
	return all
}

func ids(objs []map[string]any) []string {
	var out []string
	for _, o := range objs {
		out = append(out, o["id"].(string))
	}
	return out
}

func TestPaginationWalk(t *testing.T) {
	w := newWorld(t)
	objs := walk(t, fmt.Sprintf("%s/body/%d/paper?limit=7", w.api, w.body.ID))
	want := []string{w.api + fmt.Sprintf("/paper/%d", w.paper.ID)}
	for _, p := range w.fillers {
		want = append(want, fmt.Sprintf("%s/paper/%d", w.api, p.ID))
	}
	got := ids(objs)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("walk gave\n%v\nwant (no gaps, no duplicates, no draft, no deleted)\n%v", got, want)
	}
	m := getJSON(t, fmt.Sprintf("%s/body/%d/paper?limit=7", w.api, w.body.ID), 200)
	pag := m["pagination"].(map[string]any)
	if pag["totalElements"] != float64(len(want)) || pag["elementsPerPage"] != float64(7) {
		t.Errorf("pagination = %v, want totalElements %d, elementsPerPage 7", pag, len(want))
	}
	// An exact multiple of the page size must not end with an empty page.
	objs = walk(t, fmt.Sprintf("%s/body/%d/paper?limit=%d", w.api, w.body.ID, len(want)))
	if len(objs) != len(want) {
		t.Errorf("walk with limit=%d gave %d objects", len(want), len(objs))
	}
	// Every body list answers, with an empty list as 200 and data [].
	for _, k := range []string{"organization", "person", "meeting", "paper", "legislativeTerm", "agendaItem",
		"consultation", "file", "location", "membership"} {
		walk(t, fmt.Sprintf("%s/body/%d/%s", w.api, w.body.ID, k))
	}
	m = getJSON(t, fmt.Sprintf("%s/body/%d/paper?created_since=2099-01-01T00:00:00Z", w.api, w.body.ID), 200)
	if d, ok := m["data"].([]any); !ok || len(d) != 0 {
		t.Errorf("empty filtered list: data = %v, want []", m["data"])
	}
}

func TestFiltersEchoed(t *testing.T) {
	w := newWorld(t)
	base := fmt.Sprintf("%s/body/%d/paper", w.api, w.body.ID)
	for _, raw := range []string{
		"modified_since=2024-03-01T09:00:00%2B01:00",
		"modified_since=2024-03-01T09:00:00+01:00", // + decoded as space
		"modified_since=2024-03-01T08%3A00%3A00Z",
		"modified_since=2024-03-01T08:00:00.123456Z",
		"created_since=2024-01-01T00:00:00%2B01:00&modified_until=2030-01-01T00:00:00%2B01:00",
	} {
		u := base + "?" + raw + "&limit=3"
		m := getJSON(t, u, 200)
		links := m["links"].(map[string]any)
		for _, l := range []string{"self", "first", "next"} {
			s, _ := links[l].(string)
			if !strings.Contains(s, "?"+raw+"&limit=3") {
				t.Errorf("%s: links.%s = %q does not carry %q verbatim", raw, l, s, raw)
			}
		}
		// Following next keeps the filters on page 2 too (pain point 2).
		m2 := getJSON(t, links["next"].(string), 200)
		if s := m2["links"].(map[string]any)["self"].(string); !strings.Contains(s, raw) {
			t.Errorf("page 2 lost the filter: %s", s)
		}
	}
}

func TestTombstonesOnlyWithModifiedSince(t *testing.T) {
	w := newWorld(t)
	goneID := fmt.Sprintf("%s/paper/%d", w.api, w.gone.ID)
	plain := walk(t, fmt.Sprintf("%s/body/%d/paper", w.api, w.body.ID))
	for _, o := range plain {
		if o["id"] == goneID || o["deleted"] != nil {
			t.Errorf("deleted object in an unfiltered list: %v", o)
		}
	}
	since := url.QueryEscape(w.deletedAt.Add(-time.Second).Format(time.RFC3339))
	filtered := walk(t, fmt.Sprintf("%s/body/%d/paper?modified_since=%s", w.api, w.body.ID, since))
	found := false
	for _, o := range filtered {
		if o["id"] == goneID {
			found = true
			if o["deleted"] != true || o["type"] != schemaBase+"Paper" || o["created"] == nil || o["modified"] == nil || o["name"] != nil {
				t.Errorf("tombstone = %v", o)
			}
		}
	}
	if !found {
		t.Errorf("deleted paper missing from list with modified_since=%s", since)
	}
	m := getJSON(t, goneID, 200)
	if m["deleted"] != true {
		t.Errorf("standalone tombstone = %v", m)
	}
}

func TestOmitInternal(t *testing.T) {
	w := newWorld(t)
	cases := map[string][]string{
		fmt.Sprintf("/paper/%d", w.paper.ID):     {"auxiliaryFile", "location"},
		fmt.Sprintf("/meeting/%d", w.meeting.ID): {"agendaItem"},
		fmt.Sprintf("/person/%d", w.alice.ID):    {"membership"},
		fmt.Sprintf("/body/%d", w.body.ID):       {"legislativeTerm"},
	}
	for path, props := range cases {
		full := getJSON(t, w.api+path, 200)
		slim := getJSON(t, w.api+path+"?omit_internal=true", 200)
		for _, p := range props {
			if full[p] == nil {
				t.Errorf("%s: %s missing without omit_internal", path, p)
			}
			if slim[p] != nil {
				t.Errorf("%s?omit_internal=true still has %s", path, p)
			}
		}
		if len(slim) < len(full)-len(props) {
			t.Errorf("%s: omit_internal dropped more than %v", path, props)
		}
	}
	m := getJSON(t, fmt.Sprintf("%s/paper/%d?omit_internal=true", w.api, w.paper.ID), 200)
	if m["mainFile"] == nil || m["consultation"] == nil {
		t.Errorf("omit_internal dropped mainFile or consultation: %v", m)
	}
}

// TestEmbeddedListsSkipDeleted: a deleted child disappears from its parent's
// embedded list, stays reachable as a tombstone, and the parent's modified moves.
func TestEmbeddedListsSkipDeleted(t *testing.T) {
	w := newWorld(t)
	ctx := ratsinfo.SystemContext(context.Background())
	m := &ratsinfo.Membership{PersonID: w.alice.ID, OrganizationID: w.committee.ID, Role: "Gast"}
	must(t, w.store.CreateMembership(ctx, m))
	c := &ratsinfo.Consultation{PaperID: w.paper.ID, MeetingID: w.meeting.ID, Role: ratsinfo.RoleHearing}
	must(t, w.store.CreateConsultation(ctx, c))
	person := fmt.Sprintf("%s/person/%d", w.api, w.alice.ID)
	paper := fmt.Sprintf("%s/paper/%d", w.api, w.paper.ID)
	before := map[string]any{"person": getJSON(t, person, 200)["modified"], "paper": getJSON(t, paper, 200)["modified"]}
	must(t, w.store.DeleteMembership(ctx, m.ID))
	must(t, w.store.DeleteConsultation(ctx, c.ID))
	for name, u := range map[string]string{"person": person, "paper": paper} {
		obj := getJSON(t, u, 200)
		body, _ := json.Marshal(obj)
		for _, gone := range []string{fmt.Sprintf("/membership/%d\"", m.ID), fmt.Sprintf("/consultation/%d\"", c.ID)} {
			if strings.Contains(string(body), gone) {
				t.Errorf("%s still embeds deleted %s", name, gone)
			}
		}
		if obj["modified"] == before[name] {
			t.Errorf("%s: modified did not change after a child was deleted", name)
		}
	}
	for _, u := range []string{fmt.Sprintf("%s/membership/%d", w.api, m.ID), fmt.Sprintf("%s/consultation/%d", w.api, c.ID)} {
		if obj := getJSON(t, u, 200); obj["deleted"] != true {
			t.Errorf("%s: %v, want tombstone", u, obj)
		}
	}
}
