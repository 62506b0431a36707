package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// meetingYearPage is every meeting of a year, as a list by month, optionally of
// one organization: older meetings one click away instead of twelve months of
// paging through the calendar.
type meetingYearPage struct {
	Page
	Year    int
	Prev    string
	Next    string
	OrgID   int64
	Orgs    []option
	Months  []meetingMonth
	Count   int
	MonthOf string // the month calendar of this year's January (or of the current month)
	ICS     string
}

// meetingMonth is one month of the year view that has meetings.
type meetingMonth struct {
	Name     string
	Anchor   string // "monat-2023-02"
	Calendar string
	Meetings []meetingRow
}

func (s *Server) meetingYear(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q := r.URL.Query()
	p := &meetingYearPage{Page: s.newPage(r, "", "sitzungen")}
	now := s.now().In(s.loc)
	p.Year = now.Year()
	var msgs []string
	if y, ok := parseYear(q.Get("jahr")); ok {
		p.Year = y
	} else {
		msgs = append(msgs, p.T("Das Jahr wurde nicht verstanden; erwartet wird eine Jahreszahl wie 2023. Angezeigt wird das aktuelle Jahr."))
	}
	byID, orgMsgs, err := s.orgChoice(ctx, &p.Page, q.Get("gremium"), &p.OrgID, &p.Orgs)
	if err != nil {
		return err
	}
	p.Message = joinMessages(append(msgs, orgMsgs...))
	first := time.Date(p.Year, time.January, 1, 0, 0, 0, 0, s.loc)
	rng := ratsinfo.MeetingRange{From: first, Until: first.AddDate(1, 0, 0)}
	orgParam := ""
	p.Title = fmt.Sprintf("%s %d", p.T("Sitzungen im Jahr"), p.Year)
	p.ICS = meetingsICS()
	if p.OrgID != 0 {
		rng.OrganizationIDs = []int64{p.OrgID}
		orgParam = "&gremium=" + strconv.FormatInt(p.OrgID, 10)
		p.Title += " – " + byID[p.OrgID].Name
		p.ICS = ratsinfo.WebPath(ratsinfo.KindOrganization, p.OrgID) + meetingsICS()
	}
	meetings, err := s.store.FindMeetingsByStart(ctx, rng)
	if err != nil {
		return err
	}
	lo, hi, err := s.calendarBounds(ctx, rng.OrganizationIDs, now)
	if err != nil {
		return err
	}
	list := ratsinfo.WebListPath(ratsinfo.KindMeeting)
	if p.Year-1 >= lo.Year() {
		p.Prev = fmt.Sprintf("%s?jahr=%d%s", list, p.Year-1, orgParam)
	}
	if p.Year+1 <= hi.Year() {
		p.Next = fmt.Sprintf("%s?jahr=%d%s", list, p.Year+1, orgParam)
	}
	if p.Year < lo.Year() || p.Year > hi.Year() {
		p.NoIndex = true // a year beyond the record: for whoever typed it, not for crawlers
	}
	p.MonthOf = fmt.Sprintf("%s?monat=%d-01%s", list, p.Year, orgParam)
	index := map[time.Month]int{} // month → its place in p.Months
	for _, m := range meetings {
		start := m.Start.In(s.loc)
		i, ok := index[start.Month()]
		if !ok {
			month := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, s.loc)
			i = len(p.Months)
			index[start.Month()] = i
			p.Months = append(p.Months, meetingMonth{Name: monthName(p.Lang, month), Anchor: "monat-" + month.Format("2006-01"),
				Calendar: list + "?monat=" + month.Format("2006-01") + orgParam})
		}
		p.Months[i].Meetings = append(p.Months[i].Meetings, meetingRowOf(m, byID))
		p.Count++
	}
	p.Crumbs = []Link{{Label: p.T("Sitzungen"), URL: list}}
	p.Feeds = []Link{{Label: p.T("Sitzungskalender (ICS)"), URL: p.ICS, Type: "text/calendar"}}
	return s.render(w, r, http.StatusOK, "meeting_year", p)
}
