package web

import (
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Rows are the display form of objects that appear in lists on many pages. They
// carry only what a page shows, already chosen: a template cannot print a field
// that was never copied into a row.

type fileRow struct {
	Label       string // role on the page: "Einladung", "Niederschrift", "Anlage"
	Name        string
	PageURL     string
	AccessURL   string
	DownloadURL string
	Size        int64
	MimeType    string
	Date        ratsinfo.Date
}

func (s *Server) fileRowOf(f *ratsinfo.File, label string) fileRow {
	name := f.Name
	if name == "" {
		name = f.FileName
	}
	return fileRow{
		Label:       label,
		Name:        name,
		PageURL:     ratsinfo.WebPath(ratsinfo.KindFile, f.ID),
		AccessURL:   s.fileURL(f.ID, "access"),
		DownloadURL: s.fileURL(f.ID, "download"),
		Size:        f.Size,
		MimeType:    mimeLabel(f.MimeType),
		Date:        f.Date,
	}
}

// mimeLabel names a file type as people know it.
func mimeLabel(m string) string {
	switch strings.SplitN(m, ";", 2)[0] {
	case "application/pdf":
		return "PDF"
	case "text/plain":
		return "Text"
	case "text/html":
		return "HTML"
	case "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword":
		return "Word"
	case "application/vnd.oasis.opendocument.text":
		return "ODT"
	// Image formats by name, which reads the same in German and English.
	case "image/jpeg":
		return "JPEG"
	case "image/png":
		return "PNG"
	case "":
		return ""
	}
	return m
}

type paperRow struct {
	URL       string
	Name      string
	Reference string
	Type      string
	Date      ratsinfo.Date
}

func paperRowOf(p *ratsinfo.Paper) paperRow {
	return paperRow{URL: ratsinfo.WebPath(ratsinfo.KindPaper, p.ID), Name: p.Name,
		Reference: p.Reference, Type: p.PaperType, Date: p.Date}
}

type meetingRow struct {
	URL       string
	Name      string
	Start     time.Time
	Cancelled bool
	State     string
	Orgs      []Link
}

// meetingRowOf names a meeting after its organization when it has no name of its
// own, as most meetings are simply "the Hauptausschuss on 27.02.".
func meetingRowOf(m *ratsinfo.Meeting, orgs map[int64]*ratsinfo.Organization) meetingRow {
	r := meetingRow{URL: ratsinfo.WebPath(ratsinfo.KindMeeting, m.ID), Name: m.Name,
		Start: m.Start, Cancelled: m.Cancelled, State: meetingState(m)}
	r.Orgs = orgLinks(m.OrganizationIDs, orgs)
	if r.Name == "" && len(r.Orgs) > 0 {
		r.Name = "Sitzung: " + r.Orgs[0].Label
	}
	if r.Name == "" {
		r.Name = "Sitzung"
	}
	return r
}

// meetingState is the German state shown to visitors; a cancelled meeting is
// "abgesagt" whatever state it had reached before.
func meetingState(m *ratsinfo.Meeting) string {
	if m.Cancelled {
		return "abgesagt"
	}
	return m.MeetingState
}

func orgLinks(ids []int64, orgs map[int64]*ratsinfo.Organization) []Link {
	var out []Link
	for _, id := range ids {
		if o, ok := orgs[id]; ok {
			out = append(out, Link{Label: o.Name, URL: ratsinfo.WebPath(ratsinfo.KindOrganization, id)})
		}
	}
	return out
}

func personLinks(ids []int64, persons map[int64]*ratsinfo.Person) []Link {
	var out []Link
	for _, id := range ids {
		if p, ok := persons[id]; ok {
			out = append(out, Link{Label: personName(p), URL: ratsinfo.WebPath(ratsinfo.KindPerson, id)})
		}
	}
	return out
}

// personName is the name with academic titles, as councils address their members.
func personName(p *ratsinfo.Person) string {
	name := p.Name
	if len(p.Title) > 0 {
		name = strings.Join(p.Title, " ") + " " + name
	}
	return name
}

// locationText is a location in one line: room, street, town.
func locationText(l *ratsinfo.Location) string {
	var parts []string
	for _, s := range []string{l.Description, l.Room, l.StreetAddress, strings.TrimSpace(l.PostalCode + " " + l.Locality)} {
		// Descriptions often repeat the room ("Rathaus, Sitzungsraum 2"); say it once.
		if s != "" && !strings.Contains(strings.Join(parts, ", "), s) {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}
