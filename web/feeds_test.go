package web

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/ratsinfo/ratsinfo"
)

// parseICS parses a calendar with a real iCalendar library and fails on anything
// it cannot read.
func parseICS(t *testing.T, body string) *ics.Calendar {
	t.Helper()
	if strings.Contains(strings.ReplaceAll(body, "\r\n", ""), "\n") {
		t.Error("calendar has bare LF line ends; RFC 5545 wants CRLF")
	}
	for _, l := range strings.Split(body, "\r\n") {
		if len(l) > 75 {
			t.Errorf("line longer than 75 octets: %q", l)
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse calendar: %v", err)
	}
	return cal
}

func TestICSFeeds(t *testing.T) {
	w := testWorld(t)
	berlin := w.web.loc
	for _, path := range []string{"/sitzungen.ics", fmt.Sprintf("/gremien/%d/sitzungen.ics", w.city.MainCommitteeID),
		fmt.Sprintf("/personen/%d/sitzungen.ics", w.fix.ShyPerson), fmt.Sprintf("/sitzungen/%d.ics", w.fix.Meeting),
		fmt.Sprintf("/sitzungen/%d.ics", w.fix.CancelledMeet)} {
		t.Run(path, func(t *testing.T) {
			res, body := w.get(t, path)
			if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") {
				t.Fatalf("status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
			}
			for _, secret := range w.secrets {
				if strings.Contains(unfoldICS(body), secret) {
					t.Errorf("calendar contains %q", secret)
				}
			}
			cal := parseICS(t, body)
			if tz := cal.Timezones(); len(tz) != 1 || tz[0].GetProperty(ics.ComponentPropertyTzid) == nil ||
				tz[0].GetProperty(ics.ComponentPropertyTzid).Value != "Europe/Berlin" {
				t.Errorf("want one VTIMEZONE Europe/Berlin")
			}
			events := cal.Events()
			if len(events) == 0 {
				t.Fatal("no events")
			}
			byUID := map[string]*ics.VEvent{}
			for _, e := range events {
				byUID[e.Id()] = e
			}
			if e, ok := byUID[fmt.Sprintf("sitzung-%d@ratsinfo.test", w.fix.Meeting)]; ok {
				start, err := e.GetStartAt()
				if err != nil {
					t.Fatal(err)
				}
				if want := time.Date(2026, 12, 14, 18, 0, 0, 0, berlin); !start.Equal(want) {
					t.Errorf("start %v, want %v", start, want)
				}
				if st := e.GetProperty(ics.ComponentPropertyStatus); st == nil || st.Value != "CONFIRMED" {
					t.Errorf("status of invited meeting: %v", st)
				}
			}
			if e, ok := byUID[fmt.Sprintf("sitzung-%d@ratsinfo.test", w.fix.CancelledMeet)]; ok {
				if st := e.GetProperty(ics.ComponentPropertyStatus); st == nil || st.Value != "CANCELLED" {
					t.Errorf("status of cancelled meeting: %v", st)
				}
			}
		})
	}
}

// TestICSHoldsAllYears checks that the full calendar is an archive, not a window:
// the 2023 hearing and the meetings of December 2026 are both in it.
func TestICSHoldsAllYears(t *testing.T) {
	w := testWorld(t)
	_, body := w.get(t, "/sitzungen.ics")
	cal := parseICS(t, body)
	uids := map[string]bool{}
	for _, e := range cal.Events() {
		uids[e.Id()] = true
	}
	for _, id := range []int64{w.city.HearingMeetingID, w.fix.Meeting, w.fix.CancelledMeet} {
		if !uids[fmt.Sprintf("sitzung-%d@ratsinfo.test", id)] {
			t.Errorf("meeting %d missing from the full calendar (%d events)", id, len(uids))
		}
	}
	if len(uids) < 100 {
		t.Errorf("only %d events in the full calendar", len(uids))
	}
}

func TestICSFolding(t *testing.T) {
	var iw icalWriter
	long := strings.Repeat("Tagesordnungspunkt öffentlich ÄÖÜ, ", 10)
	iw.text("DESCRIPTION", long)
	out := iw.buf.String()
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets", len(l))
		}
		if !strings.ContainsRune(l, '\uFFFD') && !utf8Valid(l) {
			t.Errorf("line splits a character: %q", l)
		}
	}
	if got := unfoldICS(out); !strings.Contains(got, strings.TrimSpace(long[:40])) {
		t.Errorf("unfolded text lost content: %q", got)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// atom is what the Atom schema requires of a feed and its entries (RFC 4287 4.1).
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func TestAtomFeeds(t *testing.T) {
	w := testWorld(t)
	for _, path := range []string{"/vorlagen.atom", "/vorlagen.atom?art=Anfrage",
		fmt.Sprintf("/gremien/%d/vorlagen.atom", w.city.MainCommitteeID)} {
		t.Run(path, func(t *testing.T) {
			res, body := w.get(t, path)
			if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/atom+xml") {
				t.Fatalf("status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
			}
			var f atom
			if err := xml.Unmarshal([]byte(body), &f); err != nil {
				t.Fatalf("parse: %v", err)
			}
			if f.ID == "" || f.Title == "" || len(f.Author) == 0 || !rfc3339(f.Updated) || len(f.Entries) == 0 {
				t.Errorf("feed lacks id, title, author, updated or entries: %+v", f)
			}
			self := false
			for _, l := range f.Links {
				self = self || (l.Rel == "self" && strings.HasPrefix(l.Href, "http"))
			}
			if !self {
				t.Error("feed lacks an absolute rel=self link")
			}
			ids := map[string]bool{}
			for _, e := range f.Entries {
				if e.ID == "" || e.Title == "" || !rfc3339(e.Updated) || !strings.HasPrefix(e.Link.Href, "http://ratsinfo.test/vorlagen/") {
					t.Errorf("entry incomplete: %+v", e)
				}
				if ids[e.ID] {
					t.Errorf("duplicate entry id %s", e.ID)
				}
				ids[e.ID] = true
			}
			for _, s := range w.secrets {
				if strings.Contains(body, s) {
					t.Errorf("feed contains %q", s)
				}
			}
		})
	}
	res, body := w.get(t, "/vorlagen.atom?art=Quatsch")
	if res.StatusCode != 400 || !strings.Contains(body, "Vorlagenart") {
		t.Errorf("unknown type: %d", res.StatusCode)
	}
	// The message names what is allowed: the domain's types, every one of them.
	for _, typ := range ratsinfo.PaperTypes() {
		if !strings.Contains(body, typ) {
			t.Errorf("message for an unknown type does not offer %q", typ)
		}
	}
}

func rfc3339(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

func TestSiteMeta(t *testing.T) {
	w := testWorld(t)
	_, robots := w.get(t, "/robots.txt")
	if !strings.Contains(robots, "Sitemap: http://ratsinfo.test/sitemap.xml") {
		t.Errorf("robots.txt: %q", robots)
	}
	res, body := w.get(t, "/sitemap.xml")
	var set struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(body), &set); err != nil || res.StatusCode != 200 {
		t.Fatalf("sitemap: %d %v", res.StatusCode, err)
	}
	want := fmt.Sprintf("http://ratsinfo.test/vorlagen/%d", w.city.AnswerPaperID)
	found := false
	for _, u := range set.URLs {
		found = found || u.Loc == want
		if strings.Contains(u.Loc, fmt.Sprintf("/vorlagen/%d", w.fix.SecretPaper)) {
			t.Errorf("sitemap lists the unpublished paper")
		}
	}
	if !found {
		t.Errorf("sitemap lacks %s (%d URLs)", want, len(set.URLs))
	}
	_, os := w.get(t, "/opensearch.xml")
	if !strings.Contains(os, `template="http://ratsinfo.test/suche?q={searchTerms}"`) {
		t.Errorf("opensearch: %s", os)
	}
}

// atomEntries is an Atom feed's entries with what each must tell a feed reader.
type atomEntries struct {
	Entries []struct {
		ID        string `xml:"id"`
		Updated   string `xml:"updated"`
		Published string `xml:"published"`
		Summary   string `xml:"summary"`
	} `xml:"entry"`
	Updated string `xml:"updated"`
}

// TestAtomEntriesOwnTimeAndSummary parses the feed back: every entry carries its
// paper's own time (the demo city was loaded in one instant, so the record's
// modification times are all equal and would say nothing), and a summary that
// names type, reference, originators and the first lines of the main file.
func TestAtomEntriesOwnTimeAndSummary(t *testing.T) {
	w := testWorld(t)
	ctx := ratsinfo.SystemContext(t.Context())
	_, body := w.get(t, "/vorlagen.atom")
	var f atomEntries
	if err := xml.Unmarshal([]byte(body), &f); err != nil {
		t.Fatalf("parse: %v", err)
	}
	if len(f.Entries) < 10 {
		t.Fatalf("only %d entries", len(f.Entries))
	}
	times := map[string]bool{}
	newest := ""
	withText, withOriginator := 0, 0
	for _, e := range f.Entries {
		times[e.Updated] = true
		if e.Updated > newest {
			newest = e.Updated
		}
		var id int64
		if _, err := fmt.Sscanf(e.ID, "http://ratsinfo.test/vorlagen/%d", &id); err != nil {
			t.Fatalf("entry id %q: %v", e.ID, err)
		}
		p, err := w.store.FindPaperByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		// Papers and record were written at testNow; the entry says the paper's day.
		want := time.Date(p.Date.Year, p.Date.Month, p.Date.Day, 0, 0, 0, 0, w.web.loc)
		if want.After(p.Modified) {
			want = p.Modified
		}
		if got, err := time.Parse(time.RFC3339, e.Updated); err != nil || !got.Equal(want) {
			t.Errorf("entry %d updated %q, want the paper's own day %v", id, e.Updated, want)
		}
		if got, err := time.Parse(time.RFC3339, e.Published); err != nil || !got.Equal(time.Date(p.Date.Year, p.Date.Month, p.Date.Day, 0, 0, 0, 0, w.web.loc)) {
			t.Errorf("entry %d published %q, want %s", id, e.Published, p.Date)
		}
		head := p.PaperType + " " + p.Reference + " vom " + p.Date.German() + "."
		if !strings.HasPrefix(e.Summary, head) {
			t.Errorf("entry %d summary %q does not start with %q", id, e.Summary, head)
		}
		for _, oid := range p.OriginatorOrganizationIDs {
			o, err := w.store.FindOrganizationByID(ctx, oid)
			if err != nil {
				t.Fatal(err)
			}
			withOriginator++
			if !strings.Contains(e.Summary, "Eingereicht von: ") || !strings.Contains(e.Summary, o.Name) {
				t.Errorf("entry %d summary %q does not name originator %q", id, e.Summary, o.Name)
			}
		}
		if p.MainFileID != 0 {
			file, err := w.store.FindFileByID(ctx, p.MainFileID)
			if err != nil {
				t.Fatal(err)
			}
			if lead := firstLines(file.Text, summaryTextMax); lead != "" {
				withText++
				if !strings.HasSuffix(e.Summary, "\n\n"+lead) {
					t.Errorf("entry %d summary %q lacks the text's first lines %q", id, e.Summary, lead)
				}
				if strings.Contains(lead, "Beratungsfolge") {
					t.Errorf("entry %d: the summary repeats the letterhead: %q", id, lead)
				}
			}
		}
		if n := len([]rune(e.Summary)); n > summaryTextMax+300 {
			t.Errorf("entry %d summary of %d characters", id, n)
		}
	}
	if len(times) < 2 {
		t.Errorf("all %d entries share one updated time %v", len(f.Entries), times)
	}
	if f.Updated != newest {
		t.Errorf("feed updated %s, want its newest entry's %s", f.Updated, newest)
	}
	if withText == 0 || withOriginator == 0 {
		t.Errorf("no entry with text (%d) or originator (%d): the test proves nothing", withText, withOriginator)
	}
}

// TestEntryUpdated: the paper's own day, unless edited on a later day than it
// arrived; never after the record's last change.
func TestEntryUpdated(t *testing.T) {
	loc := ratsinfo.Berlin()
	arrived := time.Date(2026, 3, 10, 9, 0, 0, 0, loc)
	day := ratsinfo.NewDate(2023, 2, 27)
	for _, c := range []struct {
		name              string
		date              ratsinfo.Date
		created, modified time.Time
		want              time.Time
	}{
		{"imported old paper", day, arrived, arrived.Add(time.Hour), time.Date(2023, 2, 27, 0, 0, 0, 0, loc)},
		{"edited a day later", day, arrived, arrived.AddDate(0, 0, 1), arrived.AddDate(0, 0, 1)},
		{"dated after its last change", ratsinfo.NewDate(2026, 4, 1), arrived, arrived, arrived},
		{"no date", ratsinfo.Date{}, arrived, arrived.Add(time.Minute), arrived},
	} {
		p := &ratsinfo.Paper{Meta: ratsinfo.Meta{Created: c.created, Modified: c.modified}, Date: c.date}
		if got := entryUpdated(p, loc); !got.Equal(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestFirstLines(t *testing.T) {
	long := strings.Repeat("Die Verwaltung wird beauftragt, einen Radweg zu planen. ", 20)
	got := firstLines(long, 100)
	if !strings.HasSuffix(got, " …") || len([]rune(got)) > 102 || !strings.HasPrefix(got, "Die Verwaltung wird") {
		t.Errorf("long text: %q", got)
	}
	if got := firstLines("Kurz und gut.\n\nZweiter Absatz.", 100); got != "Kurz und gut. Zweiter Absatz." {
		t.Errorf("short text: %q", got)
	}
	letter := "Stadt Norderstedt\nAntrag A 23/0012\nDatum: 05.03.2023\n\nRadweg Ulzburger Straße\n\nBeratungsfolge\nHauptausschuss – Entscheidung\n\nBegründung:\nDer Radweg ist zu schmal. Er wird verbreitert.\n"
	if got := firstLines(letter, 100); got != "Der Radweg ist zu schmal. Er wird verbreitert." {
		t.Errorf("letterhead not skipped: %q", got)
	}
	if got := firstLines("Lageplan\nMaßstab 1:500", 100); got != "Lageplan Maßstab 1:500" {
		t.Errorf("text without a sentence: %q", got)
	}
	if got := firstLines("", 100); got != "" {
		t.Errorf("empty: %q", got)
	}
}
