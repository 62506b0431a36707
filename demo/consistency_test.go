package demo_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// consistencyDays are the start days the city must be believable on: the first
// possible day, a public holiday (Christi Himmelfahrt 2024), Reformationstag, the
// reference day, Christmas Eve and a day in the summer break.
var consistencyDays = []ratsinfo.Date{
	demo.FirstDay,
	ratsinfo.NewDate(2024, time.May, 9),
	ratsinfo.NewDate(2025, time.October, 31),
	demo.ReferenceDay,
	ratsinfo.NewDate(2026, time.December, 24),
	ratsinfo.NewDate(2027, time.July, 19),
}

// openAt opens a store on dsn (a SQLite file when it is not a postgres:// URL) whose
// clock stands at noon of day, as a server started on that day would have it.
func openAt(t *testing.T, dsn string, day ratsinfo.Date) (*sqldb.DB, *blob.Dir) {
	t.Helper()
	dir := t.TempDir()
	if dsn == "" {
		dsn = filepath.Join(dir, "ratsinfo.db")
	}
	noon := time.Date(day.Year, day.Month, day.Day, 12, 0, 0, 0, ratsinfo.Berlin())
	db, err := sqldb.Open(context.Background(), dsn, sqldb.Options{Migrate: true, Now: func() time.Time { return noon }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	blobs, err := blob.NewDir(filepath.Join(dir, "files"))
	if err != nil {
		t.Fatal(err)
	}
	return db, blobs
}

// TestDemoConsistentWithDay loads the demo city (with its inquiries) on several start
// days and checks that what it shows fits the day: see checkConsistent.
func TestDemoConsistentWithDay(t *testing.T) {
	t.Parallel()
	for _, day := range consistencyDays {
		t.Run(day.String(), func(t *testing.T) {
			db, blobs := openAt(t, "", day)
			sys := ratsinfo.SystemContext(context.Background())
			city, err := demo.LoadOn(sys, db, blobs, day)
			if err != nil {
				t.Fatal(err)
			}
			if err := demo.LoadInquiries(sys, db, blobs, city); err != nil {
				t.Fatal(err)
			}
			if city.Day != day {
				t.Errorf("City.Day = %s, want %s", city.Day, day)
			}
			checkConsistent(t, db, city.BodyID, day)
		})
	}
}

// TestDemoConsistentOnPostgres does the same for one day on PostgreSQL: the
// checks read everything back through the store.
func TestDemoConsistentOnPostgres(t *testing.T) {
	t.Parallel()
	day := ratsinfo.NewDate(2026, time.December, 24)
	db, blobs := openAt(t, pgtest.DSN(t), day)
	sys := ratsinfo.SystemContext(context.Background())
	city, err := demo.LoadOn(sys, db, blobs, day)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.LoadInquiries(sys, db, blobs, city); err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, db, city.BodyID, day)
}

// TestGeneratedConsistentWithDay checks a generated city, with its district
// committees, on two of the days.
func TestGeneratedConsistentWithDay(t *testing.T) {
	t.Parallel()
	for _, day := range []ratsinfo.Date{consistencyDays[1], consistencyDays[4]} {
		t.Run(day.String(), func(t *testing.T) {
			db, blobs := openAt(t, "", day)
			sys := ratsinfo.SystemContext(context.Background())
			if err := demo.Generate(sys, db, blobs, 4000, day, nil); err != nil {
				t.Fatal(err)
			}
			bodies := must(db.FindBodies(sys, ratsinfo.BodyFilter{}))
			checkConsistent(t, db, bodies[0].ID, day)
		})
	}
}

// TestLoadOnRefusesEarlyDay: the seed story ends on 30 June 2023.
func TestLoadOnRefusesEarlyDay(t *testing.T) {
	t.Parallel()
	day := demo.FirstDay.AddDays(-1)
	db, blobs := openAt(t, "", day)
	sys := ratsinfo.SystemContext(context.Background())
	_, err := demo.LoadOn(sys, db, blobs, day)
	if ratsinfo.ErrorCode(err) != ratsinfo.EINVALID {
		t.Fatalf("LoadOn(%s) = %v, want EINVALID", day, err)
	}
	if err := demo.Generate(sys, db, blobs, 10, day, nil); ratsinfo.ErrorCode(err) != ratsinfo.EINVALID {
		t.Fatalf("Generate on %s = %v, want EINVALID", day, err)
	}
	if n := must(db.Count(sys, ratsinfo.KindPaper, ratsinfo.ListFilter{})); n != 0 {
		t.Errorf("%d papers written for a refused day", n)
	}
}

// checkConsistent checks a city against its day: nothing dated after it; meetings
// before it held, with an end, minutes and results; later ones invited (within the
// notice period) or planned, without end, minutes or results; no meetings on
// weekends, public holidays of Schleswig-Holstein or 24–31 December; no paper title
// more than twice; every organization with a real start date.
func checkConsistent(t *testing.T, db *sqldb.DB, body int64, day ratsinfo.Date) {
	t.Helper()
	sys := ratsinfo.SystemContext(context.Background())
	all := ratsinfo.ListFilter{BodyID: body}
	berlin := ratsinfo.Berlin()
	today := time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, berlin)
	var problems []string
	fail := func(format string, args ...any) {
		if len(problems) < 20 {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}

	titles := map[string]int{}
	papers := must(db.FindPapers(sys, ratsinfo.PaperFilter{ListFilter: all}))
	for _, p := range papers {
		if day.Before(p.Date) {
			fail("paper %s %q dated %s", p.Reference, p.Name, p.Date)
		}
		titles[p.Name]++
	}
	for name, n := range titles {
		if n > 2 {
			fail("title %q %d times", name, n)
		}
	}
	for _, f := range must(db.FindFiles(sys, ratsinfo.FileFilter{ListFilter: all})) {
		if day.Before(f.Date) {
			fail("file %q dated %s", f.Name, f.Date)
		}
	}

	items := map[int64][]*ratsinfo.AgendaItem{}
	for _, it := range must(db.FindAgendaItems(sys, ratsinfo.AgendaItemFilter{ListFilter: all})) {
		items[it.MeetingID] = append(items[it.MeetingID], it)
	}
	firstMeeting := map[int64]ratsinfo.Date{}
	states := map[string]int{}
	meetings := must(db.FindMeetings(sys, ratsinfo.MeetingFilter{ListFilter: all}))
	for _, m := range meetings {
		start := m.Start.In(berlin)
		d := ratsinfo.DateOf(start)
		for _, o := range m.OrganizationIDs {
			if f, ok := firstMeeting[o]; !ok || d.Before(f) {
				firstMeeting[o] = d
			}
		}
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			fail("%s on a %s (%s)", m.Name, wd, d)
		}
		if name, ok := ratsinfo.StateSH.Holiday(d); ok {
			fail("%s on %s, %s", m.Name, d, name)
		}
		if d.Month == time.December && d.Day >= 24 {
			fail("%s between Christmas and New Year: %s", m.Name, d)
		}
		results := 0
		for _, it := range items[m.ID] {
			if it.Result != "" || it.ResolutionText != "" {
				results++
			}
		}
		states[m.MeetingState]++
		switch past := start.Before(today); {
		case past && m.Cancelled:
			if !m.End.IsZero() || m.ResultsProtocolFileID != 0 || results > 0 {
				fail("cancelled %s on %s has an end, minutes or results", m.Name, d)
			}
		case past:
			if m.MeetingState != ratsinfo.MeetingHeld || !m.End.After(m.Start) || m.ResultsProtocolFileID == 0 {
				fail("past %s on %s: state %q, end %v, minutes %d", m.Name, d, m.MeetingState, m.End, m.ResultsProtocolFileID)
			}
			papersTreated := 0
			for _, it := range items[m.ID] {
				if it.ConsultationID != 0 {
					papersTreated++
				}
			}
			if papersTreated > 0 && results == 0 {
				fail("past %s on %s treated %d papers without a result", m.Name, d, papersTreated)
			}
		default:
			if m.MeetingState == ratsinfo.MeetingHeld || !m.End.IsZero() || m.ResultsProtocolFileID != 0 || results > 0 {
				fail("future %s on %s: state %q, end %v, minutes %d, %d results", m.Name, d, m.MeetingState, m.End, m.ResultsProtocolFileID, results)
			}
			invitedBy := today.AddDate(0, 0, 14)
			if m.MeetingState == ratsinfo.MeetingInvited && start.After(invitedBy) {
				fail("%s on %s invited more than two weeks ahead", m.Name, d)
			}
			if m.MeetingState == ratsinfo.MeetingScheduled && (m.InvitationFileID != 0 || len(items[m.ID]) > 0) {
				fail("planned %s on %s already has an invitation or agenda", m.Name, d)
			}
		}
	}
	for _, s := range []string{ratsinfo.MeetingHeld, ratsinfo.MeetingInvited, ratsinfo.MeetingScheduled} {
		if states[s] == 0 {
			fail("no meeting %s", s)
		}
	}

	for _, o := range must(db.FindOrganizations(sys, ratsinfo.OrganizationFilter{ListFilter: all})) {
		switch {
		case o.StartDate.IsZero() || o.StartDate == ratsinfo.NewDate(1970, 1, 1):
			fail("organization %s starts %q", o.Name, o.StartDate)
		case day.Before(o.StartDate):
			fail("organization %s starts after the day: %s", o.Name, o.StartDate)
		}
		if first, ok := firstMeeting[o.ID]; ok && first.Before(o.StartDate) {
			fail("organization %s meets on %s, before its start %s", o.Name, first, o.StartDate)
		}
	}
	for _, p := range problems {
		t.Error(p)
	}
}
