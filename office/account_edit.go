package office

import (
	"net/http"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
)

type accountEditPage struct {
	page
	Edit   *ratsinfo.Account
	Grants []grantView
	Roles  []roleOption
	New    accountForm
	Error  string
}

func (s *Server) loadAccount(r *http.Request) (*ratsinfo.Account, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Das Konto wurde nicht gefunden.")
	}
	// Editing is the administrators' work, even of one's own account: the
	// domain says who may (CanManageAccounts), the store says it again on write.
	if err := ratsinfo.CanManageAccounts(r.Context()); err != nil {
		return nil, err
	}
	return s.cfg.Store.FindAccountByID(r.Context(), id)
}

func (s *Server) accountEdit(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadAccount(r)
	if err != nil {
		return err
	}
	p := accountEditPage{page: s.newPage(r, "Konto "+a.Email), Edit: a, Grants: grantViews(a.Grants), Roles: roleOptions(),
		New: accountForm{Body: s.defaultBody(r.Context())}}
	switch {
	case r.URL.Query().Has("gespeichert"):
		p.Message = "Die Änderungen sind gespeichert."
	case r.URL.Query().Has("link"):
		p.Message = "Eine E-Mail mit dem Link zum Setzen des Passworts ist unterwegs (der Link gilt eine Stunde)."
	}
	return s.render(w, r, http.StatusOK, "account_edit", &p)
}

// accountUpdate saves name, lock and roles, or mails a new password link.
func (s *Server) accountUpdate(w http.ResponseWriter, r *http.Request) error {
	a, err := s.loadAccount(r)
	if err != nil {
		return err
	}
	back := Prefix + "/konten/" + strconv.FormatInt(a.ID, 10)
	if r.PostFormValue("action") == "link" {
		if err := s.SendPasswordLink(r, a, false); err != nil {
			return err
		}
		http.Redirect(w, r, back+"?link", http.StatusSeeOther)
		return nil
	}
	name, disabled := r.PostFormValue("name"), r.PostFormValue("disabled") == "1"
	grants := []ratsinfo.Grant{}
	for i, g := range a.Grants {
		if r.PostFormValue("remove."+strconv.Itoa(i)) != "1" {
			grants = append(grants, g)
		}
	}
	f := accountForm{Role: r.PostFormValue("role"), Body: r.PostFormValue("body"),
		Organization: r.PostFormValue("organization"), Person: r.PostFormValue("person")}
	p := accountEditPage{page: s.newPage(r, "Konto "+a.Email), Edit: a, Grants: grantViews(a.Grants), Roles: roleOptions(), New: f}
	if f.Role != "" {
		g, err := parseGrant(f)
		if err != nil {
			p.Error = ratsinfo.ErrorMessage(err)
			return s.render(w, r, http.StatusBadRequest, "account_edit", &p)
		}
		grants = append(grants, g)
	}
	err = s.cfg.Store.UpdateAccount(r.Context(), a.ID, ratsinfo.AccountUpdate{Name: &name, Disabled: &disabled, Grants: &grants})
	if c := ratsinfo.ErrorCode(err); c == ratsinfo.EINVALID {
		p.Error = ratsinfo.ErrorMessage(err)
		return s.render(w, r, http.StatusBadRequest, "account_edit", &p)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, back+"?gespeichert", http.StatusSeeOther)
	return nil
}
