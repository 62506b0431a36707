package web

import (
	"embed"
	"io/fs"
	"net/http"
	"time"

	"github.com/ratsinfo/ratsinfo/internal/site"
)

// templateFS holds the public site's pages and its parts of the kit's layout
// (chrome.html: header, footer) and partials; the layout and the error page are
// the kit's (internal/site).
//
//go:embed templates
var templateFS embed.FS

// partials are the template files parsed into every page rather than being pages.
var partials = []string{"chrome.html", "partials.html"}

// Page is what the layout needs; every page's data struct embeds it. It is the
// kit's, so that translation and formatting work the same on every surface.
type Page = site.Page

// Link is a labelled URL.
type Link = site.Link

// errorLinks are the ways back that the error page offers.
var errorLinks = []Link{{Label: "Zur Startseite", URL: "/"}, {Label: "Zur Suche", URL: "/suche"},
	{Label: "Zum Sitzungskalender", URL: "/sitzungen"}}

// newSite builds the page kit with the public site's templates, translations and
// template functions.
func (s *Server) newSite(baseURL string) *site.Site {
	tmpl, err := fs.Sub(templateFS, "templates")
	if err != nil {
		panic(err)
	}
	return site.New(site.Config{
		BaseURL:    baseURL,
		Templates:  tmpl,
		Partials:   partials,
		Funcs:      map[string]any{"paragraphs": paragraphs},
		English:    englishAll,
		SiteName:   s.siteName,
		ErrorLinks: errorLinks,
		Logger:     s.log,
		Renders:    s.renders,
		// Read at call time, so that a test may set s.untranslated after NewServer.
		Untranslated: func(de string) {
			if s.untranslated != nil {
				s.untranslated(de)
			}
		},
	})
}

// render shows a page through the kit: buffered, with ETag and conditional GET.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data site.Data) error {
	return s.site.Render(w, r, status, name, data)
}

// serveCached answers with body, or 304 when the client's copy is current.
func serveCached(w http.ResponseWriter, r *http.Request, body []byte, modified time.Time) {
	site.ServeCached(w, r, body, modified)
}

// latest returns the latest of ts, for a page's Last-Modified.
func latest(ts ...time.Time) time.Time {
	var m time.Time
	for _, t := range ts {
		if t.After(m) {
			m = t
		}
	}
	return m
}
