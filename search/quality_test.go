package search

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// germanCases: each query must find the papers named, and must not find the
// ones after "not".
var germanCases = []struct {
	group, query string
	want, not    []string
}{
	{"Flexion", "Schulen", []string{"schule"}, nil},
	{"Flexion", "Bäume", []string{"baum"}, nil},
	{"Flexion", "Baumes", []string{"baum"}, nil},
	{"Umlaute", "Strasse", []string{"baum"}, nil},
	{"Umlaute", "Straße", []string{"baum"}, nil},
	{"Umlaute", "Ausschuesse", []string{"ausschuesse"}, nil},
	{"Umlaute", "Ausschüsse", []string{"ausschuesse"}, nil},
	{"Umlaute", "Faellung", []string{"baum"}, nil},
	{"Komposita", "Radweg", []string{"radwegekonzept"}, nil},
	{"Komposita", "Strategie", []string{"digistrategie"}, nil},
	{"Komposita", "Knoten", []string{"knoten"}, nil},
	{"Komposita", "Punkte", []string{"knoten"}, nil},
	{"Komposita", "Verfahren", []string{"bplan"}, nil},
	{"Schreibweisen", "Smart City", []string{"smartcity", "smartjoined"}, nil},
	{"Schreibweisen", "Smart-City", []string{"smartcity", "smartjoined"}, nil},
	{"Schreibweisen", "SmartCity", []string{"smartcity", "smartjoined"}, nil},
	{"Phrasen", `"an der Kreisstraße"`, []string{"kreisstrasse"}, []string{"kreisfern"}},
	{"Phrasen", "Kreis Straße", []string{"kreisstrasse", "kreisfern"}, nil},
	{"Phrasen", "Bebauungsplan*", []string{"bplan"}, nil},
	{"Phrasen", "Verwaltung -Digitalisierung", []string{"digistrategie"}, []string{"digitalisierung"}},
	{"Aktenzeichen", "A 23/0012", []string{"smartcity"}, nil},
	{"Aktenzeichen", "A 23/12", []string{"smartcity"}, nil},
	{"Aktenzeichen", "A23-12", []string{"smartcity"}, nil},
	{"Aktenzeichen", "Vorlage A 23/12", []string{"smartcity"}, nil},
	{"Aktenzeichen", "23/0012", []string{"smartcity"}, nil},
	{"Aktenzeichen", "VO/2023/017", []string{"smartjoined"}, nil},
	{"Aktenzeichen", "VO-2023-17", []string{"smartjoined"}, nil},
	{"Aktenzeichen", "vo 2023 17", []string{"smartjoined"}, nil},
	{"Synonyme", "Etat", []string{"haushalt"}, nil},
	{"Synonyme", "B-Plan", []string{"bplan"}, nil},
	{"Synonyme", "Hub", []string{"knoten"}, nil}, // from the synonym file
}

func TestGermanSearch(t *testing.T) {
	stores(t, func(t *testing.T, db *sqldb.DB) {
		c := writeCorpus(t, db)
		dir := t.TempDir()
		syn := filepath.Join(dir, "synonyme.txt")
		writeFile(t, syn, "# Synonyme der Stadt\nKnotenpunkt, Hub\n")
		s, err := LoadSynonyms(syn)
		must(t, err)
		x := openIndex(t, db, Options{Synonyms: s})
		for _, tc := range germanCases {
			res := search(t, x, tc.query)
			for _, k := range tc.want {
				if !hasPaper(res, c.papers[k]) {
					t.Errorf("%s: %q does not find %q; hits: %v", tc.group, tc.query, k, names(res))
				}
			}
			for _, k := range tc.not {
				if hasPaper(res, c.papers[k]) {
					t.Errorf("%s: %q finds %q, which it must not; hits: %v", tc.group, tc.query, k, names(res))
				}
			}
		}
	})
}

func names(res *ratsinfo.SearchResult) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Name)
	}
	return out
}

// A committee is found by its abbreviation, a title word ranks above the same
// word in a file, snippets mark the word and escape the rest.
func TestSearchRankingAndSnippets(t *testing.T) {
	stores(t, func(t *testing.T, db *sqldb.DB) {
		c := writeCorpus(t, db)
		ctx := ratsinfo.SystemContext(context.Background())
		c.paper(t, ctx, "Bericht über <Offensive> & Verwaltung", "M 24/0200", "Kurz: die <b>Offensive</b> läuft.", true)
		x := openIndex(t, db, Options{})

		res := search(t, x, "HA")
		found := false
		for _, h := range res.Hits {
			found = found || (h.Kind == ratsinfo.SearchOrganization && h.ID == c.orgs["ha"] && h.Path == ratsinfo.WebPath(ratsinfo.KindOrganization, h.ID))
		}
		if !found {
			t.Errorf("HA does not find the Hauptausschuss: %v", names(res))
		}

		res = search(t, x, "Offensive")
		if len(res.Hits) < 2 || res.Hits[0].ID != c.papers["smartcity"] && !strings.Contains(res.Hits[0].Name, "Offensive") {
			t.Fatalf("Offensive: want the paper with the word in its title first: %v", names(res))
		}
		for _, h := range res.Hits {
			if !strings.Contains(h.Snippet, "<mark>") {
				t.Errorf("snippet of %q marks nothing: %q", h.Name, h.Snippet)
			}
			if strings.Contains(h.Snippet, "<b>") || strings.Contains(h.Snippet, "<Offensive>") {
				t.Errorf("snippet not escaped: %q", h.Snippet)
			}
		}
	})
}

// "Meinten Sie": a misspelled word gets the closest title word.
func TestSearchSuggestion(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "ratsinfo.db"))
	writeCorpus(t, db)
	x := openIndex(t, db, Options{})
	for q, want := range map[string]string{"Digitalisirung": "digitalisierung", "Haushaltsplam": "haushaltsplan"} {
		res := search(t, x, q)
		if res.Total != 0 || res.Suggestion != want {
			t.Errorf("%q: total %d, suggestion %q, want 0 and %q", q, res.Total, res.Suggestion, want)
		}
	}
	if res := search(t, x, "Radweg"); res.Suggestion != "" {
		t.Errorf("a query with hits got a suggestion: %q", res.Suggestion)
	}
}

// Bad queries give results or a German hint, never an error.
func TestSearchBadQueries(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "ratsinfo.db"))
	writeCorpus(t, db)
	x := openIndex(t, db, Options{})
	for _, tc := range []struct {
		query, hint string
		hits        bool
	}{
		{`"an der Kreisstraße`, "Anführungszeichen", true},
		{strings.Repeat("Radweg ", 2000), "gekürzt", false},
		{"der die das und", "Füllwörter", false},
		{"-Radweg", "ausgeschlossene", false},
		{"a* Radweg", "drei Buchstaben", false},
		{"***", "", false},
		{"\xff\xfe Schule", "", true},
		{`""`, "", false},
		{"((Schule]] OR AND NOT ~2 ^3", "", false},
	} {
		res, err := x.Search(context.Background(), ratsinfo.SearchQuery{Text: tc.query})
		if err != nil {
			t.Errorf("%.40q: error %v", tc.query, err)
			continue
		}
		if tc.hint != "" && !strings.Contains(strings.Join(res.Hints, " "), tc.hint) {
			t.Errorf("%.40q: hints %q lack %q", tc.query, res.Hints, tc.hint)
		}
		if tc.hits && res.Total == 0 {
			t.Errorf("%.40q: no hits", tc.query)
		}
	}
}

// Nothing non-public is found, suggested, counted or shown in a snippet.
func TestSearchFindsNothingNonPublic(t *testing.T) {
	stores(t, func(t *testing.T, db *sqldb.DB) {
		writeCorpus(t, db)
		x := openIndex(t, db, Options{})
		for _, w := range append(secretWords, "Personalangelegenheit", "Grundstücksverkauf", "X 99/0001", "Geheim*", "Personalakte") {
			res := search(t, x, w)
			if res.Total != 0 || len(res.Kinds) != 0 {
				t.Errorf("%q: %d hits %v, facets %v", w, res.Total, names(res), res.Kinds)
			}
			if strings.Contains(strings.ToLower(res.Suggestion), "geheim") || strings.Contains(strings.ToLower(res.Suggestion), "zauber") {
				t.Errorf("%q: suggestion %q is non-public", w, res.Suggestion)
			}
		}
		// Near misses must not suggest the secret words either.
		for _, w := range []string{"Geheimvorlag", "Zauberwortvorlagen", "Geheimpunkte"} {
			if res := search(t, x, w); strings.Contains(strings.ToLower(res.Suggestion), "geheim") || strings.Contains(strings.ToLower(res.Suggestion), "zauber") {
				t.Errorf("%q: suggestion %q is non-public", w, res.Suggestion)
			}
		}
		// Every snippet of a broad search is public.
		res, err := x.Search(context.Background(), ratsinfo.SearchQuery{Text: "der Stadt Sitzung", Limit: 100})
		must(t, err)
		for _, h := range res.Hits {
			if strings.Contains(strings.ToLower(h.Snippet+h.Name), "geheim") {
				t.Errorf("hit %q shows non-public text: %q", h.Name, h.Snippet)
			}
		}
	})
}
