package mirror_test

import (
	"sync"
	"testing"

	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/oparl/mirror"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// TestRoundTrip: demo city → our API → import into an empty store → our API
// again gives the same objects apart from ids and timestamps.
func TestRoundTrip(t *testing.T) {
	backends(t, testRoundTrip)
}

func testRoundTrip(t *testing.T, open func(testing.TB) (*sqldb.DB, *blob.Dir)) {
	sysA, _ := demoServer(t)
	db, blobs := open(t)
	var mu sync.Mutex
	var seen []mirror.Progress
	rep := importInto(t, db, blobs, sysA, mirror.Options{Concurrency: 8, Progress: func(p mirror.Progress) {
		mu.Lock()
		seen = append(seen, p)
		mu.Unlock()
	}})
	if len(rep.Failures) > 0 || len(rep.Skipped) > 0 {
		t.Errorf("Fehler %v, übersprungen %v", rep.Failures, rep.Skipped)
	}
	// The demo body has all ten lists; the progress line counts them as they are
	// finished and never goes back.
	mu.Lock()
	defer mu.Unlock()
	if rep.Lists != 10 || len(seen) == 0 || seen[len(seen)-1].Lists != 10 {
		t.Errorf("Listen im Bericht %d, im letzten Fortschritt %v, erwartet 10", rep.Lists, seen)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i].Lists < seen[i-1].Lists || seen[i].Objects < seen[i-1].Objects {
			t.Errorf("Fortschritt geht zurück: %+v nach %+v", seen[i], seen[i-1])
		}
	}
	sysB := serve(t, db, blobs)
	a, b := crawl(t, sysA), crawl(t, sysB)
	tr := newTranslator(t, db, a)
	tr["="+sysB] = sysA
	compareMirrors(t, a, b, tr)
}
