package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// TestCalendarIsNoCrawlerTrap follows every month link of the calendar from
// today's month, for all committees and for each one, as a crawler would. The
// pages reached must be exactly the months from a year before the first meeting
// to a year after the last (or today, if later): before, the links ran on for
// every month from 1900 to 2200, per committee. A month outside is noindex and
// links to no neighbour.
func TestCalendarIsNoCrawlerTrap(t *testing.T) {
	w := testWorld(t)
	ctx := ratsinfo.WithViewer(context.Background(), ratsinfo.Viewer{})
	links := regexp.MustCompile(`href="(/sitzungen\?[^"]*)"`)
	fetch := func(path string) string {
		t.Helper()
		res, err := http.Get(w.srv.URL + strings.ReplaceAll(path, "&amp;", "&"))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", path, res.StatusCode)
		}
		return string(b)
	}
	orgs, err := w.store.FindOrganizations(ctx, ratsinfo.OrganizationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	starts := []string{"/sitzungen"}
	var orgIDs [][]int64
	orgIDs = append(orgIDs, nil)
	for _, o := range orgs {
		if !o.Deleted {
			starts = append(starts, fmt.Sprintf("/sitzungen?gremium=%d", o.ID))
			orgIDs = append(orgIDs, []int64{o.ID})
		}
	}
	total := 0
	for i, start := range starts {
		seen := map[string]bool{}
		queue := []string{start}
		for len(queue) > 0 && len(seen) < 500 {
			p := queue[0]
			queue = queue[1:]
			body := fetch(p)
			for _, m := range links.FindAllStringSubmatch(body, -1) {
				u := strings.ReplaceAll(m[1], "&amp;", "&")
				if strings.Contains(u, "monat=") && !seen[u] {
					seen[u] = true
					queue = append(queue, u)
				}
			}
		}
		want := expectedMonths(t, ctx, w, orgIDs[i])
		if len(seen) != want {
			t.Errorf("from %s: %d months reachable, want %d (a year around the meetings and today)", start, len(seen), want)
		}
		total += len(seen)
	}
	t.Logf("%d calendars, %d month pages in all", len(starts), total)

	out := fetch("/sitzungen?monat=1950-01")
	if !strings.Contains(out, `<meta name="robots" content="noindex">`) || strings.Contains(out, `rel="prev"`) || strings.Contains(out, `rel="next"`) ||
		!strings.Contains(out, "Für diesen Monat gibt es keine Sitzungen") || !strings.Contains(out, `href="/sitzungen">`) {
		t.Errorf("a month outside the range is indexable or links on")
	}
	in := fetch("/sitzungen?monat=2026-12")
	if strings.Contains(in, `content="noindex"`) || !strings.Contains(in, `rel="prev"`) || !strings.Contains(in, `rel="next"`) {
		t.Errorf("the current month lost its links or is noindex")
	}
}

// expectedMonths counts the months from a year before the first meeting (or
// today) to a year after the last (or today), read from the store.
func expectedMonths(t *testing.T, ctx context.Context, w *world, orgIDs []int64) int {
	t.Helper()
	loc := ratsinfo.Berlin()
	month := func(x time.Time) time.Time { x = x.In(loc); return time.Date(x.Year(), x.Month(), 1, 0, 0, 0, 0, loc) }
	lo, hi := month(testNow), month(testNow)
	all, err := w.store.FindMeetingsByStart(ctx, ratsinfo.MeetingRange{OrganizationIDs: orgIDs})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range all {
		if x := month(m.Start); x.Before(lo) {
			lo = x
		} else if x.After(hi) {
			hi = x
		}
	}
	lo, hi = lo.AddDate(-1, 0, 0), hi.AddDate(1, 0, 0)
	return (hi.Year()-lo.Year())*12 + int(hi.Month()-lo.Month()) + 1
}
