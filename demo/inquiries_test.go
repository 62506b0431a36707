package demo

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// TestDemoInquiriesCoverEveryState loads the demo city with its inquiries and
// checks that every state of the path is there, that the published answers are
// papers with a PDF, and what the public sees of them.
func TestDemoInquiriesCoverEveryState(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := sqldb.Open(ctx, filepath.Join(dir, "ratsinfo.db"), sqldb.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	blobs, err := blob.NewDir(filepath.Join(dir, "dateien"))
	if err != nil {
		t.Fatal(err)
	}
	sys := ratsinfo.SystemContext(ctx)
	city, err := Load(sys, db, blobs)
	if err != nil {
		t.Fatal(err)
	}
	if err := LoadInquiries(sys, db, blobs, city); err != nil {
		t.Fatal(err)
	}
	all, err := db.FindInquiries(sys, ratsinfo.InquiryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	states := map[ratsinfo.InquiryState]int{}
	for _, q := range all {
		states[q.State]++
		if q.State == ratsinfo.InquiryPublished {
			answer, err := db.FindPaperByID(ctx, q.AnswerPaperID)
			if err != nil {
				t.Fatalf("published answer of %q: %v", q.Title, err)
			}
			f, err := db.FindFileByID(ctx, answer.MainFileID)
			if err != nil || f.Size == 0 || f.MimeType != "application/pdf" {
				t.Fatalf("answer file of %q: %+v, %v", q.Title, f, err)
			}
		}
	}
	for _, st := range ratsinfo.InquiryStates() {
		if states[st] == 0 {
			t.Errorf("no demo inquiry in state %s (%v)", st, states)
		}
	}
	public, err := db.FindInquiries(ctx, ratsinfo.InquiryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(public) != len(all)-1 {
		t.Errorf("the public sees %d of %d inquiries; only the draft should be hidden", len(public), len(all))
	}
}
