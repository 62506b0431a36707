package web

import (
	"context"
	"encoding/xml"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// The feeds of /anfragen: an Atom feed of the newest inquiries with their state
// and deadline, and a calendar (ICS) of their deadlines. Both read through the
// store as the anonymous public, so they hold exactly what /anfragen shows: no
// drafts, no confidential inquiries, no unpublished answers. Their times are the
// times of the public timeline, never the inquiry's internal modification time,
// which moves whenever the administration saves a draft answer.

// inquiryFeedEntries is the length of the Atom feed: the newest inquiries, as a
// feed reader shows them; the whole list stays on /anfragen.
const inquiryFeedEntries = 50

// inquiryCalendarMax bounds the calendar: the deadlines of the newest 5,000
// inquiries (a large city's decade), read 500 at a time.
const (
	inquiryCalendarMax  = 5000
	inquiryCalendarPage = 500
)

// inquiryFeeds are the feed links of /anfragen, with the list's filters.
func inquiryFeeds(tr func(string) string, q url.Values) []Link {
	keep := url.Values{}
	for _, k := range []string{"stand", "ueberfaellig"} {
		if v := q.Get(k); v != "" {
			keep.Set(k, v)
		}
	}
	suffix := ""
	if len(keep) > 0 {
		suffix = "?" + keep.Encode()
	}
	return []Link{{Label: tr("Anfragen (Atom)"), URL: "/anfragen.atom" + suffix, Type: "application/atom+xml"},
		{Label: tr("Fristen der Anfragen (ICS)"), URL: "/anfragen.ics" + suffix, Type: "text/calendar"}}
}

func (s *Server) inquiriesAtom(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f, err := s.publicInquiryFilter(r.URL.Query())
	if err != nil {
		return err
	}
	f.Limit = inquiryFeedEntries
	list, err := s.inquiries.FindInquiries(ctx, f)
	if err != nil {
		return err
	}
	self := s.baseURL + r.URL.RequestURI()
	feed := atomFeed{Lang: "de", ID: self, Title: s.siteName(ctx) + ": Anfragen und Fristen", Author: atomPerson{Name: s.siteName(ctx)},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: s.baseURL + "/anfragen"}}}
	var updated time.Time
	today := s.today()
	for _, in := range list {
		e, err := s.inquiryEntry(ctx, in, today)
		if err != nil {
			return err
		}
		if t, _ := time.Parse(time.RFC3339, e.Updated); t.After(updated) {
			updated = t
		}
		feed.Entries = append(feed.Entries, e)
	}
	if updated.IsZero() {
		updated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // an empty feed still needs one
	}
	feed.Updated = updated.UTC().Format(time.RFC3339)
	body, err := xml.MarshalIndent(feed, "", " ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	serveCached(w, r, append([]byte(xml.Header), body...), updated)
	return nil
}

// inquiryEntry is one inquiry in the feed. Its times come from the public
// timeline (one query per entry, at most inquiryFeedEntries): first the
// submission, last the latest public step.
func (s *Server) inquiryEntry(ctx context.Context, in *ratsinfo.Inquiry, today ratsinfo.Date) (atomEntry, error) {
	events, err := s.inquiries.InquiryEvents(ctx, in.ID)
	if err != nil {
		return atomEntry{}, err
	}
	link := s.baseURL + inquiryPath(in.ID)
	title := in.Title
	if in.Reference != "" {
		title = in.Reference + ": " + title
	}
	e := atomEntry{ID: link, Title: title, Link: atomLink{Rel: "alternate", Type: "text/html", Href: link},
		Category: &atomCateg{Term: in.State.German()}}
	summary := []string{"Stand: " + in.State.German()}
	if in.Overdue(today) {
		summary[0] += " (überfällig)"
	}
	if !in.Deadline.Day.IsZero() {
		summary = append(summary, in.Deadline.Explain())
	}
	var first, last time.Time
	if n := len(events); n > 0 {
		first, last = events[0].At, events[n-1].At
		step := ratsinfo.InquiryEventLabel(events[n-1].Action)
		if note := events[n-1].Note; note != "" {
			step += ": " + note
		}
		summary = append(summary, "Letzter Schritt am "+ratsinfo.DateOf(last.In(s.loc)).German()+": "+step)
	}
	if first.IsZero() {
		// Every public inquiry was submitted; should its timeline be empty, the
		// entry still needs a time, and none that tells of internal work.
		first, last = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	e.Published, e.Updated = first.UTC().Format(time.RFC3339), last.UTC().Format(time.RFC3339)
	e.Summary = strings.Join(summary, ". ") + "."
	return e, nil
}

// inquiriesICS is the calendar of deadlines: one all-day entry on the last day
// of each public inquiry's deadline, answered ones included (the calendar is an
// archive too, like the meetings').
func (s *Server) inquiriesICS(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f, err := s.publicInquiryFilter(r.URL.Query())
	if err != nil {
		return err
	}
	f.Limit = inquiryCalendarPage
	var iw icalWriter
	iw.line("BEGIN", "VCALENDAR")
	iw.line("VERSION", "2.0")
	iw.line("PRODID", "-//Ratsinfo//Ratsinformationssystem//DE")
	iw.line("CALSCALE", "GREGORIAN")
	iw.line("METHOD", "PUBLISH")
	iw.text("X-WR-CALNAME", s.siteName(ctx)+": Fristen der Anfragen")
	host := "ratsinfo"
	if u, err := url.Parse(s.baseURL); err == nil && u.Host != "" {
		host = u.Host
	}
	today := s.today()
	for f.Offset = 0; f.Offset < inquiryCalendarMax; f.Offset += inquiryCalendarPage {
		list, err := s.inquiries.FindInquiries(ctx, f)
		if err != nil {
			return err
		}
		for _, in := range list {
			if !in.Deadline.Day.IsZero() {
				s.writeDeadline(&iw, in, host, today)
			}
		}
		if len(list) < inquiryCalendarPage {
			break
		}
	}
	iw.line("END", "VCALENDAR")
	h := w.Header()
	h.Set("Content-Type", "text/calendar; charset=utf-8")
	h.Set("Content-Disposition", `inline; filename="anfragen-fristen.ics"`)
	// No Last-Modified: the inquiry's modification time is not public (see
	// above); the ETag of the content validates.
	serveCached(w, r, iw.buf.Bytes(), time.Time{})
	return nil
}

func (s *Server) writeDeadline(iw *icalWriter, in *ratsinfo.Inquiry, host string, today ratsinfo.Date) {
	link := s.baseURL + inquiryPath(in.ID)
	day := in.Deadline.Day
	stamp := in.ReceivedOn // public on the page; the deadline runs from it
	if stamp.IsZero() {
		stamp = day
	}
	iw.line("BEGIN", "VEVENT")
	iw.line("UID", "anfrage-"+strconv.FormatInt(in.ID, 10)+"-frist@"+host)
	// DTSTAMP must be a date and time: the day of receipt, which is public
	// and does not move when the administration works on the answer.
	iw.line("DTSTAMP", icalDate(stamp)+"T000000Z")
	iw.line("DTSTART;VALUE=DATE", icalDate(day))
	iw.line("DTEND;VALUE=DATE", icalDate(day.AddDays(1)))
	summary := "Frist: " + in.Title
	if in.Reference != "" {
		summary = "Frist " + in.Reference + ": " + in.Title
	}
	iw.text("SUMMARY", summary)
	state := "Stand: " + in.State.German()
	if in.Overdue(today) {
		state += " (überfällig)"
	}
	iw.text("DESCRIPTION", strings.Join([]string{in.Deadline.Explain(), state, link}, "\n"))
	iw.line("URL", link)
	iw.line("TRANSP", "TRANSPARENT") // a deadline does not make anyone busy
	iw.line("STATUS", "CONFIRMED")
	iw.line("END", "VEVENT")
}

// icalDate formats a DATE value: 20230130.
func icalDate(d ratsinfo.Date) string {
	return strconv.Itoa(d.Year*10000 + int(d.Month)*100 + d.Day)
}
