package web

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ratsinfo/ratsinfo"
)

// legalPage is the imprint, the privacy notice or the accessibility statement.
// Their facts (who runs the site, whom to contact) come from the body's record,
// so each city's installation shows its own.
type legalPage struct {
	Page
	Kind         string // "impressum", "datenschutz", "barrierefreiheit"
	BodyName     string
	ContactName  string
	ContactEmail string
	Website      string
	Form         feedbackForm
	// Paragraphs is the body's own text from the text folder; nil: the generated one.
	Paragraphs []string
	// Statement is the accessibility statement's own part; nil on other pages.
	Statement *accessibilityStatement
	bodyID    int64
}

// feedbackForm is the state of a feedback or report form.
type feedbackForm struct {
	Action  string
	Subject string // what the report is about, e.g. a file's name
	Name    string
	Email   string
	Text    string
	Reason  string // file reports: the chosen reason, kept when the form is shown again
	Errors  map[string]string
	Bot     bool  // the honeypot was filled in
	Sent    bool  // stored: the page thanks and says what happens next
	Number  int64 // the stored message's number, for a later enquiry
}

func (s *Server) legalShow(kind, title string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		p := s.newLegalPage(r, kind, title)
		if kind == "impressum" || kind == "datenschutz" {
			p.Paragraphs = s.ownText(p.bodyID, kind)
		}
		return s.render(w, r, http.StatusOK, "legal_show", p)
	}
}

func (s *Server) newLegalPage(r *http.Request, kind, title string) *legalPage {
	p := &legalPage{Page: s.newPage(r, "", ""), Kind: kind}
	p.Title = p.T(title)
	p.Form.Action = "/barrierefreiheit"
	if kind == "barrierefreiheit" {
		p.Statement = s.newAccessibilityStatement()
	}
	s.fillContact(r.Context(), p)
	return p
}

// fillContact takes the operator's contact from the only body, or the system.
func (s *Server) fillContact(ctx context.Context, p *legalPage) {
	bodies, err := s.store.FindBodies(ctx, ratsinfo.BodyFilter{ListFilter: ratsinfo.ListFilter{Limit: 2}})
	if err == nil && len(bodies) == 1 {
		b := bodies[0]
		p.BodyName, p.ContactName, p.ContactEmail, p.Website = b.Name, b.ContactName, b.ContactEmail, b.Website
		p.bodyID = b.ID
	}
	if p.ContactEmail == "" {
		if sys, err := s.store.FindSystem(ctx); err == nil {
			p.ContactName, p.ContactEmail = sys.ContactName, sys.ContactEmail
			if p.BodyName == "" {
				p.BodyName = sys.Name
			}
		}
	}
}

// maxOwnText caps a text file: an imprint is a page, not a book, and a wrong file
// in the folder must not be served as one.
const maxOwnText = 256 << 10

// ownText reads the body's own imprint or privacy notice, split into paragraphs
// at blank lines. The file is read on every request, so an edit shows at once; a
// missing or unreadable file falls back to the generated page, and the latter is
// logged because the operator meant to replace it.
func (s *Server) ownText(bodyID int64, kind string) []string {
	if s.textDir == "" || bodyID <= 0 {
		return nil
	}
	path := filepath.Join(s.textDir, strconv.FormatInt(bodyID, 10), kind+".txt")
	f, err := os.Open(path)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			s.log.Warn("own text unreadable", "path", path, "err", err)
		}
		return nil
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxOwnText+1))
	if err != nil || len(b) > maxOwnText || !utf8.Valid(b) {
		s.log.Warn("own text not used: unreadable, over 256 KB or not UTF-8", "path", path, "err", err)
		return nil
	}
	var paras []string
	for _, para := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			paras = append(paras, para)
		}
	}
	return paras
}
