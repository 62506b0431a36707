package web

import (
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

var updateGolden = flag.Bool("update", false, "rewrite web/testdata/show_pages.golden from the pages as rendered now")

// TestShowPagesGolden renders the page of every meeting, paper, organization and
// person the public sees in the test city (the long meeting and paper included),
// in German and English, and compares each with a recorded digest. It guards
// refactorings of the page handlers: loading differently must not change one byte.
// A deliberate change of a page rewrites the file with -update (and a look at the
// pages themselves).
func TestShowPagesGolden(t *testing.T) {
	w := testWorld(t)
	w.longObjects(t)
	var got strings.Builder
	for _, path := range w.showPaths(t) {
		for _, lang := range []string{"de", "en"} {
			res, page := w.get(t, path, "Accept-Language", lang)
			sum := sha256.Sum256([]byte(page))
			fmt.Fprintf(&got, "%s %s %d %d %x\n", lang, path, res.StatusCode, len(page), sum[:8])
		}
	}
	file := filepath.Join("testdata", "show_pages.golden")
	if *updateGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (go test ./web/ -run ShowPagesGolden -update writes it)", err)
	}
	wantLines, gotLines := strings.Split(string(want), "\n"), strings.Split(got.String(), "\n")
	if len(wantLines) != len(gotLines) {
		t.Errorf("%d pages rendered, %d recorded", len(gotLines)-1, len(wantLines)-1)
	}
	for i := range min(len(wantLines), len(gotLines)) {
		if wantLines[i] != gotLines[i] {
			t.Errorf("page changed:\n got %s\nwant %s", gotLines[i], wantLines[i])
		}
	}
}

// goldenPaperSample keeps every n-th paper page in the golden file: the city has
// about 1,800 papers, and a digest for each would make the file heavy without
// covering anything new (the long paper, the inquiry and its answer are always in).
const goldenPaperSample = 7

// showPaths lists the page of every meeting, organization and person the public
// sees, and of a sample of the papers, in id order.
func (w *world) showPaths(t *testing.T) []string {
	t.Helper()
	ctx := context.Background() // the anonymous public
	var paths []string
	add := func(k ratsinfo.Kind, id int64) { paths = append(paths, ratsinfo.WebPath(k, id)) }
	meetings, err := w.store.FindMeetings(ctx, ratsinfo.MeetingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range meetings {
		add(ratsinfo.KindMeeting, x.ID)
	}
	papers, err := w.store.FindPapers(ctx, ratsinfo.PaperFilter{})
	if err != nil {
		t.Fatal(err)
	}
	_, longPaper := w.longObjects(t)
	keep := map[int64]bool{longPaper: true, w.city.InquiryPaperID: true, w.city.AnswerPaperID: true, w.fix.PublicPaper: true}
	for _, x := range papers {
		if x.ID%goldenPaperSample == 0 || keep[x.ID] {
			add(ratsinfo.KindPaper, x.ID)
		}
	}
	orgs, err := w.store.FindOrganizations(ctx, ratsinfo.OrganizationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range orgs {
		add(ratsinfo.KindOrganization, x.ID)
	}
	persons, err := w.store.FindPersons(ctx, ratsinfo.PersonFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range persons {
		add(ratsinfo.KindPerson, x.ID)
	}
	return paths
}
