package mirror_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// upstream is a small OParl server for the attacks of issue 9: one body with a
// paper list, papers with embedded files, and extra handlers for file contents,
// redirects and faults. Unlike hostile it commits no repairable vendor faults,
// so each test sees only its own attack.
type upstream struct {
	srv   *httptest.Server
	mu    sync.Mutex
	paper []map[string]any            // the paper list, in order
	extra map[string]http.HandlerFunc // further paths (file contents, redirects)
	next  string                      // next link of the paper list ("" = none)
	hits  map[string]int
}

func startUpstream(t testing.TB) *upstream {
	u := &upstream{extra: map[string]http.HandlerFunc{}, hits: map[string]int{}}
	u.srv = httptest.NewServer(u)
	t.Cleanup(u.srv.Close)
	return u
}

func (u *upstream) url(p string) string { return u.srv.URL + p }
func (u *upstream) system() string      { return u.url("/system") }

// addPaper appends a paper; files are embedded as its auxiliary files.
func (u *upstream) addPaper(id string, props map[string]any, files ...map[string]any) {
	o := map[string]any{"id": u.url(id), "type": ns + "Paper", "name": "Vorlage " + id,
		"created": time.Now().Add(-time.Hour).Format(time.RFC3339), "modified": time.Now().Add(-time.Hour).Format(time.RFC3339)}
	for k, v := range props {
		o[k] = v
	}
	if len(files) > 0 {
		list := make([]any, len(files))
		for i, f := range files {
			list[i] = f
		}
		o["auxiliaryFile"] = list
	}
	u.mu.Lock()
	u.paper = append(u.paper, o)
	u.mu.Unlock()
}

// file is an embedded File object whose content is at access.
func (u *upstream) file(id, access string) map[string]any {
	return map[string]any{"id": u.url(id), "type": ns + "File", "name": "Anlage " + id, "accessUrl": access,
		"created": time.Now().Add(-time.Hour).Format(time.RFC3339), "modified": time.Now().Add(-time.Hour).Format(time.RFC3339)}
}

func (u *upstream) hit(p string) int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.hits[p]
}

func (u *upstream) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	u.mu.Lock()
	u.hits[r.URL.Path]++
	h, extra := u.extra[r.URL.Path]
	papers, next := append([]any{}, anySlice(u.paper)...), u.next
	u.mu.Unlock()
	switch {
	case extra:
		h(w, r)
	case r.URL.Path == "/system":
		writeJSONAt(w, 200, map[string]any{"id": u.system(), "type": ns + "System", "oparlVersion": ns, "body": u.url("/bodies")})
	case r.URL.Path == "/bodies":
		body := map[string]any{"id": u.url("/body/1"), "type": ns + "Body", "name": "Teststadt", "paper": u.url("/body/1/paper"),
			"created": "2024-01-01T00:00:00+01:00", "modified": "2024-01-01T00:00:00+01:00"}
		writeJSONAt(w, 200, map[string]any{"data": []any{body}, "links": map[string]any{}, "pagination": map[string]any{}})
	case r.URL.Path == "/body/1/paper":
		links := map[string]any{}
		if next != "" {
			links["next"] = next
		}
		if since, err := time.Parse(time.RFC3339, r.URL.Query().Get("modified_since")); err == nil {
			// Tombstones carry no modified here: they are always sent.
			var changed []any
			for _, p := range papers {
				mod, err := time.Parse(time.RFC3339, str(p.(map[string]any)["modified"]))
				if err != nil || !mod.Before(since) {
					changed = append(changed, p)
				}
			}
			papers = changed
		}
		if papers == nil {
			papers = []any{}
		}
		writeJSONAt(w, 200, map[string]any{"data": papers, "links": links, "pagination": map[string]any{}})
	default:
		http.NotFound(w, r)
	}
}

func anySlice(ms []map[string]any) []any {
	out := make([]any, len(ms))
	for i, m := range ms {
		out[i] = m
	}
	return out
}

// pdf serves a small PDF.
func pdf(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/pdf")
	w.Write([]byte("%PDF-1.4\n% " + r.URL.Path + "\n"))
}

func contains(s []string, sub string) bool {
	for _, x := range s {
		if strings.Contains(x, sub) {
			return true
		}
	}
	return false
}
