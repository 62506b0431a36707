package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/ratsinfo/ratsinfo"
	"golang.org/x/sync/errgroup"
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
	// Event is the meeting as schema.org Event (JSON-LD), so that search
	// engines can show its date and place.
	Event eventLD
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
	d, err := s.loadMeeting(r.Context(), id)
	if err != nil {
		return err
	}
	row := meetingRowOf(d.meeting, d.orgs)
	p := &meetingShowPage{Page: s.newPage(r, row.Name, "sitzungen"), Meeting: row}
	s.assembleMeeting(p, d)
	return s.render(w, r, http.StatusOK, "meeting_show", p)
}

// meetingData is everything a meeting page shows, as the store returned it.
type meetingData struct {
	meeting  *ratsinfo.Meeting
	items    []*ratsinfo.AgendaItem
	cons     []*ratsinfo.Consultation
	orgs     map[int64]*ratsinfo.Organization
	papers   map[int64]*ratsinfo.Paper
	files    map[int64]*ratsinfo.File
	location *ratsinfo.Location
}

// loadMeeting reads a meeting page's data in two rounds of parallel batch loads:
// the meeting, its agenda and its consultations; then what they refer to.
// Whatever a 400-item agenda names costs four queries, not four hundred.
func (s *Server) loadMeeting(ctx context.Context, id int64) (*meetingData, error) {
	d := &meetingData{}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		d.meeting, err = loadLive(gctx, s.store.FindMeetingByID, ratsinfo.KindMeeting, id)
		return err
	})
	g.Go(func() (err error) {
		d.items, err = s.store.FindAgendaItems(gctx, ratsinfo.AgendaItemFilter{MeetingIDs: []int64{id}})
		return err
	})
	g.Go(func() (err error) {
		d.cons, err = s.store.FindConsultations(gctx, ratsinfo.ConsultationFilter{MeetingIDs: []int64{id}})
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	m := d.meeting
	var paperIDs []int64
	for _, c := range d.cons {
		if !c.Deleted && c.AgendaItemID != 0 {
			paperIDs = append(paperIDs, c.PaperID)
		}
	}
	fileIDs := append([]int64{m.InvitationFileID, m.ResultsProtocolFileID, m.VerbatimProtocolFileID}, m.AuxiliaryFileIDs...)
	for _, it := range d.items {
		if it.Public && !it.Deleted {
			fileIDs = append(append(fileIDs, it.ResolutionFileID), it.AuxiliaryFileIDs...)
		}
	}
	g, gctx = errgroup.WithContext(ctx)
	g.Go(func() (err error) { d.orgs, err = s.orgsByID(gctx, m.OrganizationIDs); return err })
	g.Go(func() (err error) { d.papers, err = s.papersByID(gctx, paperIDs); return err })
	g.Go(func() (err error) { d.files, err = s.filesByID(gctx, fileIDs); return err })
	if m.LocationID != 0 {
		g.Go(func() (err error) { d.location, err = s.locationOf(gctx, m.LocationID); return err })
	}
	return d, g.Wait()
}

// assembleMeeting fills the page from the loaded data; it reads nothing more.
func (s *Server) assembleMeeting(p *meetingShowPage, d *meetingData) {
	m := d.meeting
	p.Crumbs = []Link{{Label: p.T("Sitzungen"), URL: ratsinfo.WebListPath(ratsinfo.KindMeeting)}}
	if !m.End.IsZero() {
		p.End = p.Clock(m.End)
	}
	p.ICS = ratsinfo.WebPath(ratsinfo.KindMeeting, m.ID) + ".ics"
	p.LastModified = m.Modified
	if l := d.location; l != nil {
		p.Location = &Link{Label: locationText(l), URL: ratsinfo.WebPath(ratsinfo.KindLocation, l.ID)}
	}
	for _, f := range []struct {
		id    int64
		label string
	}{{m.InvitationFileID, "Einladung"}, {m.ResultsProtocolFileID, "Ergebnisniederschrift"}, {m.VerbatimProtocolFileID, "Wortprotokoll"}} {
		if file, ok := d.files[f.id]; ok {
			p.Files = append(p.Files, s.fileRowOf(file, p.T(f.label)))
		}
	}
	for _, fid := range m.AuxiliaryFileIDs {
		if file, ok := d.files[fid]; ok {
			p.Files = append(p.Files, s.fileRowOf(file, p.T("Anlage")))
		}
	}
	papersOfItem := map[int64][]int64{}
	for _, c := range d.cons {
		if !c.Deleted && c.AgendaItemID != 0 {
			papersOfItem[c.AgendaItemID] = append(papersOfItem[c.AgendaItemID], c.PaperID)
		}
	}
	for _, it := range d.items {
		if it.Deleted {
			continue
		}
		p.LastModified = latest(p.LastModified, it.Modified)
		p.Items = append(p.Items, s.agendaRowOf(p, it, papersOfItem[it.ID], d.papers, d.files))
	}
	p.TOC = len(p.Items) > tocMinItems
	p.Event = s.eventOf(p, d)
	for _, pp := range d.papers {
		p.LastModified = latest(p.LastModified, pp.Modified)
	}
	p.Feeds = []Link{{Label: p.T("Diese Sitzung als Kalendereintrag (ICS)"), URL: p.ICS, Type: "text/calendar"}}
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
			pr := paperRowOf(pp)
			// The paper usually bears the item's title: say it once, name the paper by its number.
			if pr.Name == row.Name && pr.Reference != "" {
				pr.Name, pr.Reference = p.T("Vorlage")+" "+pr.Reference, ""
			}
			row.Papers = append(row.Papers, pr)
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
