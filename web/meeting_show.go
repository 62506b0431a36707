package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// meetingShowPage is a meeting: when, where, state, agenda and documents.
type meetingShowPage struct {
	Page
	Meeting  meetingRow
	End      string
	Location *Link
	Items    []agendaRow
	// TOC asks for a compact list of jump links above a long agenda: with 300
	// items, the one a visitor came for is otherwise a long scroll away.
	TOC   bool
	Files []fileRow
	ICS   string
}

// tocMinItems is the agenda length from which the page starts with jump links;
// below it the agenda itself is short enough to scan.
const tocMinItems = 30

// agendaRow is one agenda item. A non-public item keeps only its number: the
// template shows nothing else for it, whatever the store returned.
type agendaRow struct {
	Anchor     string
	Number     string
	Public     bool
	Name       string
	Papers     []paperRow
	Result     string
	Resolution []string
	Files      []fileRow
}

func (s *Server) meetingShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	// "/sitzungen/{id}.ics": a wildcard must fill a whole segment, so the calendar
	// entry of a meeting is told apart here.
	if v, ok := strings.CutSuffix(r.PathValue("id"), ".ics"); ok {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return pageNotFound()
		}
		return s.meetingICS(w, r, id)
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	m, err := s.store.FindMeetingByID(ctx, id)
	if m, err = findLive(m, err, func(m *ratsinfo.Meeting) bool { return m.Deleted }, ratsinfo.KindMeeting, id); err != nil {
		return err
	}
	items, err := s.store.FindAgendaItems(ctx, ratsinfo.AgendaItemFilter{MeetingIDs: []int64{id}})
	if err != nil {
		return err
	}
	cons, err := s.store.FindConsultations(ctx, ratsinfo.ConsultationFilter{MeetingIDs: []int64{id}})
	if err != nil {
		return err
	}
	var paperIDs, fileIDs []int64
	papersOfItem := map[int64][]int64{}
	for _, c := range cons {
		if c.Deleted || c.AgendaItemID == 0 {
			continue
		}
		papersOfItem[c.AgendaItemID] = append(papersOfItem[c.AgendaItemID], c.PaperID)
		paperIDs = append(paperIDs, c.PaperID)
	}
	fileIDs = append(fileIDs, m.InvitationFileID, m.ResultsProtocolFileID, m.VerbatimProtocolFileID)
	fileIDs = append(fileIDs, m.AuxiliaryFileIDs...)
	for _, it := range items {
		if it.Public && !it.Deleted {
			fileIDs = append(fileIDs, it.ResolutionFileID)
			fileIDs = append(fileIDs, it.AuxiliaryFileIDs...)
		}
	}
	orgs, err := s.orgsByID(ctx, m.OrganizationIDs)
	if err != nil {
		return err
	}
	papers, err := s.papersByID(ctx, paperIDs)
	if err != nil {
		return err
	}
	files, err := s.filesByID(ctx, fileIDs)
	if err != nil {
		return err
	}

	row := meetingRowOf(m, orgs)
	p := &meetingShowPage{Page: s.newPage(r, row.Name, "sitzungen"), Meeting: row}
	p.Crumbs = []Link{{Label: p.T("Sitzungen"), URL: "/sitzungen"}}
	if !m.End.IsZero() {
		p.End = p.Clock(m.End)
	}
	p.ICS = ratsinfo.WebPath(ratsinfo.KindMeeting, id) + ".ics"
	p.LastModified = m.Modified
	if m.LocationID != 0 {
		locs, err := s.locationsByID(ctx, []int64{m.LocationID})
		if err != nil {
			return err
		}
		if l, ok := locs[m.LocationID]; ok {
			p.Location = &Link{Label: locationText(l), URL: ratsinfo.WebPath(ratsinfo.KindLocation, l.ID)}
		}
	}
	for _, f := range []struct {
		id    int64
		label string
	}{{m.InvitationFileID, "Einladung"}, {m.ResultsProtocolFileID, "Ergebnisniederschrift"}, {m.VerbatimProtocolFileID, "Wortprotokoll"}} {
		if file, ok := files[f.id]; ok {
			p.Files = append(p.Files, s.fileRowOf(file, p.T(f.label)))
		}
	}
	for _, fid := range m.AuxiliaryFileIDs {
		if file, ok := files[fid]; ok {
			p.Files = append(p.Files, s.fileRowOf(file, p.T("Anlage")))
		}
	}
	for _, it := range items {
		if it.Deleted {
			continue
		}
		p.LastModified = latest(p.LastModified, it.Modified)
		p.Items = append(p.Items, s.agendaRowOf(p, it, papersOfItem[it.ID], papers, files))
	}
	p.TOC = len(p.Items) > tocMinItems
	for _, pp := range papers {
		p.LastModified = latest(p.LastModified, pp.Modified)
	}
	p.Feeds = []Link{{Label: p.T("Diese Sitzung als Kalendereintrag (ICS)"), URL: p.ICS, Type: "text/calendar"}}
	return s.render(w, r, http.StatusOK, "meeting_show", p)
}

// agendaRowOf builds one agenda row. For a non-public item only the number is
// copied, so nothing the store might have returned beyond it can reach the page.
func (s *Server) agendaRowOf(p *meetingShowPage, it *ratsinfo.AgendaItem, paperIDs []int64,
	papers map[int64]*ratsinfo.Paper, files map[int64]*ratsinfo.File) agendaRow {
	row := agendaRow{Anchor: "top-" + strconv.FormatInt(it.ID, 10), Number: it.Number}
	if !it.Public {
		return row
	}
	row.Public = true
	row.Name = it.Name
	row.Result = it.Result
	row.Resolution = paragraphs(it.ResolutionText)
	for _, pid := range paperIDs {
		if pp, ok := papers[pid]; ok {
			row.Papers = append(row.Papers, paperRowOf(pp))
		}
	}
	if f, ok := files[it.ResolutionFileID]; ok {
		row.Files = append(row.Files, s.fileRowOf(f, p.T("Beschluss")))
	}
	for _, fid := range it.AuxiliaryFileIDs {
		if f, ok := files[fid]; ok {
			row.Files = append(row.Files, s.fileRowOf(f, p.T("Anlage")))
		}
	}
	return row
}
