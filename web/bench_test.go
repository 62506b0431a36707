package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Render times of the main page types on the demo city, through the mux without
// the network: what the server itself spends per page.

func benchPage(b *testing.B, path string) {
	w := testWorld(b)
	mux := http.NewServeMux()
	w.web.Register(mux)
	req := httptest.NewRequest("GET", path, nil)
	b.ReportAllocs()
	size := 0
	for b.Loop() {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("GET %s: %d", path, rec.Code)
		}
		size = rec.Body.Len()
	}
	b.ReportMetric(float64(size), "bytes/page")
}

func BenchmarkHomeShow(b *testing.B) { benchPage(b, "/") }
func BenchmarkPaperShow(b *testing.B) {
	benchPage(b, fmt.Sprintf("/vorlagen/%d", testWorld(b).city.AnswerPaperID))
}
func BenchmarkPaperList(b *testing.B) { benchPage(b, "/vorlagen?art=Anfrage") }
func BenchmarkMeetingShow(b *testing.B) {
	benchPage(b, fmt.Sprintf("/sitzungen/%d", testWorld(b).city.HearingMeetingID))
}
func BenchmarkMeetingList(b *testing.B) { benchPage(b, "/sitzungen?monat=2023-02") }
func BenchmarkOrganizationShow(b *testing.B) {
	benchPage(b, fmt.Sprintf("/gremien/%d", testWorld(b).city.MainCommitteeID))
}
func BenchmarkPersonList(b *testing.B)  { benchPage(b, "/personen") }
func BenchmarkSearchShow(b *testing.B)  { benchPage(b, "/suche?q=Smart") }
func BenchmarkMeetingsICS(b *testing.B) { benchPage(b, "/sitzungen.ics") }
