package oparl

import (
	"context"
	"fmt"
	"sync"

	"github.com/ratsinfo/ratsinfo"
)

// embeds holds the objects that a page embeds, loaded in one query per kind for the
// whole page (never one per object: a paper page of 100 papers costs three queries
// for its consultations, files and locations, not three hundred).
type embeds struct {
	files         map[int64]*ratsinfo.File
	locations     map[int64]*ratsinfo.Location
	consultations map[int64][]*ratsinfo.Consultation    // by paper
	agendaItems   map[int64][]*ratsinfo.AgendaItem      // by meeting
	memberships   map[int64][]*ratsinfo.Membership      // by person
	terms         map[int64][]*ratsinfo.LegislativeTerm // by body
}

// parallel runs fns concurrently and returns the first error. The batch loads of a
// page are independent queries, and the store serves reads from a pool of
// connections, so running them side by side shortens a page by the time of the
// slower ones.
func parallel(fns ...func() error) error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns[1:] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i+1] = fn()
		}()
	}
	errs[0] = fns[0]()
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// idSet collects ids without duplicates and zeros, in first-seen order.
type idSet struct {
	seen map[int64]bool
	list []int64
}

func (s *idSet) add(ids ...int64) {
	for _, id := range ids {
		if id <= 0 || s.seen[id] {
			continue
		}
		if s.seen == nil {
			s.seen = map[int64]bool{}
		}
		s.seen[id] = true
		s.list = append(s.list, id)
	}
}

// loadFiles fetches the visible, non-deleted files among ids in one query.
func (s *Server) loadFiles(ctx context.Context, e *embeds, ids *idSet) error {
	if len(ids.list) == 0 {
		return nil
	}
	files, err := s.store.FindFiles(ctx, ratsinfo.FileFilter{ListFilter: ratsinfo.ListFilter{IDs: ids.list, Embedded: true}})
	if err != nil {
		return fmt.Errorf("load embedded files: %w", err)
	}
	e.files = make(map[int64]*ratsinfo.File, len(files))
	for _, f := range files {
		e.files[f.ID] = f
	}
	return nil
}

// loadLocations fetches the visible, non-deleted locations among ids in one query.
func (s *Server) loadLocations(ctx context.Context, e *embeds, ids *idSet) error {
	if len(ids.list) == 0 {
		return nil
	}
	locs, err := s.store.FindLocations(ctx, ratsinfo.LocationFilter{ListFilter: ratsinfo.ListFilter{IDs: ids.list, Embedded: true}})
	if err != nil {
		return fmt.Errorf("load embedded locations: %w", err)
	}
	e.locations = make(map[int64]*ratsinfo.Location, len(locs))
	for _, l := range locs {
		e.locations[l.ID] = l
	}
	return nil
}

func (s *Server) embedBodies(ctx context.Context, bodies []*ratsinfo.Body, omit bool) (*embeds, error) {
	e := &embeds{terms: map[int64][]*ratsinfo.LegislativeTerm{}}
	var locs idSet
	for _, b := range bodies {
		if b.Deleted {
			continue
		}
		locs.add(b.LocationID)
		if omit {
			continue
		}
		// One query per body is fine here: a server hosts a handful of bodies.
		terms, err := s.store.FindLegislativeTerms(ctx, ratsinfo.LegislativeTermFilter{ListFilter: ratsinfo.ListFilter{BodyID: b.ID}})
		if err != nil {
			return nil, fmt.Errorf("load legislative terms of body %d: %w", b.ID, err)
		}
		e.terms[b.ID] = terms
	}
	return e, s.loadLocations(ctx, e, &locs)
}

// embedOrganizations loads the locations organizations embed; nothing of them is
// internal, so omit makes no difference.
func (s *Server) embedOrganizations(ctx context.Context, orgs []*ratsinfo.Organization, _ bool) (*embeds, error) {
	e := &embeds{}
	var locs idSet
	for _, o := range orgs {
		if !o.Deleted {
			locs.add(o.LocationID)
		}
	}
	return e, s.loadLocations(ctx, e, &locs)
}

func (s *Server) embedPersons(ctx context.Context, persons []*ratsinfo.Person, omit bool) (*embeds, error) {
	e := &embeds{memberships: map[int64][]*ratsinfo.Membership{}}
	var locs, ids idSet
	for _, p := range persons {
		if !p.Deleted {
			locs.add(p.LocationID)
			ids.add(p.ID)
		}
	}
	if !omit && len(ids.list) > 0 {
		ms, err := s.store.FindMemberships(ctx, ratsinfo.MembershipFilter{PersonIDs: ids.list})
		if err != nil {
			return nil, fmt.Errorf("load embedded memberships: %w", err)
		}
		for _, m := range ms {
			e.memberships[m.PersonID] = append(e.memberships[m.PersonID], m)
		}
	}
	return e, s.loadLocations(ctx, e, &locs)
}

func (s *Server) embedMeetings(ctx context.Context, meetings []*ratsinfo.Meeting, omit bool) (*embeds, error) {
	e := &embeds{agendaItems: map[int64][]*ratsinfo.AgendaItem{}}
	var locs, files, ids idSet
	for _, m := range meetings {
		if m.Deleted {
			continue
		}
		ids.add(m.ID)
		locs.add(m.LocationID)
		files.add(m.InvitationFileID, m.ResultsProtocolFileID, m.VerbatimProtocolFileID)
		if !omit {
			files.add(m.AuxiliaryFileIDs...)
		}
	}
	if !omit && len(ids.list) > 0 {
		items, err := s.store.FindAgendaItems(ctx, ratsinfo.AgendaItemFilter{MeetingIDs: ids.list})
		if err != nil {
			return nil, fmt.Errorf("load embedded agenda items: %w", err)
		}
		for _, a := range items {
			e.agendaItems[a.MeetingID] = append(e.agendaItems[a.MeetingID], a)
			files.add(a.ResolutionFileID)
			files.add(a.AuxiliaryFileIDs...)
		}
	}
	return e, parallel(
		func() error { return s.loadFiles(ctx, e, &files) },
		func() error { return s.loadLocations(ctx, e, &locs) },
	)
}

func (s *Server) embedAgendaItems(ctx context.Context, items []*ratsinfo.AgendaItem, omit bool) (*embeds, error) {
	e := &embeds{}
	var files idSet
	for _, a := range items {
		if a.Deleted {
			continue
		}
		files.add(a.ResolutionFileID)
		if !omit {
			files.add(a.AuxiliaryFileIDs...)
		}
	}
	return e, s.loadFiles(ctx, e, &files)
}

func (s *Server) embedPapers(ctx context.Context, papers []*ratsinfo.Paper, omit bool) (*embeds, error) {
	e := &embeds{consultations: map[int64][]*ratsinfo.Consultation{}}
	var locs, files, ids idSet
	for _, p := range papers {
		if p.Deleted {
			continue
		}
		ids.add(p.ID)
		files.add(p.MainFileID)
		if !omit {
			files.add(p.AuxiliaryFileIDs...)
			locs.add(p.LocationIDs...)
		}
	}
	consultations := func() error {
		if len(ids.list) == 0 {
			return nil
		}
		cs, err := s.store.FindConsultations(ctx, ratsinfo.ConsultationFilter{PaperIDs: ids.list})
		if err != nil {
			return fmt.Errorf("load embedded consultations: %w", err)
		}
		for _, c := range cs {
			e.consultations[c.PaperID] = append(e.consultations[c.PaperID], c)
		}
		return nil
	}
	return e, parallel(
		func() error { return s.loadFiles(ctx, e, &files) },
		func() error { return s.loadLocations(ctx, e, &locs) },
		consultations,
	)
}
