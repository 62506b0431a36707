package validate

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// faults switches on one deliberate defect each in the fake 1.1 server.
type faults struct {
	noNext, loop, null, emptyString, badDateTime, noCORS bool
	empty404, dropFilter, idMismatch, flaky503           bool
}

// emb marks an embedded object by its id in the fake server's data; it is
// replaced by the object without its back-references when rendered.
type emb string

// fakeServer is a tiny, correct OParl 1.1 server unless faults say
// otherwise. Lists use keyset cursors (?after=N) like our own server.
type fakeServer struct {
	base  string
	f     faults
	objs  map[string]map[string]any // id → standalone object
	lists map[string][]string       // list URL → ids in order
	hits  atomic.Int64
}

const ns11 = "https://schema.oparl.org/1.1/"

func startFake(t *testing.T, f faults) string {
	s := &fakeServer{f: f}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	s.base = srv.URL
	s.build()
	return srv.URL + "/system"
}

func (s *fakeServer) u(p string) string { return s.base + p }

// obj adds an object with the common properties and returns its id.
func (s *fakeServer) obj(path, typ string, props map[string]any) string {
	id := s.u(path)
	o := map[string]any{"id": id, "type": ns11 + typ,
		"created": "2024-01-01T10:00:00+01:00", "modified": "2024-02-01T10:00:00+01:00"}
	for k, v := range props {
		o[k] = v
	}
	s.objs[id] = o
	return id
}

func (s *fakeServer) build() {
	s.objs, s.lists = map[string]map[string]any{}, map[string][]string{}
	u := s.u
	body := u("/body/1")
	s.obj("/system", "System", map[string]any{"oparlVersion": ns11, "body": u("/bodies"), "name": "Test"})
	lists := map[string]any{}
	for _, l := range bodyLists {
		lists[l.prop] = u("/body/1/" + l.prop)
	}
	lists["name"], lists["ags"], lists["system"] = "Teststadt", "05358016", u("/system")
	lists["legislativeTerm"] = []any{emb(u("/lt/1"))}
	s.obj("/body/1", "Body", lists)
	s.obj("/lt/1", "LegislativeTerm", map[string]any{"body": body, "name": "2020 bis 2025", "startDate": "2020-11-01", "endDate": "2025-10-31"})
	for _, n := range []string{"1", "2", "3"} {
		s.obj("/organization/"+n, "Organization", map[string]any{"body": body, "name": "Ausschuss " + n})
	}
	o1, mt1, pa1, p1 := u("/organization/1"), u("/meeting/1"), u("/paper/1"), u("/person/1")
	s.obj("/person/1", "Person", map[string]any{"body": body, "name": "Erika Muster", "location": u("/location/1"), "membership": []any{emb(u("/membership/1"))}})
	s.obj("/membership/1", "Membership", map[string]any{"person": p1, "organization": o1, "role": "Mitglied", "votingRight": true})
	s.obj("/location/1", "Location", map[string]any{"description": "Rathaus", "persons": []any{p1}, "meetings": []any{mt1},
		"geojson": map[string]any{"type": "Feature", "properties": map[string]any{}, "geometry": map[string]any{"type": "Point", "coordinates": []any{6.39, 50.72}}}})
	start := "2024-01-10T18:00:00+01:00"
	if s.f.badDateTime {
		start = "2024-01-10T17:00:00Z"
	}
	s.obj("/meeting/1", "Meeting", map[string]any{"name": "Ratssitzung", "start": start, "end": "2024-01-10T20:00:00+01:00",
		"location": emb(u("/location/1")), "organization": []any{o1}, "invitation": emb(u("/file/1")), "agendaItem": []any{emb(u("/agendaitem/1"))}})
	s.obj("/agendaitem/1", "AgendaItem", map[string]any{"meeting": mt1, "number": "1", "order": 0, "name": "Haushalt", "public": true, "consultation": u("/consultation/1")})
	paper := map[string]any{"body": body, "name": "Haushalt 2024", "reference": "2024/001", "date": "2024-01-01",
		"mainFile": emb(u("/file/2")), "consultation": []any{emb(u("/consultation/1"))}}
	if s.f.null {
		paper["paperType"] = nil
	}
	if s.f.emptyString {
		paper["reference"] = ""
	}
	s.obj("/paper/1", "Paper", paper)
	s.objs[u("/paper/2")] = map[string]any{"id": u("/paper/2"), "type": ns11 + "Paper", "deleted": true,
		"created": "2024-01-01T10:00:00+01:00", "modified": "2024-03-01T10:00:00+01:00"}
	s.obj("/consultation/1", "Consultation", map[string]any{"paper": pa1, "agendaItem": u("/agendaitem/1"), "meeting": mt1, "organization": []any{o1}, "authoritative": true})
	for n, parent := range map[string][2]string{"1": {"meeting", mt1}, "2": {"paper", pa1}} {
		s.obj("/file/"+n, "File", map[string]any{"name": "Dokument " + n, "fileName": "dokument.pdf", "mimeType": "application/pdf",
			"accessUrl": u("/file/" + n + "/access"), "downloadUrl": u("/file/" + n + "/download"), parent[0]: []any{parent[1]}})
	}
	s.lists[u("/bodies")] = []string{body}
	for l, ids := range map[string][]string{
		"organization": {o1, u("/organization/2"), u("/organization/3")}, "person": {p1}, "meeting": {mt1},
		"paper": {pa1, u("/paper/2")}, "agendaItem": {u("/agendaitem/1")}, "consultation": {u("/consultation/1")},
		"file": {u("/file/1"), u("/file/2")}, "locationList": {u("/location/1")}, "legislativeTermList": {u("/lt/1")},
		"membership": {u("/membership/1")},
	} {
		s.lists[u("/body/1/"+l)] = ids
	}
}

// backrefProps are dropped from an object when it is embedded.
var backrefProps = map[string][]string{
	"LegislativeTerm": {"body"}, "Membership": {"person"}, "AgendaItem": {"meeting"}, "Consultation": {"paper"},
	"File": {"meeting", "agendaItem", "paper"}, "Location": {"persons", "meetings", "bodies", "organizations", "papers"},
}

// render copies o, resolving embedded markers.
func (s *fakeServer) render(o map[string]any, embedded bool) map[string]any {
	out := map[string]any{}
	for k, v := range o {
		switch v := v.(type) {
		case emb:
			out[k] = s.render(s.objs[string(v)], true)
		case []any:
			arr := make([]any, len(v))
			for i, e := range v {
				if id, ok := e.(emb); ok {
					e = s.render(s.objs[string(id)], true)
				}
				arr[i] = e
			}
			out[k] = arr
		default:
			out[k] = v
		}
	}
	if embedded {
		for _, p := range backrefProps[typeName(str(o["type"]))] {
			delete(out, p)
		}
	}
	return out
}

func (s *fakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.f.flaky503 && s.hits.Add(1) == 1 {
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	if !s.f.noCORS {
		w.Header().Set("Access-Control-Allow-Origin", "*")
	}
	path := r.URL.Path
	if strings.HasSuffix(path, "/access") || strings.HasSuffix(path, "/download") {
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("ETag", `"1"`)
		if strings.HasSuffix(path, "/download") {
			w.Header().Set("Content-Disposition", `attachment; filename="dokument.pdf"`)
		}
		w.Write([]byte("%PDF-1.4\n"))
		return
	}
	id := s.u(path)
	if ids, ok := s.lists[id]; ok {
		s.serveList(w, r, id, ids)
		return
	}
	if o, ok := s.objs[id]; ok && r.URL.RawQuery == "" {
		out := s.render(o, false)
		if s.f.idMismatch && strings.HasPrefix(path, "/person/") {
			out["id"] = s.u("/people" + strings.TrimPrefix(path, "/person"))
		}
		writeJSON(w, http.StatusOK, out)
		return
	}
	writeJSON(w, http.StatusNotFound, map[string]any{"type": ns11 + "Error", "message": "Nicht gefunden"})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// serveList applies the four filters and pages by two with ?after=N.
func (s *fakeServer) serveList(w http.ResponseWriter, r *http.Request, self string, ids []string) {
	q := r.URL.Query()
	filter := url.Values{}
	var match []map[string]any
	for _, id := range ids {
		o := s.objs[id]
		keep := o["deleted"] != true || q.Has("modified_since")
		for _, f := range []string{"created_since", "created_until", "modified_since", "modified_until"} {
			if !q.Has(f) {
				continue
			}
			filter.Set(f, q.Get(f))
			lim, err := time.Parse(time.RFC3339, q.Get(f))
			if err != nil {
				writeJSON(w, http.StatusBadRequest, map[string]any{"type": ns11 + "Error", "message": "Ungültiger Filter"})
				return
			}
			at, _ := time.Parse(time.RFC3339, str(o[strings.Split(f, "_")[0]]))
			if strings.HasSuffix(f, "_since") && at.Before(lim) || strings.HasSuffix(f, "_until") && at.After(lim) {
				keep = false
			}
		}
		if keep {
			match = append(match, s.render(o, false))
		}
	}
	if len(match) == 0 && len(filter) > 0 && s.f.empty404 {
		writeJSON(w, http.StatusNotFound, map[string]any{"type": ns11 + "Error", "message": "Keine Einträge"})
		return
	}
	after, _ := strconv.Atoi(q.Get("after"))
	end := min(after+2, len(match))
	page := match[min(after, end):end]
	link := func(n int, keepFilter bool) string {
		v := url.Values{}
		if keepFilter {
			for k := range filter {
				v.Set(k, filter.Get(k))
			}
		}
		if n > 0 {
			v.Set("after", strconv.Itoa(n))
		}
		if len(v) == 0 {
			return self
		}
		return self + "?" + v.Encode()
	}
	links := map[string]any{"first": link(0, true), "self": link(after, true)}
	if end < len(match) && !(s.f.noNext && after == 0) {
		links["next"] = link(end, !s.f.dropFilter)
	}
	if s.f.loop && after == 2 {
		links["next"] = self + "?after=0"
	}
	if page == nil {
		page = []map[string]any{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": page, "links": links,
		"pagination": map[string]any{"elementsPerPage": 2, "totalElements": len(match)}})
}
