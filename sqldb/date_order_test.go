package sqldb

import (
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestPapersByDate checks the website's paper list: newest first with undated
// papers last, title search through the trigram index (case-insensitive, umlauts,
// reference numbers, renamed papers), short texts, and that unpublished papers are
// neither found nor counted.
func TestPapersByDate(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		mk := func(name, ref string, d ratsinfo.Date, published bool) *ratsinfo.Paper {
			p := &ratsinfo.Paper{BodyID: c.body.ID, Name: name, Reference: ref, PaperType: ratsinfo.PaperTypeResolution, Date: d, Published: published}
			must(t, db.CreatePaper(writer, p))
			return p
		}
		newer := mk("Neubau der Grundschule Harksheide", "B 24/0001", ratsinfo.NewDate(2024, 5, 1), true)
		undated := mk("ÜBERPLANUNG Straßenraum Ulzburger Straße", "B 24/0002", ratsinfo.Date{}, true)
		secret := mk("Grundschule Verkauf Grundstück", "X 24/0003", ratsinfo.NewDate(2024, 6, 1), false)

		find := func(q ratsinfo.PaperQuery) ([]int64, int) {
			t.Helper()
			ps, total, err := db.FindPapersByDate(bg, q)
			must(t, err)
			var ids []int64
			for _, p := range ps {
				ids = append(ids, p.ID)
			}
			return ids, total
		}
		if ids, total := find(ratsinfo.PaperQuery{}); total != 3 || len(ids) != 3 || ids[0] != newer.ID || ids[2] != undated.ID {
			t.Errorf("all: %v of %d; want newest first, undated last", ids, total)
		}
		for _, tc := range []struct {
			text string
			want []int64
		}{
			{"grundschule", []int64{newer.ID}},
			{"GRUNDSCHULE", []int64{newer.ID}},
			{"überplanung", []int64{undated.ID}},
			{"straße", []int64{undated.ID}},
			{"24/0001", []int64{newer.ID}},
			{"Verkauf", nil},
			{"GO", []int64{c.paper.ID}}, // shorter than a trigram: compared directly
			{`"x" %_`, nil},             // quotes and wildcards are text, not syntax
		} {
			ids, total := find(ratsinfo.PaperQuery{Text: tc.text})
			if len(ids) != len(tc.want) || total != len(tc.want) || (len(ids) > 0 && ids[0] != tc.want[0]) {
				t.Errorf("text %q: %v of %d, want %v", tc.text, ids, total, tc.want)
			}
		}
		newer.Name = "Neubau der Gesamtschule Harksheide"
		must(t, db.UpdatePaper(writer, newer))
		if ids, _ := find(ratsinfo.PaperQuery{Text: "grundschule"}); len(ids) != 0 {
			t.Errorf("renamed paper still found under its old name: %v", ids)
		}
		if ids, total := find(ratsinfo.PaperQuery{Text: "gesamtschule"}); total != 1 || len(ids) != 1 {
			t.Errorf("renamed paper not found under its new name: %v", ids)
		}
		if ids, total := find(ratsinfo.PaperQuery{Offset: 10, Limit: 5}); len(ids) != 0 || total != 3 {
			t.Errorf("past the end: %v of %d", ids, total)
		}
		_ = secret
	})
}
