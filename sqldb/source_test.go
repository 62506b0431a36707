package sqldb

import (
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestSourceMap: the mirror's bookkeeping on every backend, with URLs that hold
// LIKE wildcards and non-ASCII characters.
func TestSourceMap(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		u := "https://ris.example/oparl/Körperschaft/1?x=50%_"
		must(t, db.RecordSource(writer, u, ratsinfo.SourceRef{Kind: ratsinfo.KindBody, ID: 3, Hash: "a"}))
		must(t, db.RecordSource(writer, u, ratsinfo.SourceRef{Kind: ratsinfo.KindBody, ID: 3, Hash: "b"}))
		if r, err := db.FindBySource(bg, u); err != nil || r.Hash != "b" || r.ID != 3 {
			t.Fatalf("FindBySource: %+v %v", r, err)
		}
		wantCode(t, func() error { _, err := db.FindBySource(bg, u+"x"); return err }(), ratsinfo.ENOTFOUND)
		all, err := db.Sources(bg)
		if err != nil || len(all) != 1 || all[u].Kind != ratsinfo.KindBody {
			t.Fatalf("Sources: %v %v", all, err)
		}
		must(t, db.SetCheckpoint(writer, "list:"+u, "1"))
		must(t, db.SetCheckpoint(writer, "list:"+u, "2"))
		must(t, db.SetCheckpoint(writer, "list:https://ris.example/oparl/Koerperschaft", "3"))
		cps, err := db.Checkpoints(bg, "list:https://ris.example/oparl/Kö")
		if err != nil || len(cps) != 1 || cps["list:"+u] != "2" {
			t.Fatalf("Checkpoints: %v %v", cps, err)
		}
		must(t, db.SetCheckpoint(writer, "list:"+u, ""))
		if v, err := db.Checkpoint(bg, "list:"+u); err != nil || v != "" {
			t.Fatalf("removed checkpoint: %q %v", v, err)
		}
	})
}
