package web

import (
	"encoding/xml"
	"net/http"
	"slices"
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
	ctx := r.Context()
	papers, _, err := s.store.FindPapersByDate(ctx, q)
	if err != nil {
		return err
	}
	papers = slices.DeleteFunc(papers, func(p *ratsinfo.Paper) bool { return p.Deleted })
	refs, err := s.loadAtomRefs(ctx, papers)
	if err != nil {
		return err
	}
	feed := atomFeed{Lang: "de", ID: s.baseURL + self, Title: title, Author: atomPerson{Name: s.siteName(ctx)},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: s.baseURL + self},
			{Rel: "alternate", Type: "text/html", Href: s.baseURL + ratsinfo.WebListPath(ratsinfo.KindPaper)}}}
	var updated time.Time
	for _, p := range papers {
		own := entryUpdated(p, s.loc)
		updated = latest(updated, own)
		link := s.baseURL + ratsinfo.WebPath(ratsinfo.KindPaper, p.ID)
		e := atomEntry{ID: link, Title: p.Name, Updated: own.UTC().Format(time.RFC3339),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: link}, Summary: refs.summary(p)}
		if !p.Date.IsZero() {
			e.Published = dayStart(p.Date, s.loc).UTC().Format(time.RFC3339)
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
	// Last-Modified is the newest change of anything the feed shows (papers,
	// originators, texts), so If-Modified-Since never keeps a renamed originator.
	serveCached(w, r, append([]byte(xml.Header), body...), refs.modified)
	return nil
}

// entryUpdated is when an entry last changed in a way a reader cares about: the
// paper's own date, or a later edit. Whatever happened to the record on the day
// the paper entered this system (created, imported, the demo loaded, its
// consultations attached) belongs to its arrival, not to a change: otherwise a
// mirror or a demo would stamp every entry with the same load time. An edit on a
// later day counts. The result is never after the record's last change, so a
// paper dated in the future does not claim a future update.
func entryUpdated(p *ratsinfo.Paper, loc *time.Location) time.Time {
	own := p.Created
	if !p.Date.IsZero() {
		own = dayStart(p.Date, loc)
	}
	if !p.Modified.IsZero() && own.After(p.Modified) {
		own = p.Modified
	}
	if ratsinfo.DateOf(p.Created.In(loc)).Before(ratsinfo.DateOf(p.Modified.In(loc))) && p.Modified.After(own) {
		own = p.Modified
	}
	return own
}

// dayStart is midnight of d in loc, the instant a council's dated paper begins.
func dayStart(d ratsinfo.Date, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}
