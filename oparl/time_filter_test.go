package oparl

import (
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo/internal/pgtest"
)

// TestTimeFiltersAtPublishedPrecision: a client filters by the times it read. Every
// object of every list must be found by its own published created and modified
// with each of the four filters, and be left out by the second before or after,
// although the store keeps the times to the microsecond (the clock here runs 0.4 s
// past each full second). On SQLite and, when named, on PostgreSQL.
func TestTimeFiltersAtPublishedPrecision(t *testing.T) {
	start := time.Date(2024, 3, 1, 8, 0, 0, 400_000_000, time.UTC)
	t.Run("sqlite", func(t *testing.T) { checkTimeFilters(t, newWorldAt(t, "", start)) })
	t.Run("postgres", func(t *testing.T) { checkTimeFilters(t, newWorldAt(t, pgtest.DSN(t), start)) })
}

func checkTimeFilters(t *testing.T, w *world) {
	body := getJSON(t, w.api+"/body/1", 200)
	lists := []string{"organization", "person", "meeting", "paper", "agendaItem", "consultation", "file",
		"locationList", "legislativeTermList", "membership"}
	checked := 0
	for _, name := range lists {
		listURL, _ := body[name].(string)
		if listURL == "" {
			t.Fatalf("body has no list %s", name)
		}
		objs := walk(t, listURL)
		if len(objs) == 0 {
			t.Errorf("%s: empty list", name)
		}
		for _, o := range objs {
			id := o["id"].(string)
			for _, field := range []string{"created", "modified"} {
				published, _ := o[field].(string)
				at, err := time.Parse(time.RFC3339, published)
				if err != nil {
					t.Fatalf("%s %s: %q: %v", id, field, published, err)
				}
				before, after := at.Add(-time.Second).Format(time.RFC3339), at.Add(time.Second).Format(time.RFC3339)
				cases := []struct {
					filter, value string
					want          bool
				}{
					{field + "_since", published, true},
					{field + "_until", published, true},
					{field + "_since", after, false},
					{field + "_until", before, false},
				}
				for _, c := range cases {
					u := listURL + "?" + c.filter + "=" + url.QueryEscape(c.value)
					got := slices.Contains(ids(walk(t, u)), id)
					if got != c.want {
						t.Errorf("%s: %s=%s: object %s found %v, want %v", name, c.filter, c.value, id, got, c.want)
					}
				}
				checked++
			}
		}
	}
	if checked < 40 {
		t.Errorf("only %d times checked", checked)
	}
}
