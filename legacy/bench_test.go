package legacy

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkParse parses a folder's worth of 1,000 documents: the seed in
// variants (other names, numbers and lengths), so that nothing is cached by
// accident. Reported: documents per second.
func BenchmarkParse(b *testing.B) {
	seed := readSeed(b)
	docs := make([]string, 1000)
	for i := range docs {
		s := strings.ReplaceAll(seed, "Pender", fmt.Sprintf("Pender%d", i))
		s = strings.Repeat("Vorbemerkung des Amtes.\n\n", i%5) + s
		docs[i] = s
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, d := range docs {
			Parse(d)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}
