package web

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// TestLongPages checks that a meeting with 300 agenda items and a paper with 200
// files stay usable: they render quickly, completely and at a size a phone loads.
// The objects are dated 2001, so they stay off the pages that list the newest.
func TestLongPages(t *testing.T) {
	w := testWorld(t)
	ctx := ratsinfo.SystemContext(context.Background())
	body := w.city.BodyID
	berlin := ratsinfo.Berlin()
	var meetingID, paperID int64
	err := w.store.InTransaction(ctx, func(ctx context.Context) error {
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
	if err != nil {
		t.Fatal(err)
	}
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
}
