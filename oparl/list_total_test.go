package oparl

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo/internal/pgtest"
)

// TestListTotals: a whole list reports its total from the store's kept counts;
// a filtered list reports an exact total while it is small and leaves it out
// (OParl allows that) once counting would pass the cap, while its pages still
// deliver every object.
func TestListTotals(t *testing.T) {
	start := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	t.Run("sqlite", func(t *testing.T) { checkListTotals(t, newWorldAt(t, "", start)) })
	t.Run("postgres", func(t *testing.T) { checkListTotals(t, newWorldAt(t, pgtest.DSN(t), start)) })
}

func checkListTotals(t *testing.T, w *world) {
	total := func(u string) (float64, bool) {
		t.Helper()
		pag := getJSON(t, u, 200)["pagination"].(map[string]any)
		n, ok := pag["totalElements"].(float64)
		return n, ok
	}
	since := url.QueryEscape(w.deletedAt.Add(-time.Hour).Format(time.RFC3339))
	for _, kind := range []string{"paper", "file", "consultation", "location", "meeting", "person"} {
		whole := fmt.Sprintf("%s/body/%d/%s", w.api, w.body.ID, kind)
		filtered := whole + "?modified_since=" + since
		all, nf := len(walk(t, whole)), len(walk(t, filtered))
		if n, ok := total(whole); !ok || n != float64(all) {
			t.Errorf("%s: totalElements %v (%v), want %d", whole, n, ok, all)
		}
		if n, ok := total(filtered); !ok || n != float64(nf) {
			t.Errorf("%s: totalElements %v (%v), want %d", filtered, n, ok, nf)
		}
		if nf == 0 {
			continue
		}
		w.oparl.countCap = nf - 1
		if n, ok := total(filtered + "&limit=3"); ok {
			t.Errorf("%s: %d objects over the cap %d, yet totalElements %v", filtered, nf, nf-1, n)
		}
		if n, ok := total(whole + "?limit=3"); !ok || n != float64(all) {
			t.Errorf("%s: whole list over the cap: totalElements %v (%v), want %d", whole, n, ok, all)
		}
		if got := len(walk(t, filtered+"&limit=2")); got != nf {
			t.Errorf("%s: walk over the cap gave %d objects, want %d", filtered, got, nf)
		}
		w.oparl.countCap = filteredCountCap
	}
}
