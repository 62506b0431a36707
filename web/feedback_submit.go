package web

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Feedback on accessibility and reports about files (personal data, wrong
// content) are stored through the FeedbackStore, outside the council record, for
// the council office to read (`ratsinfo feedback list`). The website never shows
// them again: a report about personal data must not become personal data on the site.

// honeypotField is a form field hidden from people (CSS and aria-hidden) that
// simple bots fill in. Such a post gets the thank-you page and is not stored.
const honeypotField = "homepage"

// maxFeedbackBody caps the posted form: the text's 5000 characters, in UTF-8 and
// URL-encoded, fit well within it.
const maxFeedbackBody = 64 << 10

// readFeedback reads a posted form into the page's form state, keeping what was
// entered, and validates it with the domain's rules (fb.Validate), so the website
// and the store agree on what is acceptable. It reports whether fb may be stored;
// otherwise every wrong field has a message in the page's language.
func readFeedback(r *http.Request, p *legalPage, fb *ratsinfo.Feedback) bool {
	form := &p.Form
	r.Body = http.MaxBytesReader(nil, r.Body, maxFeedbackBody)
	form.Errors = map[string]string{}
	if err := r.ParseForm(); err != nil {
		form.Errors["text"] = p.T("Die Nachricht ist zu lang oder beschädigt. Bitte kürzen Sie sie auf höchstens 5000 Zeichen.")
		p.Message = p.T("Bitte korrigieren Sie die markierten Angaben.")
		return false
	}
	form.Name = strings.TrimSpace(r.PostForm.Get("name"))
	form.Email = strings.TrimSpace(r.PostForm.Get("email"))
	form.Text = strings.TrimSpace(r.PostForm.Get("text"))
	if g := r.PostForm.Get("grund"); g != "" {
		form.Reason = g
	}
	form.Bot = r.PostForm.Get(honeypotField) != ""
	fb.Name, fb.Email, fb.Text, fb.Reason, fb.Page, fb.Lang = form.Name, form.Email, form.Text, form.Reason, r.URL.Path, p.Lang
	var ve *ratsinfo.Error
	if err := fb.Validate(); errors.As(err, &ve) {
		for field := range ve.Fields {
			if label, ok := fieldLabel[field]; ok {
				// Label and rule are translated apart: "The name" + "is too long…".
				form.Errors[field] = p.T(label) + " " + p.Msg(ve.FieldText(field))
			}
		}
		if form.Text == "" {
			form.Errors["text"] = p.T("Bitte schreiben Sie Ihre Nachricht.")
		}
		if len(form.Errors) == 0 {
			// A rule about a field the citizen cannot change (kind, file): ours.
			form.Errors["text"] = p.T("Die Nachricht konnte nicht zugeordnet werden. Bitte laden Sie die Seite neu.")
		}
		p.Message = p.T("Bitte korrigieren Sie die markierten Angaben.")
		return false
	}
	return true
}

// fieldLabel names the form's fields in the domain's field errors.
var fieldLabel = map[string]string{"text": "Die Nachricht", "name": "Der Name", "email": "Die E-Mail-Adresse"}

// saveFeedback stores fb and fills the form's state for the answer page. A store
// that cannot write keeps the form filled in and says to try again: nothing
// entered is lost.
func (s *Server) saveFeedback(w http.ResponseWriter, r *http.Request, p *legalPage, fb *ratsinfo.Feedback) int {
	form := &p.Form
	if form.Bot {
		s.log.Info("feedback dropped: honeypot filled", "kind", fb.Kind, "path", r.URL.Path)
		form.Sent = true
		return http.StatusOK
	}
	if scope, wait := s.limiter.allow(clientKey(r.RemoteAddr), s.now()); scope != limitNone {
		return s.refuseFeedback(w, p, scope, wait)
	}
	var err error
	if s.feedback == nil {
		err = errors.New("no feedback store configured")
	} else {
		err = s.feedback.CreateFeedback(r.Context(), fb)
	}
	if err != nil {
		s.log.Error("feedback not stored", "kind", fb.Kind, "err", err)
		p.Message = p.T("Ihre Nachricht konnte gerade nicht gespeichert werden. Sie steht noch im Formular; bitte senden Sie sie in einigen Minuten erneut.")
		return http.StatusServiceUnavailable
	}
	s.log.Info("feedback stored", "id", fb.ID, "kind", fb.Kind, "file_id", fb.FileID)
	form.Sent, form.Number = true, fb.ID
	return http.StatusOK
}

func (s *Server) accessibilityFeedback(w http.ResponseWriter, r *http.Request) error {
	p := s.newLegalPage(r, "barrierefreiheit", "Erklärung zur Barrierefreiheit")
	fb := &ratsinfo.Feedback{Kind: ratsinfo.FeedbackAccessibility}
	if !readFeedback(r, p, fb) {
		return s.render(w, r, http.StatusBadRequest, "legal_show", p)
	}
	status := s.saveFeedback(w, r, p, fb)
	return s.render(w, r, status, "legal_show", p)
}

// fileReport is the "report this file" form: GET shows it, POST stores it.
func (s *Server) fileReport(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f, err := loadLive(r.Context(), s.store.FindFileByID, ratsinfo.KindFile, id)
	if err != nil {
		return err
	}
	row := s.fileRowOf(f, "")
	p := &legalPage{Page: s.newPage(r, "", ""), Kind: "melden"}
	p.Title = p.T("Datei melden") + ": " + row.Name
	p.NoIndex = true
	p.Crumbs = []Link{{Label: row.Name, URL: row.PageURL}}
	p.Form = feedbackForm{Action: row.PageURL + "/melden", Subject: row.Name, Reason: ratsinfo.ReasonPersonalData}
	s.fillContact(r.Context(), p)
	if r.Method != http.MethodPost {
		return s.render(w, r, http.StatusOK, "legal_show", p)
	}
	fb := &ratsinfo.Feedback{Kind: ratsinfo.FeedbackFileReport, FileID: id}
	if !readFeedback(r, p, fb) {
		return s.render(w, r, http.StatusBadRequest, "legal_show", p)
	}
	status := s.saveFeedback(w, r, p, fb)
	return s.render(w, r, status, "legal_show", p)
}

// refuseFeedback answers a message over a limit: 429 with Retry-After, the form
// still filled in, and a German sentence that says when to send it again. The
// client's address is not logged: it is personal data, and the scope suffices
// to see a flood.
func (s *Server) refuseFeedback(w http.ResponseWriter, p *legalPage, scope limitScope, wait time.Duration) int {
	secs := max(1, int(math.Ceil(wait.Seconds())))
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	mins := (secs + 59) / 60
	if scope == limitClient {
		s.log.Warn("feedback refused: client over its limit", "retry_after", secs)
		p.Message = fmt.Sprintf(p.T("Von Ihrem Anschluss kamen in kurzer Zeit mehrere Nachrichten; zum Schutz vor massenhaften Einsendungen nehmen wir gerade keine weitere an. Ihre Nachricht steht noch im Formular. Bitte senden Sie sie in %d Minute(n) erneut."), mins)
	} else {
		s.log.Warn("feedback refused: all clients over the hourly limit", "retry_after", secs)
		p.Message = fmt.Sprintf(p.T("Gerade kommen über die Formulare sehr viele Nachrichten an; zum Schutz vor massenhaften Einsendungen nehmen wir vorübergehend keine weitere an. Ihre Nachricht steht noch im Formular. Bitte senden Sie sie in %d Minute(n) erneut oder schreiben Sie eine E-Mail."), mins)
	}
	return http.StatusTooManyRequests
}
