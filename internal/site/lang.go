package site

import (
	"net/http"
	"net/url"
	"path"
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
	back, _ := LocalPath(r.URL.Query().Get("zurueck"))
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}

// LocalPath returns raw as a path on this site with its query, or "/" and false
// when raw could lead anywhere else. A redirect to what a link names would
// otherwise lend our address to others: browsers read "//evil", "/\\evil" and
// "/<tab>/evil" as another host, so only a single leading slash is allowed, no
// scheme or host, and no control character or backslash, before and after
// percent-decoding. The path is cleaned ("/a/../b" → "/b"), so "/.//evil" cannot
// become "//evil" on its way through a browser; a fragment is dropped.
func LocalPath(raw string) (string, bool) {
	if !strings.HasPrefix(raw, "/") || strings.HasPrefix(raw, "//") || unsafeInPath(raw) {
		return "/", false
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || u.User != nil ||
		!strings.HasPrefix(u.Path, "/") || unsafeInPath(u.Path) {
		return "/", false
	}
	if q, err := url.QueryUnescape(u.RawQuery); err != nil || strings.ContainsFunc(q, isControlByte) {
		return "/", false
	}
	clean := path.Clean(u.Path)
	if strings.HasSuffix(u.Path, "/") && clean != "/" {
		clean += "/"
	}
	return (&url.URL{Path: clean, RawQuery: u.RawQuery}).String(), true
}

// unsafeInPath reports a backslash or control character, which browsers strip
// or turn into a slash before they read the host.
func unsafeInPath(s string) bool {
	return strings.ContainsRune(s, '\\') || strings.ContainsFunc(s, isControlByte)
}

func isControlByte(r rune) bool { return r < 0x20 || r == 0x7f }
