package web

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// TestLongPages checks that a meeting with 300 agenda items and a paper with 200
// files stay usable: they render quickly, completely and at a size a phone loads.
func TestLongPages(t *testing.T) {
	w := testWorld(t)
	meetingID, paperID := w.longObjects(t)
	for _, tc := range []struct {
		path    string
		want    []string
		maxSize int
	}{
		{fmt.Sprintf("/sitzungen/%d", meetingID), []string{"Langpunkt 1<", "Langpunkt 299", "Haushaltsantrag Nr. 299 zur Langliste", "nichtöffentlich"}, 300 << 10},
		{fmt.Sprintf("/vorlagen/%d", paperID), []string{"Anlage 1 Planzeichnung", "Anlage 200 Planzeichnung"}, 100 << 10},
	} {
		start := time.Now()
		res, page := w.get(t, tc.path)
		took := time.Since(start)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d", tc.path, res.StatusCode)
		}
		for _, s := range tc.want {
			if !strings.Contains(page, s) {
				t.Errorf("%s misses %q", tc.path, s)
			}
		}
		// Every 50th item is non-public: neither its name nor its paper may show.
		if strings.Contains(page, "Langpunkt 50") || strings.Contains(page, "Langpunkt 300") || strings.Contains(page, "Nr. 300 zur") {
			t.Errorf("%s shows a non-public item's name", tc.path)
		}
		if len(page) > tc.maxSize || took > 2*time.Second {
			t.Errorf("%s: %d bytes (at most %d), %v", tc.path, len(page), tc.maxSize, took)
		}
		t.Logf("%s: %d bytes, %v", tc.path, len(page), took)
	}
	checkAgendaTOC(t, w, meetingID, 300)
	_, page := w.get(t, fmt.Sprintf("/vorlagen/%d", paperID))
	for _, s := range []string{`<nav class="toc"`, `href="#dokumente">Dokumente (200 Anlagen)`, `href="#beratungsfolge"`,
		"Anlagen (200)", `class="list files compact"`} {
		if !strings.Contains(page, s) {
			t.Errorf("paper with 200 files misses %q", s)
		}
	}
}

// longObjects writes, once per test binary, a meeting with 300 agenda items
// (every 50th non-public) and a paper with 200 files. They are dated 2001, so
// they stay off the pages that list the newest.
func (w *world) longObjects(t testing.TB) (meetingID, paperID int64) {
	t.Helper()
	w.longOnce.Do(func() { w.longMeeting, w.longPaper, w.longErr = w.writeLongObjects() })
	if w.longErr != nil {
		t.Fatalf("long objects: %v", w.longErr)
	}
	return w.longMeeting, w.longPaper
}

func (w *world) writeLongObjects() (meetingID, paperID int64, err error) {
	ctx := ratsinfo.SystemContext(context.Background())
	body := w.city.BodyID
	berlin := ratsinfo.Berlin()
	err = w.store.InTransaction(ctx, func(ctx context.Context) error {
		m := &ratsinfo.Meeting{BodyID: body, Name: "Haushaltssitzung mit langer Tagesordnung", MeetingState: ratsinfo.MeetingHeld,
			Start: time.Date(2001, 3, 1, 17, 0, 0, 0, berlin), OrganizationIDs: []int64{w.city.MainCommitteeID}}
		if err := w.store.CreateMeeting(ctx, m); err != nil {
			return err
		}
		meetingID = m.ID
		for i := range 300 {
			p := &ratsinfo.Paper{BodyID: body, Name: fmt.Sprintf("Haushaltsantrag Nr. %d zur Langliste", i+1), Reference: fmt.Sprintf("H 01/%04d", i+1),
				PaperType: ratsinfo.PaperTypeResolution, Date: ratsinfo.NewDate(2001, 2, 1), Published: true}
			if err := w.store.CreatePaper(ctx, p); err != nil {
				return err
			}
			it := &ratsinfo.AgendaItem{MeetingID: m.ID, Position: i, Number: fmt.Sprint(i + 1), Name: fmt.Sprintf("Langpunkt %d", i+1),
				Public: i%50 != 49, Result: "beschlossen"}
			if err := w.store.CreateAgendaItem(ctx, it); err != nil {
				return err
			}
			if err := w.store.CreateConsultation(ctx, &ratsinfo.Consultation{PaperID: p.ID, MeetingID: m.ID, AgendaItemID: it.ID,
				Role: ratsinfo.RoleDecision, OrganizationIDs: []int64{w.city.MainCommitteeID}}); err != nil {
				return err
			}
		}
		p := &ratsinfo.Paper{BodyID: body, Name: "Bebauungsplan mit zweihundert Anlagen", Reference: "B 01/0200",
			PaperType: ratsinfo.PaperTypeResolution, Date: ratsinfo.NewDate(2001, 1, 15), Published: true}
		for i := range 200 {
			f := &ratsinfo.File{BodyID: body, Name: fmt.Sprintf("Anlage %d Planzeichnung", i+1), FileName: fmt.Sprintf("anlage-%d.pdf", i+1),
				MimeType: "application/pdf", Size: 250_000}
			if err := w.store.CreateFile(ctx, f); err != nil {
				return err
			}
			p.AuxiliaryFileIDs = append(p.AuxiliaryFileIDs, f.ID)
		}
		if err := w.store.CreatePaper(ctx, p); err != nil {
			return err
		}
		paperID = p.ID
		return nil
	})
	return meetingID, paperID, err
}

// checkAgendaTOC checks the jump links above a long agenda: one per item, in
// order, each to an item on the page, non-public ones by number only.
func checkAgendaTOC(t *testing.T, w *world, meetingID int64, items int) {
	t.Helper()
	_, page := w.get(t, fmt.Sprintf("/sitzungen/%d", meetingID))
	start := strings.Index(page, `<nav class="toc"`)
	if start < 0 {
		t.Fatalf("meeting with %d items has no table of contents", items)
	}
	toc := page[start : start+strings.Index(page[start:], "</nav>")]
	if !strings.Contains(toc, fmt.Sprintf("%d Tagesordnungspunkte", items)) {
		t.Errorf("table of contents does not give the number of items")
	}
	links := regexp.MustCompile(`<li><a href="#(top-\d+)">([^<]*)`).FindAllStringSubmatch(toc, -1)
	if len(links) != items {
		t.Fatalf("table of contents has %d links, want %d", len(links), items)
	}
	for i, l := range links {
		if !strings.Contains(page, `<li id="`+l[1]+`">`) {
			t.Errorf("jump link %d leads to #%s, which is not on the page", i+1, l[1])
		}
		want := fmt.Sprintf("%d Langpunkt %d", i+1, i+1)
		if i%50 == 49 {
			want = fmt.Sprintf("%d ", i+1) // non-public: the number, then only "nichtöffentlich"
		}
		if l[2] != want {
			t.Errorf("jump link %d reads %q, want %q", i+1, l[2], want)
		}
	}
	if n := strings.Count(toc, "nichtöffentlich"); n != items/50 {
		t.Errorf("table of contents marks %d items non-public, want %d", n, items/50)
	}
}
