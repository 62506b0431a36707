package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// meetingListPage is the meeting calendar of one month, as a grid and as a list,
// optionally for one organization.
type meetingListPage struct {
	Page
	Month     string // "2023-02", the value of the month field
	MonthName string
	Prev      string
	Next      string
	// Outside says the month lies beyond the calendar's range (calendarBounds):
	// the page is noindex, links to no neighbour, and offers Current instead.
	Outside  bool
	Current  string
	OrgID    int64
	Orgs     []option
	Weeks    [][]calendarDay
	Meetings []meetingRow
	ICS      string
	YearURL  string // the year view of this month's year
}

type option struct {
	Value    string
	Label    string
	Selected bool
}

type calendarDay struct {
	Day      int // 0: a padding cell of another month
	Today    bool
	Meetings []meetingRow
}

var monthsDE = [...]string{"", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember"}

func (s *Server) meetingList(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q := r.URL.Query()
	p := &meetingListPage{Page: s.newPage(r, "", "sitzungen")}
	now := s.now().In(s.loc)
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, s.loc)
	if q.Get("jahr") != "" {
		return s.meetingYear(w, r)
	}
	var msgs []string
	if v := q.Get("monat"); v != "" {
		if t, ok := parseMonth(v, s.loc); ok {
			first = t
		} else {
			msgs = append(msgs, p.T("Der Monat wurde nicht verstanden; erwartet wird zum Beispiel 02.2023, 2/2023, Februar 2023 oder 2023-02. Angezeigt wird der aktuelle Monat."))
		}
	}
	byID, orgMsgs, err := s.orgChoice(ctx, &p.Page, q.Get("gremium"), &p.OrgID, &p.Orgs)
	if err != nil {
		return err
	}
	msgs = append(msgs, orgMsgs...)
	rng := ratsinfo.MeetingRange{From: first, Until: first.AddDate(0, 1, 0)}
	if p.OrgID != 0 {
		rng.OrganizationIDs = []int64{p.OrgID}
	}
	p.Message = joinMessages(msgs)
	meetings, err := s.store.FindMeetingsByStart(ctx, rng)
	if err != nil {
		return err
	}

	p.Month = first.Format("2006-01")
	p.MonthName = monthName(p.Lang, first)
	p.Title = p.T("Sitzungen") + " " + p.MonthName
	orgParam := ""
	if p.OrgID != 0 {
		orgParam = "&gremium=" + strconv.FormatInt(p.OrgID, 10)
		p.Title += " – " + byID[p.OrgID].Name
		p.ICS = ratsinfo.WebPath(ratsinfo.KindOrganization, p.OrgID) + meetingsICS()
	} else {
		p.ICS = meetingsICS()
	}
	lo, hi, err := s.calendarBounds(ctx, rng.OrganizationIDs, now)
	if err != nil {
		return err
	}
	list := ratsinfo.WebListPath(ratsinfo.KindMeeting)
	switch {
	case first.Before(lo) || first.After(hi):
		// Outside the data: a page for whoever typed the month, but nothing a
		// crawler should keep or follow further.
		p.NoIndex = true
		p.Outside = true
		p.Current = list + strings.Replace(orgParam, "&", "?", 1)
		p.Message = strings.TrimSpace(p.Message + " " + fmt.Sprintf(p.T("Für diesen Monat gibt es keine Sitzungen; der Kalender reicht von %s bis %s."),
			monthName(p.Lang, lo), monthName(p.Lang, hi)))
	default:
		if prev := first.AddDate(0, -1, 0); !prev.Before(lo) {
			p.Prev = list + "?monat=" + prev.Format("2006-01") + orgParam
		}
		if next := first.AddDate(0, 1, 0); !next.After(hi) {
			p.Next = list + "?monat=" + next.Format("2006-01") + orgParam
		}
	}
	p.YearURL = list + "?jahr=" + strconv.Itoa(first.Year()) + orgParam
	p.Feeds = []Link{{Label: p.T("Sitzungskalender (ICS)"), URL: p.ICS, Type: "text/calendar"}}
	byDay := map[int][]meetingRow{}
	for _, m := range meetings {
		row := meetingRowOf(m, byID)
		p.Meetings = append(p.Meetings, row)
		d := m.Start.In(s.loc).Day()
		byDay[d] = append(byDay[d], row)
	}
	p.Weeks = calendarWeeks(first, now, byDay)
	return s.render(w, r, http.StatusOK, "meeting_list", p)
}

// orgChoice reads the committee filter of the calendar and the year view and
// fills the options of its select: the organization's id (0: all, also when
// the parameter names none or an unknown one, with a message saying so) and
// every live organization by id.
func (s *Server) orgChoice(ctx context.Context, p *Page, v string, id *int64, opts *[]option) (map[int64]*ratsinfo.Organization, []string, error) {
	var msgs []string
	if v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			msgs = append(msgs, p.T("Das Gremium wurde nicht verstanden; angezeigt werden alle Gremien."))
		} else {
			*id = n
		}
	}
	orgs, err := s.store.FindOrganizations(ctx, ratsinfo.OrganizationFilter{})
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]*ratsinfo.Organization{}
	*opts = []option{{Value: "", Label: p.T("alle Gremien")}}
	for _, o := range orgs {
		if o.Deleted {
			continue
		}
		byID[o.ID] = o
		*opts = append(*opts, option{Value: strconv.FormatInt(o.ID, 10), Label: o.Name, Selected: o.ID == *id})
	}
	if *id != 0 && byID[*id] == nil {
		msgs = append(msgs, p.T("Dieses Gremium gibt es nicht; angezeigt werden alle Gremien."))
		*id = 0
	}
	return byID, msgs, nil
}

// calendarMargin is how far the calendar links beyond the first and the last
// meeting (and beyond today).
const calendarMargin = 12 // months

// calendarBounds is the first and the last month the calendar links to: from the
// month of the first meeting (of the organizations, if any are named) to that
// of the last, widened to include today's month, and a margin of a year on
// either side. Linking every month from 1900 to 2200 for every committee made
// the calendar a crawler trap of thousands of empty pages.
func (s *Server) calendarBounds(ctx context.Context, orgIDs []int64, now time.Time) (lo, hi time.Time, err error) {
	month := func(t time.Time) time.Time {
		t = t.In(s.loc)
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, s.loc)
	}
	lo, hi = month(now), month(now)
	for _, desc := range []bool{false, true} {
		m, err := s.store.FindMeetingsByStart(ctx, ratsinfo.MeetingRange{OrganizationIDs: orgIDs, Descending: desc, Limit: 1})
		if err != nil {
			return lo, hi, err
		}
		if len(m) == 1 {
			if t := month(m[0].Start); t.Before(lo) {
				lo = t
			} else if t.After(hi) {
				hi = t
			}
		}
	}
	return lo.AddDate(0, -calendarMargin, 0), hi.AddDate(0, calendarMargin, 0), nil
}

// calendarWeeks lays out a month in weeks from Monday to Sunday, as German
// calendars do.
func calendarWeeks(first, now time.Time, byDay map[int][]meetingRow) [][]calendarDay {
	var weeks [][]calendarDay
	week := make([]calendarDay, (int(first.Weekday())+6)%7)
	days := first.AddDate(0, 1, -1).Day()
	for d := 1; d <= days; d++ {
		today := now.Year() == first.Year() && now.Month() == first.Month() && now.Day() == d
		week = append(week, calendarDay{Day: d, Today: today, Meetings: byDay[d]})
		if len(week) == 7 {
			weeks = append(weeks, week)
			week = nil
		}
	}
	if len(week) > 0 {
		for len(week) < 7 {
			week = append(week, calendarDay{})
		}
		weeks = append(weeks, week)
	}
	return weeks
}

func monthName(lang string, t time.Time) string {
	if lang == "en" {
		return t.Format("January 2006")
	}
	return monthsDE[t.Month()] + " " + strconv.Itoa(t.Year())
}
