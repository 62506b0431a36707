package web

import (
	"net/http"
	"sort"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// personListPage lists persons alphabetically by family name, with the initial
// letters as jump marks.
type personListPage struct {
	Page
	Letters []letterGroup
}

type letterGroup struct {
	Letter  string
	Anchor  string
	Persons []Link
}

func (s *Server) personList(w http.ResponseWriter, r *http.Request) error {
	persons, err := s.store.FindPersons(r.Context(), ratsinfo.PersonFilter{})
	if err != nil {
		return err
	}
	p := &personListPage{Page: s.newPage(r, "", "personen")}
	p.Title = p.T("Personen")
	live := persons[:0:0]
	for _, x := range persons {
		if !x.Deleted {
			live = append(live, x)
			p.LastModified = latest(p.LastModified, x.Modified)
		}
	}
	sort.SliceStable(live, func(i, j int) bool { return sortKey(live[i]) < sortKey(live[j]) })
	for _, x := range live {
		letter := "#"
		if k := sortKey(x); k != "" {
			letter = strings.ToUpper(string([]rune(k)[0]))
		}
		if n := len(p.Letters); n == 0 || p.Letters[n-1].Letter != letter {
			p.Letters = append(p.Letters, letterGroup{Letter: letter, Anchor: "buchstabe-" + strings.ToLower(letter)})
		}
		g := &p.Letters[len(p.Letters)-1]
		g.Persons = append(g.Persons, Link{Label: listName(x), URL: ratsinfo.WebPath(ratsinfo.KindPerson, x.ID)})
	}
	return s.render(w, r, http.StatusOK, "person_list", p)
}

// sortKey sorts by family name as a German phone book does, umlauts with their vowel.
func sortKey(p *ratsinfo.Person) string {
	k := p.FamilyName
	if k == "" {
		k = p.Name
	}
	k = strings.ToLower(k)
	return strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss").Replace(k) + " " + strings.ToLower(p.GivenName)
}

// listName is "Family, Given" for an alphabetical list.
func listName(p *ratsinfo.Person) string {
	if p.FamilyName != "" && p.GivenName != "" {
		n := p.FamilyName + ", " + p.GivenName
		if len(p.Title) > 0 {
			n += " " + strings.Join(p.Title, " ")
		}
		return n
	}
	return personName(p)
}
