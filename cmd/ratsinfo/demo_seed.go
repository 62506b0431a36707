package main

import (
	"context"
	"fmt"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/legacy"
)

// loadSeedAnswer structures the demo city's seed answer through the legacy
// importer, as a city imports its old answers: the answer paper and inquiry
// paper the demo wrote, with Herr Pender and the Hauptausschuss's hearing,
// are matched, and a published inquiry with the six questions and answers is
// added to them.
func loadSeedAnswer(ctx context.Context, db ratsinfo.LegacyImporter, blobs ratsinfo.BlobStore, city *demo.City) (*ratsinfo.LegacyImportResult, error) {
	name, content := demo.SeedAnswer()
	text, _ := legacy.Decode(content)
	doc := legacy.Parse(text)
	doc.File = name
	res, err := storeDocument(ctx, db, blobs, city.BodyID, name, doc, content)
	if err != nil {
		return nil, fmt.Errorf("seed answer through the legacy importer: %w", err)
	}
	return res, nil
}
