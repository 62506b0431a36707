package office

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/site"
)

// Cookie names. The session cookie holds the session's token; the form cookie
// is the seed of the form token before a login (the login form itself).
const (
	SessionCookie = "ratsinfo_buero"
	formCookie    = "ratsinfo_buero_formular"
)

type accountKey struct{}
type sessionKey struct{}

func accountFrom(ctx context.Context) *ratsinfo.Account {
	a, _ := ctx.Value(accountKey{}).(*ratsinfo.Account)
	return a
}

func sessionFrom(ctx context.Context) *ratsinfo.Session {
	s, _ := ctx.Value(sessionKey{}).(*ratsinfo.Session)
	return s
}

// withSession puts the viewer of the request's session in its context: the
// account's, or the anonymous public's when there is no live session. A
// revoked session or a disabled account is logged out on the next request.
func (s *Server) withSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := ratsinfo.WithViewer(r.Context(), ratsinfo.Viewer{})
		if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
			sess, acc, err := s.cfg.Store.FindSession(ratsinfo.SystemContext(ctx), ratsinfo.HashSecret(c.Value), s.cfg.Limits)
			switch {
			case err == nil:
				ctx = ratsinfo.WithViewer(ctx, ratsinfo.AccountViewer(acc))
				ctx = context.WithValue(context.WithValue(ctx, accountKey{}, acc), sessionKey{}, sess)
			case ratsinfo.ErrorCode(err) == ratsinfo.EUNAUTHORIZED:
				// Keep the cookie: it still seeds the form token, and the
				// next login replaces it.
			default:
				s.site.RenderError(w, r, err)
				return
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// loggedIn sends a visitor without a session to the login, and back afterwards.
func (s *Server) loggedIn(fn site.HandlerFunc) site.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if accountFrom(r.Context()) == nil {
			back := r.URL.RequestURI()
			if r.Method != http.MethodGet {
				back = Prefix + "/"
			}
			http.Redirect(w, r, Prefix+"/anmelden?zurueck="+url.QueryEscape(back), http.StatusSeeOther)
			return nil
		}
		return fn(w, r)
	}
}

// csrfSeed is the secret the form token derives from: the session cookie once
// logged in, the form cookie before. Neither can be read by another site.
func csrfSeed(r *http.Request) string {
	if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
		return c.Value
	}
	if c, err := r.Cookie(formCookie); err == nil && c.Value != "" {
		return c.Value
	}
	if v, ok := r.Context().Value(seedKey{}).(string); ok {
		return v
	}
	return ""
}

type seedKey struct{}

// csrfToken is the form token of the request's seed: a hash, so the hidden
// field never reveals the session's token itself.
func csrfToken(r *http.Request) string { return formToken(csrfSeed(r)) }

// formToken is the form token of a seed, "" for none.
func formToken(seed string) string {
	if seed == "" {
		return ""
	}
	sum := sha256.Sum256([]byte("ratsinfo-buero-formular\x00" + seed))
	return hex.EncodeToString(sum[:20])
}

// checkForm refuses a POST whose form token does not match, and gives a visitor
// without any cookie a form cookie before a form is shown.
func (s *Server) checkForm(fn site.HandlerFunc) site.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if r.Method == http.MethodPost {
			limit := int64(maxFormBytes)
			if r.URL.Path == Prefix+"/anmelden" {
				limit += keptOverheads // the login may carry a kept form (form_keep.go)
			}
			r.Body = http.MaxBytesReader(w, r.Body, limit)
			want := csrfToken(r)
			if want == "" || subtle.ConstantTimeCompare([]byte(want), []byte(r.PostFormValue("csrf"))) != 1 {
				return errForeignForm()
			}
			return fn(w, r)
		}
		return fn(w, s.withFormSeed(w, r))
	}
}

// withFormSeed gives a visitor without any cookie a form cookie, so that the
// form about to be shown has a token.
func (s *Server) withFormSeed(w http.ResponseWriter, r *http.Request) *http.Request {
	if csrfSeed(r) != "" {
		return r
	}
	seed, _ := ratsinfo.NewSecret()
	http.SetCookie(w, s.cookie(formCookie, seed, 0))
	return r.WithContext(context.WithValue(r.Context(), seedKey{}, seed))
}

// cookie is an office cookie: HttpOnly, SameSite=Lax, Secure under https,
// sent only to the office's paths. maxAge 0 makes it last the browser session.
func (s *Server) cookie(name, value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: Prefix, MaxAge: maxAge,
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode}
}

// clientAddr is the address a request came from, for throttling and the list
// of sessions.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return strings.TrimSpace(host)
}
