package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// inquiryCity is a body with 10,000 registered inquiries, the size of a large
// city's decade: the list must stay fast at that size (issue: under 20 ms).
var (
	inquiryCityOnce sync.Once
	inquiryCityMux  *http.ServeMux
	inquiryCityErr  error
)

const benchInquiries = 10_000

func buildInquiryCity() (*http.ServeMux, error) {
	dir, err := os.MkdirTemp("", "ratsinfo-inquiry-bench-")
	if err != nil {
		return nil, err
	}
	ctx := ratsinfo.SystemContext(context.Background())
	db, err := sqldb.Open(ctx, filepath.Join(dir, "ratsinfo.db"), sqldb.Options{Migrate: true, Now: func() time.Time { return testNow }})
	if err != nil {
		return nil, err
	}
	err = db.InTransaction(ctx, func(ctx context.Context) error {
		body := &ratsinfo.Body{Name: "Stadt Großstadt", ShortName: "Großstadt"}
		if err := db.CreateBody(ctx, body); err != nil {
			return err
		}
		unit := &ratsinfo.Organization{BodyID: body.ID, Name: "Hauptamt", OrganizationType: ratsinfo.OrgTypeAdminUnit}
		if err := db.CreateOrganization(ctx, unit); err != nil {
			return err
		}
		person := &ratsinfo.Person{BodyID: body.ID, GivenName: "Erika", FamilyName: "Muster"}
		if err := db.CreatePerson(ctx, person); err != nil {
			return err
		}
		for i := range benchInquiries {
			q := &ratsinfo.Inquiry{BodyID: body.ID, Title: fmt.Sprintf("Anfrage Nr. %d zur Stadtentwicklung", i+1),
				InquirerPersonIDs: []int64{person.ID},
				Questions:         []ratsinfo.Question{{Text: "Wie ist der Stand?"}, {Text: "Was kostet es?"}}}
			if err := db.CreateInquiry(ctx, q); err != nil {
				return err
			}
			if _, err := db.StepInquiry(ctx, q.ID, ratsinfo.ActionSubmit, ""); err != nil {
				return err
			}
			received := ratsinfo.NewDate(2016+i%10, time.Month(1+i%12), 1+i%28)
			if _, err := db.RegisterInquiry(ctx, q.ID, ratsinfo.Registration{ReceivedOn: received, UnitID: unit.ID}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	srv := NewServer(Config{BaseURL: "http://ratsinfo.test", Store: db, Inquiries: db, Now: func() time.Time { return testNow },
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	mux := http.NewServeMux()
	srv.Register(mux)
	return mux, nil
}

func benchInquiryPage(b *testing.B, path string) {
	inquiryCityOnce.Do(func() { inquiryCityMux, inquiryCityErr = buildInquiryCity() })
	if inquiryCityErr != nil {
		b.Fatal(inquiryCityErr)
	}
	req := httptest.NewRequest("GET", path, nil)
	b.ReportAllocs()
	size := 0
	for b.Loop() {
		rec := httptest.NewRecorder()
		inquiryCityMux.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("GET %s: %d\n%s", path, rec.Code, rec.Body)
		}
		size = rec.Body.Len()
	}
	b.ReportMetric(float64(size), "bytes/page")
}

// BenchmarkInquiryList is the first page of /anfragen among 10,000 inquiries.
func BenchmarkInquiryList(b *testing.B) { benchInquiryPage(b, "/anfragen") }

// BenchmarkInquiryListOverdue filters the 10,000 to the overdue ones.
func BenchmarkInquiryListOverdue(b *testing.B) {
	benchInquiryPage(b, "/anfragen?ueberfaellig=1&seite=3")
}

// BenchmarkInquiryShow is one inquiry among 10,000.
func BenchmarkInquiryShow(b *testing.B) { benchInquiryPage(b, "/anfragen/5000") }
