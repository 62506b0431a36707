package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Page is what the layout needs; every page's data struct embeds it.
type Page struct {
	Title    string
	Lang     string // "de" or "en"
	SiteName string
	Section  string // the navigation entry to mark as current: "sitzungen", "vorlagen", ...
	CSS      string // hashed stylesheet URL
	BaseURL  string
	Path     string // request path, for the language switch and canonical links
	// Message is shown above the content, e.g. when a query parameter was malformed.
	Message string
	// LastModified is the newest modification of the objects on the page; zero when
	// the page also depends on the clock (then only the ETag validates).
	LastModified time.Time
	Feeds        []Link // alternate feeds announced in <head>
	Crumbs       []Link // breadcrumb trail without the current page
	Query        string // the search box's current text
	NoIndex      bool
	loc          *time.Location  // Europe/Berlin, from the server
	untranslated func(de string) // from the server; nil in production
}

// Link is a labelled URL.
type Link struct {
	Label string
	URL   string
	Type  string // MIME type for feeds
}

func (p *Page) base() *Page { return p }

// T translates a German UI text into the page's language. German is the source
// language, so a missing English text falls back to German rather than to a key.
func (p *Page) T(de string) string {
	if p.Lang == "en" {
		if en, ok := englishAll[de]; ok {
			return en
		}
		if p.untranslated != nil {
			p.untranslated(de)
		}
	}
	return de
}

// Date formats a calendar day: 27.02.2023 in German, 2023-02-27 in English.
func (p *Page) Date(d ratsinfo.Date) string {
	if d.IsZero() {
		return ""
	}
	if p.Lang == "en" {
		return d.String()
	}
	return fmt.Sprintf("%02d.%02d.%04d", d.Day, d.Month, d.Year)
}

// newPage fills the common part of a page from the request.
func (s *Server) newPage(r *http.Request, title, section string) Page {
	return Page{
		Title:    title,
		Lang:     langOf(r),
		SiteName: s.siteName(r.Context()),
		Section:  section,
		CSS:      s.assets.url("style.css"),
		BaseURL:  s.baseURL,
		Path:     r.URL.Path,
		loc:      s.loc,

		untranslated: s.untranslated,
	}
}

// siteName names the site after the body when there is exactly one, as a city's
// visitors expect ("Ratsinformationssystem Norderstedt"), else after the system.
func (s *Server) siteName(ctx context.Context) string {
	bodies, err := s.store.FindBodies(ctx, ratsinfo.BodyFilter{ListFilter: ratsinfo.ListFilter{Limit: 2}})
	if err == nil && len(bodies) == 1 {
		name := bodies[0].ShortName
		if name == "" {
			name = bodies[0].Name
		}
		return "Ratsinformationssystem " + name
	}
	if sys, err := s.store.FindSystem(ctx); err == nil && sys.Name != "" {
		return sys.Name
	}
	return "Ratsinformationssystem"
}

// langOf chooses the language: an explicit ?lang= or the cookie set by the switch,
// then the browser's first preference; German otherwise.
func langOf(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "de" || l == "en" {
		return l
	}
	if c, err := r.Cookie("lang"); err == nil && (c.Value == "de" || c.Value == "en") {
		return c.Value
	}
	return negotiate(r.Header.Get("Accept-Language"))
}

// pathWith returns p with query parameter k set to v, for pagination and filters.
func pathWith(p string, q url.Values, k, v string) string {
	c := url.Values{}
	for key, vals := range q {
		c[key] = vals
	}
	if v == "" {
		c.Del(k)
	} else {
		c.Set(k, v)
	}
	if len(c) == 0 {
		return p
	}
	return p + "?" + c.Encode()
}
