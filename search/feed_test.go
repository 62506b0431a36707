package search

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// The index follows the change feed: a new paper is found after Sync, a
// withdrawn one no longer, a non-public agenda item made public appears; the
// checkpoint survives a reopen, and a second process cannot open the folder.
func TestSearchFollowsChangeFeed(t *testing.T) {
	stores(t, func(t *testing.T, db *sqldb.DB) {
		c := writeCorpus(t, db)
		ctx := ratsinfo.SystemContext(context.Background())
		dir := filepath.Join(t.TempDir(), "suche")
		x, err := Open(dir, db, Options{})
		must(t, err)
		if x.Ready() {
			t.Fatal("a new folder reads as ready")
		}
		if _, err := x.Search(context.Background(), ratsinfo.SearchQuery{Text: "Schule"}); ratsinfo.ErrorCode(err) != ratsinfo.EUNAVAILABLE {
			t.Fatalf("search before the build: %v, want EUNAVAILABLE", err)
		}
		must(t, x.Rebuild(context.Background(), nil))

		id := c.paper(t, ctx, "Neubau der Feuerwache Friedrichsgabe", "B 25/0300", "Eine Fahrzeughalle.", true)
		if res := search(t, x, "Feuerwache"); res.Total != 0 {
			t.Fatalf("found before Sync: %v", names(res))
		}
		n, err := x.Sync(context.Background())
		must(t, err)
		if n == 0 {
			t.Fatal("Sync applied nothing")
		}
		if res := search(t, x, "Feuerwachen"); !hasPaper(res, id) {
			t.Fatalf("new paper not found after Sync: %v", names(res))
		}
		p, err := db.FindPaperByID(ctx, id)
		must(t, err)
		p.Published = false
		must(t, db.UpdatePaper(ctx, p))
		_, err = x.Sync(context.Background())
		must(t, err)
		if res := search(t, x, "Feuerwache"); res.Total != 0 {
			t.Fatalf("withdrawn paper still found: %v", names(res))
		}

		seq, err := x.Checkpoint()
		must(t, err)
		latest, err := db.LatestChange(ctx)
		must(t, err)
		if seq != latest {
			t.Fatalf("checkpoint %d, feed at %d", seq, latest)
		}

		if _, err := Open(dir, db, Options{}); err == nil || !strings.Contains(err.Error(), "anderen Ratsinfo-Prozess") {
			t.Fatalf("second open of a locked folder: %v", err)
		}
		must(t, x.Close())
		y, err := Open(dir, db, Options{})
		must(t, err)
		defer y.Close()
		if !y.Ready() {
			t.Fatal("reopened index not ready")
		}
		if got, _ := y.Checkpoint(); got != seq {
			t.Fatalf("checkpoint after reopen %d, want %d", got, seq)
		}
		if res := search(t, y, "Radwegekonzept"); !hasPaper(res, c.papers["radwegekonzept"]) {
			t.Fatalf("reopened index lost documents: %v", names(res))
		}
	})
}

// A file's new text reaches the paper it is attached to.
func TestSearchIndexesChangedFileText(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "ratsinfo.db"))
	c := writeCorpus(t, db)
	x := openIndex(t, db, Options{})
	ctx := ratsinfo.SystemContext(context.Background())
	p, err := db.FindPaperByID(ctx, c.papers["konzept"])
	must(t, err)
	f, err := db.FindFileByID(ctx, p.MainFileID)
	must(t, err)
	f.Text += " Streusalz wird knapp."
	must(t, db.UpdateFile(ctx, f))
	_, err = x.Sync(context.Background())
	must(t, err)
	if res := search(t, x, "Streusalz"); !hasPaper(res, p.ID) {
		t.Fatalf("new file text not found: %v", names(res))
	}
}
