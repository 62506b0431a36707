package web

import (
	"context"
	"encoding/xml"
	"net/http"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// robots.txt, sitemap.xml and the OpenSearch description: what search engines
// and browsers read about the site.

func (s *Server) robotsTxt(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	body := "User-agent: *\nDisallow: /suche\nDisallow: /sprache\n\nSitemap: " + s.baseURL + "/sitemap.xml\n"
	serveCached(w, r, []byte(body), time.Time{})
	return nil
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemapLimit is the protocol's maximum of URLs per sitemap file.
const sitemapLimit = 50000

// sitemap lists the start and list pages, every organization, and the newest
// papers and meetings up to the protocol's limit of 50,000 URLs.
func (s *Server) sitemap(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	set := urlset{}
	add := func(path string, mod time.Time) {
		u := sitemapURL{Loc: s.baseURL + path}
		if !mod.IsZero() {
			u.LastMod = mod.UTC().Format(time.RFC3339)
		}
		set.URLs = append(set.URLs, u)
	}
	for _, p := range []string{"/", ratsinfo.WebListPath(ratsinfo.KindMeeting), ratsinfo.WebListPath(ratsinfo.KindPaper), ratsinfo.WebListPath(ratsinfo.KindOrganization), ratsinfo.WebListPath(ratsinfo.KindPerson), "/barrierefreiheit"} {
		add(p, time.Time{})
	}
	orgs, err := s.store.FindOrganizations(ctx, ratsinfo.OrganizationFilter{})
	if err != nil {
		return err
	}
	for _, o := range orgs {
		if !o.Deleted {
			add(ratsinfo.WebPath(ratsinfo.KindOrganization, o.ID), o.Modified)
		}
	}
	persons, err := s.store.FindPersons(ctx, ratsinfo.PersonFilter{})
	if err != nil {
		return err
	}
	for _, p := range persons {
		if !p.Deleted {
			add(ratsinfo.WebPath(ratsinfo.KindPerson, p.ID), p.Modified)
		}
	}
	if err := s.sitemapMeetings(ctx, add, sitemapLimit/4); err != nil {
		return err
	}
	papers, _, err := s.store.FindPapersByDate(ctx, ratsinfo.PaperQuery{Limit: sitemapLimit - len(set.URLs)})
	if err != nil {
		return err
	}
	for _, p := range papers {
		if !p.Deleted {
			add(ratsinfo.WebPath(ratsinfo.KindPaper, p.ID), p.Modified)
		}
	}
	body, err := xml.Marshal(set)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	serveCached(w, r, append([]byte(xml.Header), body...), time.Time{})
	return nil
}

func (s *Server) sitemapMeetings(ctx context.Context, add func(string, time.Time), limit int) error {
	ms, err := s.store.FindMeetingsByStart(ctx, ratsinfo.MeetingRange{Descending: true, Limit: limit})
	if err != nil {
		return err
	}
	for _, m := range ms {
		if !m.Deleted {
			add(ratsinfo.WebPath(ratsinfo.KindMeeting, m.ID), m.Modified)
		}
	}
	return nil
}

// openSearch lets browsers add the site's search to their search bar.
func (s *Server) openSearch(w http.ResponseWriter, r *http.Request) error {
	name := s.siteName(r.Context())
	short := name
	if len([]rune(short)) > 16 {
		short = "Ratsinfo"
	}
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">` + "\n")
	b.WriteString("<ShortName>" + xmlEscape(short) + "</ShortName>\n")
	b.WriteString("<Description>" + xmlEscape("Vorlagen durchsuchen: "+name) + "</Description>\n")
	b.WriteString("<InputEncoding>UTF-8</InputEncoding>\n<Language>de</Language>\n")
	b.WriteString(`<Url type="text/html" method="get" template="` + xmlEscape(s.baseURL) + `/suche?q={searchTerms}"/>` + "\n")
	b.WriteString(`<Url type="application/opensearchdescription+xml" rel="self" template="` + xmlEscape(s.baseURL) + `/opensearch.xml"/>` + "\n")
	b.WriteString("</OpenSearchDescription>\n")
	w.Header().Set("Content-Type", "application/opensearchdescription+xml; charset=utf-8")
	serveCached(w, r, []byte(b.String()), time.Time{})
	return nil
}

func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
