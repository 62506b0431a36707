package demo

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// plannedMeeting is a meeting before it is written.
type plannedMeeting struct {
	org       *org
	start     time.Time
	name      string
	location  int64
	cancelled bool
	newPapers int          // papers first treated in this meeting
	extra     []agendaItem // items of the seed story, besides the generated ones
	today     time.Time    // the day the city lives in (builder.today)
}

// noticeDays is how long before a meeting the invitation with the agenda goes out.
// § 34 GO Schleswig-Holstein asks for at least a week; offices send it earlier.
const noticeDays = 10

// invitationDay is the day the invitation is sent.
func (m *plannedMeeting) invitationDay() time.Time {
	d := m.start.AddDate(0, 0, -noticeDays)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, d.Location())
}

// state is the OParl meetingState on the city's day: held (before that day),
// invited (the invitation has gone out, noticeDays before the meeting) or only
// scheduled.
func (m *plannedMeeting) state() string {
	switch {
	case m.start.Before(m.today):
		return ratsinfo.MeetingHeld
	case !m.invitationDay().After(m.today):
		return ratsinfo.MeetingInvited
	}
	return ratsinfo.MeetingScheduled
}

// hasAgenda reports whether the meeting's agenda is published already.
func (m *plannedMeeting) hasAgenda() bool { return m.state() != ratsinfo.MeetingScheduled }

// nthWeekday returns the day of the nth weekday wd in a month (nth 1..4).
func nthWeekday(y int, m time.Month, wd time.Weekday, nth int) int {
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Weekday()
	return 1 + (int(wd)-int(first)+7)%7 + 7*(nth-1)
}

// schedule plans the meetings from the start of the first term until half a year
// after the city's day: every organization on its own weekday and rhythm, no meetings
// in the summer break (July) nor on public holidays or between Christmas Eve and New
// Year's Eve, in date order.
func (b *builder) schedule() []*plannedMeeting {
	var plan []*plannedMeeting
	orgs := append([]*org{b.council, b.mainCom}, b.special...)
	first := time.Date(2018, time.June, 1, 0, 0, 0, 0, time.UTC)
	last := b.today.AddDate(0, 6, 0)
	number := map[*org]int{}
	termOf := map[*org]int{}
	for month, d := 0, first; d.Before(last); month, d = month+1, d.AddDate(0, 1, 0) {
		if d.Month() == time.July {
			continue
		}
		for _, o := range orgs {
			if month%o.period != o.phase {
				continue
			}
			day := nthWeekday(d.Year(), d.Month(), o.weekday, o.nth)
			if b.cfg.norderstedt {
				day = cmp.Or(seedMeetingDay(o == b.mainCom, d.Year(), d.Month()), day)
			}
			start := b.at(meetingDay(time.Date(d.Year(), d.Month(), day, 0, 0, 0, 0, time.UTC)), o.hour, o.minute)
			pm := &plannedMeeting{org: o, start: start, location: o.room, today: b.today}
			pm.cancelled = pm.hasAgenda() && chance(b.rng, 0.02) && !(o == b.mainCom && d.Year() == 2023)
			plan = append(plan, pm)
		}
	}
	if b.cfg.norderstedt {
		for _, pm := range b.seedMeetings() {
			pm.today = b.today
			plan = append(plan, pm)
		}
	}
	slices.SortStableFunc(plan, func(x, y *plannedMeeting) int { return x.start.Compare(y.start) })
	for _, pm := range plan {
		t := b.termIndex(pm.start)
		if termOf[pm.org] != t {
			number[pm.org] = 0
		}
		termOf[pm.org] = t
		number[pm.org]++
		if pm.name == "" {
			pm.name = fmt.Sprintf("%d. Sitzung %s", number[pm.org], genitive(pm.org.name))
		}
	}
	return plan
}

// meetingDay moves a meeting off a day no council meets: a weekend, a public holiday
// of Schleswig-Holstein, or 24 to 31 December. It tries the same weekday a week
// earlier, then a week later, and so on, within the same month, so that the rhythm
// stays recognisable and no organization meets twice in a month.
func meetingDay(d time.Time) time.Time {
	for _, weeks := range []int{0, -1, 1, -2, 2, -3, 3} {
		c := d.AddDate(0, 0, 7*weeks)
		if c.Month() == d.Month() && sessionDay(ratsinfo.DateOf(c)) {
			return c
		}
	}
	return d // unreachable: every month has four weekdays of each kind, at most two of them holidays
}

// sessionDay reports whether a council may meet on d.
func sessionDay(d ratsinfo.Date) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	if d.Month == time.December && d.Day >= 24 {
		return false
	}
	_, holiday := ratsinfo.StateSH.Holiday(d)
	return !holiday
}

// genitive turns an organization's name into "der Stadtvertretung" or
// "des Hauptausschusses", as meeting names need it.
func genitive(name string) string {
	if strings.HasPrefix(name, "Stadtvertretung") {
		return "der " + name
	}
	if i := strings.Index(name, "usschuss"); i >= 0 {
		i += len("usschuss")
		return "des " + name[:i] + "es" + name[i:]
	}
	return "des Gremiums " + name
}

func (b *builder) termIndex(t time.Time) int {
	if ratsinfo.DateOf(t).Before(b.terms[1].start) {
		return 0
	}
	return 1
}

// planPapers spreads the paper budget over the meetings that have an agenda, with
// some meetings fuller than others; the allocation is cumulative so that the total
// comes out exactly.
func (b *builder) planPapers(plan []*plannedMeeting) {
	var eligible []*plannedMeeting
	for _, pm := range plan {
		if pm.hasAgenda() && pm.org.kind != kindExternal {
			eligible = append(eligible, pm)
		}
	}
	budget := b.cfg.papers - b.extraPapers() - b.seedPaperCount()
	if len(eligible) == 0 || budget <= 0 {
		return
	}
	weights := make([]float64, len(eligible))
	total := 0.0
	for i := range weights {
		weights[i] = 0.5 + b.rng.Float64()
		total += weights[i]
	}
	sum, given := 0.0, 0
	for i, pm := range eligible {
		sum += weights[i]
		upto := int(float64(budget)*sum/total + 0.5)
		if i == len(eligible)-1 {
			upto = budget
		}
		pm.newPapers = upto - given
		given = upto
	}
}

// extraPapers is the number of papers outside the meetings: drafts, an inquiry with
// its unpublished answer, and a withdrawn paper (see finish). A tiny generated city
// goes without them, so that it has exactly the papers asked for.
func (b *builder) extraPapers() int {
	if b.cfg.papers < 50 {
		return 0
	}
	return 6
}
