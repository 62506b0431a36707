package office

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// inquiryForm is what the form of a new inquiry holds; it comes back filled in
// after every button, so nothing typed is lost.
type inquiryForm struct {
	PaperType       string
	Title, Preamble string
	Questions       []questionForm
	External        string
	ExternalConsent bool
	Confidential    bool
	AsOffice        bool // the council office enters it for someone else
	InquirerPersons string
	FactionID       string
}

type questionForm struct {
	Text, Points string
}

type inquiryNewPage struct {
	page
	Form       inquiryForm
	PaperTypes []string
	Error      string
}

// maxFormQuestions bounds the form; the domain's own limit is higher.
const maxFormQuestions = 50

func (s *Server) inquiryNew(w http.ResponseWriter, r *http.Request) error {
	if !canAsk(r.Context()) {
		return ratsinfo.Errorf(ratsinfo.EFORBIDDEN, "Keine Berechtigung: Anfragen stellen Ratsmitglieder, Fraktionsgeschäftsstellen und das Büro der Stadtvertretung.")
	}
	p := inquiryNewPage{page: s.newPage(r, "Neue Anfrage"), Form: inquiryForm{Questions: make([]questionForm, 3)},
		PaperTypes: ratsinfo.InquiryPaperTypes()}
	p.Form.AsOffice = hasRole(r, ratsinfo.GrantCouncilOffice)
	return s.render(w, r, http.StatusOK, "inquiry_new", &p)
}

// inquiryCreate handles the buttons of the form: add, remove or move a
// question (the form comes back), save as draft, or submit.
func (s *Server) inquiryCreate(w http.ResponseWriter, r *http.Request) error {
	f := readInquiryForm(r)
	p := inquiryNewPage{page: s.newPage(r, "Neue Anfrage"), Form: f, PaperTypes: ratsinfo.InquiryPaperTypes()}
	action := r.PostFormValue("action")
	switch {
	case action == "add":
		if len(f.Questions) < maxFormQuestions {
			p.Form.Questions = append(p.Form.Questions, questionForm{})
		}
		return s.render(w, r, http.StatusOK, "inquiry_new", &p)
	case strings.HasPrefix(action, "remove-"), strings.HasPrefix(action, "up-"):
		p.Form.Questions = moveQuestion(f.Questions, action)
		return s.render(w, r, http.StatusOK, "inquiry_new", &p)
	}
	q, err := s.inquiryFromForm(r, f)
	if err == nil {
		err = s.cfg.Inquiries.CreateInquiry(r.Context(), q)
	}
	if err == nil && action == "submit" {
		_, err = s.cfg.Inquiries.StepInquiry(r.Context(), q.ID, ratsinfo.ActionSubmit, "")
	}
	if c := ratsinfo.ErrorCode(err); c == ratsinfo.EINVALID {
		p.Error = fieldErrors(err)
		return s.render(w, r, http.StatusBadRequest, "inquiry_new", &p)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, inquiryURL(q.ID)+"?gespeichert", http.StatusSeeOther)
	return nil
}

func readInquiryForm(r *http.Request) inquiryForm {
	f := inquiryForm{PaperType: r.PostFormValue("paperType"), Title: r.PostFormValue("title"), Preamble: r.PostFormValue("preamble"),
		External: r.PostFormValue("external"), ExternalConsent: r.PostFormValue("consent") == "1",
		Confidential: r.PostFormValue("confidential") == "1", AsOffice: hasRole(r, ratsinfo.GrantCouncilOffice),
		InquirerPersons: r.PostFormValue("persons"), FactionID: r.PostFormValue("faction")}
	n, _ := strconv.Atoi(r.PostFormValue("questions"))
	for i := 1; i <= min(n, maxFormQuestions); i++ {
		k := strconv.Itoa(i)
		f.Questions = append(f.Questions, questionForm{Text: r.PostFormValue("q" + k), Points: r.PostFormValue("p" + k)})
	}
	return f
}

// moveQuestion removes question i ("remove-i") or moves it one up ("up-i").
func moveQuestion(qs []questionForm, action string) []questionForm {
	verb, num, _ := strings.Cut(action, "-")
	i, err := strconv.Atoi(num)
	if err != nil || i < 1 || i > len(qs) {
		return qs
	}
	i--
	switch verb {
	case "remove":
		return append(qs[:i:i], qs[i+1:]...)
	case "up":
		if i > 0 {
			qs[i-1], qs[i] = qs[i], qs[i-1]
		}
	}
	return qs
}

// inquiryFromForm builds the inquiry: a council member asks as themselves, a
// faction office for its faction, the office for the persons, faction or
// outside inquirer it names.
func (s *Server) inquiryFromForm(r *http.Request, f inquiryForm) (*ratsinfo.Inquiry, error) {
	v := ratsinfo.ViewerFrom(r.Context())
	q := &ratsinfo.Inquiry{PaperType: f.PaperType, Title: f.Title, Preamble: f.Preamble, Confidential: f.Confidential}
	for _, g := range v.Grants {
		switch g.Role {
		case ratsinfo.GrantCouncilMember:
			q.BodyID, q.InquirerPersonIDs = g.BodyID, []int64{g.PersonID}
		case ratsinfo.GrantFactionOffice:
			q.BodyID, q.FactionID = g.BodyID, g.OrganizationID
		}
	}
	if f.AsOffice {
		for _, g := range v.Grants {
			if g.Role == ratsinfo.GrantCouncilOffice {
				q.BodyID = g.BodyID
			}
		}
		q.InquirerPersonIDs, q.FactionID = nil, 0
		for _, field := range strings.FieldsFunc(f.InquirerPersons, func(r rune) bool { return r == ',' || r == ' ' }) {
			id, err := strconv.ParseInt(field, 10, 64)
			if err != nil || id <= 0 {
				return nil, ratsinfo.Errorf(ratsinfo.EINVALID, "„%s“ ist keine Personennummer. Bitte die Nummern der fragenden Personen mit Komma getrennt angeben (z. B. 7, 12).", field)
			}
			q.InquirerPersonIDs = append(q.InquirerPersonIDs, id)
		}
		if f.FactionID != "" {
			id, err := strconv.ParseInt(f.FactionID, 10, 64)
			if err != nil || id <= 0 {
				return nil, ratsinfo.Errorf(ratsinfo.EINVALID, "„%s“ ist keine Organisationsnummer einer Fraktion.", f.FactionID)
			}
			q.FactionID = id
		}
		q.ExternalInquirer, q.ExternalInquirerConsent = f.External, f.ExternalConsent
	}
	for _, qf := range f.Questions {
		if strings.TrimSpace(qf.Text) == "" && strings.TrimSpace(qf.Points) == "" {
			continue // an empty field of the form is no question
		}
		qu := ratsinfo.Question{Text: qf.Text}
		for _, line := range strings.Split(qf.Points, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				qu.Points = append(qu.Points, line)
			}
		}
		q.Questions = append(q.Questions, qu)
	}
	return q, nil
}

// fieldErrors joins a validation error's field messages into one text.
func fieldErrors(err error) string {
	e, ok := err.(*ratsinfo.Error)
	if !ok || len(e.Fields) == 0 {
		return ratsinfo.ErrorMessage(err)
	}
	var parts []string
	for _, field := range sortedKeys(e.Fields) {
		parts = append(parts, fieldLabel(field)+": "+e.Fields[field])
	}
	return ratsinfo.ErrorMessage(err) + " " + strings.Join(parts, " ")
}

func fieldLabel(field string) string {
	switch {
	case field == "title":
		return "Titel"
	case field == "questions":
		return "Fragen"
	case strings.HasPrefix(field, "questions["):
		return "Frage " + strings.TrimSuffix(strings.TrimPrefix(strings.Split(field, ".")[0], "questions["), "]")
	case field == "inquirers":
		return "Fragende"
	case field == "paperType":
		return "Art der Anfrage"
	}
	return field
}

func hasRole(r *http.Request, role ratsinfo.GrantRole) bool {
	return ratsinfo.ViewerFrom(r.Context()).Has(role)
}

func inquiryURL(id int64) string { return Prefix + "/anfragen/" + strconv.FormatInt(id, 10) }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
