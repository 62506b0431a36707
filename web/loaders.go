package web

import (
	"context"

	"github.com/ratsinfo/ratsinfo"
)

// Batch loaders: one store call per kind for everything a page refers to. An empty
// id list loads nothing (a nil IDs filter would mean "all").

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
	out := map[int64]*ratsinfo.Organization{}
	if ids = nonEmpty(ids); len(ids) == 0 {
		return out, nil
	}
	xs, err := s.store.FindOrganizations(ctx, ratsinfo.OrganizationFilter{ListFilter: ratsinfo.ListFilter{IDs: ids}})
	for _, x := range xs {
		if !x.Deleted {
			out[x.ID] = x
		}
	}
	return out, err
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
	out := map[int64]*ratsinfo.Person{}
	if ids = nonEmpty(ids); len(ids) == 0 {
		return out, nil
	}
	xs, err := s.store.FindPersons(ctx, ratsinfo.PersonFilter{ListFilter: ratsinfo.ListFilter{IDs: ids}})
	for _, x := range xs {
		if !x.Deleted {
			out[x.ID] = x
		}
	}
	return out, err
}

func (s *Server) papersByID(ctx context.Context, ids []int64) (map[int64]*ratsinfo.Paper, error) {
	out := map[int64]*ratsinfo.Paper{}
	if ids = nonEmpty(ids); len(ids) == 0 {
		return out, nil
	}
	xs, err := s.store.FindPapers(ctx, ratsinfo.PaperFilter{ListFilter: ratsinfo.ListFilter{IDs: ids}})
	for _, x := range xs {
		if !x.Deleted {
			out[x.ID] = x
		}
	}
	return out, err
}

func (s *Server) meetingsByID(ctx context.Context, ids []int64) (map[int64]*ratsinfo.Meeting, error) {
	out := map[int64]*ratsinfo.Meeting{}
	if ids = nonEmpty(ids); len(ids) == 0 {
		return out, nil
	}
	xs, err := s.store.FindMeetings(ctx, ratsinfo.MeetingFilter{ListFilter: ratsinfo.ListFilter{IDs: ids}})
	for _, x := range xs {
		if !x.Deleted {
			out[x.ID] = x
		}
	}
	return out, err
}

func (s *Server) agendaItemsByID(ctx context.Context, ids []int64) (map[int64]*ratsinfo.AgendaItem, error) {
	out := map[int64]*ratsinfo.AgendaItem{}
	if ids = nonEmpty(ids); len(ids) == 0 {
		return out, nil
	}
	xs, err := s.store.FindAgendaItems(ctx, ratsinfo.AgendaItemFilter{ListFilter: ratsinfo.ListFilter{IDs: ids}})
	for _, x := range xs {
		if !x.Deleted {
			out[x.ID] = x
		}
	}
	return out, err
}

func (s *Server) filesByID(ctx context.Context, ids []int64) (map[int64]*ratsinfo.File, error) {
	out := map[int64]*ratsinfo.File{}
	if ids = nonEmpty(ids); len(ids) == 0 {
		return out, nil
	}
	// Embedded: the pages show a file's name and links, never its back-references,
	// which for a file attached to many objects cost more than the whole page.
	xs, err := s.store.FindFiles(ctx, ratsinfo.FileFilter{ListFilter: ratsinfo.ListFilter{IDs: ids, Embedded: true}})
	for _, x := range xs {
		if !x.Deleted {
			out[x.ID] = x
		}
	}
	return out, err
}

func (s *Server) locationsByID(ctx context.Context, ids []int64) (map[int64]*ratsinfo.Location, error) {
	out := map[int64]*ratsinfo.Location{}
	if ids = nonEmpty(ids); len(ids) == 0 {
		return out, nil
	}
	// Embedded: a town hall is the place of thousands of meetings; the pages
	// need its address, not the list of everything held there.
	xs, err := s.store.FindLocations(ctx, ratsinfo.LocationFilter{ListFilter: ratsinfo.ListFilter{IDs: ids, Embedded: true}})
	for _, x := range xs {
		if !x.Deleted {
			out[x.ID] = x
		}
	}
	return out, err
}

// findLive reads one object by id and treats a tombstone as not found: a page for
// a deleted or withdrawn object would only say that it is gone.
func findLive[T any](obj T, err error, deleted func(T) bool, k ratsinfo.Kind, id int64) (T, error) {
	if err != nil {
		return obj, err
	}
	if deleted(obj) {
		var zero T
		return zero, ratsinfo.NotFound(k, id)
	}
	return obj, nil
}
