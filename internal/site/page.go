package site

import (
	"fmt"
	"net/http"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Page is what the layout needs; every page's data struct embeds it, and its
// methods translate and format in the page's language.
type Page struct {
	Title    string
	Lang     string // "de" or "en"
	SiteName string
	Section  string // the navigation entry to mark as current: "sitzungen", "vorlagen", ...
	CSS      string // hashed stylesheet URL
	BaseURL  string
	Path     string // request path, for the language switch and canonical links
	// LangSwitch is the path of the language switch (SwitchLang's route).
	LangSwitch string
	// Message is shown above the content, e.g. when a query parameter was malformed.
	Message string
	// LastModified is the newest modification of the objects on the page; zero when
	// the page also depends on the clock (then only the ETag validates).
	LastModified time.Time
	Feeds        []Link // alternate feeds announced in <head>
	Crumbs       []Link // breadcrumb trail without the current page
	Query        string // the search box's current text
	NoIndex      bool
	site         *Site
}

// Link is a labelled URL.
type Link struct {
	Label string
	URL   string
	Type  string // MIME type for feeds
}

// Data is implemented by every page's data struct through its embedded Page.
type Data interface{ page() *Page }

func (p *Page) page() *Page { return p }

// NewPage fills the common part of a page from the request: the language, the
// site's name, the stylesheet. section marks the navigation entry.
func (s *Site) NewPage(r *http.Request, title, section string) Page {
	return Page{
		Title:      title,
		Lang:       Lang(r),
		SiteName:   s.siteName(r.Context()),
		Section:    section,
		CSS:        s.assets.URL("style.css"),
		BaseURL:    s.baseURL,
		Path:       r.URL.Path,
		LangSwitch: s.langPath,
		site:       s,
	}
}

// T translates a German UI text into the page's language. German is the source
// language, so a missing English text falls back to German rather than to a key.
func (p *Page) T(de string) string {
	if p.Lang != "en" || p.site == nil {
		return de
	}
	if en, ok := p.site.english[de]; ok {
		return en
	}
	if p.site.untranslated != nil {
		p.site.untranslated(de)
	}
	return de
}

// Msg translates a message with arguments: its key (a German format) through T,
// then the arguments that are messages themselves, and formats the result. So
// the dictionary holds "%s enthält ungültige Angaben. …" once, not each variant.
func (p *Page) Msg(m ratsinfo.Msg) string {
	key := p.T(m.Key)
	if len(m.Args) == 0 {
		return key
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if sub, ok := a.(ratsinfo.Msg); ok {
			args[i] = p.Msg(sub)
		} else {
			args[i] = a
		}
	}
	return fmt.Sprintf(key, args...)
}
