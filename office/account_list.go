package office

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

type accountListPage struct {
	page
	Accounts []accountRow
	Roles    []roleOption
	New      accountForm
	Error    string
}

type accountRow struct {
	*ratsinfo.Account
	Grants []grantView
}

type roleOption struct {
	Value, Label string
}

// accountForm is what the forms send back, kept to show again after an error.
type accountForm struct {
	Email, Name, Role, Body, Organization, Person string
}

func roleOptions() []roleOption {
	out := make([]roleOption, len(ratsinfo.GrantRoles))
	for i, r := range ratsinfo.GrantRoles {
		out[i] = roleOption{Value: string(r), Label: r.GermanName() + " (" + string(r) + ")"}
	}
	return out
}

// defaultBody is the body new grants are for when the installation has one.
func (s *Server) defaultBody(ctx context.Context) string {
	if s.cfg.Record == nil {
		return ""
	}
	bodies, err := s.cfg.Record.FindBodies(ratsinfo.WithViewer(ctx, ratsinfo.Viewer{}), ratsinfo.BodyFilter{ListFilter: ratsinfo.ListFilter{Limit: 2}})
	if err != nil || len(bodies) != 1 {
		return ""
	}
	return strconv.FormatInt(bodies[0].ID, 10)
}

// accountList lists the accounts with a form for a new one (administrators).
func (s *Server) accountList(w http.ResponseWriter, r *http.Request) error {
	p := accountListPage{page: s.newPage(r, "Konten"), Roles: roleOptions(), New: accountForm{Body: s.defaultBody(r.Context())}}
	if id := r.URL.Query().Get("angelegt"); id != "" {
		p.Message = "Das Konto ist angelegt. Eine E-Mail mit dem Link zum Setzen des Passworts ist unterwegs (der Link gilt eine Stunde)."
	}
	return s.renderAccountList(w, r, http.StatusOK, &p)
}

func (s *Server) renderAccountList(w http.ResponseWriter, r *http.Request, status int, p *accountListPage) error {
	list, err := s.cfg.Store.FindAccounts(r.Context())
	if err != nil {
		return err
	}
	for _, a := range list {
		p.Accounts = append(p.Accounts, accountRow{Account: a, Grants: grantViews(a.Grants)})
	}
	return s.render(w, r, status, "account_list", p)
}

// accountCreate creates an account with one grant and mails it the link to set
// its password.
func (s *Server) accountCreate(w http.ResponseWriter, r *http.Request) error {
	f := accountForm{Email: r.PostFormValue("email"), Name: r.PostFormValue("name"), Role: r.PostFormValue("role"),
		Body: r.PostFormValue("body"), Organization: r.PostFormValue("organization"), Person: r.PostFormValue("person")}
	p := accountListPage{page: s.newPage(r, "Konten"), Roles: roleOptions(), New: f}
	a := &ratsinfo.Account{Email: f.Email, Name: f.Name}
	if f.Role != "" {
		g, err := parseGrant(f)
		if err != nil {
			p.Error = ratsinfo.ErrorMessage(err)
			return s.renderAccountList(w, r, http.StatusBadRequest, &p)
		}
		a.Grants = []ratsinfo.Grant{g}
	}
	if err := s.cfg.Store.CreateAccount(r.Context(), a); err != nil {
		if c := ratsinfo.ErrorCode(err); c == ratsinfo.EINVALID || c == ratsinfo.ECONFLICT {
			p.Error = ratsinfo.ErrorMessage(err)
			return s.renderAccountList(w, r, http.StatusBadRequest, &p)
		}
		return err
	}
	if err := s.SendPasswordLink(r, a, true); err != nil {
		return err
	}
	http.Redirect(w, r, Prefix+"/konten?angelegt="+strconv.FormatInt(a.ID, 10), http.StatusSeeOther)
	return nil
}

// parseGrant reads a grant from a form; ids must be whole numbers.
func parseGrant(f accountForm) (ratsinfo.Grant, error) {
	g := ratsinfo.Grant{Role: ratsinfo.GrantRole(f.Role)}
	for _, x := range []struct {
		val   string
		into  *int64
		label string
	}{{f.Body, &g.BodyID, "Körperschaft"}, {f.Organization, &g.OrganizationID, "Organisation"}, {f.Person, &g.PersonID, "Person"}} {
		v := strings.TrimSpace(x.val)
		if v == "" {
			continue
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return g, ratsinfo.Errorf(ratsinfo.EINVALID, "Die Nummer der %s „%s“ ist keine positive ganze Zahl; sie steht am Ende der OParl-Adresse, z. B. …/organization/7 → 7.", x.label, v)
		}
		*x.into = n
	}
	return g, nil
}
