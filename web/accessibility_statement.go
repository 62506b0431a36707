package web

import "github.com/ratsinfo/ratsinfo"

// accessibilityStatement is what the Erklärung zur Barrierefreiheit says beyond
// the body's contact: when the site was last checked, and where a visitor turns
// when the feedback form brought no satisfactory answer (the state's
// Schlichtungsstelle: a municipality falls under its state's equality law).
type accessibilityStatement struct {
	Checked   ratsinfo.Date // the last check of the site; zero: the operator has not said
	StateName string        // "Schleswig-Holstein"
	Board     *arbitrationBoard
}

// arbitrationBoard is a state's Schlichtungsstelle under its disability
// equality law, as the statement names it. The contact details are public
// facts that change; README asks the operator to verify them.
type arbitrationBoard struct {
	Name    string   // who conciliates
	Law     string   // the law it conciliates under
	Address []string // postal address, one line each
	Phone   string   // as written, "0431 988-1272"
	Tel     string   // as dialled, the tel: link's "+494319881272"
	Hours   string   // when the phone is answered
	Email   string
	Website string
}

// arbitrationBoards are the Schlichtungsstellen the statement knows, by state.
// A state without an entry gets a sentence that names the state's law and its
// Landesbeauftragte instead of an address that might be wrong.
var arbitrationBoards = map[ratsinfo.State]arbitrationBoard{
	// Schleswig-Holstein: the Schlichtungsstelle under the LBGG of 29 March 2022
	// and the Landesverordnung of 16 July 2024, at the Landesbeauftragte für
	// Menschen mit Behinderungen (as of 2026; verify before going live).
	ratsinfo.StateSH: {
		Name:    "Schlichtungsstelle bei der Landesbeauftragten für Menschen mit Behinderungen Schleswig-Holstein",
		Law:     "Landesbehindertengleichstellungsgesetz (LBGG)",
		Address: []string{"Karolinenweg 1", "24105 Kiel"},
		Phone:   "0431 988-1272",
		Tel:     "+494319881272",
		Hours:   "dienstags 10–12 Uhr",
		Email:   "schlichtung@landtag.ltsh.de",
		Website: "https://www.inklusion.sh/",
	},
}

// newAccessibilityStatement is the statement's facts for the configured state.
func (s *Server) newAccessibilityStatement() *accessibilityStatement {
	st := s.state
	if st == "" {
		st = ratsinfo.DefaultState
	}
	a := &accessibilityStatement{Checked: s.a11yChecked, StateName: st.Name()}
	if b, ok := arbitrationBoards[st]; ok {
		a.Board = &b
	}
	return a
}
