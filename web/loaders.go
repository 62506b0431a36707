package web

import (
	"context"
	"fmt"

	"github.com/ratsinfo/ratsinfo"
)

// Loaders: one store call per kind for everything a page refers to, never one per
// object. A page's independent loads run side by side (errgroup in the load step
// of each show page); the store serves reads from a pool of connections.

// object is every domain type: its common part carries the id and the tombstone flag.
type object interface{ Common() *ratsinfo.Meta }

// loadLive reads one object by id and treats a tombstone as not found: a page for
// a deleted or withdrawn object would only say that it is gone.
func loadLive[T object](ctx context.Context, find func(context.Context, int64) (T, error), k ratsinfo.Kind, id int64) (T, error) {
	var zero T
	obj, err := find(ctx, id)
	if err != nil {
		return zero, err
	}
	if obj.Common().Deleted {
		return zero, ratsinfo.NotFound(k, id)
	}
	return obj, nil
}

// liveByID loads the objects among ids in one call of find and keys the live
// ones by id. An empty id list loads nothing: a nil IDs filter would mean "all".
func liveByID[T object](ids []int64, k ratsinfo.Kind, find func(ratsinfo.ListFilter) ([]T, error)) (map[int64]T, error) {
	out := map[int64]T{}
	if ids = nonEmpty(ids); len(ids) == 0 {
		return out, nil
	}
	xs, err := find(ratsinfo.ListFilter{IDs: ids})
	if err != nil {
		return nil, fmt.Errorf("load %d objects of kind %s: %w", len(ids), k, err)
	}
	for _, x := range xs {
		if m := x.Common(); !m.Deleted {
			out[m.ID] = x
		}
	}
	return out, nil
}

// nonEmpty drops zeros and duplicates, keeping the first-seen order.
func nonEmpty(ids []int64) []int64 {
	out := make([]int64, 0, len(ids))
	seen := make(map[int64]bool, len(ids))
	for _, id := range ids {
		if id > 0 && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

func (s *Server) orgsByID(ctx context.Context, ids []int64) (map[int64]*ratsinfo.Organization, error) {
	return liveByID(ids, ratsinfo.KindOrganization, func(f ratsinfo.ListFilter) ([]*ratsinfo.Organization, error) {
		return s.store.FindOrganizations(ctx, ratsinfo.OrganizationFilter{ListFilter: f})
	})
}

// orgsOfMeetings loads the organizations the meetings belong to, for their rows.
func (s *Server) orgsOfMeetings(ctx context.Context, meetings []*ratsinfo.Meeting) (map[int64]*ratsinfo.Organization, error) {
	var ids []int64
	for _, m := range meetings {
		ids = append(ids, m.OrganizationIDs...)
	}
	return s.orgsByID(ctx, ids)
}

func (s *Server) personsByID(ctx context.Context, ids []int64) (map[int64]*ratsinfo.Person, error) {
	return liveByID(ids, ratsinfo.KindPerson, func(f ratsinfo.ListFilter) ([]*ratsinfo.Person, error) {
		return s.store.FindPersons(ctx, ratsinfo.PersonFilter{ListFilter: f})
	})
}

func (s *Server) papersByID(ctx context.Context, ids []int64) (map[int64]*ratsinfo.Paper, error) {
	return liveByID(ids, ratsinfo.KindPaper, func(f ratsinfo.ListFilter) ([]*ratsinfo.Paper, error) {
		return s.store.FindPapers(ctx, ratsinfo.PaperFilter{ListFilter: f})
	})
}

func (s *Server) meetingsByID(ctx context.Context, ids []int64) (map[int64]*ratsinfo.Meeting, error) {
	return liveByID(ids, ratsinfo.KindMeeting, func(f ratsinfo.ListFilter) ([]*ratsinfo.Meeting, error) {
		return s.store.FindMeetings(ctx, ratsinfo.MeetingFilter{ListFilter: f})
	})
}

func (s *Server) agendaItemsByID(ctx context.Context, ids []int64) (map[int64]*ratsinfo.AgendaItem, error) {
	return liveByID(ids, ratsinfo.KindAgendaItem, func(f ratsinfo.ListFilter) ([]*ratsinfo.AgendaItem, error) {
		return s.store.FindAgendaItems(ctx, ratsinfo.AgendaItemFilter{ListFilter: f})
	})
}

func (s *Server) filesByID(ctx context.Context, ids []int64) (map[int64]*ratsinfo.File, error) {
	return liveByID(ids, ratsinfo.KindFile, func(f ratsinfo.ListFilter) ([]*ratsinfo.File, error) {
		// Embedded: the pages show a file's name and links, never its back-references,
		// which for a file attached to many objects cost more than the whole page.
		f.Embedded = true
		return s.store.FindFiles(ctx, ratsinfo.FileFilter{ListFilter: f})
	})
}

func (s *Server) locationsByID(ctx context.Context, ids []int64) (map[int64]*ratsinfo.Location, error) {
	return liveByID(ids, ratsinfo.KindLocation, func(f ratsinfo.ListFilter) ([]*ratsinfo.Location, error) {
		// Embedded: a town hall is the place of thousands of meetings; the pages
		// need its address, not the list of everything held there.
		f.Embedded = true
		return s.store.FindLocations(ctx, ratsinfo.LocationFilter{ListFilter: f})
	})
}

// locationOf loads the location of a page's object, or nil if there is none
// the visitor may see.
func (s *Server) locationOf(ctx context.Context, id int64) (*ratsinfo.Location, error) {
	locs, err := s.locationsByID(ctx, []int64{id})
	return locs[id], err
}
