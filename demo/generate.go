package demo

import (
	"context"
	"fmt"

	"github.com/ratsinfo/ratsinfo"
)

// Generate writes a city of n papers with meetings, persons, memberships and files in
// the demo's proportions, for load tests and benchmarks. It is built for speed: writes
// go in transactions of batchSize objects, and file contents come from a small pool
// of blobs (blob storage is content-addressed, so each is stored once). progress, if
// not nil, is called now and then with the number of papers written so far. The city
// lives on day as the demo does (see LoadOn): nothing is dated after it.
func Generate(ctx context.Context, s ratsinfo.RecordStore, b ratsinfo.BlobStore, n int, day ratsinfo.Date, progress func(done int)) error {
	if n < 1 {
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Bitte mindestens eine Vorlage erzeugen lassen.")
	}
	if err := checkDay(day); err != nil {
		return err
	}
	cfg := generatorConfig(n)
	cfg.day = day
	bl := newBuilder(s, newPooledBlobs(b, 16), cfg)
	if err := bl.build(ctx, progress); err != nil {
		return fmt.Errorf("generate %d papers: %w", n, err)
	}
	return nil
}

// generatorConfig scales the demo's shape to n papers: about six new papers per
// meeting as in the demo, reached by adding district committees that meet monthly
// (about 98 meetings each over the demo's time span), and one person per 25 papers.
func generatorConfig(n int) config {
	const demoMeetingsPerMonthlyCommittee = 98
	committees := 3
	if extra := n/6 - demoPapers/6; extra > 0 {
		committees += extra / demoMeetingsPerMonthlyCommittee
	}
	return config{papers: n, committees: committees, persons: max(0, n/25-50)}
}
