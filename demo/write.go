package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// writeMeeting writes the meeting, its invitation and minutes, and its agenda items
// with their consultations, and moves each paper on to its next step.
func (b *builder) writeMeeting(ctx context.Context, pm *plannedMeeting, items []agendaItem) error {
	held := pm.state() == ratsinfo.MeetingHeld && !pm.cancelled
	m := &ratsinfo.Meeting{
		BodyID: b.bodyID, Name: pm.name, MeetingState: pm.state(), Cancelled: pm.cancelled,
		Start: pm.start, LocationID: pm.location, OrganizationIDs: []int64{pm.org.id},
	}
	if held { // only a meeting that took place has an end
		m.End = pm.start.Add(time.Duration(90+b.rng.IntN(120)) * time.Minute)
	}
	if pm.cancelled {
		m.MeetingState = ratsinfo.MeetingInvited
	}
	var err error
	if items != nil {
		if m.InvitationFileID, err = b.meetingFile(ctx, pm, items, false); err != nil {
			return err
		}
	}
	if held {
		m.ParticipantIDs = pm.org.members[b.termIndex(pm.start)]
		if m.ResultsProtocolFileID, err = b.meetingFile(ctx, pm, items, true); err != nil {
			return err
		}
	}
	if err := b.create(ctx, m.Validate, func() error { return b.s.CreateMeeting(ctx, m) }); err != nil {
		return fmt.Errorf("meeting %s: %w", pm.name, err)
	}
	b.meetings++
	for i := range items {
		if err := b.writeItem(ctx, pm, m.ID, i, &items[i]); err != nil {
			return fmt.Errorf("meeting %s, TOP %s: %w", pm.name, items[i].number, err)
		}
	}
	if held {
		b.lastHeld[pm.org] = pm.start
	}
	return nil
}

func (b *builder) writeItem(ctx context.Context, pm *plannedMeeting, meetingID int64, pos int, it *agendaItem) error {
	a := &ratsinfo.AgendaItem{MeetingID: meetingID, Position: pos, Number: it.number, Name: it.name,
		Public: it.public, Result: it.result, ResolutionText: it.resolution}
	ps := it.paper
	if ps == nil {
		return b.create(ctx, a.Validate, func() error { return b.s.CreateAgendaItem(ctx, a) })
	}
	st := ps.route[ps.next]
	c := &ratsinfo.Consultation{PaperID: ps.id, MeetingID: meetingID, Position: ps.position,
		OrganizationIDs: []int64{pm.org.id}, Authoritative: st.authoritative, Role: st.role}
	if err := b.create(ctx, c.Validate, func() error { return b.s.CreateConsultation(ctx, c) }); err != nil {
		return err
	}
	ps.position++
	a.ConsultationID = c.ID
	if err := b.create(ctx, a.Validate, func() error { return b.s.CreateAgendaItem(ctx, a) }); err != nil {
		return err
	}
	// The consultation and the item point at each other; one of them has to be
	// written twice, and the consultation is the smaller row.
	c.AgendaItemID = a.ID
	b.writes++
	if err := b.s.UpdateConsultation(ctx, c); err != nil {
		return fmt.Errorf("link consultation %d: %w", c.ID, err)
	}
	b.seed.itemWritten(ps.id, meetingID, a.ID)
	b.advance(pm, ps, it.result)
	return nil
}

// advance moves a paper after a meeting treated it: on to the next organization of
// its route, back into the queue when the meeting adjourned it or was cancelled, or
// out of the flow when it was rejected or has reached its last step.
func (b *builder) advance(pm *plannedMeeting, ps *paperState, result string) {
	switch {
	case pm.cancelled || result == "vertagt":
		ps.ready = pm.start.AddDate(0, 0, 1)
		b.pending[pm.org] = append(b.pending[pm.org], ps)
		return
	case result == "abgelehnt":
		return
	}
	ps.next++
	if ps.next < len(ps.route) {
		ps.ready = pm.start.AddDate(0, 0, 7)
		o := ps.route[ps.next].org
		b.pending[o] = append(b.pending[o], ps)
	}
}

// finish writes what has no meeting: the planned consultations of papers still under
// way (a Beratungsfolge names future committees before their dates are known), the
// drafts, and one withdrawn paper.
func (b *builder) finish(ctx context.Context) error {
	orgs := append([]*org{b.council, b.mainCom}, b.special...)
	for _, o := range orgs {
		for _, ps := range b.pending[o] {
			for _, st := range ps.route[ps.next:] {
				c := &ratsinfo.Consultation{PaperID: ps.id, Position: ps.position,
					OrganizationIDs: []int64{st.org.id}, Authoritative: st.authoritative, Role: st.role}
				if err := b.create(ctx, c.Validate, func() error { return b.s.CreateConsultation(ctx, c) }); err != nil {
					return err
				}
				ps.position++
			}
		}
		b.pending[o] = nil
	}
	if b.extraPapers() == 0 {
		return nil
	}
	if err := b.writeDrafts(ctx); err != nil {
		return err
	}
	return b.depublish(ctx)
}
