package oparl

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// The benchmarks measure one paper list page of 100 papers, each with embedded
// consultations, files and a location, three ways: through the real handler and
// store over HTTP (BenchmarkPaperListPage), the same bytes served from memory over
// HTTP (BenchmarkPaperListFromMemory; the ratio of the two is our overhead over
// the cost of moving the bytes), and the handler alone without a network
// (BenchmarkPaperListHandler, the server time).
//
// RATSINFO_BENCH_PAPERS sets the database size (default 2000; use 100000 for the
// reference figure); RATSINFO_BENCH_DB keeps the database file between runs.

type benchWorld struct {
	handler http.Handler // with the page cache, as served
	// cold renders every request from the store: the server time of a page that
	// is not cached (first request after a change, or a page nobody asked for yet).
	cold          http.Handler
	server        *Server
	db            *sqldb.DB
	path          string // the page that is measured
	bodyID, after int64
}

func benchSetup(b *testing.B) *benchWorld {
	b.Helper()
	n := 2000
	if s := os.Getenv("RATSINFO_BENCH_PAPERS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	path := os.Getenv("RATSINFO_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	ctx := ratsinfo.SystemContext(context.Background())
	db, err := sqldb.Open(ctx, path, sqldb.Options{Migrate: true, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	must(b, err)
	b.Cleanup(func() { db.Close() })
	bodies, err := db.FindBodies(ctx, ratsinfo.BodyFilter{})
	must(b, err)
	var bodyID int64
	if len(bodies) == 0 {
		start := time.Now()
		bodyID = benchFill(b, db, n)
		b.Logf("filled %d papers in %v", n, time.Since(start))
	} else {
		bodyID = bodies[0].ID
	}
	papers, err := db.FindPapers(ctx, ratsinfo.PaperFilter{ListFilter: ratsinfo.ListFilter{BodyID: bodyID, Limit: n/2 + 1}})
	must(b, err)
	mid := papers[len(papers)-1].ID // a page from the middle of the list
	mux := http.NewServeMux()
	s := NewServer(Config{BaseURL: "http://ratsinfo.test", Store: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	s.Register(mux)
	cold := NewServer(Config{BaseURL: "http://ratsinfo.test", Store: db, CacheBytes: -1,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	return &benchWorld{handler: mux, cold: cold, server: s, db: db, bodyID: bodyID, after: mid,
		path: fmt.Sprintf("/oparl/v1.1/body/%d/paper?limit=100&after=%d", bodyID, mid)}
}

// benchFill creates n papers, each with a main file, two auxiliary files, a
// location shared by ten papers and two consultations, in one transaction.
func benchFill(b *testing.B, db *sqldb.DB, n int) int64 {
	ctx := ratsinfo.SystemContext(context.Background())
	body := &ratsinfo.Body{Name: "Benchstadt"}
	must(b, db.CreateBody(ctx, body))
	org := &ratsinfo.Organization{BodyID: body.ID, Name: "Stadtvertretung"}
	must(b, db.CreateOrganization(ctx, org))
	meeting := &ratsinfo.Meeting{BodyID: body.ID, Name: "Sitzung", OrganizationIDs: []int64{org.ID}}
	must(b, db.CreateMeeting(ctx, meeting))
	const chunk = 2000
	for done := 0; done < n; done += chunk {
		must(b, db.InTransaction(ctx, func(ctx context.Context) error {
			var loc *ratsinfo.Location
			for i := done; i < min(done+chunk, n); i++ {
				if i%10 == 0 {
					loc = &ratsinfo.Location{BodyID: body.ID, Description: "Ort " + strconv.Itoa(i),
						GeoJSON: `{"type":"Feature","geometry":{"type":"Point","coordinates":[9.98,53.7]},"properties":{}}`}
					if err := db.CreateLocation(ctx, loc); err != nil {
						return err
					}
				}
				var files [3]int64
				for j := range files {
					f := &ratsinfo.File{BodyID: body.ID, Name: fmt.Sprintf("Anlage %d zu Vorlage %d", j, i),
						FileName: fmt.Sprintf("anlage-%d-%d.pdf", i, j), MimeType: "application/pdf", Size: 123456,
						Date: ratsinfo.NewDate(2024, 1, 1+i%28)}
					if err := db.CreateFile(ctx, f); err != nil {
						return err
					}
					files[j] = f.ID
				}
				p := &ratsinfo.Paper{BodyID: body.ID, Name: fmt.Sprintf("Vorlage Nummer %d über den Radverkehr", i),
					Reference: fmt.Sprintf("B 24/%05d", i), PaperType: ratsinfo.PaperTypeResolution, Published: true,
					Date: ratsinfo.NewDate(2024, 1, 1+i%28), MainFileID: files[0], AuxiliaryFileIDs: files[1:],
					LocationIDs: []int64{loc.ID}, UnderDirectionOfIDs: []int64{org.ID}}
				if err := db.CreatePaper(ctx, p); err != nil {
					return err
				}
				for j, role := range []string{ratsinfo.RolePreliminary, ratsinfo.RoleDecision} {
					c := &ratsinfo.Consultation{PaperID: p.ID, MeetingID: meeting.ID, Position: j,
						OrganizationIDs: []int64{org.ID}, Role: role, Authoritative: j == 1}
					if err := db.CreateConsultation(ctx, c); err != nil {
						return err
					}
				}
			}
			return nil
		}))
	}
	return body.ID
}

func benchGet(b *testing.B, client *http.Client, u string) {
	resp, err := client.Get(u)
	if err != nil {
		b.Fatal(err)
	}
	n, _ := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		b.Fatalf("status %d", resp.StatusCode)
	}
	b.SetBytes(n)
}

func BenchmarkPaperListPage(b *testing.B) {
	benchPage(b, func(w *benchWorld) http.Handler { return w.handler })
}

// BenchmarkPaperListPageCold is BenchmarkPaperListPage without the page cache.
func BenchmarkPaperListPageCold(b *testing.B) {
	benchPage(b, func(w *benchWorld) http.Handler { return w.cold })
}

func benchPage(b *testing.B, handler func(*benchWorld) http.Handler) {
	w := benchSetup(b)
	srv := httptest.NewServer(handler(w))
	defer srv.Close()
	client := srv.Client()
	b.ResetTimer()
	for b.Loop() {
		benchGet(b, client, srv.URL+w.path)
	}
}

func BenchmarkPaperListFromMemory(b *testing.B) {
	w := benchSetup(b)
	rec := httptest.NewRecorder()
	w.handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, w.path, nil))
	page, header := rec.Body.Bytes(), rec.Header()
	if rec.Code != 200 {
		b.Fatalf("status %d: %s", rec.Code, page)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		for k, v := range header {
			rw.Header()[k] = v
		}
		rw.Write(page)
	}))
	defer srv.Close()
	client := srv.Client()
	b.ResetTimer()
	for b.Loop() {
		benchGet(b, client, srv.URL+w.path)
	}
}

// BenchmarkPaperListHandler is the server time of an uncached page.
func BenchmarkPaperListHandler(b *testing.B) {
	benchHandler(b, func(w *benchWorld) http.Handler { return w.cold })
}

// BenchmarkPaperListHandlerCached is the server time of a page answered from the
// page cache (one change-feed lookup and a copy).
func BenchmarkPaperListHandlerCached(b *testing.B) {
	benchHandler(b, func(w *benchWorld) http.Handler { return w.handler })
}

func benchHandler(b *testing.B, handler func(*benchWorld) http.Handler) {
	w := benchSetup(b)
	h := handler(w)
	req := httptest.NewRequest(http.MethodGet, w.path, nil)
	var took []time.Duration
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		rw := &countingWriter{header: http.Header{}}
		h.ServeHTTP(rw, req)
		took = append(took, time.Since(start))
		if rw.code != 200 {
			b.Fatalf("status %d", rw.code)
		}
		b.SetBytes(rw.n)
	}
	reportMedian(b, took)
}

// countingWriter is a ResponseWriter that only counts the bytes, as a network
// connection takes them: httptest.ResponseRecorder would grow a buffer for every
// page and make the garbage collector's share look bigger than it is in serving.
type countingWriter struct {
	header http.Header
	code   int
	n      int64
}

func (w *countingWriter) Header() http.Header { return w.header }

func (w *countingWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	w.n += int64(len(p))
	return len(p), nil
}

// reportMedian adds the median time of one request: the target is a
// median, and a mean over b.N also counts the rare request that pays for a
// garbage collection.
func reportMedian(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Nanoseconds()), "median-ns/op")
}

// BenchmarkPaperListEncode is the share of this package in a page: converting 100
// batch-loaded papers with their embedded objects and writing the JSON, without
// the store; once with appendJSON (what the server does) and once with
// encoding/json, which justifies the hand-written encoder.
func BenchmarkPaperListEncode(b *testing.B) {
	w := benchSetup(b)
	s := w.server
	ctx := ratsinfo.WithViewer(context.Background(), ratsinfo.Viewer{})
	papers, err := s.store.FindPapers(ctx, ratsinfo.PaperFilter{ListFilter: ratsinfo.ListFilter{BodyID: w.bodyID, AfterID: w.after, Limit: 100}})
	must(b, err)
	emb, err := s.embedPapers(ctx, papers, false)
	must(b, err)
	convert := func() *listJSON {
		c := s.newConv(&query{})
		c.emb = emb
		page := &listJSON{Data: make([]any, 0, len(papers))}
		for _, p := range papers {
			page.Data = append(page.Data, c.paper(p))
		}
		return page
	}
	b.Run("append", func(b *testing.B) {
		e := &enc{}
		for b.Loop() {
			e.b = e.b[:0]
			convert().appendJSON(e)
			b.SetBytes(int64(len(e.b)))
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			je := json.NewEncoder(&buf)
			je.SetEscapeHTML(false)
			must(b, je.Encode(convert()))
			b.SetBytes(int64(buf.Len()))
		}
	})
}
