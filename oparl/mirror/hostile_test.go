package mirror_test

import (
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// hostile is an OParl server that commits every fault of docs/oparl-vendor-faults.md that a
// client can repair: slow pages, 5xx, HTML error pages under 200, filters lost
// on page 2, empty lists as 404, pagination loops, ids that differ from their
// URL, objects where arrays belong, missing timestamps, "" and "N/A", trailing
// blanks, [lat, lon] and bare geometries, 7-digit AGS, links to objects that do
// not exist, tombstones without type in unfiltered lists. Pages hold two objects.
type hostile struct {
	srv   *httptest.Server
	base  string
	mu    sync.Mutex
	objs  map[string]map[string]any // path → object
	lists map[string][]string       // list path → object paths
	hits  map[string]int            // path?query → requests so far
	slow  time.Duration             // first request of the meeting list sleeps this long
}

const ns = "https://schema.oparl.org/1.1/"

func startHostile(t testing.TB) *hostile {
	h := &hostile{objs: map[string]map[string]any{}, lists: map[string][]string{}, hits: map[string]int{}, slow: 300 * time.Millisecond}
	h.srv = httptest.NewServer(h)
	t.Cleanup(h.srv.Close)
	h.base = h.srv.URL
	h.build()
	return h
}

func (h *hostile) system() string { return h.base + "/system" }

func (h *hostile) u(p string) string { return h.base + p }

// put stores an object; created/modified an hour ago unless given.
func (h *hostile) put(p, typ string, props map[string]any) {
	o := map[string]any{"id": h.u(p), "type": ns + typ,
		"created": time.Now().Add(-time.Hour).Format(time.RFC3339), "modified": time.Now().Add(-time.Hour).Format(time.RFC3339)}
	for k, v := range props {
		if v == nil {
			delete(o, k)
		} else {
			o[k] = v
		}
	}
	h.objs[p] = o
}

func (h *hostile) build() {
	u := h.u
	lists := map[string]any{"name": "Gemeinde Teststadt ", "ags": "5358016", "website": "N/A", "contactEmail": "",
		"location": map[string]any{"id": u("/location/9"), "type": ns + "Location", "description": "Rathaus",
			"geojson": map[string]any{"type": "Point", "coordinates": []any{50.72, 6.39}}}}
	for _, l := range []string{"organization", "person", "meeting", "paper", "file", "locationList", "agendaItem",
		"consultation", "membership", "legislativeTermList"} {
		lists[l] = u("/body/1/" + l)
		h.lists["/body/1/"+l] = nil
	}
	h.put("/body/1", "Body", lists)
	h.put("/organization/1", "Organization", map[string]any{"name": "Rat", "organizationType": "Gremium"})
	h.put("/organization/2", "Organization", map[string]any{"name": "Bauausschuss", "created": nil, "modified": nil})
	h.lists["/body/1/organization"] = []string{"/organization/1", "/organization/2"}
	h.put("/person/1", "Person", map[string]any{"name": "Erika Muster  ", "familyName": "Muster",
		"location": map[string]any{"id": u("/location/1"), "type": ns + "Location", "streetAddress": "Hauptstr. 1",
			"postalCode": "52393\u00a0", "geojson": map[string]any{"type": "Feature", "properties": map[string]any{},
				"geometry": map[string]any{"type": "Point", "coordinates": []any{50.7, 6.4}}}},
		"membership": map[string]any{"id": u("/membership/1"), "type": ns + "Membership", "organization": u("/organization/1"), "role": "Mitglied"}})
	h.put("/person/2", "Person", map[string]any{"name": "Max Beispiel"}) // only reachable by id, served as /people/2
	h.lists["/body/1/person"] = []string{"/person/1"}
	h.put("/meeting/1", "Meeting", map[string]any{"name": "Ratssitzung", "meetingState": "N/A",
		"start": "2024-01-10T18:00:00+01:00", "organization": []any{u("/organization/1"), u("/organization/404")},
		"participant":   []any{u("/person/1"), u("/person/2")},
		"auxiliaryFile": map[string]any{"id": u("/file/1"), "type": ns + "File", "name": "Einladung", "accessUrl": u("/files/1")},
		"agendaItem": []any{
			map[string]any{"id": u("/agendaitem/1"), "type": ns + "AgendaItem", "order": 100001, "number": "1", "name": "Haushalt", "public": true, "consultation": u("/consultation/1")},
			map[string]any{"id": u("/agendaitem/2"), "type": ns + "AgendaItem", "order": 100002, "number": "2", "name": "Verschiedenes", "public": true},
		}})
	h.lists["/body/1/meeting"] = []string{"/meeting/1"}
	h.put("/paper/1", "Paper", map[string]any{"name": "Haushalt 2024", "reference": "", "relatedPaper": []any{u("/paper/2")},
		"mainFile": map[string]any{"id": u("/file/2"), "type": ns + "File", "name": "Vorlage", "accessUrl": u("/files/2")},
		"consultation": []any{map[string]any{"id": u("/consultation/1"), "type": ns + "Consultation",
			"agendaItem": u("/agendaitem/1"), "meeting": u("/meeting/1"), "organization": []any{u("/organization/1")}, "role": "Entscheidung"}}})
	h.put("/paper/2", "Paper", map[string]any{"name": "Stellungnahme", "reference": "2024/002"})
	h.objs["/paper/3"] = map[string]any{"id": u("/paper/3"), "deleted": true} // SD.NET: tombstone without type, unfiltered
	h.lists["/body/1/paper"] = []string{"/paper/1", "/paper/2", "/paper/3"}
}

// change applies an edit as the vendor would: new modified, now.
func (h *hostile) change(p string, props map[string]any) {
	h.mu.Lock()
	defer h.mu.Unlock()
	o, ok := h.objs[p]
	if !ok {
		o = map[string]any{"id": h.u(p), "type": ns + "Paper", "created": time.Now().Format(time.RFC3339)}
		h.objs[p] = o
		h.lists["/body/1/paper"] = append(h.lists["/body/1/paper"], p)
	}
	for k, v := range props {
		o[k] = v
	}
	o["modified"] = time.Now().Add(time.Second).Format(time.RFC3339)
}

// first reports whether this is the first request for key.
func (h *hostile) first(key string) bool {
	h.hits[key]++
	return h.hits[key] == 1
}
