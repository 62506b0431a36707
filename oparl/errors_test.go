package oparl

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/httpstatus"
)

func TestRedirectsToCanonicalURL(t *testing.T) {
	w := newWorld(t)
	api, b, p := w.api, w.body.ID, w.paper.ID
	cases := map[string]string{
		fmt.Sprintf("/agendaitem/%d", w.publicItem.ID):                     fmt.Sprintf("/agendaItem/%d", w.publicItem.ID),
		fmt.Sprintf("/paper/00%d", p):                                      fmt.Sprintf("/paper/%d", p),
		fmt.Sprintf("/paper/%d/", p):                                       fmt.Sprintf("/paper/%d", p),
		fmt.Sprintf("/PAPER/%d", p):                                        fmt.Sprintf("/paper/%d", p),
		"/System":                                                          "/system",
		fmt.Sprintf("/body/%d/Paper?limit=5", b):                           fmt.Sprintf("/body/%d/paper?limit=5", b),
		fmt.Sprintf("/body/%d/paper?limit=5&modified_since=2024-01-01", b): fmt.Sprintf("/body/%d/paper?modified_since=2024-01-01&limit=5", b),
		fmt.Sprintf("/body/%d/locationList", b):                            fmt.Sprintf("/body/%d/location", b),
	}
	for from, to := range cases {
		resp, body := get(t, api+from)
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != api+to {
			t.Errorf("GET %s: %d Location %q, want 301 to %s (%s)", from, resp.StatusCode, resp.Header.Get("Location"), api+to, body)
		}
	}
	// Double slashes: the ServeMux cleans them with a 301 of its own.
	resp, _ := get(t, fmt.Sprintf("%s/oparl//v1.1/paper/%d", w.srv.URL, p))
	if resp.StatusCode != http.StatusMovedPermanently {
		t.Errorf("double slash: status %d, want 301", resp.StatusCode)
	}
}

// TestRedirectsPrefixInAnyCase asks with the /oparl/ prefix in other cases: the
// mux only knows the lower-case subtree, so without CleanPaths these would reach
// the website's HTML 404 instead of the promised 301.
func TestRedirectsPrefixInAnyCase(t *testing.T) {
	w := newWorld(t)
	p := w.paper.ID
	cases := map[string]string{
		"/OPARL/v1.1/system":                                        "/system",
		"/Oparl/V1.1/System":                                        "/system",
		fmt.Sprintf("/oPaRl/v1.1/paper/%d", p):                      fmt.Sprintf("/paper/%d", p),
		fmt.Sprintf("/OParl//v1.1/PAPER/%d", p):                     fmt.Sprintf("/paper/%d", p),
		fmt.Sprintf("/OPARL/v1.1/body/%d/paper?limit=5", w.body.ID): fmt.Sprintf("/body/%d/paper?limit=5", w.body.ID),
	}
	for from, to := range cases {
		resp, body := get(t, w.srv.URL+from)
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != w.api+to {
			t.Errorf("GET %s: %d Location %q, want 301 to %s (%s)", from, resp.StatusCode, resp.Header.Get("Location"), w.api+to, body)
		}
		if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("GET %s: redirect without CORS header", from)
		}
	}
	// A path that names nothing is the API's JSON 404, in any case of the prefix.
	m := getJSON(t, w.srv.URL+"/OPARL/v1.1/nonsense/1", http.StatusNotFound)
	if m["type"] != typeError {
		t.Errorf("unknown path in other case: %v, want an OParl Error object", m)
	}
}

func TestErrorObjects(t *testing.T) {
	w := newWorld(t)
	cases := []struct {
		path   string
		status int
		msg    string // part of the German message
	}{
		{"/paper/999999", 404, "Vorlage 999999 wurde nicht gefunden"},
		{fmt.Sprintf("/paper/%d", w.draft.ID), 404, "nicht gefunden"},        // unpublished
		{fmt.Sprintf("/meeting/%d", w.paper.ID+1000), 404, "nicht gefunden"}, // id of another kind
		{"/nonsense/1", 404, "Einstieg"},                                     // unknown path
		{"/body/1/system", 404, "Einstieg"},                                  // unknown list
		{"/body/999/paper", 404, "nicht gefunden"},                           // unknown body
		{fmt.Sprintf("/body/%d/paper?modified_since=gestern", w.body.ID), 400, "ISO 8601"},
		{fmt.Sprintf("/body/%d/paper?modified_since=2024-13-45T99:00:00Z", w.body.ID), 400, "ungültigen Wert"},
		{fmt.Sprintf("/body/%d/paper?limit=-5", w.body.ID), 400, "ganze Zahl"},
		{fmt.Sprintf("/body/%d/paper?limit=abc", w.body.ID), 400, "ganze Zahl"},
		{fmt.Sprintf("/body/%d/paper?after=x", w.body.ID), 400, "Seitenzeiger"},
		{fmt.Sprintf("/body/%d/paper?page=2", w.body.ID), 400, "Unbekannter Parameter"},
		{fmt.Sprintf("/body/%d/paper?omit_internal=ja", w.body.ID), 400, "true und false"},
		{fmt.Sprintf("/body/%d/paper?modified_since=%%ff", w.body.ID), 400, "UTF-8"},
		{fmt.Sprintf("/body/%d/paper?limit=1&limit=2", w.body.ID), 400, "mehrfach"},
		{"/system?limit=3", 400, "keine Parameter"},
	}
	for _, c := range cases {
		m := getJSON(t, w.api+c.path, c.status)
		msg, _ := m["message"].(string)
		if m["type"] != typeError || !strings.Contains(msg, c.msg) {
			t.Errorf("GET %s: %v, want Error with message containing %q", c.path, m, c.msg)
		}
	}
	// A huge limit is clamped, not refused, and the links show the clamped value.
	m := getJSON(t, fmt.Sprintf("%s/body/%d/paper?limit=99999999999999999999999", w.api, w.body.ID), 200)
	if s := m["links"].(map[string]any)["self"].(string); !strings.HasSuffix(s, "limit=1000") {
		t.Errorf("clamped limit: self = %s", s)
	}
	// Writes are refused with an Error object too.
	resp, err := http.Post(w.api+"/system", "application/json", strings.NewReader("{}"))
	must(t, err)
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("POST: status %d", resp.StatusCode)
	}
}

func TestHeadOptionsAndInternalError(t *testing.T) {
	w := newWorld(t)
	resp, err := http.Head(w.api + "/system")
	must(t, err)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Length") == "" {
		t.Errorf("HEAD: %d %v", resp.StatusCode, resp.Header)
	}
	req, _ := http.NewRequest(http.MethodOptions, w.api+"/system", nil)
	resp, err = http.DefaultClient.Do(req)
	must(t, err)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent || !strings.Contains(resp.Header.Get("Access-Control-Allow-Methods"), "GET") {
		t.Errorf("OPTIONS: %d %v", resp.StatusCode, resp.Header)
	}
	// A broken store gives 500 with the generic German message and no internals.
	w.store.Close()
	resp, body := get(t, w.api+"/system")
	if resp.StatusCode != http.StatusInternalServerError {
		t.Errorf("broken store: status %d", resp.StatusCode)
	}
	m := map[string]any{}
	_ = json.Unmarshal(body, &m)
	if msg, _ := m["message"].(string); !strings.HasPrefix(msg, "Interner Fehler") || strings.Contains(string(body), "sql") {
		t.Errorf("internal error answer: %s", body)
	}
}

// TestErrorStatus checks that OParl answers every code with the shared table's
// status, except EFORBIDDEN: a forbidden object must look like a missing one.
func TestErrorStatus(t *testing.T) {
	s := NewServer(Config{BaseURL: "http://ratsinfo.test"})
	for _, code := range []string{ratsinfo.EINVALID, ratsinfo.ENOTFOUND, ratsinfo.ECONFLICT, ratsinfo.EUNAUTHORIZED,
		ratsinfo.EFORBIDDEN, ratsinfo.EUNAVAILABLE, ratsinfo.EINTERNAL} {
		want := httpstatus.Of(code)
		if code == ratsinfo.EFORBIDDEN {
			want = http.StatusNotFound
		}
		rec := httptest.NewRecorder()
		s.writeError(rec, httptest.NewRequest("GET", "/oparl/v1.1/paper/1", nil), ratsinfo.Errorf(code, "Nachricht %d", 7))
		if rec.Code != want {
			t.Errorf("%s: status %d, want %d", code, rec.Code, want)
		}
		var e errorJSON
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		if code != ratsinfo.EINTERNAL && e.Message != "Nachricht 7" {
			t.Errorf("%s: message %q", code, e.Message)
		}
	}
	if httpstatus.Of(ratsinfo.EFORBIDDEN) != http.StatusForbidden {
		t.Error("the shared table must keep 403 for EFORBIDDEN; only OParl hides it as 404")
	}
}
