package web

import (
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/ratsinfo/ratsinfo"
)

// Feedback on accessibility and reports about files (personal data, wrong
// content) are recorded in the structured log under "feedback", which the
// operator routes to the council office. Nothing is stored in the council record:
// a report about personal data must not become personal data on the site.

const maxFeedback = 5000

var emailRe = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// readFeedback validates a posted form; what is wrong is said per field.
func readFeedback(r *http.Request, p *Page, f *feedbackForm) bool {
	r.Body = http.MaxBytesReader(nil, r.Body, 32<<10)
	if err := r.ParseForm(); err != nil {
		f.Errors = map[string]string{"text": p.T("Die Nachricht ist zu lang oder beschädigt. Bitte kürzen Sie sie auf höchstens 5000 Zeichen.")}
		return false
	}
	f.Name = strings.TrimSpace(r.PostForm.Get("name"))
	f.Email = strings.TrimSpace(r.PostForm.Get("email"))
	f.Text = strings.TrimSpace(r.PostForm.Get("text"))
	f.Errors = map[string]string{}
	if f.Text == "" {
		f.Errors["text"] = p.T("Bitte schreiben Sie Ihre Nachricht.")
	} else if utf8.RuneCountInString(f.Text) > maxFeedback {
		f.Errors["text"] = p.T("Die Nachricht ist zu lang. Bitte kürzen Sie sie auf höchstens 5000 Zeichen.")
	}
	if f.Email != "" && !emailRe.MatchString(f.Email) {
		f.Errors["email"] = p.T("Das ist keine gültige E-Mail-Adresse. Bitte prüfen Sie sie oder lassen Sie das Feld leer.")
	}
	if len(f.Name) > 200 {
		f.Errors["name"] = p.T("Der Name ist zu lang.")
	}
	return len(f.Errors) == 0
}

func (s *Server) accessibilityFeedback(w http.ResponseWriter, r *http.Request) error {
	p := s.newLegalPage(r, "barrierefreiheit", "Erklärung zur Barrierefreiheit")
	if !readFeedback(r, &p.Page, &p.Form) {
		p.Message = p.T("Bitte korrigieren Sie die markierten Angaben.")
		return s.render(w, r, http.StatusBadRequest, "legal_show", p)
	}
	s.log.Warn("feedback", "kind", "accessibility", "page", r.PostForm.Get("seite"),
		"name", p.Form.Name, "email", p.Form.Email, "text", p.Form.Text)
	p.Form = feedbackForm{Action: p.Form.Action, Sent: true}
	return s.render(w, r, http.StatusOK, "legal_show", p)
}

// fileReport is the "report this file" form: GET shows it, POST records it.
func (s *Server) fileReport(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f, err := s.store.FindFileByID(r.Context(), id)
	if f, err = findLive(f, err, func(f *ratsinfo.File) bool { return f.Deleted }, ratsinfo.KindFile, id); err != nil {
		return err
	}
	row := s.fileRowOf(f, "")
	p := &legalPage{Page: s.newPage(r, "", ""), Kind: "melden"}
	p.Title = p.T("Datei melden") + ": " + row.Name
	p.NoIndex = true
	p.Crumbs = []Link{{Label: row.Name, URL: row.PageURL}}
	p.Form = feedbackForm{Action: row.PageURL + "/melden", Subject: row.Name}
	s.fillContact(r.Context(), p)
	if r.Method == http.MethodPost {
		if !readFeedback(r, &p.Page, &p.Form) {
			p.Message = p.T("Bitte korrigieren Sie die markierten Angaben.")
			return s.render(w, r, http.StatusBadRequest, "legal_show", p)
		}
		reason := r.PostForm.Get("grund")
		if reason != "personenbezogen" && reason != "fehler" {
			reason = "sonstiges"
		}
		s.log.Warn("feedback", "kind", "file_report", "file_id", id, "reason", reason,
			"name", p.Form.Name, "email", p.Form.Email, "text", p.Form.Text)
		p.Form = feedbackForm{Action: p.Form.Action, Subject: row.Name, Sent: true}
	}
	return s.render(w, r, http.StatusOK, "legal_show", p)
}
