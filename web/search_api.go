package web

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// searchJSON is the answer of GET /api/search.
type searchJSON struct {
	Total      int                       `json:"total"`
	Hits       []searchHitJSON           `json:"hits"`
	Facets     map[string]map[string]int `json:"facets"`
	Suggestion string                    `json:"suggestion,omitempty"`
	Hints      []string                  `json:"hints,omitempty"`
}

type searchHitJSON struct {
	Type      string `json:"type"`
	ID        string `json:"id"` // the OParl id; for a question, its web address
	Name      string `json:"name"`
	Reference string `json:"reference,omitempty"`
	Date      string `json:"date,omitempty"`
	Web       string `json:"web"`
	Snippet   string `json:"snippet"`
}

type searchErrorJSON struct {
	Error string `json:"error"`
}

// searchAPI is GET /api/search?q=…&type=paper&year=2023&sort=date&limit=20&offset=0:
// the full-text search as JSON, for the public like the search page. Bad
// parameters are a 400 with a German message; an index not ready a 503.
func (s *Server) searchAPI(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	writeJSON := func(status int, v any) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if status == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", "30")
		}
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(v)
	}
	bad := func(msg string) { writeJSON(http.StatusBadRequest, searchErrorJSON{Error: msg}) }
	sq := ratsinfo.SearchQuery{Text: strings.ToValidUTF8(q.Get("q"), ""), Kind: q.Get("type")}
	if strings.TrimSpace(sq.Text) == "" {
		bad("Bitte einen Suchbegriff im Parameter q angeben, z. B. /api/search?q=Radweg.")
		return
	}
	if sq.Kind != "" && !validKind(sq.Kind) {
		bad("Unbekannter Wert für type. Erlaubt sind: " + strings.Join(ratsinfo.SearchKinds(), ", ") + ".")
		return
	}
	var err error
	if sq.Limit, err = intParam(q.Get("limit"), 20, 1, ratsinfo.MaxSearchLimit); err != nil {
		bad("limit muss eine Zahl von 1 bis " + strconv.Itoa(ratsinfo.MaxSearchLimit) + " sein.")
		return
	}
	if sq.Offset, err = intParam(q.Get("offset"), 0, 0, ratsinfo.MaxSearchOffset); err != nil {
		bad("offset muss eine Zahl von 0 bis " + strconv.Itoa(ratsinfo.MaxSearchOffset) + " sein.")
		return
	}
	if sq.Year, err = intParam(q.Get("year"), 0, 1000, 9999); err != nil {
		bad("year muss eine Jahreszahl sein, z. B. 2023.")
		return
	}
	switch q.Get("sort") {
	case "", "relevance":
	case "date":
		sq.ByDate = true
	default:
		bad("sort ist relevance (Standard) oder date.")
		return
	}
	if s.search == nil {
		writeJSON(http.StatusServiceUnavailable, searchErrorJSON{Error: "Die Volltextsuche ist auf diesem Server nicht eingerichtet."})
		return
	}
	res, err := s.search.Search(r.Context(), sq)
	if ratsinfo.ErrorCode(err) == ratsinfo.EUNAVAILABLE {
		writeJSON(http.StatusServiceUnavailable, searchErrorJSON{Error: ratsinfo.ErrorMessage(err)})
		return
	}
	if err != nil {
		s.log.Error("search", "err", err)
		writeJSON(http.StatusInternalServerError, searchErrorJSON{Error: ratsinfo.ErrorMessage(err)})
		return
	}
	out := searchJSON{Total: res.Total, Hits: []searchHitJSON{}, Suggestion: res.Suggestion, Hints: res.Hints,
		Facets: map[string]map[string]int{"type": {}, "year": {}}}
	for _, h := range res.Hits {
		j := searchHitJSON{Type: h.Kind, Name: h.Name, Reference: h.Reference, Web: s.baseURL + h.Path, Snippet: h.Snippet}
		j.ID = j.Web
		if h.OParlKind != "" {
			j.ID = s.baseURL + "/oparl/v1.1/" + lowerFirst(string(h.OParlKind)) + "/" + strconv.FormatInt(h.ID, 10)
		}
		if !h.Date.IsZero() {
			j.Date = h.Date.String()
		}
		out.Hits = append(out.Hits, j)
	}
	for _, f := range res.Kinds {
		out.Facets["type"][f.Value] = f.Count
	}
	for _, f := range res.Years {
		out.Facets["year"][f.Value] = f.Count
	}
	writeJSON(http.StatusOK, out)
}

// intParam reads an optional integer parameter within [lo, hi].
func intParam(v string, def, lo, hi int) (int, error) {
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, strconv.ErrRange
	}
	return n, nil
}

// lowerFirst turns an OParl type name into its URL segment: AgendaItem → agendaItem.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
