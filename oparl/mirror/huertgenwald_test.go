package mirror_test

import (
	"context"
	"os"
	"testing"

	"github.com/ratsinfo/ratsinfo/internal/huertgenwald"
	"github.com/ratsinfo/ratsinfo/oparl/mirror"
	"github.com/ratsinfo/ratsinfo/oparl/validate"
)

// TestHuertgenwald mirrors the replayed real SD.NET 1.0 crawl and checks that
// `ratsinfo oparl validate` passes on the mirror, served by our own API.
func TestHuertgenwald(t *testing.T) {
	sys := huertgenwald.Start(t)
	db, blobs := open(t)
	rep := importInto(t, db, blobs, sys, mirror.Options{Concurrency: 8})
	if testing.Verbose() {
		rep.WriteText(os.Stdout)
	}
	if rep.Created < 14000 {
		t.Errorf("nur %d Objekte angelegt", rep.Created)
	}
	for kind, min := range map[string]int{"ags-7-digits": 1, "geojson-lat-lon": 1, "trailing-blank": 300, "missing-linked-object": 12} {
		if rep.Repairs[kind] < min {
			t.Errorf("Reparatur %s: %d, erwartet mindestens %d", kind, rep.Repairs[kind], min)
		}
	}
	v, err := validate.Run(context.Background(), serve(t, db, blobs), validate.Options{Concurrency: 8})
	if err != nil {
		t.Fatal(err)
	}
	if v.Errors() > 0 {
		v.WriteText(os.Stderr)
		t.Errorf("Spiegel verletzt OParl: %d Fehler", v.Errors())
	}
}
