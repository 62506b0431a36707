package web

import "time"

// eventLD is a meeting as schema.org Event in JSON-LD. html/template writes it
// into the script element as JSON, escaped for that context.
type eventLD struct {
	Context    string   `json:"@context"`
	Type       string   `json:"@type"`
	Name       string   `json:"name"`
	URL        string   `json:"url"`
	StartDate  string   `json:"startDate,omitempty"`
	EndDate    string   `json:"endDate,omitempty"`
	Status     string   `json:"eventStatus"`
	Attendance string   `json:"eventAttendanceMode"`
	Location   *placeLD `json:"location,omitempty"`
	Organizer  []orgLD  `json:"organizer,omitempty"`
}

type placeLD struct {
	Type    string `json:"@type"`
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
}

type orgLD struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

// eventOf describes the meeting for search engines: what a visitor sees on the
// page, nothing more (no non-public item, no person).
func (s *Server) eventOf(p *meetingShowPage, d *meetingData) eventLD {
	m := d.meeting
	e := eventLD{Context: "https://schema.org", Type: "Event", Name: p.Meeting.Name,
		URL: s.baseURL + p.Meeting.URL, Status: "https://schema.org/EventScheduled",
		Attendance: "https://schema.org/OfflineEventAttendanceMode"}
	if m.Cancelled {
		e.Status = "https://schema.org/EventCancelled"
	}
	if !m.Start.IsZero() {
		e.StartDate = m.Start.In(s.loc).Format(time.RFC3339)
	}
	if !m.End.IsZero() {
		e.EndDate = m.End.In(s.loc).Format(time.RFC3339)
	}
	if l := d.location; l != nil {
		e.Location = &placeLD{Type: "Place", Name: locationText(l), Address: l.StreetAddress}
	}
	for _, o := range p.Meeting.Orgs {
		e.Organizer = append(e.Organizer, orgLD{Type: "Organization", Name: o.Label, URL: s.baseURL + o.URL})
	}
	return e
}
