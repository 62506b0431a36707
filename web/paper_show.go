package web

import (
	"net/http"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
)

// paperShowPage is a paper in the familiar layout: header data, Beratungsfolge,
// the inquiry or answer it belongs to, files and the full text.
type paperShowPage struct {
	Page
	Paper          paperRow
	Originators    []Link
	UnderDirection []Link
	Consultations  []consultationRow
	Answers        []paperRow // answers to this inquiry
	Inquiries      []paperRow // the inquiry this paper answers
	Related        []paperRow // other related, superordinated and subordinated papers
	MainFile       []fileRow
	Files          []fileRow
	// ManyFiles switches to one line per attachment and jump links at the top,
	// so a plan with 200 annexes neither buries the full text nor weighs 100 KB.
	ManyFiles bool
	Text      []string
}

// manyFilesFrom is the number of attachments from which they are listed compactly.
const manyFilesFrom = 20

// consultationRow is one row of the Beratungsfolge table.
type consultationRow struct {
	Anchor        string
	Committees    []Link
	Meeting       *meetingRow
	AgendaURL     string
	AgendaNumber  string
	Role          string
	Authoritative bool
	Result        string
}

func (s *Server) paperShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		return err
	}
	pp, err := s.store.FindPaperByID(ctx, id)
	if pp, err = findLive(pp, err, func(p *ratsinfo.Paper) bool { return p.Deleted }, ratsinfo.KindPaper, id); err != nil {
		return err
	}
	cons, err := s.store.FindConsultations(ctx, ratsinfo.ConsultationFilter{PaperIDs: []int64{id}})
	if err != nil {
		return err
	}
	inverse, _, err := s.store.FindPapersByDate(ctx, ratsinfo.PaperQuery{RelatedPaperID: id, Limit: 50})
	if err != nil {
		return err
	}
	var orgIDs, meetingIDs, itemIDs []int64
	orgIDs = append(append(orgIDs, pp.OriginatorOrganizationIDs...), pp.UnderDirectionOfIDs...)
	for _, c := range cons {
		orgIDs = append(orgIDs, c.OrganizationIDs...)
		meetingIDs = append(meetingIDs, c.MeetingID)
		itemIDs = append(itemIDs, c.AgendaItemID)
	}
	meetings, err := s.meetingsByID(ctx, meetingIDs)
	if err != nil {
		return err
	}
	for _, m := range meetings {
		orgIDs = append(orgIDs, m.OrganizationIDs...)
	}
	orgs, err := s.orgsByID(ctx, orgIDs)
	if err != nil {
		return err
	}
	persons, err := s.personsByID(ctx, pp.OriginatorPersonIDs)
	if err != nil {
		return err
	}
	items, err := s.agendaItemsByID(ctx, itemIDs)
	if err != nil {
		return err
	}
	related := append(append(append([]int64{}, pp.RelatedPaperIDs...), pp.SuperordinatedPaperIDs...), pp.SubordinatedPaperIDs...)
	relPapers, err := s.papersByID(ctx, related)
	if err != nil {
		return err
	}
	files, err := s.filesByID(ctx, append([]int64{pp.MainFileID}, pp.AuxiliaryFileIDs...))
	if err != nil {
		return err
	}

	p := &paperShowPage{Page: s.newPage(r, pp.Name, "vorlagen"), Paper: paperRowOf(pp)}
	p.Crumbs = []Link{{Label: p.T("Vorlagen"), URL: "/vorlagen"}}
	p.Originators = append(personLinks(pp.OriginatorPersonIDs, persons), orgLinks(pp.OriginatorOrganizationIDs, orgs)...)
	p.UnderDirection = orgLinks(pp.UnderDirectionOfIDs, orgs)
	p.LastModified = pp.Modified
	for _, c := range cons {
		if c.Deleted {
			continue
		}
		p.LastModified = latest(p.LastModified, c.Modified)
		p.Consultations = append(p.Consultations, consultationRowOf(c, meetings, orgs, items))
	}
	seen := map[int64]bool{id: true}
	addRelated := func(x *ratsinfo.Paper) {
		if seen[x.ID] {
			return
		}
		seen[x.ID] = true
		p.LastModified = latest(p.LastModified, x.Modified)
		switch {
		case pp.PaperType == ratsinfo.PaperTypeInquiry && x.PaperType == ratsinfo.PaperTypeAnswer:
			p.Answers = append(p.Answers, paperRowOf(x))
		case pp.PaperType == ratsinfo.PaperTypeAnswer && x.PaperType == ratsinfo.PaperTypeInquiry:
			p.Inquiries = append(p.Inquiries, paperRowOf(x))
		default:
			p.Related = append(p.Related, paperRowOf(x))
		}
	}
	for _, rid := range related {
		if x, ok := relPapers[rid]; ok {
			addRelated(x)
		}
	}
	for _, x := range inverse {
		if !x.Deleted {
			addRelated(x)
		}
	}
	if f, ok := files[pp.MainFileID]; ok {
		p.MainFile = []fileRow{s.fileRowOf(f, "")}
		p.Text = paragraphs(f.Text)
	}
	for _, fid := range pp.AuxiliaryFileIDs {
		if f, ok := files[fid]; ok {
			p.Files = append(p.Files, s.fileRowOf(f, ""))
		}
	}
	p.ManyFiles = len(p.Files) >= manyFilesFrom
	return s.render(w, r, http.StatusOK, "paper_show", p)
}

// consultationRowOf builds a Beratungsfolge row. The result comes from the agenda
// item, and only from a public one: the store already blanks non-public items, and
// this check keeps it so should that ever change.
func consultationRowOf(c *ratsinfo.Consultation, meetings map[int64]*ratsinfo.Meeting,
	orgs map[int64]*ratsinfo.Organization, items map[int64]*ratsinfo.AgendaItem) consultationRow {
	row := consultationRow{Anchor: "beratung-" + strconv.FormatInt(c.ID, 10), Role: c.Role,
		Authoritative: c.Authoritative, Committees: orgLinks(c.OrganizationIDs, orgs)}
	if m, ok := meetings[c.MeetingID]; ok {
		mr := meetingRowOf(m, orgs)
		row.Meeting = &mr
		if len(row.Committees) == 0 {
			row.Committees = mr.Orgs
		}
	}
	if it, ok := items[c.AgendaItemID]; ok {
		row.AgendaURL = ratsinfo.WebPath(ratsinfo.KindMeeting, it.MeetingID) + "#top-" + strconv.FormatInt(it.ID, 10)
		row.AgendaNumber = it.Number
		if it.Public {
			row.Result = it.Result
		}
	}
	return row
}
