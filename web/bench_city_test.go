package web

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// Render times on a generated big city: the bar is every page under 20 ms
// median on 100,000 papers. Generate the city once and keep it between runs:
//
//	go build -o /tmp/ratsinfo ./cmd/ratsinfo
//	/tmp/ratsinfo generate --papers 100000 --data-dir /tmp/web100k
//	RATSINFO_BENCH_DATA=/tmp/web100k go test ./web/ -run '^$' -bench City -benchtime 200x
//
// Each benchmark reports the median ("ms-median") besides Go's mean, because
// the bar is a median and a few cold-cache outliers move the mean.

// bigCity is the opened data folder and the ids of typical objects in it.
type bigCity struct {
	mux                          *http.ServeMux
	month                        string
	committee, meeting, paper    int64
	person, unit, originatorPers int64
}

var (
	bigOnce sync.Once
	theBig  *bigCity
	bigErr  error
)

func openBigCity(b *testing.B) *bigCity {
	dir := os.Getenv("RATSINFO_BENCH_DATA")
	if dir == "" {
		b.Skip("RATSINFO_BENCH_DATA ist nicht gesetzt: kein großer Datenbestand für die Benchmarks")
	}
	bigOnce.Do(func() { theBig, bigErr = loadBigCity(dir) })
	if bigErr != nil {
		b.Fatalf("big city: %v", bigErr)
	}
	return theBig
}

func loadBigCity(dir string) (*bigCity, error) {
	ctx := context.Background()
	db, err := sqldb.Open(ctx, filepath.Join(dir, "ratsinfo.db"), sqldb.Options{Migrate: true})
	if err != nil {
		return nil, err
	}
	c := &bigCity{mux: http.NewServeMux()}
	NewServer(Config{BaseURL: "http://ratsinfo.test", Store: db}).Register(c.mux)
	// Typical objects as the public sees them: the newest paper with
	// consultations, the meeting of its first consultation, that meeting's
	// committee, and a person who originated papers.
	papers, _, err := db.FindPapersByDate(ctx, ratsinfo.PaperQuery{Limit: 200})
	if err != nil {
		return nil, err
	}
	for _, p := range papers {
		cons, err := db.FindConsultations(ctx, ratsinfo.ConsultationFilter{PaperIDs: []int64{p.ID}})
		if err != nil {
			return nil, err
		}
		if len(cons) > 0 && cons[0].MeetingID > 0 && len(cons[0].OrganizationIDs) > 0 && c.paper == 0 {
			c.paper, c.meeting, c.committee = p.ID, cons[0].MeetingID, cons[0].OrganizationIDs[0]
		}
		if len(p.OriginatorPersonIDs) > 0 && c.originatorPers == 0 {
			c.originatorPers = p.OriginatorPersonIDs[0]
		}
		if len(p.UnderDirectionOfIDs) > 0 && c.unit == 0 {
			c.unit = p.UnderDirectionOfIDs[0]
		}
	}
	m, err := db.FindMeetingByID(ctx, c.meeting)
	if err != nil {
		return nil, err
	}
	c.month = m.Start.In(ratsinfo.Berlin()).Format("2006-01")
	ms, err := db.FindMemberships(ctx, ratsinfo.MembershipFilter{OrganizationIDs: []int64{c.committee}})
	if err != nil || len(ms) == 0 {
		return nil, fmt.Errorf("members of committee %d: %v", c.committee, err)
	}
	c.person = ms[0].PersonID
	if c.originatorPers == 0 {
		c.originatorPers = c.person // the generator may leave papers to organizations
	}
	if c.paper == 0 || c.unit == 0 {
		return nil, fmt.Errorf("no typical objects found: %+v", c)
	}
	return c, nil
}

// benchCity renders path repeatedly and reports the median render time.
func benchCity(b *testing.B, path func(c *bigCity) string) {
	c := openBigCity(b)
	benchMedian(b, c.mux, path(c))
}

func BenchmarkCityHome(b *testing.B) { benchCity(b, func(*bigCity) string { return "/" }) }
func BenchmarkCityMeetingList(b *testing.B) {
	benchCity(b, func(*bigCity) string { return "/sitzungen" })
}
func BenchmarkCityMeetingCalendar(b *testing.B) {
	benchCity(b, func(c *bigCity) string { return fmt.Sprintf("/sitzungen?monat=%s&gremium=%d", c.month, c.committee) })
}
func BenchmarkCityMeetingShow(b *testing.B) {
	benchCity(b, func(c *bigCity) string { return fmt.Sprintf("/sitzungen/%d", c.meeting) })
}
func BenchmarkCityPaperList(b *testing.B) {
	benchCity(b, func(*bigCity) string { return "/vorlagen" })
}
func BenchmarkCityPaperListType(b *testing.B) {
	benchCity(b, func(*bigCity) string { return "/vorlagen?art=Anfrage&seite=3" })
}
func BenchmarkCityPaperListCommittee(b *testing.B) {
	benchCity(b, func(c *bigCity) string { return fmt.Sprintf("/vorlagen?gremium=%d&von=2020-01-01", c.committee) })
}
func BenchmarkCityPaperListText(b *testing.B) {
	benchCity(b, func(*bigCity) string { return "/vorlagen?q=Radweg" })
}
func BenchmarkCityPaperShow(b *testing.B) {
	benchCity(b, func(c *bigCity) string { return fmt.Sprintf("/vorlagen/%d", c.paper) })
}
func BenchmarkCityOrganizationShow(b *testing.B) {
	benchCity(b, func(c *bigCity) string { return fmt.Sprintf("/gremien/%d", c.committee) })
}
func BenchmarkCityUnitShow(b *testing.B) {
	benchCity(b, func(c *bigCity) string { return fmt.Sprintf("/gremien/%d", c.unit) })
}
func BenchmarkCityPersonShow(b *testing.B) {
	benchCity(b, func(c *bigCity) string { return fmt.Sprintf("/personen/%d", c.originatorPers) })
}
func BenchmarkCityMemberShow(b *testing.B) {
	benchCity(b, func(c *bigCity) string { return fmt.Sprintf("/personen/%d", c.person) })
}
func BenchmarkCitySearch(b *testing.B) {
	benchCity(b, func(*bigCity) string { return "/suche?q=Schule" })
}
func BenchmarkCitySearchReference(b *testing.B) {
	benchCity(b, func(*bigCity) string { return "/suche?q=A+23%2F0012" })
}
func BenchmarkCityMeetingYear(b *testing.B) {
	benchCity(b, func(c *bigCity) string { return fmt.Sprintf("/sitzungen?jahr=%s&gremium=%d", c.month[:4], c.committee) })
}
