package office

import (
	"net/http"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/httpstatus"
)

// inquiryRulesPage shows a body's deadline rules, one row per paper type of
// inquiry, each with a form for the council office.
type inquiryRulesPage struct {
	page
	BodyID    int64
	Rows      []ruleRow
	Bases     []option
	CanManage bool
	Error     string
}

// ruleRow is one paper type: its rule, or the default, and the values of its
// form (what was typed comes back after a refused save).
type ruleRow struct {
	PaperType, Rule, Basis, Period string
	Set                            bool
	Slug                           int // the row's number, for unique field ids
}

// bodyOfAccount is the body whose rules the page shows: the one of the
// account's first role (the office of a town works for one body).
func bodyOfAccount(r *http.Request) (int64, error) {
	for _, g := range ratsinfo.ViewerFrom(r.Context()).Grants {
		return g.BodyID, nil
	}
	return 0, ratsinfo.Errorf(ratsinfo.EFORBIDDEN, "Keine Berechtigung: Ihr Konto hat keine Rolle in einer Körperschaft.")
}

func (s *Server) inquiryRuleList(w http.ResponseWriter, r *http.Request) error {
	p, err := s.inquiryRulesPage(r, nil)
	if err != nil {
		return err
	}
	if r.URL.Query().Has("gespeichert") {
		p.Message = "Gespeichert."
	}
	return s.render(w, r, http.StatusOK, "inquiry_rules", p)
}

// inquiryRulesPage reads the rules; typed, when set, is the row of a refused
// save with what was typed.
func (s *Server) inquiryRulesPage(r *http.Request, typed *ruleRow) (*inquiryRulesPage, error) {
	body, err := bodyOfAccount(r)
	if err != nil {
		return nil, err
	}
	rules, err := s.cfg.Inquiries.FindInquiryRules(r.Context(), body)
	if err != nil {
		return nil, err
	}
	p := &inquiryRulesPage{page: s.newPage(r, "Fristregeln"), BodyID: body,
		CanManage: ratsinfo.CanManageInquiryRules(r.Context(), body) == nil}
	for _, b := range ratsinfo.DeadlineBases() {
		p.Bases = append(p.Bases, option{Value: string(b), Label: b.German()})
	}
	for i, t := range ratsinfo.InquiryPaperTypes() {
		row := ruleRow{PaperType: t, Slug: i + 1, Basis: string(ratsinfo.AfterReceipt),
			Rule: "keine Regel: " + ratsinfo.DefaultInquiryPeriod.German() + " nach Eingang der Anfrage"}
		for _, rule := range rules {
			if rule.PaperType == t {
				row.Rule, row.Basis, row.Period, row.Set = rule.German(), string(rule.Basis), rule.Period.German(), true
			}
		}
		if typed != nil && typed.PaperType == t {
			row.Basis, row.Period = typed.Basis, typed.Period
		}
		p.Rows = append(p.Rows, row)
	}
	return p, nil
}

// inquiryRuleSave sets or deletes the rule of one paper type (the council
// office; the store checks the right).
func (s *Server) inquiryRuleSave(w http.ResponseWriter, r *http.Request) error {
	body, err := bodyOfAccount(r)
	if err != nil {
		return err
	}
	if b := r.PostFormValue("body"); b != "" && b != strconv.FormatInt(body, 10) {
		return ratsinfo.Errorf(ratsinfo.ECONFLICT, "Das Formular gehört zu einer anderen Körperschaft. Bitte laden Sie die Seite neu.")
	}
	typed := ruleRow{PaperType: r.PostFormValue("paperType"), Basis: r.PostFormValue("basis"), Period: r.PostFormValue("period")}
	ctx := r.Context()
	switch r.PostFormValue("action") {
	case "delete":
		err = s.cfg.Inquiries.DeleteInquiryRule(ctx, body, typed.PaperType)
	case "set":
		rule := &ratsinfo.InquiryRule{BodyID: body, PaperType: typed.PaperType, Basis: ratsinfo.DeadlineBasis(typed.Basis)}
		if typed.Period == "" {
			err = ratsinfo.Errorf(ratsinfo.EINVALID, "Bitte die Dauer der Frist angeben, z. B. „2 Wochen“, „1 Monat“ oder „10 Tage“.")
		} else if rule.Period, err = ratsinfo.ParsePeriod(typed.Period); err == nil {
			err = s.cfg.Inquiries.SetInquiryRule(ctx, rule)
		}
	default:
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Unbekannter Schritt. Bitte laden Sie die Seite neu.")
	}
	switch ratsinfo.ErrorCode(err) {
	case "":
		http.Redirect(w, r, Prefix+"/fristregeln?gespeichert", http.StatusSeeOther)
		return nil
	case ratsinfo.EINVALID, ratsinfo.ENOTFOUND, ratsinfo.EFORBIDDEN:
		p, perr := s.inquiryRulesPage(r, &typed)
		if perr != nil {
			return perr
		}
		p.Error = fieldErrors(err)
		return s.render(w, r, httpstatus.Of(ratsinfo.ErrorCode(err)), "inquiry_rules", p)
	default:
		return err
	}
}
