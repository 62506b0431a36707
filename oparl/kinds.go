package oparl

import (
	"context"

	"github.com/ratsinfo/ratsinfo"
)

// kindAPI is what the API does with one kind: read an object or a page from the
// store, batch-load what the objects embed, and convert them to OParl JSON.
type kindAPI[T any] struct {
	byID func(ratsinfo.RecordReader, context.Context, int64) (*T, error)
	// list reads a page; orgID restricts meetings to an organization's.
	list    func(r ratsinfo.RecordReader, ctx context.Context, f ratsinfo.ListFilter, orgID int64) ([]*T, error)
	embed   func(s *Server, ctx context.Context, xs []*T, omit bool) (*embeds, error) // nil: embeds nothing
	convert func(c *conv, x *T) any
	id      func(*T) int64
}

// kindServer is a kindAPI with its type hidden, so that one table holds every kind.
type kindServer interface {
	object(ctx context.Context, s *Server, c *conv, id int64) (any, error)
	page(ctx context.Context, s *Server, c *conv, f ratsinfo.ListFilter, orgID int64) (*pageData, error)
}

// kinds is the one table of what the API serves per kind, for objects and lists
// alike, so the two cannot disagree about a kind. The System is served on its own.
var kinds = map[ratsinfo.Kind]kindServer{
	ratsinfo.KindBody: &kindAPI[ratsinfo.Body]{
		byID: ratsinfo.RecordReader.FindBodyByID,
		list: func(r ratsinfo.RecordReader, ctx context.Context, f ratsinfo.ListFilter, _ int64) ([]*ratsinfo.Body, error) {
			return r.FindBodies(ctx, ratsinfo.BodyFilter{ListFilter: f})
		},
		embed: (*Server).embedBodies, convert: (*conv).body, id: func(x *ratsinfo.Body) int64 { return x.ID },
	},
	ratsinfo.KindLegislativeTerm: &kindAPI[ratsinfo.LegislativeTerm]{
		byID: ratsinfo.RecordReader.FindLegislativeTermByID,
		list: func(r ratsinfo.RecordReader, ctx context.Context, f ratsinfo.ListFilter, _ int64) ([]*ratsinfo.LegislativeTerm, error) {
			return r.FindLegislativeTerms(ctx, ratsinfo.LegislativeTermFilter{ListFilter: f})
		},
		convert: (*conv).legislativeTerm, id: func(x *ratsinfo.LegislativeTerm) int64 { return x.ID },
	},
	ratsinfo.KindOrganization: &kindAPI[ratsinfo.Organization]{
		byID: ratsinfo.RecordReader.FindOrganizationByID,
		list: func(r ratsinfo.RecordReader, ctx context.Context, f ratsinfo.ListFilter, _ int64) ([]*ratsinfo.Organization, error) {
			return r.FindOrganizations(ctx, ratsinfo.OrganizationFilter{ListFilter: f})
		},
		embed: (*Server).embedOrganizations, convert: (*conv).organization, id: func(x *ratsinfo.Organization) int64 { return x.ID },
	},
	ratsinfo.KindPerson: &kindAPI[ratsinfo.Person]{
		byID: ratsinfo.RecordReader.FindPersonByID,
		list: func(r ratsinfo.RecordReader, ctx context.Context, f ratsinfo.ListFilter, _ int64) ([]*ratsinfo.Person, error) {
			return r.FindPersons(ctx, ratsinfo.PersonFilter{ListFilter: f})
		},
		embed: (*Server).embedPersons, convert: (*conv).person, id: func(x *ratsinfo.Person) int64 { return x.ID },
	},
	ratsinfo.KindMembership: &kindAPI[ratsinfo.Membership]{
		byID: ratsinfo.RecordReader.FindMembershipByID,
		list: func(r ratsinfo.RecordReader, ctx context.Context, f ratsinfo.ListFilter, _ int64) ([]*ratsinfo.Membership, error) {
			return r.FindMemberships(ctx, ratsinfo.MembershipFilter{ListFilter: f})
		},
		convert: (*conv).membership, id: func(x *ratsinfo.Membership) int64 { return x.ID },
	},
	ratsinfo.KindMeeting: &kindAPI[ratsinfo.Meeting]{
		byID: ratsinfo.RecordReader.FindMeetingByID,
		list: func(r ratsinfo.RecordReader, ctx context.Context, f ratsinfo.ListFilter, orgID int64) ([]*ratsinfo.Meeting, error) {
			return r.FindMeetings(ctx, ratsinfo.MeetingFilter{ListFilter: f, OrganizationID: orgID})
		},
		embed: (*Server).embedMeetings, convert: (*conv).meeting, id: func(x *ratsinfo.Meeting) int64 { return x.ID },
	},
	ratsinfo.KindAgendaItem: &kindAPI[ratsinfo.AgendaItem]{
		byID: ratsinfo.RecordReader.FindAgendaItemByID,
		list: func(r ratsinfo.RecordReader, ctx context.Context, f ratsinfo.ListFilter, _ int64) ([]*ratsinfo.AgendaItem, error) {
			return r.FindAgendaItems(ctx, ratsinfo.AgendaItemFilter{ListFilter: f})
		},
		embed: (*Server).embedAgendaItems, convert: (*conv).agendaItem, id: func(x *ratsinfo.AgendaItem) int64 { return x.ID },
	},
	ratsinfo.KindPaper: &kindAPI[ratsinfo.Paper]{
		byID: ratsinfo.RecordReader.FindPaperByID,
		list: func(r ratsinfo.RecordReader, ctx context.Context, f ratsinfo.ListFilter, _ int64) ([]*ratsinfo.Paper, error) {
			return r.FindPapers(ctx, ratsinfo.PaperFilter{ListFilter: f})
		},
		embed: (*Server).embedPapers, convert: (*conv).paper, id: func(x *ratsinfo.Paper) int64 { return x.ID },
	},
	ratsinfo.KindConsultation: &kindAPI[ratsinfo.Consultation]{
		byID: ratsinfo.RecordReader.FindConsultationByID,
		list: func(r ratsinfo.RecordReader, ctx context.Context, f ratsinfo.ListFilter, _ int64) ([]*ratsinfo.Consultation, error) {
			return r.FindConsultations(ctx, ratsinfo.ConsultationFilter{ListFilter: f})
		},
		convert: (*conv).consultation, id: func(x *ratsinfo.Consultation) int64 { return x.ID },
	},
	ratsinfo.KindFile: &kindAPI[ratsinfo.File]{
		byID: ratsinfo.RecordReader.FindFileByID,
		list: func(r ratsinfo.RecordReader, ctx context.Context, f ratsinfo.ListFilter, _ int64) ([]*ratsinfo.File, error) {
			return r.FindFiles(ctx, ratsinfo.FileFilter{ListFilter: f})
		},
		convert: (*conv).file, id: func(x *ratsinfo.File) int64 { return x.ID },
	},
	ratsinfo.KindLocation: &kindAPI[ratsinfo.Location]{
		byID: ratsinfo.RecordReader.FindLocationByID,
		list: func(r ratsinfo.RecordReader, ctx context.Context, f ratsinfo.ListFilter, _ int64) ([]*ratsinfo.Location, error) {
			return r.FindLocations(ctx, ratsinfo.LocationFilter{ListFilter: f})
		},
		convert: (*conv).location, id: func(x *ratsinfo.Location) int64 { return x.ID },
	},
}

// object loads and converts one object with what it embeds.
func (k *kindAPI[T]) object(ctx context.Context, s *Server, c *conv, id int64) (any, error) {
	x, err := k.byID(s.store, ctx, id)
	if err != nil {
		return nil, err
	}
	if k.embed != nil {
		if c.emb, err = k.embed(s, ctx, []*T{x}, c.omitInternal); err != nil {
			return nil, err
		}
	}
	return k.convert(c, x), nil
}

// page loads and converts one page. f.Limit is the page size plus one: the extra
// object, trimmed here, tells whether there is a next page.
func (k *kindAPI[T]) page(ctx context.Context, s *Server, c *conv, f ratsinfo.ListFilter, orgID int64) (*pageData, error) {
	items, err := k.list(s.store, ctx, f, orgID)
	if err != nil {
		return nil, err
	}
	p := &pageData{more: len(items) > f.Limit-1}
	if p.more {
		items = items[:f.Limit-1]
	}
	if k.embed != nil && len(items) > 0 {
		if c.emb, err = k.embed(s, ctx, items, c.omitInternal); err != nil {
			return nil, err
		}
	}
	p.data = make([]any, 0, len(items))
	for _, x := range items {
		p.data = append(p.data, k.convert(c, x))
	}
	if len(items) > 0 {
		p.last = k.id(items[len(items)-1])
	}
	return p, nil
}
