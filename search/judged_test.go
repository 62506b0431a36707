package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// The judged set: German queries in six groups, each judged by what it is
// about (regular expressions over title, reference and the text of all files
// of every public paper of the demo city: a paper is relevant when all match),
// not by what either engine returns. Recall in the top 20 is compared with
// today's SQL search (FindPapersByDate: substring of title and reference,
// newest first) on the same documents in the same run.
type judged struct {
	group, query string
	about        []string // all must match for a paper to be relevant
}

var judgedSet = []judged{
	{"Flexion", "Schulen", []string{`schule`}},
	{"Flexion", "Sporthallen", []string{`sporthalle`}},
	{"Flexion", "Grundschulen", []string{`grundschule`}},
	{"Flexion", "Haltestelle", []string{`haltestelle`}},
	{"Flexion", "Gewerbefläche", []string{`gewerbefläche`}},
	{"Flexion", "Gutachtens", []string{`gutachten`}},
	{"Flexion", "Wohnungen", []string{`wohnung`}},
	{"Flexion", "Stadtteilen", []string{`stadtteil`}},
	{"Flexion", "Fahrbahnen", []string{`fahrbahn`}},
	{"Flexion", "Ganztagsschulen", []string{`ganztagsschule`}},
	{"Komposita", "Radweg", []string{`radweg`}},
	{"Komposita", "Strategie", []string{`strategie`}},
	{"Komposita", "Konzept", []string{`konzept`}},
	{"Komposita", "Beleuchtung", []string{`beleuchtung`}},
	{"Komposita", "Bericht", []string{`bericht`}},
	{"Komposita", "Vertrag", []string{`vertrag`}},
	{"Komposita", "Planung", []string{`planung`}},
	{"Komposita", "Knotenpunkt", []string{`knotenpunkt`}},
	{"Komposita", "Schutz", []string{`schutz`}},
	{"Komposita", "Station", []string{`station`}},
	{"Umlaute/ß", "Strasse", []string{`straße|strasse`}},
	{"Umlaute/ß", "Fahrradstrasse", []string{`fahrradstraße`}},
	{"Umlaute/ß", "Ausschuesse", []string{`ausschüsse`}},
	{"Umlaute/ß", "Waermeplanung", []string{`wärmeplan`}},
	{"Umlaute/ß", "Laermaktionsplan", []string{`lärmaktionsplan`}},
	{"Umlaute/ß", "Glashuette", []string{`glashütte`}},
	{"Umlaute/ß", "Oeffentlichkeit", []string{`öffentlichkeit`}},
	{"Umlaute/ß", "Gebuehrensatzung", []string{`gebührensatzung`}},
	{"Umlaute/ß", "Foerderantrag", []string{`förderantrag`}},
	{"Umlaute/ß", "Massnahmenplan", []string{`maßnahmenplan`}},
	{"Phrasen", `"Kommunale Wärmeplanung"`, []string{`kommunale wärmeplanung`}},
	{"Phrasen", `"Smart City"`, []string{`smart.?city`}},
	{"Phrasen", "Smart City Barcelona", []string{`smart.?city`, `barcelona`}},
	{"Phrasen", "Sanierung Sporthalle", []string{`sanierung`, `sporthalle`}},
	{"Phrasen", "Bebauungsplan Aufstellungsbeschluss", []string{`bebauungsplan`, `aufstellungsbeschluss`}},
	{"Phrasen", `"Offene Ganztagsschule"`, []string{`offene ganztagsschule`}},
	{"Phrasen", "Kita Neubau", []string{`kita`, `neubau`}},
	{"Phrasen", "Haushaltssatzung Entwurf", []string{`haushaltssatzung`, `entwurf`}},
	{"Phrasen", `"Digitale Endgeräte"`, []string{`digitale endgeräte`}},
	{"Phrasen", "Reisekosten Barcelona", []string{`reisekosten|kosten dieser reise`, `barcelona`}},
	{"Synonyme", "HA", []string{`hauptausschuss`}},
	{"Synonyme", "SV", []string{`stadtvertretung`}},
	{"Synonyme", "B-Plan", []string{`bebauungsplan`}},
	{"Synonyme", "FNP", []string{`flächennutzungsplan`}},
	{"Synonyme", "OB", []string{`oberbürgermeister`}},
	{"Synonyme", "Kindergarten", []string{`\bkita|kindertagesstätte|kindergarten`}},
	{"Synonyme", "Etat", []string{`haushalt`}},
	{"Synonyme", "PV", []string{`photovoltaik`}},
	{"Synonyme", "Solaranlage", []string{`photovoltaik|solaranlage`}},
	{"Synonyme", "BM", []string{`bürgermeister`}},
}

// refVariants are the ways people type a reference, applied to ten real ones.
var refVariants = []func(letters, year, num string) string{
	func(l, y, n string) string { return l + " " + y + "/" + n },
	func(l, y, n string) string { return l + " " + y + "/" + strings.TrimLeft(n, "0") },
	func(l, y, n string) string { return l + y + "-" + strings.TrimLeft(n, "0") },
	func(l, y, n string) string { return "Vorlage " + l + " " + y + "/" + strings.TrimLeft(n, "0") },
	func(l, y, n string) string { return y + "/" + n },
	func(l, y, n string) string { return strings.ToLower(l) + " " + y + " " + strings.TrimLeft(n, "0") },
}

// demoWorld is the demo city with its index, built once per test binary.
type demoWorld struct {
	db     *sqldb.DB
	idx    *Index
	papers []*ratsinfo.Paper
	texts  map[int64]string // lower-case title, reference and file texts
}

var (
	demoOnce sync.Once
	theDemo  *demoWorld
	demoErr  error
)

func loadDemo(t testing.TB) *demoWorld {
	t.Helper()
	demoOnce.Do(func() { theDemo, demoErr = buildDemo() })
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return theDemo
}

func buildDemo() (*demoWorld, error) {
	dir, err := os.MkdirTemp("", "ratsinfo-search-demo-")
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	db, err := sqldb.Open(ctx, filepath.Join(dir, "ratsinfo.db"), sqldb.Options{Migrate: true})
	if err != nil {
		return nil, err
	}
	blobs, err := blob.NewDir(filepath.Join(dir, "dateien"))
	if err != nil {
		return nil, err
	}
	sys := ratsinfo.SystemContext(ctx)
	city, err := demo.Load(sys, db, blobs)
	if err != nil {
		return nil, err
	}
	if err := demo.LoadInquiries(sys, db, blobs, city); err != nil {
		return nil, err
	}
	idx, err := Open(filepath.Join(dir, "suche"), db, Options{Inquiries: db})
	if err != nil {
		return nil, err
	}
	if err := idx.Rebuild(ctx, nil); err != nil {
		return nil, err
	}
	w := &demoWorld{db: db, idx: idx, texts: map[int64]string{}}
	pub := publicContext(ctx)
	papers, err := db.FindPapers(pub, ratsinfo.PaperFilter{})
	if err != nil {
		return nil, err
	}
	for _, p := range papers {
		parts := []string{p.Name, p.Reference}
		for _, fid := range append([]int64{p.MainFileID}, p.AuxiliaryFileIDs...) {
			if f, err := db.FindFileByID(pub, fid); err == nil {
				parts = append(parts, f.Text)
			}
		}
		w.texts[p.ID] = strings.ToLower(strings.Join(parts, "\n"))
		w.papers = append(w.papers, p)
	}
	return w, nil
}

// cases returns the judged set with the ten reference numbers added.
func (w *demoWorld) cases() []judged {
	out := append([]judged{}, judgedSet...)
	ref := regexp.MustCompile(`^([A-Z]+) (\d\d)/(\d{4})$`)
	n := 0
	for i := 0; i < len(w.papers) && n < 10; i += len(w.papers) / 10 {
		m := ref.FindStringSubmatch(w.papers[i].Reference)
		if m == nil {
			continue
		}
		v := refVariants[n%len(refVariants)]
		out = append(out, judged{"Aktenzeichen", v(m[1], m[2], m[3]), []string{`(?m)^` + regexp.QuoteMeta(strings.ToLower(w.papers[i].Reference)) + `$`}})
		n++
	}
	return out
}

// relevant are the public papers a case is about.
func (w *demoWorld) relevant(c judged) map[int64]bool {
	var res []*regexp.Regexp
	for _, a := range c.about {
		res = append(res, regexp.MustCompile(`(?i)`+a))
	}
	out := map[int64]bool{}
	for id, text := range w.texts {
		all := true
		for _, re := range res {
			all = all && re.MatchString(text)
		}
		if all {
			out[id] = true
		}
	}
	return out
}

func (w *demoWorld) ours(t testing.TB, q string) []int64 {
	res, err := w.idx.Search(context.Background(), ratsinfo.SearchQuery{Text: q, Kind: ratsinfo.SearchPaper, Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func (w *demoWorld) sql(t testing.TB, q string) []int64 {
	papers, _, err := w.db.FindPapersByDate(publicContext(context.Background()), ratsinfo.PaperQuery{Text: q, Limit: 20, CountCap: 10000})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, p := range papers {
		ids = append(ids, p.ID)
	}
	return ids
}

func recallAt20(hits []int64, rel map[int64]bool) float64 {
	found := 0
	for _, id := range hits {
		if rel[id] {
			found++
		}
	}
	return float64(found) / float64(min(len(rel), 20))
}

// TestJudgedRecall prints recall@20 per group for the index and for the SQL
// search, and requires the index to be better in every group.
func TestJudgedRecall(t *testing.T) {
	if testing.Short() {
		t.Skip("the judged set loads the demo city")
	}
	w := loadDemo(t)
	type sums struct {
		ours, sql float64
		n         int
	}
	groups := map[string]*sums{}
	var order []string
	var lines []string
	for _, c := range w.cases() {
		rel := w.relevant(c)
		if len(rel) == 0 {
			t.Errorf("%s %q: no paper of the demo city is about it; fix the case", c.group, c.query)
			continue
		}
		o, s := recallAt20(w.ours(t, c.query), rel), recallAt20(w.sql(t, c.query), rel)
		if groups[c.group] == nil {
			groups[c.group] = &sums{}
			order = append(order, c.group)
		}
		g := groups[c.group]
		g.ours += o
		g.sql += s
		g.n++
		lines = append(lines, fmt.Sprintf("%-13s %-38q %4d relevant  Ratsinfo %.2f  SQL %.2f", c.group, c.query, len(rel), o, s))
	}
	sort.Strings(lines)
	t.Logf("recall@20 per query:\n%s", strings.Join(lines, "\n"))
	var table strings.Builder
	fmt.Fprintf(&table, "%-13s %7s %9s %5s\n", "Gruppe", "Anfragen", "Ratsinfo", "SQL")
	for _, name := range order {
		g := groups[name]
		fmt.Fprintf(&table, "%-13s %7d %9.2f %5.2f\n", name, g.n, g.ours/float64(g.n), g.sql/float64(g.n))
		if g.ours <= g.sql {
			t.Errorf("%s: Ratsinfo %.2f is not better than SQL %.2f", name, g.ours/float64(g.n), g.sql/float64(g.n))
		}
	}
	t.Logf("recall@20, mean per group (demo city, %d public papers):\n%s", len(w.papers), table.String())
}
