package sqldb

import (
	"context"

	"github.com/ratsinfo/ratsinfo"
)

var paperOps = &kindOps[*ratsinfo.Paper]{
	tb: tPaper,
	scan: func(sc func(...any) error) (*ratsinfo.Paper, *ratsinfo.Meta, error) {
		p := &ratsinfo.Paper{}
		var ever bool
		err := sc(metaDest(&p.Meta, &p.BodyID, nstr{&p.Name}, nstr{&p.Reference}, ndate{&p.Date}, nstr{&p.PaperType},
			nint{&p.MainFileID}, nbool{&p.Published}, nbool{&ever})...)
		return p, &p.Meta, err
	},
	tomb: func(m ratsinfo.Meta) *ratsinfo.Paper { return &ratsinfo.Paper{Meta: m} },
	fill: fillPapers,
}

var paperLinks = []string{"auxiliaryFile", "location", "originatorPerson", "underDirectionOf", "originatorOrganization"}

// fillPapers loads every reference list of a page of papers in four queries. Links
// between papers only name papers the viewer may see.
func fillPapers(ctx context.Context, db *DB, q querier, v ratsinfo.Viewer, xs []*ratsinfo.Paper, _ bool) error {
	src := ids(xs, func(p *ratsinfo.Paper) int64 { return p.ID })
	l, err := db.loadLinks(ctx, q, ratsinfo.KindPaper, paperLinks[1:], src, "")
	if err != nil {
		return err
	}
	f, err := db.loadLinks(ctx, q, ratsinfo.KindPaper, paperLinks[:1], src, liveFileJoin)
	if err != nil {
		return err
	}
	pp, err := db.loadLinks(ctx, q, ratsinfo.KindPaper, []string{"relatedPaper", "superordinatedPaper"}, src, publicPaperJoin(v, "l.dst"))
	if err != nil {
		return err
	}
	c := &cond{}
	c.add("l.kind = 'Paper.superordinatedPaper'")
	db.in(c, "l.dst", src)
	sub, err := loadPairs(ctx, q, "SELECT l.dst, l.src FROM link l "+publicPaperJoin(v, "l.src")+c.sql()+" ORDER BY l.dst, l.src", c.args...)
	if err != nil {
		return err
	}
	for _, p := range xs {
		p.AuxiliaryFileIDs = f.get("auxiliaryFile", p.ID)
		p.LocationIDs = l.get("location", p.ID)
		p.OriginatorPersonIDs = l.get("originatorPerson", p.ID)
		p.UnderDirectionOfIDs = l.get("underDirectionOf", p.ID)
		p.OriginatorOrganizationIDs = l.get("originatorOrganization", p.ID)
		p.RelatedPaperIDs = pp.get("relatedPaper", p.ID)
		p.SuperordinatedPaperIDs = pp.get("superordinatedPaper", p.ID)
		p.SubordinatedPaperIDs = sub[p.ID]
	}
	return nil
}

// FindPaperByID returns a paper. The public gets ENOTFOUND for a paper that was
// never published and a tombstone for one that was withdrawn.
func (db *DB) FindPaperByID(ctx context.Context, id int64) (*ratsinfo.Paper, error) {
	return paperOps.byID(ctx, db, id)
}

// FindPapers returns a page of papers, optionally of one type.
func (db *DB) FindPapers(ctx context.Context, f ratsinfo.PaperFilter) ([]*ratsinfo.Paper, error) {
	return paperOps.list(ctx, db, f.ListFilter, func(c *cond) {
		if f.PaperType != "" {
			c.add("t.paper_type = ?", f.PaperType)
		}
	}, "")
}

func paperSpec(p *ratsinfo.Paper) func(*txState) (*saveSpec, error) {
	return func(*txState) (*saveSpec, error) {
		return &saveSpec{
			body: p.BodyID,
			vals: []any{p.Name, str(p.Reference), date(p.Date), str(p.PaperType), ref(p.MainFileID), p.Published, p.Published},
			refs: []refCheck{
				{"relatedPaper", ratsinfo.KindPaper, p.RelatedPaperIDs},
				{"superordinatedPaper", ratsinfo.KindPaper, p.SuperordinatedPaperIDs},
				{"mainFile", ratsinfo.KindFile, one(p.MainFileID)},
				{"auxiliaryFile", ratsinfo.KindFile, p.AuxiliaryFileIDs},
				{"location", ratsinfo.KindLocation, p.LocationIDs},
				{"originatorPerson", ratsinfo.KindPerson, p.OriginatorPersonIDs},
				{"underDirectionOf", ratsinfo.KindOrganization, p.UnderDirectionOfIDs},
				{"originatorOrganization", ratsinfo.KindOrganization, p.OriginatorOrganizationIDs},
			},
			links: []linkList{
				{"relatedPaper", p.RelatedPaperIDs}, {"superordinatedPaper", p.SuperordinatedPaperIDs},
				{"auxiliaryFile", p.AuxiliaryFileIDs}, {"location", p.LocationIDs},
				{"originatorPerson", p.OriginatorPersonIDs}, {"underDirectionOf", p.UnderDirectionOfIDs},
				{"originatorOrganization", p.OriginatorOrganizationIDs},
			},
			attach: []attach{{ratsinfo.KindFile, append([]int64{p.MainFileID}, p.AuxiliaryFileIDs...)},
				{ratsinfo.KindLocation, p.LocationIDs}},
			public: p.Published,
		}, nil
	}
}

// CreatePaper creates a paper.
func (db *DB) CreatePaper(ctx context.Context, p *ratsinfo.Paper) error {
	p.SubordinatedPaperIDs = nil
	return db.saveObj(ctx, tPaper, true, &p.Meta, p.Validate, paperSpec(p))
}

// UpdatePaper replaces a paper. Setting Published=false on a published paper
// withdraws it: the public sees a tombstone from then on.
func (db *DB) UpdatePaper(ctx context.Context, p *ratsinfo.Paper) error {
	return db.saveObj(ctx, tPaper, false, &p.Meta, p.Validate, paperSpec(p))
}

// DeletePaper turns a paper into a tombstone.
func (db *DB) DeletePaper(ctx context.Context, id int64) error { return db.deleteObj(ctx, tPaper, id) }

var consultationOps = &kindOps[*ratsinfo.Consultation]{
	tb: tConsultation,
	scan: func(sc func(...any) error) (*ratsinfo.Consultation, *ratsinfo.Meta, error) {
		c := &ratsinfo.Consultation{}
		var body int64
		err := sc(metaDest(&c.Meta, &body, &c.PaperID, nint{&c.AgendaItemID}, nint{&c.MeetingID}, nposition{&c.Position},
			nbool{&c.Authoritative}, nstr{&c.Role})...)
		return c, &c.Meta, err
	},
	tomb: func(m ratsinfo.Meta) *ratsinfo.Consultation { return &ratsinfo.Consultation{Meta: m} },
	fill: func(ctx context.Context, db *DB, q querier, v ratsinfo.Viewer, xs []*ratsinfo.Consultation, _ bool) error {
		l, err := db.loadLinks(ctx, q, ratsinfo.KindConsultation, []string{"organization"},
			ids(xs, func(c *ratsinfo.Consultation) int64 { return c.ID }), "")
		for _, c := range xs {
			c.OrganizationIDs = l.get("organization", c.ID)
		}
		return err
	},
}

// FindConsultationByID returns a consultation, or its tombstone.
func (db *DB) FindConsultationByID(ctx context.Context, id int64) (*ratsinfo.Consultation, error) {
	return consultationOps.byID(ctx, db, id)
}

// FindConsultations returns consultations; with PaperIDs in Beratungsfolge order.
func (db *DB) FindConsultations(ctx context.Context, f ratsinfo.ConsultationFilter) ([]*ratsinfo.Consultation, error) {
	order := ""
	if f.PaperIDs != nil {
		order = "t.paper_id, t.position, t.id"
	}
	return consultationOps.list(ctx, db, f.ListFilter, func(c *cond) {
		db.in(c, "t.paper_id", f.PaperIDs)
		db.in(c, "t.meeting_id", f.MeetingIDs)
		db.in(c, "t.agenda_item_id", f.AgendaItemIDs)
	}, order)
}

func consultationSpec(ctx context.Context, c *ratsinfo.Consultation) func(*txState) (*saveSpec, error) {
	return func(t *txState) (*saveSpec, error) {
		body, err := t.parentBody(ctx, ratsinfo.KindConsultation, "paper", ratsinfo.KindPaper, c.PaperID)
		if err != nil {
			return nil, err
		}
		return &saveSpec{
			body: body, parent: c.PaperID,
			vals: []any{c.PaperID, ref(c.AgendaItemID), ref(c.MeetingID), c.Position, c.Authoritative, str(c.Role)},
			refs: []refCheck{
				{"agendaItem", ratsinfo.KindAgendaItem, one(c.AgendaItemID)},
				{"meeting", ratsinfo.KindMeeting, one(c.MeetingID)},
				{"organization", ratsinfo.KindOrganization, c.OrganizationIDs},
			},
			links: []linkList{{"organization", c.OrganizationIDs}},
		}, nil
	}
}

// CreateConsultation creates a consultation; its paper gets a new modified.
func (db *DB) CreateConsultation(ctx context.Context, c *ratsinfo.Consultation) error {
	return db.saveObj(ctx, tConsultation, true, &c.Meta, c.Validate, consultationSpec(ctx, c))
}

// UpdateConsultation replaces a consultation.
func (db *DB) UpdateConsultation(ctx context.Context, c *ratsinfo.Consultation) error {
	return db.saveObj(ctx, tConsultation, false, &c.Meta, c.Validate, consultationSpec(ctx, c))
}

// DeleteConsultation turns a consultation into a tombstone.
func (db *DB) DeleteConsultation(ctx context.Context, id int64) error {
	return db.deleteObj(ctx, tConsultation, id)
}
