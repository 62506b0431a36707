package oparl

import (
	"context"
	"net/http"

	"github.com/ratsinfo/ratsinfo"
)

// objectShow serves one object by its id, embedded objects included. Deleted objects
// are served as tombstones with status 200 (spec 2-08); an id of another kind, or
// one the public may not see, is 404.
func (s *Server) objectShow(ctx context.Context, w http.ResponseWriter, r *http.Request, rt route, q *query) error {
	c := s.newConv(q)
	v, err := s.findObject(ctx, c, rt.kind, rt.id)
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, v)
	return nil
}

// findObject loads and converts object id of kind k, with its embedded objects.
func (s *Server) findObject(ctx context.Context, c *conv, k ratsinfo.Kind, id int64) (any, error) {
	var err error
	switch k {
	case ratsinfo.KindBody:
		var b *ratsinfo.Body
		if b, err = s.store.FindBodyByID(ctx, id); err == nil {
			if c.emb, err = s.embedBodies(ctx, []*ratsinfo.Body{b}, c.omitInternal); err == nil {
				return c.body(b), nil
			}
		}
	case ratsinfo.KindLegislativeTerm:
		var t *ratsinfo.LegislativeTerm
		if t, err = s.store.FindLegislativeTermByID(ctx, id); err == nil {
			return c.legislativeTerm(t), nil
		}
	case ratsinfo.KindOrganization:
		var o *ratsinfo.Organization
		if o, err = s.store.FindOrganizationByID(ctx, id); err == nil {
			if c.emb, err = s.embedOrganizations(ctx, []*ratsinfo.Organization{o}); err == nil {
				return c.organization(o), nil
			}
		}
	case ratsinfo.KindPerson:
		var p *ratsinfo.Person
		if p, err = s.store.FindPersonByID(ctx, id); err == nil {
			if c.emb, err = s.embedPersons(ctx, []*ratsinfo.Person{p}, c.omitInternal); err == nil {
				return c.person(p), nil
			}
		}
	case ratsinfo.KindMembership:
		var m *ratsinfo.Membership
		if m, err = s.store.FindMembershipByID(ctx, id); err == nil {
			return c.membership(m), nil
		}
	case ratsinfo.KindMeeting:
		var m *ratsinfo.Meeting
		if m, err = s.store.FindMeetingByID(ctx, id); err == nil {
			if c.emb, err = s.embedMeetings(ctx, []*ratsinfo.Meeting{m}, c.omitInternal); err == nil {
				return c.meeting(m), nil
			}
		}
	case ratsinfo.KindAgendaItem:
		var a *ratsinfo.AgendaItem
		if a, err = s.store.FindAgendaItemByID(ctx, id); err == nil {
			if c.emb, err = s.embedAgendaItems(ctx, []*ratsinfo.AgendaItem{a}, c.omitInternal); err == nil {
				return c.agendaItem(a), nil
			}
		}
	case ratsinfo.KindPaper:
		var p *ratsinfo.Paper
		if p, err = s.store.FindPaperByID(ctx, id); err == nil {
			if c.emb, err = s.embedPapers(ctx, []*ratsinfo.Paper{p}, c.omitInternal); err == nil {
				return c.paper(p), nil
			}
		}
	case ratsinfo.KindConsultation:
		var cons *ratsinfo.Consultation
		if cons, err = s.store.FindConsultationByID(ctx, id); err == nil {
			return c.consultation(cons), nil
		}
	case ratsinfo.KindFile:
		var f *ratsinfo.File
		if f, err = s.store.FindFileByID(ctx, id); err == nil {
			return c.file(f), nil
		}
	case ratsinfo.KindLocation:
		var l *ratsinfo.Location
		if l, err = s.store.FindLocationByID(ctx, id); err == nil {
			return c.location(l), nil
		}
	default:
		return nil, ratsinfo.NotFound(k, id)
	}
	return nil, err
}
