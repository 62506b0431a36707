package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// searchPage is /suche: the full-text search over everything public, with
// filters by kind and year. While the index is being built (or when the
// server has none), it says so and falls back to the search in titles and
// reference numbers, so the page always answers.
type searchPage struct {
	Page
	Hits       []searchHitView
	Total      int
	TotalText  string
	Kinds      []facetLink
	Years      []facetLink
	AllKinds   string // link without the kind filter
	AllYears   string
	ByDate     bool
	SortLink   string // the other order
	Suggestion *Link
	Hints      []string
	// Unavailable explains why the full-text search does not answer; Papers
	// are then the hits of the title search.
	Unavailable string
	Papers      []paperRow
	Pager       pager
}

type searchHitView struct {
	Kind      string
	Name      string
	URL       string
	Reference string
	Date      string
	Snippet   template.HTML // escaped by the index, the words in <mark>
}

type facetLink struct {
	Label   string
	Count   int
	URL     string
	Current bool
}

// searchPerPage is the page size of the search page.
const searchPerPage = 20

func (s *Server) searchShow(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := &searchPage{Page: s.newPage(r, "", "")}
	p.Title = p.T("Suche")
	p.NoIndex = true
	p.Query = strings.TrimSpace(strings.ToValidUTF8(q.Get("q"), ""))
	if p.Query == "" {
		return s.render(w, r, http.StatusOK, "search_show", p)
	}
	p.Title = p.T("Suche") + ": " + p.Query
	page, msg := pageNumber(&p.Page, q.Get("seite"))
	if msg != "" {
		p.Message = msg
	}
	if s.search == nil {
		p.Unavailable = p.T("Die Volltextsuche ist auf diesem Server nicht eingerichtet; gesucht wurde in Titeln und Vorlagennummern.")
		return s.titleSearch(w, r, p, page)
	}
	sq := ratsinfo.SearchQuery{Text: p.Query, Kind: q.Get("typ"), ByDate: q.Get("sortierung") == "datum",
		Offset: (page - 1) * searchPerPage, Limit: searchPerPage}
	if !validKind(sq.Kind) {
		sq.Kind = ""
	}
	if y, err := strconv.Atoi(q.Get("jahr")); err == nil && y > 0 && y < 10000 {
		sq.Year = y
	}
	res, err := s.search.Search(r.Context(), sq)
	if ratsinfo.ErrorCode(err) == ratsinfo.EUNAVAILABLE {
		p.Unavailable = ratsinfo.ErrorMessage(err) + " " + p.T("Bis dahin wird in Titeln und Vorlagennummern gesucht.")
		return s.titleSearch(w, r, p, page)
	}
	if err != nil {
		return err
	}
	s.fillSearchPage(r, p, sq, res, page)
	return s.render(w, r, http.StatusOK, "search_show", p)
}

func validKind(k string) bool {
	for _, x := range ratsinfo.SearchKinds() {
		if x == k {
			return true
		}
	}
	return false
}

func (s *Server) fillSearchPage(r *http.Request, p *searchPage, sq ratsinfo.SearchQuery, res *ratsinfo.SearchResult, page int) {
	q := r.URL.Query()
	q.Del("seite")
	p.Total = res.Total
	p.TotalText = strconv.Itoa(res.Total)
	p.Hints = res.Hints
	p.ByDate = sq.ByDate
	if sq.ByDate {
		p.SortLink = pathWith(r.URL.Path, q, "sortierung", "")
	} else {
		p.SortLink = pathWith(r.URL.Path, q, "sortierung", "datum")
	}
	for _, h := range res.Hits {
		v := searchHitView{Kind: p.T(hitKindLabel(h.Kind)), Name: h.Name, URL: h.Path, Reference: h.Reference, Snippet: template.HTML(h.Snippet)}
		if !h.Date.IsZero() {
			v.Date = p.Date(h.Date)
		}
		p.Hits = append(p.Hits, v)
	}
	p.AllKinds = pathWith(r.URL.Path, q, "typ", "")
	for _, f := range res.Kinds {
		p.Kinds = append(p.Kinds, facetLink{Label: p.T(ratsinfo.SearchKindGerman(f.Value)), Count: f.Count,
			URL: pathWith(r.URL.Path, q, "typ", f.Value), Current: f.Value == sq.Kind})
	}
	p.AllYears = pathWith(r.URL.Path, q, "jahr", "")
	for _, f := range res.Years {
		p.Years = append(p.Years, facetLink{Label: f.Value, Count: f.Count,
			URL: pathWith(r.URL.Path, q, "jahr", f.Value), Current: f.Value == strconv.Itoa(sq.Year)})
	}
	if res.Suggestion != "" {
		p.Suggestion = &Link{Label: res.Suggestion, URL: r.URL.Path + "?q=" + url.QueryEscape(res.Suggestion)}
	}
	shown := len(res.Hits)
	p.Pager = makePager(r, page, min(res.Total, ratsinfo.MaxSearchOffset+searchPerPage), shown, searchPerPage, false)
}

// hitKindLabel names one hit's kind (singular).
func hitKindLabel(k string) string {
	switch k {
	case ratsinfo.SearchPaper:
		return "Vorlage"
	case ratsinfo.SearchMeeting:
		return "Sitzung"
	case ratsinfo.SearchAgendaItem:
		return "Tagesordnungspunkt"
	case ratsinfo.SearchPerson:
		return "Person"
	case ratsinfo.SearchOrganization:
		return "Gremium"
	case ratsinfo.SearchQuestion:
		return "Frage"
	}
	return k
}

// titleSearch is the search in titles and reference numbers of papers, in
// SQL: what /suche answers while the full-text index is not there.
func (s *Server) titleSearch(w http.ResponseWriter, r *http.Request, p *searchPage, page int) error {
	if len(p.Query) > 200 {
		p.Query = strings.ToValidUTF8(p.Query[:200], "")
		p.Message = p.T("Der Suchbegriff war zu lang und wurde gekürzt.")
	}
	papers, total, err := s.store.FindPapersByDate(r.Context(), ratsinfo.PaperQuery{
		Text: p.Query, Offset: (page - 1) * papersPerPage, Limit: papersPerPage, CountCap: s.countCap})
	if err != nil {
		return err
	}
	for _, x := range papers {
		p.Papers = append(p.Papers, paperRowOf(x))
	}
	p.Total = total
	capped := total > s.countCap // a search is always a filter: its count stops at the cap
	p.TotalText = s.totalText(&p.Page, total, capped)
	p.Pager = makePager(r, page, total, len(papers), papersPerPage, capped)
	return s.render(w, r, http.StatusOK, "search_show", p)
}
