package mirror

import (
	"context"

	"github.com/ratsinfo/ratsinfo"
)

func (c *conv) meeting(ctx context.Context, ref ratsinfo.SourceRef, found bool) (int64, error) {
	v := c.v
	m := &ratsinfo.Meeting{Meta: v.meta(c.embedded()), BodyID: c.im.body, Name: v.str("name"),
		MeetingState: v.str("meetingState"), Cancelled: v.boolean("cancelled", false),
		Start: v.when("start"), End: v.when("end")}
	var err error
	steps := []struct {
		dst *int64
		key string
		k   ratsinfo.Kind
	}{
		{&m.LocationID, "location", ratsinfo.KindLocation},
		{&m.InvitationFileID, "invitation", ratsinfo.KindFile},
		{&m.ResultsProtocolFileID, "resultsProtocol", ratsinfo.KindFile},
		{&m.VerbatimProtocolFileID, "verbatimProtocol", ratsinfo.KindFile},
	}
	for _, s := range steps {
		if *s.dst, err = c.embeddedObj(ctx, s.key, s.k); err != nil {
			return 0, err
		}
	}
	if m.AuxiliaryFileIDs, err = c.children(ctx, "auxiliaryFile", ratsinfo.KindFile); err != nil {
		return 0, err
	}
	if m.OrganizationIDs, err = c.refs(ctx, v.links("organization"), ratsinfo.KindOrganization); err != nil {
		return 0, err
	}
	if m.ParticipantIDs, err = c.refs(ctx, v.links("participant"), ratsinfo.KindPerson); err != nil {
		return 0, err
	}
	id, err := c.save(ctx, ref, found, m)
	if err != nil || id == 0 {
		return id, err
	}
	items, _ := v.children("agendaItem")
	par := &parent{ratsinfo.KindMeeting, id, v.url}
	for i, a := range items {
		if _, err := c.im.importObject(ctx, importReq{obj: a, want: ratsinfo.KindAgendaItem, par: par, index: i}); err != nil {
			return id, err
		}
	}
	return id, nil
}

func (c *conv) agendaItem(ctx context.Context, ref ratsinfo.SourceRef, found bool) (int64, error) {
	v := c.v
	a := &ratsinfo.AgendaItem{Meta: v.meta(c.embedded()), Number: v.str("number"), Name: v.str("name"),
		Public: v.boolean("public", true), Result: v.str("result"), ResolutionText: v.str("resolutionText"),
		Start: v.when("start"), End: v.when("end")}
	// order is the 0-based place in Meeting.agendaItem; some vendors count from
	// 1 or 100001, so the place in the parent's array wins when there is one.
	order, hasOrder := v.integer("order")
	switch {
	case c.index >= 0:
		a.Position = c.index
		if hasOrder && order != int64(c.index) {
			c.im.rep.repair("agenda-item-order", 1)
		}
	case hasOrder && order >= 0:
		a.Position = int(order)
	}
	var err error
	if a.MeetingID, err = c.parentRef(ctx, "meeting", ratsinfo.KindMeeting); err != nil {
		return 0, err
	}
	if c.index < 0 && found && ref.ID != 0 {
		// A standalone copy keeps the place the meeting gave it.
		if old, err := c.im.store.FindAgendaItemByID(ctx, ref.ID); err == nil {
			a.Position = old.Position
			c.stored = old
		}
	}
	if a.ResolutionFileID, err = c.embeddedObj(ctx, "resolutionFile", ratsinfo.KindFile); err != nil {
		return 0, err
	}
	if a.AuxiliaryFileIDs, err = c.children(ctx, "auxiliaryFile", ratsinfo.KindFile); err != nil {
		return 0, err
	}
	if a.ConsultationID, err = c.ref(ctx, v.link("consultation"), ratsinfo.KindConsultation); err != nil {
		return 0, err
	}
	if c.pendingRequired(a.MeetingID) {
		return 0, nil
	}
	return c.save(ctx, ref, found, a)
}

func (c *conv) paper(ctx context.Context, ref ratsinfo.SourceRef, found bool) (int64, error) {
	v := c.v
	p := &ratsinfo.Paper{Meta: v.meta(c.embedded()), BodyID: c.im.body, Name: v.str("name"),
		Reference: v.str("reference"), Date: v.date("date"), PaperType: v.str("paperType"),
		// Everything an open API lists is published.
		Published: true}
	var err error
	if p.MainFileID, err = c.embeddedObj(ctx, "mainFile", ratsinfo.KindFile); err != nil {
		return 0, err
	}
	if p.AuxiliaryFileIDs, err = c.children(ctx, "auxiliaryFile", ratsinfo.KindFile); err != nil {
		return 0, err
	}
	if p.LocationIDs, err = c.children(ctx, "location", ratsinfo.KindLocation); err != nil {
		return 0, err
	}
	lists := []struct {
		dst *[]int64
		key string
		k   ratsinfo.Kind
	}{
		{&p.RelatedPaperIDs, "relatedPaper", ratsinfo.KindPaper},
		{&p.SuperordinatedPaperIDs, "superordinatedPaper", ratsinfo.KindPaper},
		{&p.OriginatorPersonIDs, "originatorPerson", ratsinfo.KindPerson},
		{&p.UnderDirectionOfIDs, "underDirectionOf", ratsinfo.KindOrganization},
		{&p.OriginatorOrganizationIDs, "originatorOrganization", ratsinfo.KindOrganization},
	}
	for _, l := range lists {
		if *l.dst, err = c.refs(ctx, v.links(l.key), l.k); err != nil {
			return 0, err
		}
	}
	id, err := c.save(ctx, ref, found, p)
	if err != nil || id == 0 {
		return id, err
	}
	cons, _ := v.children("consultation")
	par := &parent{ratsinfo.KindPaper, id, v.url}
	for i, o := range cons {
		if _, err := c.im.importObject(ctx, importReq{obj: o, want: ratsinfo.KindConsultation, par: par, index: i}); err != nil {
			return id, err
		}
	}
	return id, nil
}

func (c *conv) consultation(ctx context.Context, ref ratsinfo.SourceRef, found bool) (int64, error) {
	v := c.v
	k := &ratsinfo.Consultation{Meta: v.meta(c.embedded()), Authoritative: v.boolean("authoritative", false), Role: v.str("role")}
	if c.index >= 0 {
		k.Position = c.index
	}
	var err error
	if k.PaperID, err = c.parentRef(ctx, "paper", ratsinfo.KindPaper); err != nil {
		return 0, err
	}
	if c.index < 0 && found && ref.ID != 0 {
		if old, err := c.im.store.FindConsultationByID(ctx, ref.ID); err == nil {
			k.Position = old.Position
		}
	}
	if k.AgendaItemID, err = c.ref(ctx, v.link("agendaItem"), ratsinfo.KindAgendaItem); err != nil {
		return 0, err
	}
	if k.MeetingID, err = c.ref(ctx, v.link("meeting"), ratsinfo.KindMeeting); err != nil {
		return 0, err
	}
	if k.OrganizationIDs, err = c.refs(ctx, v.links("organization"), ratsinfo.KindOrganization); err != nil {
		return 0, err
	}
	if c.pendingRequired(k.PaperID) {
		return 0, nil
	}
	return c.save(ctx, ref, found, k)
}
