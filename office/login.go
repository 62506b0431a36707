package office

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

type loginPage struct {
	page
	Email string
	Back  string
	Error string
	Kept  []keptField // typed into a form when the session ended (form_keep.go)
}

// safeBack keeps the way back after the login inside the office: an open
// redirect would let a phishing link end on a look-alike site.
func safeBack(back string) string {
	if !strings.HasPrefix(back, Prefix+"/") || strings.HasPrefix(back, "//") || strings.ContainsAny(back, "\\\r\n") {
		return Prefix + "/"
	}
	return back
}

func (s *Server) loginShow(w http.ResponseWriter, r *http.Request) error {
	p := loginPage{page: s.newPage(r, "Anmelden"), Back: safeBack(r.URL.Query().Get("zurueck"))}
	switch {
	case r.URL.Query().Has("gesetzt"):
		p.Message = "Ihr Passwort ist gesetzt. Bitte melden Sie sich jetzt damit an."
	case r.URL.Query().Has("abgemeldet"):
		p.Message = "Sie sind abgemeldet."
	case accountFrom(r.Context()) != nil:
		p.Message = "Sie sind bereits angemeldet. Eine neue Anmeldung ersetzt diese Sitzung."
	}
	return s.render(w, r, http.StatusOK, "login", &p)
}

// wrongLogin is the one message for an unknown address, a wrong password and
// an account without a password: the login must not tell which addresses exist.
const wrongLogin = "E-Mail-Adresse oder Passwort ist falsch. Bitte prüfen Sie beides; unter „Passwort vergessen“ können Sie ein neues Passwort setzen."

func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) error {
	email, pw := strings.TrimSpace(r.PostFormValue("email")), r.PostFormValue("password")
	p := loginPage{page: s.newPage(r, "Anmelden"), Email: email, Back: safeBack(r.PostFormValue("zurueck")),
		Kept: keptFrom(r.PostForm, keptPrefix)}
	client := clientAddr(r)
	sys := system(r)

	if wait, err := s.throttled(r, email, client); err != nil {
		return err
	} else if wait > 0 {
		minutes := int(math.Ceil(wait.Minutes()))
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		p.Error = fmt.Sprintf("Zu viele fehlgeschlagene Anmeldeversuche. Zum Schutz des Kontos ist die Anmeldung für %d Minute(n) gesperrt. Bitte versuchen Sie es danach erneut oder setzen Sie unter „Passwort vergessen“ ein neues Passwort.", minutes)
		return s.render(w, r, http.StatusTooManyRequests, "login", &p)
	}

	acc, ok, err := s.checkPassword(r, email, pw)
	if err != nil {
		return err
	}
	if err := s.cfg.Store.RecordLoginAttempt(sys, email, client, ok); err != nil {
		return err
	}
	if !ok {
		p.Error = wrongLogin
		return s.render(w, r, http.StatusUnauthorized, "login", &p)
	}
	if acc.Disabled {
		p.Error = "Dieses Konto ist gesperrt. Bitte wenden Sie sich an die Verwaltung der Konten."
		return s.render(w, r, http.StatusForbidden, "login", &p)
	}
	// A new login replaces the session the browser had, so a token planted
	// before the login (session fixation) is worth nothing after it.
	if c, err := r.Cookie(SessionCookie); err == nil {
		if old, _, err := s.cfg.Store.FindSession(sys, ratsinfo.HashSecret(c.Value), s.cfg.Limits); err == nil {
			if err := s.cfg.Store.DeleteSession(sys, old.AccountID, old.ID); err != nil {
				return err
			}
		}
	}
	token, hash := ratsinfo.NewSecret()
	sess := &ratsinfo.Session{AccountID: acc.ID, Client: client, UserAgent: r.UserAgent()}
	if err := s.cfg.Store.CreateSession(sys, sess, hash); err != nil {
		return err
	}
	http.SetCookie(w, s.cookie(SessionCookie, token, int(s.cfg.Limits.Absolute.Seconds())))
	if len(p.Kept) > 0 {
		ctx := ratsinfo.WithViewer(r.Context(), ratsinfo.AccountViewer(acc))
		return s.restoreKept(w, r.WithContext(context.WithValue(ctx, accountKey{}, acc)), p.Back, token, p.Kept)
	}
	http.Redirect(w, r, p.Back, http.StatusSeeOther)
	return nil
}

// checkPassword verifies a login and replaces an outdated hash. An unknown
// address costs the same hashing time as a known one, so timing tells nothing.
func (s *Server) checkPassword(r *http.Request, email, pw string) (*ratsinfo.Account, bool, error) {
	sys := system(r)
	if len(pw) > ratsinfo.MaxPassword {
		return nil, false, nil
	}
	acc, hash, err := s.cfg.Store.PasswordHash(sys, email)
	if ratsinfo.ErrorCode(err) == ratsinfo.ENOTFOUND || (err == nil && hash == "") {
		s.cfg.Hasher.Verify(s.dummyHash(), pw)
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	ok, rehash, err := s.cfg.Hasher.Verify(hash, pw)
	if err != nil {
		return nil, false, fmt.Errorf("verify password of account %d: %w", acc.ID, err)
	}
	if ok && rehash {
		if h, err := s.cfg.Hasher.Hash(pw); err == nil {
			if err := s.cfg.Store.SetPasswordHash(sys, acc.ID, h); err != nil {
				return nil, false, err
			}
		}
	}
	return acc, ok, nil
}

// dummyHash is a hash of nothing anyone types, made once per server.
func (s *Server) dummyHash() string {
	s.dummyOnce.Do(func() {
		s.dummy, _ = s.cfg.Hasher.Hash("\x00kein Konto\x00")
	})
	return s.dummy
}

// throttled returns how long the login must wait, or 0.
func (s *Server) throttled(r *http.Request, email, client string) (time.Duration, error) {
	th := s.cfg.Throttle
	now := s.now()
	f, err := s.cfg.Store.LoginFailures(system(r), email, client, now.Add(-th.Window))
	if err != nil {
		return 0, err
	}
	var wait time.Duration
	if f.ByAccount >= th.PerAccount {
		wait = max(wait, f.AccountOldest.Add(th.Window).Sub(now))
	}
	if f.ByClient >= th.PerClient {
		wait = max(wait, f.ClientOldest.Add(th.Window).Sub(now))
	}
	if wait > 0 && wait < time.Second {
		wait = time.Second
	}
	return wait, nil
}

// logout ends this browser's session.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if sess := sessionFrom(r.Context()); sess != nil {
		if err := s.cfg.Store.DeleteSession(r.Context(), sess.AccountID, sess.ID); err != nil {
			return err
		}
	}
	http.SetCookie(w, s.cookie(SessionCookie, "", -1))
	http.Redirect(w, r, Prefix+"/anmelden?abgemeldet", http.StatusSeeOther)
	return nil
}

// logoutEverywhere ends every session of the account: a lost laptop, a shared
// computer left logged in.
func (s *Server) logoutEverywhere(w http.ResponseWriter, r *http.Request) error {
	acc := accountFrom(r.Context())
	if err := s.cfg.Store.DeleteSessions(r.Context(), acc.ID); err != nil {
		return err
	}
	http.SetCookie(w, s.cookie(SessionCookie, "", -1))
	http.Redirect(w, r, Prefix+"/anmelden?abgemeldet", http.StatusSeeOther)
	return nil
}

// sessionEnd ends one session of the account from the list on the start page
// (a browser elsewhere); the store refuses sessions of other accounts.
func (s *Server) sessionEnd(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Diese Sitzung gibt es nicht.")
	}
	if err := s.cfg.Store.DeleteSession(r.Context(), accountFrom(r.Context()).ID, id); err != nil {
		return err
	}
	if cur := sessionFrom(r.Context()); cur != nil && cur.ID == id {
		http.SetCookie(w, s.cookie(SessionCookie, "", -1))
		http.Redirect(w, r, Prefix+"/anmelden?abgemeldet", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, Prefix+"/", http.StatusSeeOther)
	return nil
}
