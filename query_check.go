package ratsinfo

import (
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"
)

// CheckQuery refuses query parameters that no page or filter can mean: control
// characters (IsControl: NUL, escape, DEL, …) and bytes that are not UTF-8, in
// names or values. PostgreSQL refuses both in a text parameter, so without this
// check a NUL in a search text reached the database and came back as an
// internal error; now every surface answers with an EINVALID error that names
// the parameter. Tab and line breaks pass: a pasted search text may hold them.
func CheckQuery(q url.Values) error {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the same parameter is named on every try
	for _, k := range keys {
		if !cleanText(k) {
			return Errorf(EINVALID, "Der Name eines Suchparameters enthält ein unzulässiges Steuerzeichen oder ungültig kodierte Zeichen. "+
				"Bitte prüfen Sie die Adresse oder geben Sie die Suche neu ein.")
		}
		for _, v := range q[k] {
			if !cleanText(v) {
				return Errorf(EINVALID, "Der Suchparameter „%s“ enthält ein unzulässiges Steuerzeichen oder ungültig kodierte Zeichen. "+
					"Bitte entfernen Sie sie aus der Adresse oder geben Sie die Suche neu ein.", shortName(k))
			}
		}
	}
	return nil
}

// cleanText reports whether s is UTF-8 without control characters.
func cleanText(s string) bool {
	return utf8.ValidString(s) && strings.IndexFunc(s, IsControl) < 0
}

// shortName keeps a parameter name readable in a message: a name of a
// thousand characters is somebody's experiment, not something to echo whole.
func shortName(k string) string {
	const max = 40
	if utf8.RuneCountInString(k) <= max {
		return k
	}
	return string([]rune(k)[:max]) + "…"
}
