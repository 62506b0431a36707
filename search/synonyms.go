package search

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Synonyms are groups of words that mean the same to a searcher: the body's
// abbreviations (HA and Hauptausschuss) and common council vocabulary. A
// search for one member finds every member of its groups.
//
// The file format (<data-dir>/synonyme.txt): one group per line, members
// separated by commas; a member may be several words ("Bebauungsplan,
// B-Plan, BPlan"). Lines starting with # and empty lines are ignored.
// Upper and lower case do not matter. The file adds to the built-in groups.
type Synonyms struct {
	groups map[string][][]string // lower-cased member → the groups it belongs to
}

// Limits of the synonym file: a broken or huge file must not eat the memory.
const (
	maxSynonymFile   = 1 << 20
	maxSynonymGroups = 10_000
	maxGroupMembers  = 50
)

// builtinSynonyms is council vocabulary every German body shares.
var builtinSynonyms = []string{
	"HA, Hauptausschuss",
	"SV, Stadtvertretung, Ratsversammlung, Stadtrat, Gemeinderat",
	"StVV, Stadtverordnetenversammlung, Stadtvertretung",
	"BPlan, B-Plan, Bebauungsplan",
	"FNP, F-Plan, Flächennutzungsplan",
	"OB, Oberbürgermeisterin, Oberbürgermeister",
	"BM, Bürgermeisterin, Bürgermeister",
	"Kita, Kindertagesstätte, Kindergarten",
	"ÖPNV, öffentlicher Nahverkehr, Nahverkehr",
	"Drucksache, Vorlage",
	"Haushalt, Haushaltsplan, Etat",
	"Fahrrad, Rad",
	"Feuerwehr, Brandschutz",
	"Verkehrsberuhigung, Tempo 30",
	"KiTa-Gebühren, Elternbeiträge",
	"Photovoltaik, PV, Solaranlage",
}

// DefaultSynonyms returns the built-in groups only.
func DefaultSynonyms() *Synonyms {
	s := &Synonyms{groups: map[string][][]string{}}
	for _, line := range builtinSynonyms {
		s.add(line)
	}
	return s
}

// LoadSynonyms reads the built-in groups and those of the file at path; a
// missing file is no error. A broken line is reported with its number.
func LoadSynonyms(path string) (*Synonyms, error) {
	s := DefaultSynonyms()
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("Synonymliste %s lässt sich nicht lesen: %w", path, err)
	}
	defer f.Close()
	if err := s.read(io.LimitReader(f, maxSynonymFile+1), path); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Synonyms) read(r io.Reader, path string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxSynonymFile+1)
	n, read := 0, 0
	for sc.Scan() {
		n++
		read += len(sc.Bytes()) + 1
		if read > maxSynonymFile {
			return fmt.Errorf("Synonymliste %s ist größer als %d KiB; bitte kürzen", path, maxSynonymFile>>10)
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !strings.Contains(line, ",") {
			return fmt.Errorf("Synonymliste %s, Zeile %d: eine Gruppe braucht mindestens zwei Begriffe, durch Kommas getrennt (z. B. „HA, Hauptausschuss“)", path, n)
		}
		if len(s.groups) > maxSynonymGroups {
			return fmt.Errorf("Synonymliste %s hat mehr als %d Gruppen; bitte kürzen", path, maxSynonymGroups)
		}
		s.add(line)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("Synonymliste %s, Zeile %d: %w", path, n+1, err)
	}
	return nil
}

func (s *Synonyms) add(line string) {
	var group []string
	for _, m := range strings.Split(line, ",") {
		if m = strings.Join(strings.Fields(m), " "); m != "" && len(group) < maxGroupMembers {
			group = append(group, m)
		}
	}
	if len(group) < 2 {
		return
	}
	for _, m := range group {
		k := strings.ToLower(m)
		s.groups[k] = append(s.groups[k], group)
	}
}

// Of returns the other members of every group that word (any case) belongs to.
func (s *Synonyms) Of(word string) []string {
	if s == nil {
		return nil
	}
	k := strings.ToLower(strings.Join(strings.Fields(word), " "))
	var out []string
	seen := map[string]bool{k: true}
	for _, g := range s.groups[k] {
		for _, m := range g {
			if lm := strings.ToLower(m); !seen[lm] {
				seen[lm] = true
				out = append(out, m)
			}
		}
	}
	return out
}
