package site

import (
	"net/http"
	"strings"
)

// Lang chooses the language of a request: an explicit ?lang= or the cookie set
// by the switch, then the browser's first preference; German otherwise.
func Lang(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "de" || l == "en" {
		return l
	}
	if c, err := r.Cookie("lang"); err == nil && (c.Value == "de" || c.Value == "en") {
		return c.Value
	}
	return negotiate(r.Header.Get("Accept-Language"))
}

// negotiate picks de or en from an Accept-Language header: the first of the two
// that the browser names wins; German when it names neither.
func negotiate(header string) string {
	for _, part := range strings.Split(header, ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		switch {
		case strings.HasPrefix(tag, "de"):
			return "de"
		case strings.HasPrefix(tag, "en"):
			return "en"
		}
	}
	return "de"
}

// SwitchLang remembers the chosen language (?lang=) in a cookie and returns to
// the local page named by ?zurueck=. It works without JavaScript: the switch is a
// plain link (the layout's "lang-switch"). A surface routes it at LangSwitchPath.
func (s *Site) SwitchLang(w http.ResponseWriter, r *http.Request) error {
	lang := r.URL.Query().Get("lang")
	if lang != "de" && lang != "en" {
		lang = "de"
	}
	back := r.URL.Query().Get("zurueck")
	// Only local paths: an open redirect would let others borrow our address.
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.Contains(back, `\`) {
		back = "/"
	}
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}
