package oparl

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestGeoJSONServedInRFC7946Form: a Feature always has properties, and a coordinate
// is the shortest decimal that round-trips, in the single object and in its embedded
// copy alike — also for a row stored before the store normalized on write.
func TestGeoJSONServedInRFC7946Form(t *testing.T) {
	w := newWorld(t)
	ctx := ratsinfo.SystemContext(context.Background())
	l, err := w.store.FindLocationByID(ctx, w.site.ID) // embedded in w.paper
	must(t, err)
	l.GeoJSON = `{"type":"Feature","geometry":{"type":"Point","coordinates":[6.3957759999999997,50.71]}}`
	must(t, w.store.UpdateLocation(ctx, l))

	single := getJSON(t, fmt.Sprintf("%s/location/%d", w.api, l.ID), 200)
	checkFeature(t, "single", single["geojson"])
	paper := getJSON(t, fmt.Sprintf("%s/paper/%d", w.api, w.paper.ID), 200)
	found := false
	for _, e := range paper["location"].([]any) {
		if m := e.(map[string]any); strings.HasSuffix(m["id"].(string), fmt.Sprintf("/location/%d", l.ID)) {
			checkFeature(t, "embedded", m["geojson"])
			found = true
		}
	}
	if !found {
		t.Fatal("the paper does not embed the location")
	}
	_, raw := get(t, fmt.Sprintf("%s/location/%d", w.api, l.ID))
	if !strings.Contains(string(raw), "[6.395776,50.71]") {
		t.Errorf("coordinates not in shortest form: %s", raw)
	}

	old := `{"type":"Feature","geometry":{"type":"Point","coordinates":[6.3957759999999997,50.71]}}`
	if got := string(geoJSON(old)); got != `{"geometry":{"coordinates":[6.395776,50.71],"type":"Point"},"properties":null,"type":"Feature"}` {
		t.Errorf("a row stored before normalization is served as %s", got)
	}
}

func checkFeature(t *testing.T, where string, v any) {
	t.Helper()
	f, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s: geojson is %T", where, v)
	}
	if _, ok := f["properties"]; !ok {
		t.Errorf("%s: Feature without properties: %v", where, f)
	}
}
