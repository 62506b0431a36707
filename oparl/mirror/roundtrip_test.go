package mirror_test

import (
	"os"
	"testing"

	"github.com/ratsinfo/ratsinfo/oparl/mirror"
)

func TestRoundTripSmoke(t *testing.T) {
	sys, _ := demoServer(t)
	db, blobs := open(t)
	rep := importInto(t, db, blobs, sys, mirror.Options{})
	rep.WriteText(os.Stdout)
}
