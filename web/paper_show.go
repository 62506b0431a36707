package web

import (
	"context"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/ratsinfo/ratsinfo"
	"golang.org/x/sync/errgroup"
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
	// FileTexts are the texts of the attachments, folded: a word that stands
	// only in an attachment is on the page, without burying the paper.
	FileTexts []fileText
}

// fileText is one attachment's text on the paper page.
type fileText struct {
	Name string
	Text []string
	Cut  bool // shortened to fileTextMax; the file holds the rest
}

// fileTextMax is how much of one attachment's text the paper page carries.
const fileTextMax = 20_000

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
	id, err := pathID(r)
	if err != nil {
		return err
	}
	d, err := s.loadPaper(r.Context(), id)
	if err != nil {
		return err
	}
	p := &paperShowPage{Page: s.newPage(r, d.paper.Name, "vorlagen"), Paper: paperRowOf(d.paper)}
	s.assemblePaper(p, d)
	return s.render(w, r, http.StatusOK, "paper_show", p)
}

// paperData is everything a paper page shows, as the store returned it.
type paperData struct {
	paper    *ratsinfo.Paper
	cons     []*ratsinfo.Consultation
	inverse  []*ratsinfo.Paper // papers that name this one as related
	related  []int64           // related, superordinated and subordinated, in that order
	papers   map[int64]*ratsinfo.Paper
	meetings map[int64]*ratsinfo.Meeting
	items    map[int64]*ratsinfo.AgendaItem
	orgs     map[int64]*ratsinfo.Organization
	persons  map[int64]*ratsinfo.Person
	files    map[int64]*ratsinfo.File
}

// loadPaper reads a paper page's data in parallel batch loads: the paper, its
// Beratungsfolge and the papers naming it; then the meetings, agenda items,
// organizations, persons, papers and files they refer to, one query per kind.
func (s *Server) loadPaper(ctx context.Context, id int64) (*paperData, error) {
	d := &paperData{}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		d.paper, err = loadLive(gctx, s.store.FindPaperByID, ratsinfo.KindPaper, id)
		return err
	})
	g.Go(func() (err error) {
		d.cons, err = s.store.FindConsultations(gctx, ratsinfo.ConsultationFilter{PaperIDs: []int64{id}})
		return err
	})
	g.Go(func() (err error) {
		d.inverse, _, err = s.store.FindPapersByDate(gctx, ratsinfo.PaperQuery{RelatedPaperID: id, Limit: 50})
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	pp := d.paper
	var meetingIDs, itemIDs []int64
	orgIDs := append(append([]int64{}, pp.OriginatorOrganizationIDs...), pp.UnderDirectionOfIDs...)
	for _, c := range d.cons {
		orgIDs = append(orgIDs, c.OrganizationIDs...)
		meetingIDs = append(meetingIDs, c.MeetingID)
		itemIDs = append(itemIDs, c.AgendaItemID)
	}
	d.related = append(append(append([]int64{}, pp.RelatedPaperIDs...), pp.SuperordinatedPaperIDs...), pp.SubordinatedPaperIDs...)
	g, gctx = errgroup.WithContext(ctx)
	g.Go(func() (err error) { d.meetings, err = s.meetingsByID(gctx, meetingIDs); return err })
	g.Go(func() (err error) { d.orgs, err = s.orgsByID(gctx, orgIDs); return err })
	g.Go(func() (err error) { d.persons, err = s.personsByID(gctx, pp.OriginatorPersonIDs); return err })
	g.Go(func() (err error) { d.items, err = s.agendaItemsByID(gctx, itemIDs); return err })
	g.Go(func() (err error) { d.papers, err = s.papersByID(gctx, d.related); return err })
	g.Go(func() (err error) {
		d.files, err = s.filesByID(gctx, append([]int64{pp.MainFileID}, pp.AuxiliaryFileIDs...))
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return d, s.loadMeetingOrgs(ctx, d, orgIDs)
}

// loadMeetingOrgs adds the organizations of the consulting meetings that the
// consultations did not name already; usually none, so no third round trip.
func (s *Server) loadMeetingOrgs(ctx context.Context, d *paperData, asked []int64) error {
	seen := make(map[int64]bool, len(asked))
	for _, id := range asked {
		seen[id] = true
	}
	var more []int64
	for _, m := range d.meetings {
		for _, id := range m.OrganizationIDs {
			if !seen[id] {
				seen[id] = true
				more = append(more, id)
			}
		}
	}
	orgs, err := s.orgsByID(ctx, more)
	for id, o := range orgs {
		d.orgs[id] = o
	}
	return err
}

// assemblePaper fills the page from the loaded data; it reads nothing more.
func (s *Server) assemblePaper(p *paperShowPage, d *paperData) {
	pp := d.paper
	p.Crumbs = []Link{{Label: p.T("Vorlagen"), URL: ratsinfo.WebListPath(ratsinfo.KindPaper)}}
	p.Originators = append(personLinks(pp.OriginatorPersonIDs, d.persons), orgLinks(pp.OriginatorOrganizationIDs, d.orgs)...)
	p.UnderDirection = orgLinks(pp.UnderDirectionOfIDs, d.orgs)
	p.LastModified = pp.Modified
	for _, c := range d.cons {
		if c.Deleted {
			continue
		}
		p.LastModified = latest(p.LastModified, c.Modified)
		p.Consultations = append(p.Consultations, consultationRowOf(c, d.meetings, d.orgs, d.items))
	}
	assembleRelated(p, d)
	if f, ok := d.files[pp.MainFileID]; ok {
		p.MainFile = []fileRow{s.fileRowOf(f, "")}
		p.Text = paragraphs(f.Text)
	}
	for _, fid := range pp.AuxiliaryFileIDs {
		if f, ok := d.files[fid]; ok {
			p.Files = append(p.Files, s.fileRowOf(f, ""))
			if f.Text != "" {
				t := fileText{Name: p.Files[len(p.Files)-1].Name, Cut: len(f.Text) > fileTextMax}
				t.Text = paragraphs(clipText(f.Text, fileTextMax))
				p.FileTexts = append(p.FileTexts, t)
			}
		}
	}
	p.ManyFiles = len(p.Files) >= manyFilesFrom
	if p.ManyFiles {
		// A plan with 200 annexes would weigh megabytes; their texts stay in OParl File.text.
		p.FileTexts = nil
	}
}

// assembleRelated sorts the papers around this one: the answers of an inquiry,
// the inquiry an answer replies to, and every other relation, each paper once.
func assembleRelated(p *paperShowPage, d *paperData) {
	pp := d.paper
	seen := map[int64]bool{pp.ID: true}
	add := func(x *ratsinfo.Paper) {
		if seen[x.ID] {
			return
		}
		seen[x.ID] = true
		p.LastModified = latest(p.LastModified, x.Modified)
		switch {
		case ratsinfo.IsInquiryPaperType(pp.PaperType) && x.PaperType == ratsinfo.PaperTypeAnswer:
			p.Answers = append(p.Answers, paperRowOf(x))
		case pp.PaperType == ratsinfo.PaperTypeAnswer && ratsinfo.IsInquiryPaperType(x.PaperType):
			p.Inquiries = append(p.Inquiries, paperRowOf(x))
		default:
			p.Related = append(p.Related, paperRowOf(x))
		}
	}
	for _, rid := range d.related {
		if x, ok := d.papers[rid]; ok {
			add(x)
		}
	}
	for _, x := range d.inverse {
		if !x.Deleted {
			add(x)
		}
	}
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

// clipText cuts s to at most n bytes at a rune boundary.
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
