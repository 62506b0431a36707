package oparl

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// BenchmarkPaperListAfterWrite measures what a mirror's reader meets during an
// import (issue 9, item 12): the first request of a body's whole paper list after
// a start (start-ms) and after each write (first-p50-ms, first-p99-ms), when the
// page cache is empty and the total must be found again, and the same page
// asked again until the next write (steady-p50-ms, steady-p99-ms). Each write
// renames one paper; its time is not measured. On the generated cities:
//
//	RATSINFO_BENCH_DB=/tmp/stadt1m/ratsinfo.db go test ./oparl/ -run '^$' -bench AfterWrite -benchtime 20x -count 6
func BenchmarkPaperListAfterWrite(b *testing.B) {
	w := benchSetup(b)
	ctx := ratsinfo.SystemContext(context.Background())
	path := fmt.Sprintf("/oparl/v1.1/body/%d/paper", w.bodyID)
	get := func() time.Duration {
		start := time.Now()
		rec := httptest.NewRecorder()
		w.handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		d := time.Since(start)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: status %d: %s", path, rec.Code, rec.Body.Bytes())
		}
		return d
	}
	startup := get()
	var first, steady []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		p, err := w.db.FindPaperByID(ctx, w.after)
		must(b, err)
		p.Name = fmt.Sprintf("Umbenannt im Benchmark %d", i)
		must(b, w.db.UpdatePaper(ctx, p))
		b.StartTimer()
		first = append(first, get())
		for range 10 {
			steady = append(steady, get())
		}
	}
	b.ReportMetric(ms(startup), "start-ms")
	b.ReportMetric(ms(quantile(first, 0.5)), "first-p50-ms")
	b.ReportMetric(ms(quantile(first, 0.99)), "first-p99-ms")
	b.ReportMetric(ms(quantile(steady, 0.5)), "steady-p50-ms")
	b.ReportMetric(ms(quantile(steady, 0.99)), "steady-p99-ms")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// quantile returns the q-quantile of ds (nearest rank).
func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(q*float64(len(s)) + 0.5)
	return s[min(max(i-1, 0), len(s)-1)]
}
