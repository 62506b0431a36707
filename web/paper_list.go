package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/site"
)

const papersPerPage = 25

// paperListPage lists papers newest first with filters for type, organization,
// originating person, date range and a text in the title or reference.
type paperListPage struct {
	Page
	Types []option
	Orgs  []option
	// Persons is empty or "all persons" plus the chosen one: a select of every
	// person would weigh hundreds of kilobytes in a big city, so the person filter
	// comes from a person's page ("Alle Vorlagen dieser Person") and the select
	// only shows it and lets the visitor drop it.
	Persons []option
	From    string
	Until   string
	Text    string
	Papers  []paperRow
	Total   int
	// TotalText is Total for the reader: "mehr als 10.000" when counting stopped.
	TotalText string
	Pager     pager
}

// paperCountCap is how far a filtered paper list or search counts its matches:
// a filter that matches most of a million papers would otherwise count them all
// on every visit after each change.
const paperCountCap = 10000

// pager links to the neighbouring pages of a list.
type pager struct {
	Page, Pages int
	Prev, Next  string
}

func (s *Server) paperList(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q := r.URL.Query()
	p := &paperListPage{Page: s.newPage(r, "", "vorlagen")}
	p.Title = p.T("Vorlagen")
	var msgs []string
	pq := ratsinfo.PaperQuery{Limit: papersPerPage, CountCap: s.countCap}

	p.Types = []option{{Value: "", Label: p.T("alle Arten")}}
	for _, t := range ratsinfo.PaperTypes() {
		sel := q.Get("art") == t
		if sel {
			pq.PaperType = t
		}
		p.Types = append(p.Types, option{Value: t, Label: t, Selected: sel})
	}
	if v := q.Get("art"); v != "" && pq.PaperType == "" {
		msgs = append(msgs, p.T("Diese Vorlagenart gibt es nicht; angezeigt werden alle Arten."))
	}
	orgOpts, orgID, msg := s.orgOptions(r, q.Get("gremium"), &p.Page)
	p.Orgs, pq.OrganizationID = orgOpts, orgID
	if msg != "" {
		msgs = append(msgs, msg)
	}
	personOpts, personID, msg, err := s.personOptions(r, q.Get("person"), &p.Page)
	if err != nil {
		return err
	}
	p.Persons, pq.PersonID = personOpts, personID
	if msg != "" {
		msgs = append(msgs, msg)
	}
	if pq.DateFrom, err = ratsinfo.ParseDate(q.Get("von")); err != nil {
		msgs = append(msgs, p.T("Das Datum „von“ wurde nicht verstanden; erwartet wird JJJJ-MM-TT."))
	}
	if pq.DateUntil, err = ratsinfo.ParseDate(q.Get("bis")); err != nil {
		msgs = append(msgs, p.T("Das Datum „bis“ wurde nicht verstanden; erwartet wird JJJJ-MM-TT."))
	}
	p.From, p.Until = pq.DateFrom.String(), pq.DateUntil.String()
	p.Text = q.Get("q")
	if len(p.Text) > 200 {
		p.Text = p.Text[:200]
	}
	pq.Text = p.Text
	page, msg := pageNumber(&p.Page, q.Get("seite"))
	if msg != "" {
		msgs = append(msgs, msg)
	}
	pq.Offset = (page - 1) * papersPerPage

	papers, total, err := s.store.FindPapersByDate(ctx, pq)
	if err != nil {
		return err
	}
	for _, pp := range papers {
		p.Papers = append(p.Papers, paperRowOf(pp))
	}
	p.Total = total
	capped := pq.Narrowed() && total > s.countCap // a whole list's total is exact
	p.TotalText = s.totalText(&p.Page, total, capped)
	p.Pager = makePager(r, page, total, len(papers), papersPerPage, capped)
	p.Message = joinMessages(msgs)
	p.Feeds = []Link{{Label: p.T("Neue Vorlagen (Atom)"), URL: papersAtom(), Type: "application/atom+xml"}}
	if pq.PaperType != "" {
		p.Feeds = append(p.Feeds, Link{Label: pq.PaperType + " (Atom)", URL: papersAtom() + "?art=" + url.QueryEscape(pq.PaperType), Type: "application/atom+xml"})
	}
	return s.render(w, r, http.StatusOK, "paper_list", p)
}

// orgOptions reads an organization filter parameter and builds the select's options.
func (s *Server) orgOptions(r *http.Request, v string, p *Page) ([]option, int64, string) {
	var id int64
	msg := ""
	if v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			msg = p.T("Das Gremium wurde nicht verstanden; angezeigt werden alle Gremien.")
		} else {
			id = n
		}
	}
	orgs, err := s.store.FindOrganizations(r.Context(), ratsinfo.OrganizationFilter{})
	if err != nil && !site.ClientGone(r) {
		s.log.Warn("organizations for filter", "err", err)
	}
	opts := []option{{Value: "", Label: p.T("alle Gremien")}}
	found := false
	for _, o := range orgs {
		if o.Deleted {
			continue
		}
		found = found || o.ID == id
		opts = append(opts, option{Value: strconv.FormatInt(o.ID, 10), Label: o.Name, Selected: o.ID == id})
	}
	if id != 0 && !found {
		return opts, 0, p.T("Dieses Gremium gibt es nicht; angezeigt werden alle Gremien.")
	}
	return opts, id, msg
}

// personOptions reads the originating-person parameter. A person the visitor may
// not see reads as not found, exactly like one that does not exist.
// Any other store error fails the page: "this person does not exist" would be wrong.
func (s *Server) personOptions(r *http.Request, v string, p *Page) ([]option, int64, string, error) {
	if v == "" {
		return nil, 0, "", nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return nil, 0, p.T("Die Person wurde nicht verstanden; angezeigt werden die Vorlagen aller Personen."), nil
	}
	person, err := loadLive(r.Context(), s.store.FindPersonByID, ratsinfo.KindPerson, id)
	if ratsinfo.ErrorCode(err) == ratsinfo.ENOTFOUND {
		return nil, 0, p.T("Diese Person gibt es nicht; angezeigt werden die Vorlagen aller Personen."), nil
	}
	if err != nil {
		return nil, 0, "", err
	}
	return []option{{Value: "", Label: p.T("alle Personen")},
		{Value: strconv.FormatInt(id, 10), Label: personName(person), Selected: true}}, id, "", nil
}

// pageNumber reads ?seite=; anything but a positive number means page 1.
func pageNumber(p *Page, v string) (int, string) {
	if v == "" {
		return 1, ""
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 100000 {
		return 1, p.T("Die Seitenzahl wurde nicht verstanden; angezeigt wird die erste Seite.")
	}
	return n, ""
}

// makePager links the pages around page of a list with total matches, of
// which shown are on this page. A capped total is not the true one: the page
// count is then unknown (0), and a full page links the next.
func makePager(r *http.Request, page, total, shown, per int, capped bool) pager {
	pg := pager{Page: page, Pages: (total + per - 1) / per}
	next := page < pg.Pages
	if capped {
		pg.Pages = 0
		next = shown == per
	}
	q := r.URL.Query()
	if page > 1 {
		pg.Prev = pathWith(r.URL.Path, q, "seite", strconv.Itoa(page-1))
	}
	if next {
		pg.Next = pathWith(r.URL.Path, q, "seite", strconv.Itoa(page+1))
	}
	return pg
}

// totalText writes a list's total, or "mehr als 10.000" where counting stopped.
func (s *Server) totalText(p *Page, total int, capped bool) string {
	if !capped {
		return strconv.Itoa(total)
	}
	return p.T("mehr als") + " " + groupThousands(s.countCap, p.Lang)
}

// groupThousands writes n with a thousands separator: 10.000, in English 10,000.
func groupThousands(n int, lang string) string {
	sep := "."
	if lang == "en" {
		sep = ","
	}
	digits := strconv.Itoa(n)
	out := ""
	for len(digits) > 3 {
		out = sep + digits[len(digits)-3:] + out
		digits = digits[:len(digits)-3]
	}
	return digits + out
}

func joinMessages(msgs []string) string {
	out := ""
	for i, m := range msgs {
		if i > 0 {
			out += " "
		}
		out += m
	}
	return out
}
