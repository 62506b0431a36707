package office

import (
	"html/template"
	"net/http"
	"strconv"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/httpstatus"
	"github.com/ratsinfo/ratsinfo/internal/richtext"
)

// inquiryShowPage is one inquiry in the office: its questions with their
// answers, the steps this account may take now, and the whole trail.
type inquiryShowPage struct {
	page
	Inquiry   *ratsinfo.Inquiry
	State     string
	Deadline  string
	Overdue   bool
	Questions []officeQuestion
	Events    []officeEvent
	Units     []option
	// The register form: the consultation plan's choices and the rule that
	// gives the deadline unless the office deviates.
	Committees, Meetings, Roles []option
	Rule                        string
	// Plan names the planned consultation: "Hauptausschuss, Sitzung am …, Anhörung".
	Plan  string
	Error string
	// What this account may do in the inquiry's state.
	CanSubmit, CanWithdraw, CanRegister, CanAnswer, CanSubmitAnswer, CanSignOff, CanPublish bool
	// Typed texts that come back after a refused save.
	Draft map[int]string
	Today string
}

type officeQuestion struct {
	Number         int
	Text           string
	Points         []string
	Answer         string
	AnswerHTML     template.HTML
	AnswerModified string // RFC 3339 with nanoseconds: the precondition of the next save
}

type officeEvent struct {
	When, Action, From, To, Note string
	Actor                        int64
}

func (s *Server) inquiryShow(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Die Anfrage wurde nicht gefunden.")
	}
	p, err := s.inquiryPage(r, id)
	if err != nil {
		return err
	}
	if r.URL.Query().Has("gespeichert") {
		p.Message = "Gespeichert."
	}
	return s.render(w, r, http.StatusOK, "inquiry_show", p)
}

func (s *Server) inquiryPage(r *http.Request, id int64) (*inquiryShowPage, error) {
	ctx := r.Context()
	in, err := s.cfg.Inquiries.FindInquiry(ctx, id)
	if err != nil {
		return nil, err
	}
	p := &inquiryShowPage{page: s.newPage(r, in.Title), Inquiry: in, State: in.State.German(), Overdue: in.Overdue(s.today()),
		Draft: map[int]string{}, Today: s.today().String()}
	if !in.Deadline.Day.IsZero() {
		p.Deadline = in.Deadline.Explain()
	}
	for _, q := range in.Questions {
		oq := officeQuestion{Number: q.Number, Text: q.Text, Points: q.Points, Answer: q.Answer}
		if q.Answer != "" {
			oq.AnswerHTML = richtext.HTML(q.Answer)
		}
		if !q.AnswerModified.IsZero() {
			oq.AnswerModified = q.AnswerModified.Format(time.RFC3339Nano)
		}
		p.Questions = append(p.Questions, oq)
	}
	may := func(a ratsinfo.InquiryAction) bool {
		_, stateOK := in.State.Next(a)
		return stateOK == nil && ratsinfo.CanStepInquiry(ctx, in, a) == nil
	}
	p.CanSubmit, p.CanWithdraw, p.CanRegister = may(ratsinfo.ActionSubmit), may(ratsinfo.ActionWithdraw), may(ratsinfo.ActionRegister)
	p.CanSubmitAnswer, p.CanPublish = may(ratsinfo.ActionSubmitAnswer), may(ratsinfo.ActionPublish)
	p.CanSignOff = may(ratsinfo.ActionApprove)
	p.CanAnswer = in.State == ratsinfo.InquiryRegistered && ratsinfo.CanAnswerInquiry(ctx, in) == nil
	if p.CanRegister {
		if err := s.registerChoices(r, in, p); err != nil {
			return nil, err
		}
	}
	if p.Plan, err = s.planText(r, in); err != nil {
		return nil, err
	}
	events, err := s.cfg.Inquiries.InquiryEvents(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, e := range events {
		label := ratsinfo.InquiryEventLabel(e.Action)
		p.Events = append(p.Events, officeEvent{When: e.At.In(ratsinfo.Berlin()).Format("02.01.2006 15:04"), Action: label,
			From: e.From.German(), To: e.To.German(), Note: e.Note, Actor: e.ActorID})
	}
	return p, nil
}

// inquiryStep takes the step a button of the inquiry page asks for. A refused
// step shows the page again with the reason and, for answers, the typed text.
func (s *Server) inquiryStep(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Die Anfrage wurde nicht gefunden.")
	}
	ctx := r.Context()
	st := s.cfg.Inquiries
	action := r.PostFormValue("action")
	var typed map[int]string
	switch action {
	case "submit", "withdraw", "submit_answer", "approve", "send_back":
		_, err = st.StepInquiry(ctx, id, ratsinfo.InquiryAction(action), r.PostFormValue("comment"))
	case "register":
		err = s.register(r, id)
	case "answer":
		n, _ := strconv.Atoi(r.PostFormValue("number"))
		text := r.PostFormValue("answer")
		typed = map[int]string{n: text}
		var loaded time.Time
		if v := r.PostFormValue("loaded"); v != "" {
			if loaded, err = time.Parse(time.RFC3339Nano, v); err != nil {
				return ratsinfo.Errorf(ratsinfo.EINVALID, "Der Bearbeitungsstand des Formulars ist beschädigt. Bitte laden Sie die Seite neu.")
			}
		}
		_, err = st.AnswerQuestion(ctx, id, n, text, loaded)
	case "interim":
		_, err = st.GiveInterimAnswer(ctx, id, r.PostFormValue("text"))
	case "extend":
		var until ratsinfo.Date
		if until, err = ratsinfo.ParseDate(r.PostFormValue("until")); err == nil {
			_, err = st.ExtendDeadline(ctx, id, until, r.PostFormValue("reason"))
		}
	case "publish":
		if s.cfg.Printer == nil {
			err = s.cfg.PrinterErr
			break
		}
		_, err = ratsinfo.PublishAnswer(ctx, st, s.cfg.Blobs, s.cfg.Printer, id, s.today())
	default:
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Unbekannter Schritt. Bitte laden Sie die Seite neu.")
	}
	switch ratsinfo.ErrorCode(err) {
	case "":
		http.Redirect(w, r, inquiryURL(id)+"?gespeichert", http.StatusSeeOther)
		return nil
	case ratsinfo.EINVALID, ratsinfo.ECONFLICT, ratsinfo.EFORBIDDEN, ratsinfo.EUNAVAILABLE:
		p, perr := s.inquiryPage(r, id)
		if perr != nil {
			return perr
		}
		p.Error = fieldErrors(err)
		for n, t := range typed {
			p.Draft[n] = t
		}
		// The page comes back with the reason in context, the typed text kept
		// (a missing PDF program, too, is explained where the button was).
		return s.render(w, r, httpstatus.Of(ratsinfo.ErrorCode(err)), "inquiry_show", p)
	default:
		return err
	}
}

func (s *Server) register(r *http.Request, id int64) error {
	reg, err := registration(r, s.cfg.State)
	if err != nil {
		return err
	}
	_, err = s.cfg.Inquiries.RegisterInquiry(r.Context(), id, reg)
	return err
}
