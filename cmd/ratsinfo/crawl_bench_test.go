package main

import (
	"context"
	"os"
	"testing"
	"time"
)

// BenchmarkCrawl walks a whole API from its System object, every list and every
// page, as a mirror does, and reports objects per second (embedded ones included).
// It needs a generated city: RATSINFO_BENCH_URL names a running server's System URL
// (so that the server's memory can be read from outside), or RATSINFO_BENCH_DATA a
// data folder that the benchmark serves in-process.
func BenchmarkCrawl(b *testing.B) {
	systemURL := os.Getenv("RATSINFO_BENCH_URL")
	if systemURL == "" {
		dir := os.Getenv("RATSINFO_BENCH_DATA")
		if dir == "" {
			b.Skip("Crawl-Benchmark übersprungen: RATSINFO_BENCH_URL oder RATSINFO_BENCH_DATA ist nicht gesetzt")
		}
		systemURL = startServer(b, "--migrate", "--data-dir", dir).baseURL + "/oparl/v1.1/system"
	}
	for b.Loop() {
		c := newCrawler(systemURL)
		c.listsOnly = true
		started := time.Now()
		if err := c.run(context.Background(), systemURL, 4); err != nil {
			b.Fatal(err)
		}
		elapsed := time.Since(started)
		b.ReportMetric(float64(c.received)/elapsed.Seconds(), "objects/s")
		b.ReportMetric(float64(c.received), "objects")
		b.ReportMetric(float64(c.pages), "pages")
	}
}
