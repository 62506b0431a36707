package mirror_test

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/oparl/mirror"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// killAfter is a transport that cancels the import once it has sent n requests,
// like a kill at an arbitrary moment: between pages, inside a page's
// transaction, during file downloads or the fix-up pass.
type killAfter struct {
	n      int64
	sent   atomic.Int64
	cancel context.CancelFunc
}

func (k *killAfter) RoundTrip(r *http.Request) (*http.Response, error) {
	if k.sent.Add(1) == k.n {
		k.cancel()
	}
	return http.DefaultTransport.RoundTrip(r)
}

// TestKillAndResume interrupts an import of the demo city at several points,
// resumes it, and expects exactly the objects of an uninterrupted import: none
// lost, none twice.
func TestKillAndResume(t *testing.T) {
	backends(t, func(t *testing.T, open func(testing.TB) (*sqldb.DB, *blob.Dir)) {
		testKillAndResume(t, open, 0)
	})
}

// TestKillAndResumeSmallPages does the same against a server with pages of 40
// objects, as SD.NET serves them: several such pages share a transaction, and a
// kill must still lose or double nothing.
func TestKillAndResumeSmallPages(t *testing.T) {
	backends(t, func(t *testing.T, open func(testing.TB) (*sqldb.DB, *blob.Dir)) {
		testKillAndResume(t, open, 40)
	})
}

func testKillAndResume(t *testing.T, open func(testing.TB) (*sqldb.DB, *blob.Dir), maxPage int) {
	sysA, _ := demoServerPages(t, maxPage)
	db, blobs := open(t)
	for i, n := range []int64{3, 60, 700, 1200} {
		ctx, cancel := context.WithCancel(context.Background())
		k := &killAfter{n: n, cancel: cancel}
		_, err := mirror.Import(ctx, db, blobs, sysA, mirror.Options{Client: &http.Client{Transport: k}})
		cancel()
		if err == nil && i > 1 {
			break // the rest of the import needed fewer requests than this kill point
		}
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Abbruch nach %d Anfragen: Fehler %v, erwartet context.Canceled", n, err)
		}
	}
	rep := importInto(t, db, blobs, sysA, mirror.Options{})
	if len(rep.Failures) > 0 || len(rep.Skipped) > 0 {
		t.Errorf("Fehler %v, übersprungen %v", rep.Failures, rep.Skipped)
	}
	sysB := serve(t, db, blobs)
	a, b := crawl(t, sysA), crawl(t, sysB)
	tr := newTranslator(t, db, a)
	tr["="+sysB] = sysA
	compareMirrors(t, a, b, tr)
}
