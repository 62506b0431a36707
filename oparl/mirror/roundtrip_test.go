package mirror_test

import (
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
	rep := importInto(t, db, blobs, sysA, mirror.Options{Concurrency: 8})
	if len(rep.Failures) > 0 || len(rep.Skipped) > 0 {
		t.Errorf("Fehler %v, übersprungen %v", rep.Failures, rep.Skipped)
	}
	sysB := serve(t, db, blobs)
	a, b := crawl(t, sysA), crawl(t, sysB)
	tr := newTranslator(t, db, a)
	tr["="+sysB] = sysA
	compareMirrors(t, a, b, tr)
}
