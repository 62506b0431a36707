package office

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// ResetValidity is how long a link to set a password works.
const ResetValidity = time.Hour

// "Passwort vergessen" sends at most resetsPerWindow links per account in resetWindow.
const (
	resetsPerWindow = 3
	resetWindow     = 15 * time.Minute
)

type passwordForgotPage struct {
	page
	Email string
	Sent  bool
}

func (s *Server) passwordForgotShow(w http.ResponseWriter, r *http.Request) error {
	p := passwordForgotPage{page: s.newPage(r, "Passwort vergessen")}
	return s.render(w, r, http.StatusOK, "password_forgot", &p)
}

// passwordForgotSubmit sends a link when the address has an account, and says
// the same either way: the form must not tell which addresses exist.
func (s *Server) passwordForgotSubmit(w http.ResponseWriter, r *http.Request) error {
	email := strings.TrimSpace(r.PostFormValue("email"))
	p := passwordForgotPage{page: s.newPage(r, "Passwort vergessen"), Email: email}
	if !ratsinfo.ValidEmail(email) {
		p.Message = "Bitte geben Sie die E-Mail-Adresse Ihres Kontos an, z. B. vorname.nachname@stadt.de."
		return s.render(w, r, http.StatusBadRequest, "password_forgot", &p)
	}
	acc, err := s.cfg.Store.FindAccountByEmail(system(r), email)
	switch {
	case err == nil && !acc.Disabled:
		// Three links per quarter hour are enough for any typo; more would let
		// a stranger flood the colleague's mailbox. The answer stays the same.
		n, err := s.cfg.Store.PasswordResets(system(r), acc.ID, s.now().Add(-resetWindow))
		if err != nil {
			return err
		}
		if n < resetsPerWindow {
			if err := s.SendPasswordLink(r, acc, false); err != nil {
				return err
			}
		}
	case err != nil && ratsinfo.ErrorCode(err) != ratsinfo.ENOTFOUND:
		return err
	}
	p.Sent = true
	return s.render(w, r, http.StatusOK, "password_forgot", &p)
}

// SendPasswordLink creates a one-hour link to set the password of acc and mails
// it; welcome says whether the account is new.
func (s *Server) SendPasswordLink(r *http.Request, acc *ratsinfo.Account, welcome bool) error {
	link, err := CreatePasswordLink(system(r), s.cfg.Store, s.cfg.BaseURL, acc.ID, s.now())
	if err != nil {
		return err
	}
	m := ratsinfo.Mail{To: acc.Email, Subject: "Passwort für das Büro des Ratsinformationssystems setzen"}
	intro := "Sie (oder jemand anderes) haben ein neues Passwort für Ihr Konto im Büro des Ratsinformationssystems angefordert."
	if welcome {
		m.Subject = "Ihr Konto im Büro des Ratsinformationssystems"
		intro = "für Sie wurde ein Konto im Büro des Ratsinformationssystems angelegt."
	}
	m.Text = fmt.Sprintf("Guten Tag %s,\n\n%s\n\nÜber diesen Link setzen Sie Ihr Passwort (er gilt eine Stunde und nur einmal):\n%s\n\n"+
		"Wenn Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren; Ihr bisheriges Passwort bleibt gültig.\n\n"+
		"Ihr Büro der Stadtvertretung\n", acc.Name, intro, link)
	if err := s.cfg.Mail.Send(r.Context(), m); err != nil {
		return fmt.Errorf("send password link to account %d: %w", acc.ID, err)
	}
	return nil
}

// CreatePasswordLink stores a new reset token for an account and returns the
// link that sets its password; `ratsinfo user add` prints it.
// The store lets only the program create links: ctx must be a system context.
func CreatePasswordLink(ctx context.Context, store ratsinfo.AccountStore, baseURL string, accountID int64, now time.Time) (string, error) {
	token, hash := ratsinfo.NewSecret()
	if err := store.CreatePasswordReset(ctx, accountID, hash, now.Add(ResetValidity)); err != nil {
		return "", err
	}
	return strings.TrimRight(baseURL, "/") + Prefix + "/passwort-setzen?token=" + token, nil
}

type passwordSetPage struct {
	page
	Token string
	Error string
}

func (s *Server) passwordSetShow(w http.ResponseWriter, r *http.Request) error {
	token := r.URL.Query().Get("token")
	if err := s.cfg.Store.PasswordResetValid(system(r), ratsinfo.HashSecret(token)); err != nil {
		return err
	}
	p := passwordSetPage{page: s.newPage(r, "Passwort setzen"), Token: token}
	return s.render(w, r, http.StatusOK, "password_set", &p)
}

func (s *Server) passwordSetSubmit(w http.ResponseWriter, r *http.Request) error {
	token, pw := r.PostFormValue("token"), r.PostFormValue("password")
	p := passwordSetPage{page: s.newPage(r, "Passwort setzen"), Token: token}
	if err := ratsinfo.CheckPassword(pw); err != nil {
		p.Error = ratsinfo.ErrorMessage(err)
		return s.render(w, r, http.StatusBadRequest, "password_set", &p)
	}
	if pw != r.PostFormValue("password2") {
		p.Error = "Die beiden Passwörter stimmen nicht überein. Bitte geben Sie dasselbe Passwort zweimal ein."
		return s.render(w, r, http.StatusBadRequest, "password_set", &p)
	}
	hash, err := s.cfg.Hasher.Hash(pw)
	if err != nil {
		return err
	}
	if _, err := s.cfg.Store.UsePasswordReset(system(r), ratsinfo.HashSecret(token), hash); err != nil {
		return err
	}
	http.Redirect(w, r, Prefix+"/anmelden?gesetzt", http.StatusSeeOther)
	return nil
}
