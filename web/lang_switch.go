package web

import "net/http"

// langSwitch remembers the chosen language in a cookie and returns to the page the
// visitor came from; the kit does it, so every surface switches alike.
func (s *Server) langSwitch(w http.ResponseWriter, r *http.Request) error {
	return s.site.SwitchLang(w, r)
}
