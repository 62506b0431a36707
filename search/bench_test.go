package search

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// BenchmarkQueries runs the judged set's queries on the demo city, each as
// the search page asks it (top 10, total, facets, snippets), against the index
// and against today's SQL search, and reports the median and the 95th
// percentile per query. Run: go test ./search -run '^$' -bench Queries -benchtime 3x -count 6
func BenchmarkQueries(b *testing.B) {
	w := loadDemo(b)
	cases := w.cases()
	ctx := context.Background()
	pub := publicContext(ctx)
	for _, engine := range []struct {
		name string
		run  func(q string) error
	}{
		{"ratsinfo", func(q string) error {
			_, err := w.idx.Search(ctx, ratsinfo.SearchQuery{Text: q, Limit: 10})
			return err
		}},
		{"sql", func(q string) error {
			_, _, err := w.db.FindPapersByDate(pub, ratsinfo.PaperQuery{Text: q, Limit: 10, CountCap: 10000})
			return err
		}},
	} {
		b.Run(engine.name, func(b *testing.B) {
			var d []time.Duration
			for b.Loop() {
				for _, c := range cases {
					start := time.Now()
					if err := engine.run(c.query); err != nil {
						b.Fatal(err)
					}
					d = append(d, time.Since(start))
				}
			}
			sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
			b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(d[len(d)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
}

// BenchmarkRebuild builds the demo city's index anew and reports its
// documents and size. Run: go test ./search -run '^$' -bench Rebuild -benchtime 1x -count 3
func BenchmarkRebuild(b *testing.B) {
	w := loadDemo(b)
	for b.Loop() {
		if err := w.idx.Rebuild(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	}
	st, err := w.idx.Stats()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(st.Docs), "docs")
	b.ReportMetric(float64(st.Bytes)/1e6, "MB")
}
