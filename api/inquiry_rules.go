package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// inquiryRule is a body's deadline rule for one paper type in the API.
type inquiryRule struct {
	Body        int64     `json:"body"`
	PaperType   string    `json:"paperType"`
	Basis       string    `json:"basis"`
	Period      string    `json:"period"`
	Description string    `json:"description"`
	Modified    time.Time `json:"modified"`
}

func ruleJSON(r *ratsinfo.InquiryRule) inquiryRule {
	return inquiryRule{Body: r.BodyID, PaperType: r.PaperType, Basis: string(r.Basis), Period: r.Period.String(),
		Description: r.German(), Modified: r.Modified}
}

// ruleBody reads the body a rule request is about: the query parameter
// "body", or the only body of the account's roles.
func ruleBody(r *http.Request) (int64, error) {
	var given int64
	if v := r.URL.Query().Get("body"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return 0, ratsinfo.Errorf(ratsinfo.EINVALID, "Der Parameter „body“ muss eine positive ganze Zahl sein, nicht %q.", v)
		}
		given = n
	}
	return bodyOf(ratsinfo.ViewerFrom(r.Context()), given)
}

// listInquiryRules answers GET /api/v1/inquiry-rules?body=….
func (s *Server) listInquiryRules(w http.ResponseWriter, r *http.Request) error {
	if err := ratsinfo.CheckQuery(r.URL.Query()); err != nil {
		return err
	}
	body, err := ruleBody(r)
	if err != nil {
		return err
	}
	rules, err := s.inquiries.FindInquiryRules(r.Context(), body)
	if err != nil {
		return err
	}
	out := struct {
		Data []inquiryRule `json:"data"`
	}{Data: []inquiryRule{}}
	for _, rule := range rules {
		out.Data = append(out.Data, ruleJSON(rule))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// setInquiryRule answers PUT /api/v1/inquiry-rules/{paperType}: the rule of
// that paper type is created or replaced.
func (s *Server) setInquiryRule(w http.ResponseWriter, r *http.Request) error {
	body, err := ruleBody(r)
	if err != nil {
		return err
	}
	var req struct {
		Basis  string `json:"basis"`
		Period string `json:"period"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	rule := &ratsinfo.InquiryRule{BodyID: body, PaperType: r.PathValue("paperType"), Basis: ratsinfo.DeadlineBasis(req.Basis)}
	if req.Period == "" {
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Bitte im Feld „period“ die Dauer der Frist angeben, als ISO-8601-Dauer wie P2W, P1M oder P10D.")
	}
	if rule.Period, err = ratsinfo.ParsePeriod(req.Period); err != nil {
		return err
	}
	if err := s.inquiries.SetInquiryRule(r.Context(), rule); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, ruleJSON(rule))
	return nil
}

// deleteInquiryRule answers DELETE /api/v1/inquiry-rules/{paperType}: inquiries
// of that type then get the default period of one month.
func (s *Server) deleteInquiryRule(w http.ResponseWriter, r *http.Request) error {
	body, err := ruleBody(r)
	if err != nil {
		return err
	}
	if err := s.inquiries.DeleteInquiryRule(r.Context(), body, r.PathValue("paperType")); err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNoContent)
	return nil
}
