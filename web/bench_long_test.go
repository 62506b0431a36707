package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// The biggest pages of a real city: Karlsruhe's longest meeting has 394 agenda
// items, its largest paper 180 files. These benchmarks render the same shapes on
// the test city and report the median server time, the measure of the bar
// (20 ms):
//
//	go test ./web/ -run '^$' -bench Long -benchtime 200x

// Shape of the benchmark objects: every 20th item is non-public, every item
// treats a paper, every 4th has a resolution file; the paper is consulted in
// several meetings and relates to the first papers of the meeting.
const (
	benchItems         = 400
	benchFiles         = 180
	benchSecretEvery   = 20
	benchConsultations = 8
)

var (
	benchOnce                    sync.Once
	benchMeetingID, benchPaperID int64
	benchErr                     error
)

// benchObjects writes the big meeting and paper once per test binary. They are
// dated 2002, so they stay off the pages that list the newest.
func benchObjects(b *testing.B) (meetingID, paperID int64) {
	w := testWorld(b)
	benchOnce.Do(func() {
		ctx := ratsinfo.SystemContext(context.Background())
		benchErr = w.store.InTransaction(ctx, func(ctx context.Context) error {
			var err error
			if benchMeetingID, err = w.writeBenchMeeting(ctx); err != nil {
				return err
			}
			benchPaperID, err = w.writeBenchPaper(ctx)
			return err
		})
	})
	if benchErr != nil {
		b.Fatalf("benchmark objects: %v", benchErr)
	}
	return benchMeetingID, benchPaperID
}

func (w *world) writeBenchMeeting(ctx context.Context) (int64, error) {
	s, body := w.store, w.city.BodyID
	m := &ratsinfo.Meeting{BodyID: body, Name: "Gemeinderat: Haushaltsberatungen 2002", MeetingState: ratsinfo.MeetingHeld,
		Start: time.Date(2002, 3, 1, 15, 30, 0, 0, ratsinfo.Berlin()), OrganizationIDs: []int64{w.city.MainCommitteeID}}
	if err := s.CreateMeeting(ctx, m); err != nil {
		return 0, err
	}
	for i := range benchItems {
		p := &ratsinfo.Paper{BodyID: body, Name: fmt.Sprintf("Haushaltsberatung 2002, Antrag %d", i+1), Reference: fmt.Sprintf("HB 02/%04d", i+1),
			PaperType: ratsinfo.PaperTypeMotion, Date: ratsinfo.NewDate(2002, 2, 1), Published: true,
			UnderDirectionOfIDs: []int64{w.city.MainCommitteeID}}
		if err := s.CreatePaper(ctx, p); err != nil {
			return 0, err
		}
		it := &ratsinfo.AgendaItem{MeetingID: m.ID, Position: i, Number: fmt.Sprint(i + 1), Name: fmt.Sprintf("Haushaltspunkt %d", i+1),
			Public: i%benchSecretEvery != benchSecretEvery-1, Result: "beschlossen", ResolutionText: "Der Rat beschließt wie beantragt."}
		if i%4 == 0 {
			f := &ratsinfo.File{BodyID: body, Name: fmt.Sprintf("Beschluss zu Punkt %d", i+1), FileName: fmt.Sprintf("beschluss-%d.pdf", i+1),
				MimeType: "application/pdf", Size: 80_000}
			if err := s.CreateFile(ctx, f); err != nil {
				return 0, err
			}
			it.ResolutionFileID = f.ID
		}
		if err := s.CreateAgendaItem(ctx, it); err != nil {
			return 0, err
		}
		if err := s.CreateConsultation(ctx, &ratsinfo.Consultation{PaperID: p.ID, MeetingID: m.ID, AgendaItemID: it.ID,
			Role: ratsinfo.RoleDecision, OrganizationIDs: []int64{w.city.MainCommitteeID}}); err != nil {
			return 0, err
		}
	}
	return m.ID, nil
}

func (w *world) writeBenchPaper(ctx context.Context) (int64, error) {
	s, body := w.store, w.city.BodyID
	p := &ratsinfo.Paper{BodyID: body, Name: "Bebauungsplan Innenstadt Ost mit Anlagen", Reference: "B 02/0180",
		PaperType: ratsinfo.PaperTypeResolution, Date: ratsinfo.NewDate(2002, 1, 15), Published: true,
		UnderDirectionOfIDs: []int64{w.city.MainCommitteeID}, OriginatorOrganizationIDs: []int64{w.city.MainCommitteeID}}
	main := &ratsinfo.File{BodyID: body, Name: "Beschlussvorlage", FileName: "vorlage.pdf", MimeType: "application/pdf", Size: 120_000,
		Text: "Der Rat beschließt den Bebauungsplan.\n\nDie Anlagen sind Bestandteil des Beschlusses."}
	if err := s.CreateFile(ctx, main); err != nil {
		return 0, err
	}
	p.MainFileID = main.ID
	for i := range benchFiles {
		f := &ratsinfo.File{BodyID: body, Name: fmt.Sprintf("Anlage %d Gutachten", i+1), FileName: fmt.Sprintf("gutachten-%d.pdf", i+1),
			MimeType: "application/pdf", Size: 400_000}
		if err := s.CreateFile(ctx, f); err != nil {
			return 0, err
		}
		p.AuxiliaryFileIDs = append(p.AuxiliaryFileIDs, f.ID)
	}
	if err := s.CreatePaper(ctx, p); err != nil {
		return 0, err
	}
	for i := range benchConsultations {
		m := &ratsinfo.Meeting{BodyID: body, Name: fmt.Sprintf("Planungsausschuss, Sitzung %d", i+1), MeetingState: ratsinfo.MeetingHeld,
			Start: time.Date(2002, 1, 20+i, 17, 0, 0, 0, ratsinfo.Berlin()), OrganizationIDs: []int64{w.city.MainCommitteeID}}
		if err := s.CreateMeeting(ctx, m); err != nil {
			return 0, err
		}
		it := &ratsinfo.AgendaItem{MeetingID: m.ID, Number: "1", Name: p.Name, Public: i != 3, Result: "vertagt"}
		if err := s.CreateAgendaItem(ctx, it); err != nil {
			return 0, err
		}
		if err := s.CreateConsultation(ctx, &ratsinfo.Consultation{PaperID: p.ID, MeetingID: m.ID, AgendaItemID: it.ID,
			Role: ratsinfo.RolePreliminary, OrganizationIDs: []int64{w.city.MainCommitteeID}}); err != nil {
			return 0, err
		}
	}
	return p.ID, nil
}

// benchMedian serves path repeatedly through mux and reports the median time.
func benchMedian(b *testing.B, mux *http.ServeMux, path string) {
	req := httptest.NewRequest("GET", path, nil)
	b.ReportAllocs()
	var times []time.Duration
	size := 0
	for b.Loop() {
		rec := httptest.NewRecorder()
		start := time.Now()
		mux.ServeHTTP(rec, req)
		times = append(times, time.Since(start))
		if rec.Code != 200 {
			b.Fatalf("GET %s: %d", path, rec.Code)
		}
		size = rec.Body.Len()
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(size), "bytes/page")
}

func benchLong(b *testing.B, path func(meetingID, paperID int64) string) {
	meetingID, paperID := benchObjects(b)
	mux := http.NewServeMux()
	testWorld(b).web.Register(mux)
	benchMedian(b, mux, path(meetingID, paperID))
}

func BenchmarkLongMeetingShow(b *testing.B) {
	benchLong(b, func(m, _ int64) string { return fmt.Sprintf("/sitzungen/%d", m) })
}
func BenchmarkLongPaperShow(b *testing.B) {
	benchLong(b, func(_, p int64) string { return fmt.Sprintf("/vorlagen/%d", p) })
}
