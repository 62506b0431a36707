package oparl

import (
	"context"
	"fmt"

	"github.com/ratsinfo/ratsinfo"
)

// pageData is one converted list page.
type pageData struct {
	data []any
	last int64 // id of the last object, the cursor of the next page
	more bool
}

// buildPage trims the one extra object that f.Limit asked for, batch-loads what the
// page embeds, and converts it. embed may be nil for kinds that embed nothing.
func buildPage[T any](ctx context.Context, c *conv, items []*T, limit int, idOf func(*T) int64,
	embed func(context.Context, []*T) (*embeds, error), convert func(*T) any) (*pageData, error) {
	p := &pageData{more: len(items) > limit}
	if p.more {
		items = items[:limit]
	}
	if embed != nil && len(items) > 0 {
		e, err := embed(ctx, items)
		if err != nil {
			return nil, err
		}
		c.emb = e
	}
	p.data = make([]any, 0, len(items))
	for _, it := range items {
		p.data = append(p.data, convert(it))
	}
	if len(items) > 0 {
		p.last = idOf(items[len(items)-1])
	}
	return p, nil
}

// page fetches and converts one page of kind k. f.Limit is the page size plus one.
func (s *Server) page(ctx context.Context, c *conv, k ratsinfo.Kind, f ratsinfo.ListFilter, orgID int64) (*pageData, error) {
	n := f.Limit - 1
	omit := c.omitInternal
	switch k {
	case ratsinfo.KindBody:
		items, err := s.store.FindBodies(ctx, ratsinfo.BodyFilter{ListFilter: f})
		if err != nil {
			return nil, listErr(k, err)
		}
		return buildPage(ctx, c, items, n, func(b *ratsinfo.Body) int64 { return b.ID },
			func(ctx context.Context, b []*ratsinfo.Body) (*embeds, error) { return s.embedBodies(ctx, b, omit) }, c.body)
	case ratsinfo.KindLegislativeTerm:
		items, err := s.store.FindLegislativeTerms(ctx, ratsinfo.LegislativeTermFilter{ListFilter: f})
		if err != nil {
			return nil, listErr(k, err)
		}
		return buildPage(ctx, c, items, n, func(t *ratsinfo.LegislativeTerm) int64 { return t.ID }, nil, c.legislativeTerm)
	case ratsinfo.KindOrganization:
		items, err := s.store.FindOrganizations(ctx, ratsinfo.OrganizationFilter{ListFilter: f})
		if err != nil {
			return nil, listErr(k, err)
		}
		return buildPage(ctx, c, items, n, func(o *ratsinfo.Organization) int64 { return o.ID }, s.embedOrganizations, c.organization)
	case ratsinfo.KindPerson:
		items, err := s.store.FindPersons(ctx, ratsinfo.PersonFilter{ListFilter: f})
		if err != nil {
			return nil, listErr(k, err)
		}
		return buildPage(ctx, c, items, n, func(p *ratsinfo.Person) int64 { return p.ID },
			func(ctx context.Context, p []*ratsinfo.Person) (*embeds, error) { return s.embedPersons(ctx, p, omit) }, c.person)
	case ratsinfo.KindMembership:
		items, err := s.store.FindMemberships(ctx, ratsinfo.MembershipFilter{ListFilter: f})
		if err != nil {
			return nil, listErr(k, err)
		}
		return buildPage(ctx, c, items, n, func(m *ratsinfo.Membership) int64 { return m.ID }, nil, c.membership)
	case ratsinfo.KindMeeting:
		items, err := s.store.FindMeetings(ctx, ratsinfo.MeetingFilter{ListFilter: f, OrganizationID: orgID})
		if err != nil {
			return nil, listErr(k, err)
		}
		return buildPage(ctx, c, items, n, func(m *ratsinfo.Meeting) int64 { return m.ID },
			func(ctx context.Context, m []*ratsinfo.Meeting) (*embeds, error) {
				return s.embedMeetings(ctx, m, omit)
			}, c.meeting)
	case ratsinfo.KindAgendaItem:
		items, err := s.store.FindAgendaItems(ctx, ratsinfo.AgendaItemFilter{ListFilter: f})
		if err != nil {
			return nil, listErr(k, err)
		}
		return buildPage(ctx, c, items, n, func(a *ratsinfo.AgendaItem) int64 { return a.ID },
			func(ctx context.Context, a []*ratsinfo.AgendaItem) (*embeds, error) {
				return s.embedAgendaItems(ctx, a, omit)
			}, c.agendaItem)
	case ratsinfo.KindPaper:
		items, err := s.store.FindPapers(ctx, ratsinfo.PaperFilter{ListFilter: f})
		if err != nil {
			return nil, listErr(k, err)
		}
		return buildPage(ctx, c, items, n, func(p *ratsinfo.Paper) int64 { return p.ID },
			func(ctx context.Context, p []*ratsinfo.Paper) (*embeds, error) { return s.embedPapers(ctx, p, omit) }, c.paper)
	case ratsinfo.KindConsultation:
		items, err := s.store.FindConsultations(ctx, ratsinfo.ConsultationFilter{ListFilter: f})
		if err != nil {
			return nil, listErr(k, err)
		}
		return buildPage(ctx, c, items, n, func(x *ratsinfo.Consultation) int64 { return x.ID }, nil, c.consultation)
	case ratsinfo.KindFile:
		items, err := s.store.FindFiles(ctx, ratsinfo.FileFilter{ListFilter: f})
		if err != nil {
			return nil, listErr(k, err)
		}
		return buildPage(ctx, c, items, n, func(x *ratsinfo.File) int64 { return x.ID }, nil, c.file)
	case ratsinfo.KindLocation:
		items, err := s.store.FindLocations(ctx, ratsinfo.LocationFilter{ListFilter: f})
		if err != nil {
			return nil, listErr(k, err)
		}
		return buildPage(ctx, c, items, n, func(x *ratsinfo.Location) int64 { return x.ID }, nil, c.location)
	}
	return nil, ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Für %s gibt es keine Liste.", k.GermanName())
}

func listErr(k ratsinfo.Kind, err error) error {
	return fmt.Errorf("list %s: %w", k, err)
}
