package demo

import (
	"context"
	"fmt"

	"github.com/ratsinfo/ratsinfo"
)

// writeDrafts writes the papers that the public must not see: three draft proposals
// of the administration, and an inquiry whose answer is written but not yet signed
// off. The inquiry does not point to its answer yet; that link appears with the
// sign-off, so that the draft cannot be discovered through it.
func (b *builder) writeDrafts(ctx context.Context) error {
	date := b.today.AddDate(0, 0, -3)
	for range 3 {
		tp := pick(b.rng, mainTopics)
		p := &ratsinfo.Paper{BodyID: b.bodyID, PaperType: ratsinfo.PaperTypeResolution,
			Name:                b.title(b.fill(tp.subject, date).text+" – "+b.fill(pick(b.rng, tp.actions), date).text+" (Entwurf)", date),
			Reference:           b.reference(ratsinfo.PaperTypeResolution, date),
			Date:                ratsinfo.DateOf(date),
			UnderDirectionOfIDs: []int64{b.mainCom.unit.id}}
		route := []step{{org: b.mainCom, role: ratsinfo.RolePreliminary}, {org: b.council, role: ratsinfo.RoleDecision, authoritative: true}}
		if err := b.writePaper(ctx, p, b.paperText(p, route, b.mainCom.unit), 0); err != nil {
			return err
		}
		b.drafts++
	}
	asked := b.today.AddDate(0, 0, -20)
	faction := b.factions[2%len(b.factions)]
	subject := b.fill(pick(b.rng, climateTopics).subject, asked).text
	asker := "der " + faction.name
	q := &ratsinfo.Paper{BodyID: b.bodyID, PaperType: ratsinfo.PaperTypeInquiry, Published: true,
		Name: b.title(fmt.Sprintf("Anfrage %s zum Thema %s", asker, subject), asked), Date: ratsinfo.DateOf(asked),
		Reference:                 b.reference(ratsinfo.PaperTypeInquiry, asked),
		OriginatorOrganizationIDs: []int64{faction.id}, UnderDirectionOfIDs: []int64{b.special[0].unit.id}}
	questions := []int{0, 1, 2}
	if err := b.writePaper(ctx, q, b.inquiryText(q, questions, false), 0); err != nil {
		return err
	}
	a := &ratsinfo.Paper{BodyID: b.bodyID, PaperType: ratsinfo.PaperTypeAnswer, Reference: q.Reference + "/1",
		Name:            b.title(fmt.Sprintf("Beantwortung der Anfrage %s zum Thema %s vom %s", asker, subject, longDate(asked)), b.today),
		RelatedPaperIDs: []int64{q.ID}, UnderDirectionOfIDs: []int64{b.special[0].unit.id}}
	if err := b.writePaper(ctx, a, b.inquiryText(a, questions, true), 0); err != nil {
		return err
	}
	b.drafts++
	return nil
}

// depublish writes a paper and withdraws it again, as the council office does when a
// published file turns out to contain personal data: the paper stays in the record
// and becomes a tombstone for the public.
func (b *builder) depublish(ctx context.Context) error {
	date := b.today.AddDate(0, -2, 0)
	p := &ratsinfo.Paper{BodyID: b.bodyID, PaperType: ratsinfo.PaperTypeInformation, Published: true,
		Name:                b.title("Ergebnisse der Anwohnerbefragung zur Parkraumbewirtschaftung in "+pick(b.rng, districts), date),
		Reference:           b.reference(ratsinfo.PaperTypeInformation, date),
		Date:                ratsinfo.DateOf(date),
		UnderDirectionOfIDs: []int64{b.special[0].unit.id}}
	route := []step{{org: b.special[0], role: ratsinfo.RoleAcknowledge}}
	if err := b.writePaper(ctx, p, b.paperText(p, route, b.special[0].unit), 1); err != nil {
		return err
	}
	p.Published = false
	b.writes++
	if err := b.s.UpdatePaper(ctx, p); err != nil {
		return fmt.Errorf("depublish paper %s: %w", p.Reference, err)
	}
	b.withdrawn++
	return nil
}
