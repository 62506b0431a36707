package demo_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// checkVisibility makes sure the demo contains what the privacy rules are about, and
// that the store hides it from the public: non-public agenda items, drafts, a
// withdrawn paper, contact data without consent.
func checkVisibility(t *testing.T, db *sqldb.DB, city *demo.City, sys, anon context.Context) {
	body := ratsinfo.ListFilter{BodyID: city.BodyID}
	items := must(db.FindAgendaItems(sys, ratsinfo.AgendaItemFilter{ListFilter: body}))
	nonPublic := 0
	for _, it := range items {
		if it.Public {
			continue
		}
		nonPublic++
		seen, err := db.FindAgendaItemByID(anon, it.ID)
		if err == nil && seen.Name != "" {
			t.Fatalf("the public reads the name of non-public item %d: %q", it.ID, seen.Name)
		}
	}
	within(t, "non-public agenda items", nonPublic, 50, 1000)

	papers := must(db.FindPapers(sys, ratsinfo.PaperFilter{ListFilter: body}))
	unpublished, withdrawn := 0, 0
	for _, p := range papers {
		if p.Published {
			continue
		}
		unpublished++
		seen, err := db.FindPaperByID(anon, p.ID)
		switch {
		case err == nil && seen.Deleted && seen.Name == "":
			withdrawn++ // a tombstone: it was public once
		case err == nil:
			t.Fatalf("the public reads unpublished paper %d: %q", p.ID, seen.Name)
		case ratsinfo.ErrorCode(err) != ratsinfo.ENOTFOUND:
			t.Fatalf("unpublished paper %d: %v", p.ID, err)
		}
	}
	if unpublished < 4 || withdrawn != 1 {
		t.Errorf("%d unpublished papers (want ≥ 4), %d of them withdrawn (want 1)", unpublished, withdrawn)
	}
	anonPapers := must(db.FindPapers(anon, ratsinfo.PaperFilter{ListFilter: body}))
	if len(anonPapers) != len(papers)-unpublished {
		t.Errorf("the public lists %d papers, want %d", len(anonPapers), len(papers)-unpublished)
	}

	persons := must(db.FindPersons(sys, ratsinfo.PersonFilter{ListFilter: body}))
	consent, hidden := 0, 0
	for _, p := range persons {
		if len(p.Email) == 0 {
			continue
		}
		if p.ContactConsent {
			consent++
			continue
		}
		hidden++
		if seen := must(db.FindPersonByID(anon, p.ID)); len(seen.Email) > 0 || len(seen.Phone) > 0 {
			t.Fatalf("the public reads contact data of %s without consent", p.Name)
		}
	}
	if consent < 10 || hidden < 10 {
		t.Errorf("persons with e-mail: %d with consent, %d without; want both ≥ 10", consent, hidden)
	}
}

// checkValid reads everything back and validates it: the store would reject invalid
// objects on write, but a read-back also proves nothing was lost on the way.
func checkValid(t *testing.T, db *sqldb.DB, city *demo.City, sys context.Context) {
	body := ratsinfo.ListFilter{BodyID: city.BodyID}
	var objs []interface{ Validate() error }
	add := func(n int, get func(i int) interface{ Validate() error }) {
		for i := range n {
			objs = append(objs, get(i))
		}
	}
	orgs := must(db.FindOrganizations(sys, ratsinfo.OrganizationFilter{ListFilter: body}))
	add(len(orgs), func(i int) interface{ Validate() error } { return orgs[i] })
	persons := must(db.FindPersons(sys, ratsinfo.PersonFilter{ListFilter: body}))
	add(len(persons), func(i int) interface{ Validate() error } { return persons[i] })
	ms := must(db.FindMemberships(sys, ratsinfo.MembershipFilter{ListFilter: body}))
	add(len(ms), func(i int) interface{ Validate() error } { return ms[i] })
	meetings := must(db.FindMeetings(sys, ratsinfo.MeetingFilter{ListFilter: body}))
	add(len(meetings), func(i int) interface{ Validate() error } { return meetings[i] })
	items := must(db.FindAgendaItems(sys, ratsinfo.AgendaItemFilter{ListFilter: body}))
	add(len(items), func(i int) interface{ Validate() error } { return items[i] })
	papers := must(db.FindPapers(sys, ratsinfo.PaperFilter{ListFilter: body}))
	add(len(papers), func(i int) interface{ Validate() error } { return papers[i] })
	cs := must(db.FindConsultations(sys, ratsinfo.ConsultationFilter{ListFilter: body}))
	add(len(cs), func(i int) interface{ Validate() error } { return cs[i] })
	files := must(db.FindFiles(sys, ratsinfo.FileFilter{ListFilter: body}))
	add(len(files), func(i int) interface{ Validate() error } { return files[i] })
	locs := must(db.FindLocations(sys, ratsinfo.LocationFilter{ListFilter: body}))
	add(len(locs), func(i int) interface{ Validate() error } { return locs[i] })
	for _, o := range objs {
		if err := o.Validate(); err != nil {
			t.Errorf("%T: %v", o, err)
		}
	}
	if len(ms) < 200 || len(cs) < 1500 || len(files) < 1800 || len(locs) < 5 {
		t.Errorf("%d memberships, %d consultations, %d files, %d locations: fewer than expected", len(ms), len(cs), len(files), len(locs))
	}
	decided := 0
	for _, c := range cs {
		if c.Authoritative && c.Role == ratsinfo.RoleDecision && c.AgendaItemID != 0 {
			decided++
		}
	}
	if decided < 200 {
		t.Errorf("%d decisions linked to agenda items, want ≥ 200", decided)
	}
}

// TestLoadDeterministic loads the demo twice: the same papers and meetings must come
// out, or screenshots, bug reports and golden files would drift.
func TestLoadDeterministic(t *testing.T) {
	t.Parallel()
	var got [2][]string
	for run := range 2 {
		db, _, city := load(t)
		sys := ratsinfo.SystemContext(context.Background())
		body := ratsinfo.ListFilter{BodyID: city.BodyID}
		for _, p := range must(db.FindPapers(sys, ratsinfo.PaperFilter{ListFilter: body})) {
			got[run] = append(got[run], fmt.Sprintf("%s|%s|%s|%s|%v", p.Reference, p.Name, p.PaperType, p.Date, p.Published))
		}
		for _, m := range must(db.FindMeetings(sys, ratsinfo.MeetingFilter{ListFilter: body})) {
			got[run] = append(got[run], fmt.Sprintf("%s|%s|%s|%v", m.Name, m.Start, m.MeetingState, m.Cancelled))
		}
	}
	if len(got[0]) != len(got[1]) {
		t.Fatalf("first load: %d papers and meetings, second: %d", len(got[0]), len(got[1]))
	}
	for i := range got[0] {
		if got[0][i] != got[1][i] {
			t.Fatalf("loads differ at %d:\n%s\n%s", i, got[0][i], got[1][i])
		}
	}
}

func TestGenerate(t *testing.T) {
	t.Parallel()
	for _, n := range []int{1, 3000} {
		db, blobs := open(t)
		sys := ratsinfo.SystemContext(context.Background())
		calls := 0
		if err := demo.Generate(sys, db, blobs, n, demo.ReferenceDay, func(int) { calls++ }); err != nil {
			t.Fatal(err)
		}
		papers := must(db.Count(sys, ratsinfo.KindPaper, ratsinfo.ListFilter{}))
		if papers != n || calls == 0 {
			t.Errorf("Generate(%d): %d papers, %d progress calls", n, papers, calls)
		}
		if n < 1000 {
			continue
		}
		// The demo's proportions: about six new papers per meeting, a person per 25.
		meetings := must(db.Count(sys, ratsinfo.KindMeeting, ratsinfo.ListFilter{}))
		persons := must(db.Count(sys, ratsinfo.KindPerson, ratsinfo.ListFilter{}))
		within(t, "generated meetings", meetings, n/12, n/3)
		within(t, "generated persons", persons, n/50, n/10)
	}
}

// BenchmarkGenerate measures the generator on SQLite; `ratsinfo generate` promises a
// million papers in minutes.
func BenchmarkGenerate(b *testing.B) {
	const n = 10_000
	for b.Loop() {
		b.StopTimer()
		db, blobs := open(b)
		b.StartTimer()
		if err := demo.Generate(ratsinfo.SystemContext(context.Background()), db, blobs, n, demo.ReferenceDay, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "papers/s")
}
