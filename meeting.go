package ratsinfo

import (
	"strings"
	"time"
)

// Meeting states recommended by OParl.
const (
	MeetingScheduled = "terminiert"
	MeetingInvited   = "eingeladen"
	MeetingHeld      = "durchgeführt"
)

// Meeting is a Sitzung of one or more organizations.
type Meeting struct {
	Meta
	BodyID          int64
	Name            string
	MeetingState    string
	Cancelled       bool
	Start           time.Time
	End             time.Time
	LocationID      int64   // embedded Location
	OrganizationIDs []int64 // first is the lead committee
	ParticipantIDs  []int64 // persons

	InvitationFileID       int64
	ResultsProtocolFileID  int64
	VerbatimProtocolFileID int64
	AuxiliaryFileIDs       []int64
}

// Validate trims and checks m.
func (m *Meeting) Validate() error {
	v := newValidator(KindMeeting)
	v.meta(&m.Meta)
	if m.BodyID <= 0 {
		v.add("body", "Die Sitzung braucht eine Körperschaft.")
	}
	v.text("name", &m.Name)
	v.text("meetingState", &m.MeetingState)
	if !m.Start.IsZero() && !m.End.IsZero() && m.End.Before(m.Start) {
		v.add("end", "Das Ende der Sitzung liegt vor ihrem Beginn.")
	}
	v.ids("organization", m.OrganizationIDs)
	v.ids("participant", m.ParticipantIDs)
	v.ids("auxiliaryFile", m.AuxiliaryFileIDs)
	return v.err()
}

// NonPublicAgendaItemName is what the public reads in place of a non-public agenda
// item's name: the words council information systems use, telling nothing of the
// content.
const NonPublicAgendaItemName = "Nichtöffentlicher Tagesordnungspunkt"

// AgendaItem is a Tagesordnungspunkt. Position is its 0-based place in the meeting's
// agenda (OParl `order`). A non-public item is stored in full but an anonymous viewer
// only ever learns its number and that it is non-public.
type AgendaItem struct {
	Meta
	MeetingID        int64
	Position         int
	Number           string
	Name             string
	Public           bool
	ConsultationID   int64
	Result           string
	ResolutionText   string
	ResolutionFileID int64
	AuxiliaryFileIDs []int64
	Start            time.Time
	End              time.Time
}

// Validate trims and checks a.
func (a *AgendaItem) Validate() error {
	v := newValidator(KindAgendaItem)
	v.meta(&a.Meta)
	if a.MeetingID <= 0 {
		v.add("meeting", "Der Tagesordnungspunkt braucht eine Sitzung.")
	}
	if a.Position < 0 {
		v.add("order", "Die Position in der Tagesordnung beginnt bei 0.")
	}
	v.text("number", &a.Number)
	v.text("name", &a.Name)
	v.text("result", &a.Result)
	v.text("resolutionText", &a.ResolutionText)
	if !a.Start.IsZero() && !a.End.IsZero() && a.End.Before(a.Start) {
		v.add("end", "Das Ende des Tagesordnungspunkts liegt vor seinem Beginn.")
	}
	v.ids("auxiliaryFile", a.AuxiliaryFileIDs)
	return v.err()
}

func joinNonEmpty(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

func lower(s string) string { return strings.ToLower(s) }
