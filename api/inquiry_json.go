package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// inquiry is an inquiry in the API. Ids are the numbers the OParl URLs end
// with; paper and answerPaper are the OParl ids (URLs) of the public papers.
type inquiry struct {
	ID                      int64      `json:"id"`
	Body                    int64      `json:"body"`
	PaperType               string     `json:"paperType"`
	Title                   string     `json:"title"`
	Preamble                string     `json:"preamble,omitempty"`
	State                   string     `json:"state"`
	Overdue                 bool       `json:"overdue"`
	Inquirers               []int64    `json:"inquirers"`
	Faction                 int64      `json:"faction,omitempty"`
	ExternalInquirer        string     `json:"externalInquirer,omitempty"`
	ExternalInquirerConsent bool       `json:"externalInquirerConsent,omitempty"`
	PreferredCommittee      int64      `json:"preferredCommittee,omitempty"`
	Confidential            bool       `json:"confidential,omitempty"`
	Reference               string     `json:"reference,omitempty"`
	ReceivedOn              string     `json:"receivedOn,omitempty"`
	Unit                    int64      `json:"unit,omitempty"`
	Period                  string     `json:"period,omitempty"`
	Deadline                string     `json:"deadline,omitempty"`
	DeadlineExplanation     string     `json:"deadlineExplanation,omitempty"`
	DeadlineNote            string     `json:"deadlineNote,omitempty"`
	Committee               int64      `json:"committee,omitempty"`
	Meeting                 int64      `json:"meeting,omitempty"`
	Role                    string     `json:"role,omitempty"`
	Paper                   string     `json:"paper,omitempty"`
	AnswerPaper             string     `json:"answerPaper,omitempty"`
	Questions               []question `json:"questions"`
	Created                 time.Time  `json:"created"`
	Modified                time.Time  `json:"modified"`
}

type question struct {
	Number         int        `json:"number"`
	Text           string     `json:"text"`
	Points         []string   `json:"points,omitempty"`
	Answer         string     `json:"answer,omitempty"`
	AnswerModified *time.Time `json:"answerModified,omitempty"`
}

type event struct {
	At     time.Time `json:"at"`
	Action string    `json:"action"`
	From   string    `json:"from,omitempty"`
	To     string    `json:"to,omitempty"`
	Actor  int64     `json:"actor,omitempty"`
	Note   string    `json:"note,omitempty"`
}

func (s *Server) inquiryJSON(q *ratsinfo.Inquiry) inquiry {
	out := inquiry{ID: q.ID, Body: q.BodyID, PaperType: q.PaperType, Title: q.Title, Preamble: q.Preamble, State: string(q.State),
		Overdue: q.Overdue(s.today()), Inquirers: q.InquirerPersonIDs, Faction: q.FactionID,
		ExternalInquirer: q.ExternalInquirer, ExternalInquirerConsent: q.ExternalInquirerConsent,
		PreferredCommittee: q.PreferredCommitteeID, Confidential: q.Confidential, Reference: q.Reference,
		ReceivedOn: q.ReceivedOn.String(), Unit: q.UnitID, Period: q.Period.String(), Deadline: q.Deadline.Day.String(),
		DeadlineNote: q.DeadlineNote, Committee: q.PlannedCommitteeID, Meeting: q.PlannedMeetingID, Role: q.PlannedRole, Created: q.Created, Modified: q.Modified, Questions: []question{}}
	if out.Inquirers == nil {
		out.Inquirers = []int64{}
	}
	if !q.Deadline.Day.IsZero() {
		out.DeadlineExplanation = q.Deadline.Explain()
	}
	if q.PaperID != 0 {
		out.Paper = s.paperURL(q.PaperID)
	}
	if q.AnswerPaperID != 0 {
		out.AnswerPaper = s.paperURL(q.AnswerPaperID)
	}
	for _, qu := range q.Questions {
		j := question{Number: qu.Number, Text: qu.Text, Points: qu.Points, Answer: qu.Answer}
		if !qu.AnswerModified.IsZero() {
			t := qu.AnswerModified
			j.AnswerModified = &t
		}
		out.Questions = append(out.Questions, j)
	}
	return out
}

func (s *Server) paperURL(id int64) string {
	return s.baseURL + "/oparl/v1.1/paper/" + strconv.FormatInt(id, 10)
}

func (s *Server) today() ratsinfo.Date { return ratsinfo.DateOf(s.now().In(ratsinfo.Berlin())) }

// maxRequestBody bounds every request body: an inquiry with 100 questions and
// long answers stays far below it.
const maxRequestBody = 4 << 20

// decode reads a JSON request body into v, refusing unknown fields, trailing
// data and bodies over the limit with German messages that say what to fix.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxRequestBody))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tooBig *http.MaxBytesError
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Der Anfrage fehlt der JSON-Inhalt. Bitte ein JSON-Objekt senden (Content-Type: application/json).")
	case errors.As(err, &tooBig):
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Der Inhalt ist zu groß: höchstens %d MB sind erlaubt.", maxRequestBody>>20)
	case errors.As(err, &syntax):
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Der Inhalt ist kein gültiges JSON (Fehler bei Zeichen %d). Bitte die Syntax prüfen.", syntax.Offset)
	case errors.As(err, &typ):
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Das Feld „%s“ hat den falschen Typ: erwartet wird %s.", typ.Field, germanType(typ.Type.Kind().String()))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Unbekanntes Feld %s. Die erlaubten Felder nennt die Beschreibung der API unter /api/v1/openapi.json.",
			strings.TrimPrefix(err.Error(), "json: unknown field "))
	default:
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Der JSON-Inhalt konnte nicht gelesen werden. Bitte ein JSON-Objekt senden.")
	}
	if dec.More() {
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Nach dem JSON-Objekt folgen weitere Daten. Bitte genau ein JSON-Objekt senden.")
	}
	return nil
}

func germanType(kind string) string {
	switch {
	case strings.HasPrefix(kind, "int"), strings.HasPrefix(kind, "uint"), strings.HasPrefix(kind, "float"):
		return "eine Zahl"
	case kind == "string":
		return "ein Text in Anführungszeichen"
	case kind == "bool":
		return "true oder false"
	case kind == "slice":
		return "eine Liste [ … ]"
	}
	return "ein JSON-Objekt { … }"
}

// pathID reads the path parameter name as a positive id.
func pathID(r *http.Request, name string) (int64, error) {
	n, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || n <= 0 {
		return 0, ratsinfo.Errorf(ratsinfo.ENOTFOUND, "%q ist keine gültige Nummer; erwartet wird eine positive ganze Zahl.", r.PathValue(name))
	}
	return n, nil
}

// parseDate reads an API date; empty gives the zero Date.
func parseDate(field, s string) (ratsinfo.Date, error) {
	d, err := ratsinfo.ParseDate(strings.TrimSpace(s))
	if err != nil {
		return d, ratsinfo.Errorf(ratsinfo.EINVALID, "Das Feld „%s“: %s", field, ratsinfo.ErrorMessage(err))
	}
	return d, nil
}

// bodyOf returns the body an account acts in when a request names none: the
// only body of its grants.
func bodyOf(v ratsinfo.Viewer, given int64) (int64, error) {
	if given != 0 {
		return given, nil
	}
	var body int64
	for _, g := range v.Grants {
		if body != 0 && g.BodyID != body {
			return 0, ratsinfo.Errorf(ratsinfo.EINVALID, "Ihr Konto hat Rollen in mehreren Körperschaften. Bitte im Feld „body“ angeben, für welche die Anfrage gilt.")
		}
		body = g.BodyID
	}
	if body == 0 {
		return 0, ratsinfo.Errorf(ratsinfo.EFORBIDDEN, "Keine Berechtigung: Ihr Konto hat keine Rolle in einer Körperschaft.")
	}
	return body, nil
}

func itoa(n int) string { return fmt.Sprint(n) }
