package search

import (
	"strings"
	"unicode"
)

// Reference numbers (Drucksachennummern) are typed in many ways: "A 23/0012",
// "A23/12", "a 23-12", "Vorlage A 23/12", "23/0012". Both sides are read as
// groups of letters and digits, digits without leading zeros, joined by "/":
// "A 23/0012" is the key "a/23/12". A reference is indexed under its full key
// and under the key from its first number on ("23/12"), so a search without
// the letters finds it too.

// maxRefLetters is the longest letter group of a reference ("VO", "Drs", "BV");
// longer words ("Vorlage") are words, not parts of a reference.
const maxRefLetters = 4

// refGroups splits s into lower-case groups of letters and digits, digits
// without leading zeros.
func refGroups(s string) []string {
	var groups []string
	var cur []rune
	digits := false
	flush := func() {
		if len(cur) == 0 {
			return
		}
		g := string(cur)
		if digits {
			g = strings.TrimLeft(g, "0")
			if g == "" {
				g = "0"
			}
		}
		groups = append(groups, g)
		cur = cur[:0]
	}
	for _, r := range strings.ToLower(s) {
		isDigit := unicode.IsDigit(r)
		switch {
		case isDigit || unicode.IsLetter(r):
			if len(cur) > 0 && isDigit != digits {
				flush()
			}
			digits = isDigit
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return groups
}

func isNumber(g string) bool { return g != "" && g[0] >= '0' && g[0] <= '9' }

// refKeys returns the keys a reference is indexed under.
func refKeys(ref string) []string {
	g := refGroups(ref)
	if len(g) == 0 {
		return nil
	}
	keys := []string{strings.Join(g, "/")}
	for i, x := range g {
		if isNumber(x) {
			if i > 0 && len(g)-i >= 2 {
				keys = append(keys, strings.Join(g[i:], "/"))
			}
			break
		}
	}
	return keys
}

// maxRefWindows bounds the candidate keys a query yields.
const maxRefWindows = 200

// queryRefKeys returns the candidate reference keys in a query: every run of
// two to six groups with at least one number whose letter groups are short,
// in the order found.
func queryRefKeys(q string) []string {
	g := refGroups(q)
	var keys []string
	seen := map[string]bool{}
	for i := range g {
		for j := i + 2; j <= len(g) && j <= i+6; j++ {
			w := g[i:j]
			if !refLike(w) {
				break
			}
			k := strings.Join(w, "/")
			if hasNumber(w) && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
				if len(keys) >= maxRefWindows {
					return keys
				}
			}
		}
	}
	return keys
}

func refLike(w []string) bool {
	for _, x := range w {
		if !isNumber(x) && len([]rune(x)) > maxRefLetters {
			return false
		}
	}
	return true
}

func hasNumber(w []string) bool {
	for _, x := range w {
		if isNumber(x) {
			return true
		}
	}
	return false
}
