package sqldb

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// bulk writes n papers, each with a main file and a consultation, and a meeting with
// an agenda item for every ten papers, in transactions of batch objects' papers.
// It returns the number of objects written.
func bulk(tb testing.TB, db *DB, body, org int64, n, batch int) int {
	objects := 0
	for done := 0; done < n; {
		err := db.InTransaction(ratsinfo.SystemContext(context.Background()), func(ctx context.Context) error {
			var meeting int64
			for i := 0; i < batch && done < n; i, done = i+1, done+1 {
				if done%10 == 0 {
					m := &ratsinfo.Meeting{BodyID: body, Name: "Sitzung", OrganizationIDs: []int64{org}, Start: time.Now()}
					if err := db.CreateMeeting(ctx, m); err != nil {
						return err
					}
					meeting = m.ID
					objects++
				}
				f := &ratsinfo.File{BodyID: body, Name: "Vorlage", FileName: "vorlage.pdf", MimeType: "application/pdf", Size: 1000}
				if err := db.CreateFile(ctx, f); err != nil {
					return err
				}
				p := &ratsinfo.Paper{BodyID: body, Name: fmt.Sprintf("Vorlage %d", done), Reference: "B 23/0042",
					PaperType: ratsinfo.PaperTypeResolution, MainFileID: f.ID, UnderDirectionOfIDs: []int64{org}, Published: done%7 != 0}
				if err := db.CreatePaper(ctx, p); err != nil {
					return err
				}
				a := &ratsinfo.AgendaItem{MeetingID: meeting, Position: done % 10, Number: "1", Name: p.Name, Public: true}
				if err := db.CreateAgendaItem(ctx, a); err != nil {
					return err
				}
				c := &ratsinfo.Consultation{PaperID: p.ID, MeetingID: meeting, AgendaItemID: a.ID, OrganizationIDs: []int64{org}, Role: ratsinfo.RoleDecision}
				if err := db.CreateConsultation(ctx, c); err != nil {
					return err
				}
				objects += 4
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	return objects
}

func benchDB(b *testing.B, dir string) (*DB, int64, int64) {
	db, err := Open(context.Background(), filepath.Join(dir, "bench.db"), Options{Migrate: true})
	must(b, err)
	body := &ratsinfo.Body{Name: "Benchstadt"}
	must(b, db.CreateBody(writer, body))
	org := &ratsinfo.Organization{BodyID: body.ID, Name: "Rat"}
	must(b, db.CreateOrganization(writer, org))
	return db, body.ID, org.ID
}

// BenchmarkBulkCreate measures bulk loading through InTransaction on SQLite.
func BenchmarkBulkCreate(b *testing.B) {
	db, body, org := benchDB(b, b.TempDir())
	defer db.Close()
	b.ResetTimer()
	start := time.Now()
	objects := bulk(b, db, body, org, b.N, 1000)
	b.ReportMetric(float64(objects)/time.Since(start).Seconds(), "objects/s")
}

var pageDB struct {
	once sync.Once
	db   *DB
	body int64
}

// BenchmarkFindPapersPage serves one OParl page: 100 papers of 100,000 with their
// consultations, files and locations, and the total count, for the public.
func BenchmarkFindPapersPage(b *testing.B) {
	pageDB.once.Do(func() {
		// Kept open across the benchmark's rounds; the folder goes with the process's temp dir.
		dir, err := os.MkdirTemp("", "ratsinfo-bench-")
		must(b, err)
		db, body, org := benchDB(b, dir)
		bulk(b, db, body, org, 100000, 5000)
		pageDB.db, pageDB.body = db, body
	})
	db := pageDB.db
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		after := int64(i*997) % 99000
		ps, err := db.FindPapers(ctx, ratsinfo.PaperFilter{ListFilter: ratsinfo.ListFilter{BodyID: pageDB.body, AfterID: after, Limit: 100}})
		if err != nil || len(ps) == 0 {
			b.Fatal(err, len(ps))
		}
		pids := make([]int64, 0, len(ps))
		var fids, lids []int64
		for _, p := range ps {
			pids = append(pids, p.ID)
			if p.MainFileID != 0 {
				fids = append(fids, p.MainFileID)
			}
			fids = append(fids, p.AuxiliaryFileIDs...)
			lids = append(lids, p.LocationIDs...)
		}
		if _, err := db.FindConsultations(ctx, ratsinfo.ConsultationFilter{PaperIDs: pids}); err != nil {
			b.Fatal(err)
		}
		if _, err := db.FindFiles(ctx, ratsinfo.FileFilter{ListFilter: ratsinfo.ListFilter{IDs: fids}}); err != nil {
			b.Fatal(err)
		}
		if _, err := db.FindLocations(ctx, ratsinfo.LocationFilter{ListFilter: ratsinfo.ListFilter{IDs: lids}}); err != nil {
			b.Fatal(err)
		}
		if _, err := db.Count(ctx, ratsinfo.KindPaper, ratsinfo.ListFilter{BodyID: pageDB.body}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreateFeedback measures what a citizen waits for when sending a form:
// one feedback message committed (and, with synchronous=FULL, synced) on SQLite.
func BenchmarkCreateFeedback(b *testing.B) {
	db, _, _ := benchDB(b, b.TempDir())
	defer db.Close()
	ctx := context.Background()
	for b.Loop() {
		f := &ratsinfo.Feedback{Kind: ratsinfo.FeedbackAccessibility, Text: "Der Kontrast der Tabelle ist zu schwach.", Page: "/barrierefreiheit", Lang: "de"}
		must(b, db.CreateFeedback(ctx, f))
	}
}
