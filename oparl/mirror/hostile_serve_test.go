package mirror_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

func (h *hostile) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	p, q := r.URL.Path, r.URL.Query()
	key := p + "?" + r.URL.RawQuery
	first := h.first(key)
	h.mu.Unlock()
	switch {
	case p == "/system":
		writeJSONAt(w, 200, map[string]any{"id": h.system(), "type": ns + "System", "oparlVersion": ns, "body": h.u("/bodies")})
		return
	case p == "/bodies":
		h.mu.Lock()
		body := h.objs["/body/1"]
		h.mu.Unlock()
		writeJSONAt(w, 200, map[string]any{"data": []any{body}, "links": map[string]any{}, "pagination": map[string]any{}})
		return
	case strings.HasPrefix(p, "/files/"):
		if p == "/files/1" && first {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header()["Content-Type"] = nil // no content type: the mirror sniffs it
		w.Write([]byte("%PDF-1.4\n% Datei " + p + "\n"))
		return
	case p == "/body/1/organization" && first:
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusInternalServerError)
		return
	case p == "/body/1/person" && first:
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<!DOCTYPE html><html><body>Wartungsarbeiten</body></html>"))
		return
	case p == "/body/1/meeting" && first:
		time.Sleep(h.slow)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if ids, ok := h.lists[p]; ok {
		h.serveList(w, p, q, ids)
		return
	}
	if strings.HasPrefix(p, "/person/2") {
		o := copyMap(h.objs[p])
		o["id"] = h.u("/people/2") // id differs from the URL it was fetched from
		writeJSONAt(w, 200, o)
		return
	}
	if o, ok := h.objs[p]; ok {
		writeJSONAt(w, 200, o)
		return
	}
	// SD.NET's answer to everything unknown, empty lists included.
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write([]byte(`{"error":"Die angeforderte Ressource wurde nicht gefunden.","code":802}`))
}

func (h *hostile) serveList(w http.ResponseWriter, p string, q url.Values, ids []string) {
	since := q.Get("modified_since")
	var match []any
	for _, id := range ids {
		o := h.objs[id]
		if since != "" {
			lim, err := time.Parse(time.RFC3339, since)
			mod, _ := time.Parse(time.RFC3339, str(o["modified"]))
			if err != nil || mod.Before(lim) {
				continue
			}
		}
		match = append(match, o)
	}
	if since != "" && len(match) == 0 {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"error":"Die angeforderte Ressource wurde nicht gefunden.","code":802}`))
		return
	}
	pageNo, _ := strconv.Atoi(q.Get("page"))
	pageNo = max(pageNo, 1)
	lo, hi := min((pageNo-1)*2, len(match)), min(pageNo*2, len(match))
	links := map[string]any{}
	if hi < len(match) {
		links["next"] = h.u(p) + "?page=" + strconv.Itoa(pageNo+1) // the filter is lost here
	} else if p == "/body/1/paper" && since == "" {
		links["next"] = h.u(p) + "?page=1" // and here the last page leads back to the first
	}
	data := match[lo:hi]
	if data == nil {
		data = []any{}
	}
	writeJSONAt(w, 200, map[string]any{"data": data, "links": links, "pagination": map[string]any{"totalElements": len(match)}})
}

func writeJSONAt(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func copyMap(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	return out
}
