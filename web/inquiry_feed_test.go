package web

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
)

// inquiryLeaks are the fixture's markers that no feed of inquiries may carry:
// a draft, a confidential inquiry (registered, so it has a deadline), an answer
// that is drafted but not published.
var inquiryLeaks = []string{"GEHEIMENTWURF", "GEHEIMVERTRAULICH", "GEHEIMANTWORT"}

// TestInquiriesAtom checks /anfragen.atom: a valid feed of what /anfragen shows,
// each entry with state and deadline, the filters of the list, and none of the
// inquiries or answers the public may not see.
func TestInquiriesAtom(t *testing.T) {
	w := testWorld(t)
	res, body := w.get(t, "/anfragen.atom")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var f atom
	if err := xml.Unmarshal([]byte(body), &f); err != nil {
		t.Fatalf("parse: %v\n%s", err, body)
	}
	if f.ID == "" || f.Title == "" || len(f.Author) == 0 || !rfc3339(f.Updated) {
		t.Errorf("feed lacks id, title, author or updated: %+v", f)
	}
	titles := map[string]string{} // link → title
	for _, e := range f.Entries {
		if e.ID == "" || !rfc3339(e.Updated) || !strings.HasPrefix(e.Link.Href, "http://ratsinfo.test/anfragen/") {
			t.Errorf("entry incomplete: %+v", e)
		}
		titles[e.Link.Href] = e.Title
	}
	for _, id := range []int64{w.fix.InquiryPublished, w.fix.InquiryOverdue, w.fix.InquiryExternal} {
		if _, ok := titles[fmt.Sprintf("http://ratsinfo.test/anfragen/%d", id)]; !ok {
			t.Errorf("feed lacks inquiry %d: %v", id, titles)
		}
	}
	if len(f.Entries) != 3 {
		t.Errorf("%d entries, want the 3 public inquiries: %v", len(f.Entries), titles)
	}
	for _, want := range []string{"Stand: beantwortet", "Stand: in Bearbeitung (überfällig)", "Frist bis ", "Letzter Schritt am "} {
		if !strings.Contains(body, want) {
			t.Errorf("feed lacks %q:\n%s", want, body)
		}
	}
	for _, s := range append(inquiryLeaks, w.secrets...) {
		if strings.Contains(body, s) {
			t.Errorf("feed contains %q", s)
		}
	}

	_, body = w.get(t, "/anfragen.atom?ueberfaellig=1")
	if !strings.Contains(body, "Beleuchtung im Stadtpark") || strings.Contains(body, "Fahrradbügeln") {
		t.Errorf("overdue feed:\n%s", body)
	}
	if res, body := w.get(t, "/anfragen.atom?stand=draft"); res.StatusCode != http.StatusBadRequest || strings.Contains(body, "GEHEIMENTWURF") {
		t.Errorf("feed of drafts: %d", res.StatusCode)
	}
}

// TestInquiriesICS checks /anfragen.ics: one all-day entry on each public
// deadline, valid for a real iCalendar parser, and no confidential inquiry even
// though it has a deadline.
func TestInquiriesICS(t *testing.T) {
	w := testWorld(t)
	res, body := w.get(t, "/anfragen.ics")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if res.Header.Get("Last-Modified") != "" {
		t.Errorf("Last-Modified %q: the inquiry's modification time is not public", res.Header.Get("Last-Modified"))
	}
	plain := unfoldICS(body)
	for _, s := range append(inquiryLeaks, w.secrets...) {
		if strings.Contains(plain, s) {
			t.Errorf("calendar contains %q", s)
		}
	}
	cal := parseICS(t, body)
	byUID := map[string]*ics.VEvent{}
	for _, e := range cal.Events() {
		byUID[e.Id()] = e
	}
	// The published and the overdue inquiry have deadlines; the outside
	// inquirer's is only submitted, so it has none yet.
	if len(byUID) != 2 {
		t.Errorf("%d entries, want 2: %v", len(byUID), plain)
	}
	e, ok := byUID[fmt.Sprintf("anfrage-%d-frist@ratsinfo.test", w.fix.InquiryOverdue)]
	if !ok {
		t.Fatalf("no entry for the overdue inquiry:\n%s", plain)
	}
	start := e.GetProperty(ics.ComponentPropertyDtStart)
	if start == nil || len(start.ICalParameters["VALUE"]) != 1 || start.ICalParameters["VALUE"][0] != "DATE" {
		t.Errorf("deadline is not an all-day entry: %+v", start)
	}
	desc := e.GetProperty(ics.ComponentPropertyDescription)
	if desc == nil || !strings.Contains(unfoldICS(desc.Value), "(überfällig)") ||
		!strings.Contains(unfoldICS(desc.Value), fmt.Sprintf("http://ratsinfo.test/anfragen/%d", w.fix.InquiryOverdue)) {
		t.Errorf("description: %+v", desc)
	}
	if sum := e.GetProperty(ics.ComponentPropertySummary); sum == nil || !strings.Contains(sum.Value, "Beleuchtung im Stadtpark") {
		t.Errorf("summary: %+v", sum)
	}
}

// TestInquiryListLinksFeeds checks that /anfragen offers both feeds, in the page
// and in its head, with the list's filter carried over.
func TestInquiryListLinksFeeds(t *testing.T) {
	w := testWorld(t)
	_, body := w.get(t, "/anfragen?ueberfaellig=1")
	for _, want := range []string{`href="/anfragen.atom?ueberfaellig=1"`, `href="/anfragen.ics?ueberfaellig=1"`,
		`<link rel="alternate" type="application/atom&#43;xml" href="/anfragen.atom?ueberfaellig=1"`} {
		if !strings.Contains(body, want) {
			t.Errorf("/anfragen lacks %s", want)
		}
	}
}
