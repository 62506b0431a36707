package office

import (
	"net/http"
	"sort"
	"strings"

	"github.com/ratsinfo/ratsinfo/internal/site"
)

// Typing must survive an expired session. A form sent after the session ended
// (idle too long, ended elsewhere, or its cookie gone) is not acted on: the
// login page comes back instead, carrying what was typed in hidden fields
// (keptPrefix + name). After the login the kept values come back in a form
// that the user checks and sends again, now with the new session and its form
// token: nothing is done on the user's behalf that they did not confirm, and
// nothing is stored for a visitor who never logs in. Files of a form cannot be
// kept this way; the page says so.

// keptPrefix marks a kept field in the login form, so that a kept "email" or
// "password" never mixes with the login's own fields.
const keptPrefix = "eingabe."

// maxFormBytes bounds every office form (an answer may hold 200,000
// characters); the login form carrying kept values may be that much larger.
const (
	maxFormBytes  = 1 << 20
	keptOverheads = 64 << 10
)

// keptField is one typed value that waits for the login.
type keptField struct {
	Name, Value string
	Label       string // set for the fields shown for checking; hidden otherwise
	Long        bool   // a text area rather than a line
}

// keepIfLoggedOut answers a POST without a live session with the login page
// that keeps the typed values; with a session it hands on to next.
func (s *Server) keepIfLoggedOut(next site.HandlerFunc) site.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if r.Method != http.MethodPost || accountFrom(r.Context()) != nil {
			return next(w, r)
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		if err := r.ParseForm(); err != nil {
			return errForeignForm()
		}
		r = s.withFormSeed(w, r)
		p := loginPage{page: s.newPage(r, "Anmelden"), Back: safeBack(r.URL.Path), Kept: keptFrom(r.PostForm, "")}
		p.Error = "Ihre Sitzung ist abgelaufen, deshalb wurde nichts gespeichert. Ihre Eingaben sind nicht verloren: Melden Sie sich bitte erneut an, danach können Sie sie prüfen und speichern."
		return s.render(w, r, http.StatusUnauthorized, "login", &p)
	}
}

// keptFrom collects the kept values of form: those under prefix, without the
// prefix. Form tokens and passwords are never kept.
func keptFrom(form map[string][]string, prefix string) []keptField {
	var out []keptField
	for key, values := range form {
		name, ok := strings.CutPrefix(key, prefix)
		if !ok || name == "csrf" || name == "zurueck" || strings.Contains(name, "password") {
			continue
		}
		if prefix == "" && strings.HasPrefix(name, keptPrefix) {
			continue
		}
		for _, v := range values {
			out = append(out, keptField{Name: name, Value: v})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return fieldOrder(out[i].Name) < fieldOrder(out[j].Name) })
	return out
}

// fieldOrder sorts kept fields as the forms show them: questions by number.
func fieldOrder(name string) string {
	if len(name) > 1 && (name[0] == 'q' || name[0] == 'p') && strings.Trim(name[1:], "0123456789") == "" {
		return "q" + strings.Repeat("0", 4-min(4, len(name)-1)) + name[1:] + string(name[0])
	}
	return name
}

// labelKept names the fields a person typed into, for the page that shows
// them for checking; technical fields (the step, the question's number, the
// state the form was loaded in) stay hidden.
func labelKept(fields []keptField) []keptField {
	labels := map[string]string{"title": "Titel", "preamble": "Vorbemerkung", "answer": "Antwort", "text": "Text",
		"comment": "Kommentar", "reason": "Begründung", "external": "Fragende von außerhalb", "persons": "Fragende Personen (Nummern)",
		"reference": "Aktenzeichen", "period": "Frist (Dauer)", "deadline": "Frist (Datum)", "received": "Eingang",
		"until": "Neue Frist", "name": "Name", "email": "E-Mail-Adresse"}
	long := map[string]bool{"preamble": true, "answer": true, "text": true, "comment": true, "reason": true}
	for i, f := range fields {
		if l, ok := labels[f.Name]; ok {
			fields[i].Label, fields[i].Long = l, long[f.Name]
			continue
		}
		if n := f.Name[1:]; len(f.Name) > 1 && strings.Trim(n, "0123456789") == "" {
			switch f.Name[0] {
			case 'q':
				fields[i].Label, fields[i].Long = "Frage "+n, true
			case 'p':
				fields[i].Label, fields[i].Long = "Unterpunkte zu Frage "+n+" (je Zeile einer)", true
			}
		}
	}
	return fields
}

// restorePage shows the kept values after the login, in a form to the place
// they were sent to.
type restorePage struct {
	page
	Action string
	Fields []keptField
}

// restoreKept answers a successful login that carried kept values: the form
// with them, whose token is that of the new session (seed).
func (s *Server) restoreKept(w http.ResponseWriter, r *http.Request, back, seed string, kept []keptField) error {
	p := restorePage{page: s.newPage(r, "Ihre Eingaben"), Action: back, Fields: labelKept(kept)}
	p.CSRF = formToken(seed)
	// The new session's account shows in the header from now on.
	p.Message = "Sie sind wieder angemeldet. Bitte prüfen Sie Ihre Eingaben und speichern Sie sie jetzt; erst dann werden sie übernommen."
	return s.render(w, r, http.StatusOK, "restore", &p)
}
