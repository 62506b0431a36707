package web

import (
	"net/http"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// searchPage is the search over titles and reference numbers. The full-text
// engine will answer the same URL (/suche?q=) later; links to it stay valid.
type searchPage struct {
	Page
	Papers    []paperRow
	Total     int
	TotalText string // see paperListPage
	Pager     pager
}

func (s *Server) searchShow(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := &searchPage{Page: s.newPage(r, "", "")}
	p.Title = p.T("Suche")
	p.NoIndex = true
	p.Query = strings.TrimSpace(q.Get("q"))
	if len(p.Query) > 200 {
		p.Query = p.Query[:200]
		p.Message = p.T("Der Suchbegriff war zu lang und wurde gekürzt.")
	}
	if p.Query == "" {
		return s.render(w, r, http.StatusOK, "search_show", p)
	}
	p.Title = p.T("Suche") + ": " + p.Query
	page, msg := pageNumber(&p.Page, q.Get("seite"))
	if msg != "" {
		p.Message = msg
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
