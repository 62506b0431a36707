package web

import (
	"encoding/xml"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Atom feeds (RFC 4287) of the latest papers: all, one organization's, one type's.

const feedEntries = 50

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published,omitempty"`
	Link      atomLink   `xml:"link"`
	Summary   string     `xml:"summary"`
	Category  *atomCateg `xml:"category,omitempty"`
}

type atomCateg struct {
	Term string `xml:"term,attr"`
}

func (s *Server) papersAtom(w http.ResponseWriter, r *http.Request) error {
	q := ratsinfo.PaperQuery{Limit: feedEntries}
	title := s.siteName(r.Context()) + ": Neue Vorlagen"
	if t := r.URL.Query().Get("art"); t != "" {
		if types := ratsinfo.PaperTypes(); !slices.Contains(types, t) {
			return ratsinfo.Errorf(ratsinfo.EINVALID, "Die Vorlagenart %q gibt es nicht. Erlaubt sind: %s.", t, strings.Join(types, ", "))
		}
		q.PaperType = t
		title += " (" + t + ")"
	}
	return s.writeAtom(w, r, q, title, r.URL.RequestURI())
}

func (s *Server) organizationAtom(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	o, err := loadLive(r.Context(), s.store.FindOrganizationByID, ratsinfo.KindOrganization, id)
	if err != nil {
		return err
	}
	return s.writeAtom(w, r, ratsinfo.PaperQuery{OrganizationID: id, Limit: feedEntries}, o.Name+": Neue Vorlagen", r.URL.Path)
}

func (s *Server) writeAtom(w http.ResponseWriter, r *http.Request, q ratsinfo.PaperQuery, title, self string) error {
	papers, _, err := s.store.FindPapersByDate(r.Context(), q)
	if err != nil {
		return err
	}
	feed := atomFeed{Lang: "de", ID: s.baseURL + self, Title: title, Author: atomPerson{Name: s.siteName(r.Context())},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: s.baseURL + self},
			{Rel: "alternate", Type: "text/html", Href: s.baseURL + ratsinfo.WebListPath(ratsinfo.KindPaper)}}}
	var updated time.Time
	for _, p := range papers {
		if p.Deleted {
			continue
		}
		updated = latest(updated, p.Modified)
		link := s.baseURL + ratsinfo.WebPath(ratsinfo.KindPaper, p.ID)
		e := atomEntry{ID: link, Title: p.Name, Updated: p.Modified.UTC().Format(time.RFC3339),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: link}, Summary: paperSummary(p)}
		if !p.Date.IsZero() {
			e.Published = p.Date.String() + "T00:00:00Z"
		}
		if p.PaperType != "" {
			e.Category = &atomCateg{Term: p.PaperType}
		}
		feed.Entries = append(feed.Entries, e)
	}
	if updated.IsZero() {
		updated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // an empty feed still needs one
	}
	feed.Updated = updated.UTC().Format(time.RFC3339)
	body, err := xml.MarshalIndent(feed, "", " ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	serveCached(w, r, append([]byte(xml.Header), body...), updated)
	return nil
}

func paperSummary(p *ratsinfo.Paper) string {
	s := p.PaperType
	if p.Reference != "" {
		s += ", " + p.Reference
	}
	if !p.Date.IsZero() {
		s += ", " + strconv.Itoa(p.Date.Day) + "." + strconv.Itoa(int(p.Date.Month)) + "." + strconv.Itoa(p.Date.Year)
	}
	return s
}
