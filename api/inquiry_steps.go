package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// registerInquiry answers POST /api/v1/inquiries/{id}/register.
func (s *Server) registerInquiry(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		ReceivedOn string `json:"receivedOn"`
		Unit       int64  `json:"unit"`
		Reference  string `json:"reference"`
		Period     string `json:"period"`
		Deadline   string `json:"deadline"`
		Reason     string `json:"reason"`
		Committee  int64  `json:"committee"`
		Meeting    int64  `json:"meeting"`
		Role       string `json:"role"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	reg := ratsinfo.Registration{UnitID: req.Unit, Reference: req.Reference, Note: req.Reason, State: s.state,
		CommitteeID: req.Committee, MeetingID: req.Meeting, Role: req.Role}
	if reg.ReceivedOn, err = parseDate("receivedOn", req.ReceivedOn); err != nil {
		return err
	}
	if reg.Deadline, err = parseDate("deadline", req.Deadline); err != nil {
		return err
	}
	if req.Period != "" {
		if reg.Period, err = ratsinfo.ParsePeriod(req.Period); err != nil {
			return err
		}
	}
	q, err := s.inquiries.RegisterInquiry(r.Context(), id, reg)
	return s.answer(w, q, err)
}

// answerQuestion answers PUT /api/v1/inquiries/{id}/questions/{number}/answer.
// answerModified is the time of the answer the client loaded (absent for a
// first answer): a stale one gives 409, so no edit is lost silently.
func (s *Server) answerQuestion(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	number, err := strconv.Atoi(r.PathValue("number"))
	if err != nil || number < 1 {
		return ratsinfo.Errorf(ratsinfo.ENOTFOUND, "%q ist keine Fragennummer; Fragen sind ab 1 nummeriert.", r.PathValue("number"))
	}
	var req struct {
		Text           string     `json:"text"`
		AnswerModified *time.Time `json:"answerModified"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	var loaded time.Time
	if req.AnswerModified != nil {
		loaded = *req.AnswerModified
	}
	q, err := s.inquiries.AnswerQuestion(r.Context(), id, number, req.Text, loaded)
	return s.answer(w, q, err)
}

// giveInterimAnswer answers POST /api/v1/inquiries/{id}/interim-answer.
func (s *Server) giveInterimAnswer(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		Text string `json:"text"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	q, err := s.inquiries.GiveInterimAnswer(r.Context(), id, req.Text)
	return s.answer(w, q, err)
}

// extendDeadline answers POST /api/v1/inquiries/{id}/deadline-extension.
func (s *Server) extendDeadline(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		Until  string `json:"until"`
		Reason string `json:"reason"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	until, err := parseDate("until", req.Until)
	if err != nil {
		return err
	}
	q, err := s.inquiries.ExtendDeadline(r.Context(), id, until, req.Reason)
	return s.answer(w, q, err)
}

// step answers the steps that take no body or only a comment.
func (s *Server) step(a ratsinfo.InquiryAction) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		var req struct {
			Comment string `json:"comment"`
		}
		if r.ContentLength != 0 {
			if err := decode(w, r, &req); err != nil {
				return err
			}
		}
		q, err := s.inquiries.StepInquiry(r.Context(), id, a, req.Comment)
		return s.answer(w, q, err)
	}
}

// signOffAnswer answers POST /api/v1/inquiries/{id}/sign-off: approve, or send
// back with a comment.
func (s *Server) signOffAnswer(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		Approve *bool  `json:"approve"`
		Comment string `json:"comment"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if req.Approve == nil {
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Bitte „approve“ angeben: true gibt die Antwort frei, false gibt sie mit „comment“ zur Überarbeitung zurück.")
	}
	a := ratsinfo.ActionApprove
	if !*req.Approve {
		a = ratsinfo.ActionSendBack
	}
	q, err := s.inquiries.StepInquiry(r.Context(), id, a, req.Comment)
	return s.answer(w, q, err)
}

// publishAnswer answers POST /api/v1/inquiries/{id}/publish: the answer paper
// with its accessible PDF.
func (s *Server) publishAnswer(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if s.printer == nil {
		return s.printerErr
	}
	q, err := ratsinfo.PublishAnswer(r.Context(), s.inquiries, s.blobs, s.printer, id, s.today())
	return s.answer(w, q, err)
}

// answer writes the inquiry after a step, or returns the step's error.
func (s *Server) answer(w http.ResponseWriter, q *ratsinfo.Inquiry, err error) error {
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, s.inquiryJSON(q))
	return nil
}
