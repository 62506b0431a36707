package sqldb

import (
	"context"

	"github.com/ratsinfo/ratsinfo"
)

var meetingOps = &kindOps[*ratsinfo.Meeting]{
	tb: tMeeting,
	scan: func(sc func(...any) error) (*ratsinfo.Meeting, *ratsinfo.Meta, error) {
		m := &ratsinfo.Meeting{}
		err := sc(metaDest(&m.Meta, &m.BodyID, nstr{&m.Name}, nstr{&m.MeetingState}, nbool{&m.Cancelled}, ntime{&m.Start},
			ntime{&m.End}, nint{&m.LocationID}, nint{&m.InvitationFileID}, nint{&m.ResultsProtocolFileID},
			nint{&m.VerbatimProtocolFileID})...)
		return m, &m.Meta, err
	},
	tomb: func(m ratsinfo.Meta) *ratsinfo.Meeting { return &ratsinfo.Meeting{Meta: m} },
	fill: func(ctx context.Context, db *DB, q querier, v ratsinfo.Viewer, xs []*ratsinfo.Meeting, _ bool) error {
		src := ids(xs, func(m *ratsinfo.Meeting) int64 { return m.ID })
		l, err := db.loadLinks(ctx, q, ratsinfo.KindMeeting, []string{"organization", "participant"}, src, "")
		if err != nil {
			return err
		}
		f, err := db.loadLinks(ctx, q, ratsinfo.KindMeeting, []string{"auxiliaryFile"}, src, liveFileJoin)
		for _, m := range xs {
			m.OrganizationIDs, m.ParticipantIDs = l.get("organization", m.ID), l.get("participant", m.ID)
			m.AuxiliaryFileIDs = f.get("auxiliaryFile", m.ID)
		}
		return err
	},
}

// FindMeetingByID returns a meeting, or its tombstone.
func (db *DB) FindMeetingByID(ctx context.Context, id int64) (*ratsinfo.Meeting, error) {
	return meetingOps.byID(ctx, db, id)
}

// FindMeetings returns a page of meetings, optionally of one organization.
func (db *DB) FindMeetings(ctx context.Context, f ratsinfo.MeetingFilter) ([]*ratsinfo.Meeting, error) {
	return meetingOps.list(ctx, db, f.ListFilter, func(c *cond) {
		if f.OrganizationID != 0 {
			c.add("t.id IN (SELECT l.src FROM link l WHERE l.kind = 'Meeting.organization' AND l.dst = ?)", f.OrganizationID)
		}
	}, "")
}

func meetingSpec(m *ratsinfo.Meeting) func(*txState) (*saveSpec, error) {
	return func(*txState) (*saveSpec, error) {
		files := append([]int64{m.InvitationFileID, m.ResultsProtocolFileID, m.VerbatimProtocolFileID}, m.AuxiliaryFileIDs...)
		return &saveSpec{
			body: m.BodyID,
			vals: []any{str(m.Name), str(m.MeetingState), m.Cancelled, micros(m.Start), micros(m.End), ref(m.LocationID),
				ref(m.InvitationFileID), ref(m.ResultsProtocolFileID), ref(m.VerbatimProtocolFileID)},
			refs: []refCheck{
				{"location", ratsinfo.KindLocation, one(m.LocationID)},
				{"organization", ratsinfo.KindOrganization, m.OrganizationIDs},
				{"participant", ratsinfo.KindPerson, m.ParticipantIDs},
				{"invitation", ratsinfo.KindFile, one(m.InvitationFileID)},
				{"resultsProtocol", ratsinfo.KindFile, one(m.ResultsProtocolFileID)},
				{"verbatimProtocol", ratsinfo.KindFile, one(m.VerbatimProtocolFileID)},
				{"auxiliaryFile", ratsinfo.KindFile, m.AuxiliaryFileIDs},
			},
			links:  []linkList{{"organization", m.OrganizationIDs}, {"participant", m.ParticipantIDs}, {"auxiliaryFile", m.AuxiliaryFileIDs}},
			attach: []attach{{ratsinfo.KindFile, files}, {ratsinfo.KindLocation, one(m.LocationID)}},
			public: true,
		}, nil
	}
}

// CreateMeeting creates a meeting.
func (db *DB) CreateMeeting(ctx context.Context, m *ratsinfo.Meeting) error {
	return db.saveObj(ctx, tMeeting, true, &m.Meta, m.Validate, meetingSpec(m))
}

// UpdateMeeting replaces a meeting (its agenda items are separate objects).
func (db *DB) UpdateMeeting(ctx context.Context, m *ratsinfo.Meeting) error {
	return db.saveObj(ctx, tMeeting, false, &m.Meta, m.Validate, meetingSpec(m))
}

// DeleteMeeting turns a meeting into a tombstone.
func (db *DB) DeleteMeeting(ctx context.Context, id int64) error {
	return db.deleteObj(ctx, tMeeting, id)
}

var agendaItemOps = &kindOps[*ratsinfo.AgendaItem]{
	tb: tAgendaItem,
	scan: func(sc func(...any) error) (*ratsinfo.AgendaItem, *ratsinfo.Meta, error) {
		a := &ratsinfo.AgendaItem{}
		var body int64
		err := sc(metaDest(&a.Meta, &body, &a.MeetingID, nposition{&a.Position}, nstr{&a.Number}, nstr{&a.Name},
			nbool{&a.Public}, nint{&a.ConsultationID}, nstr{&a.Result}, nstr{&a.ResolutionText},
			nint{&a.ResolutionFileID}, ntime{&a.Start}, ntime{&a.End})...)
		return a, &a.Meta, err
	},
	tomb: func(m ratsinfo.Meta) *ratsinfo.AgendaItem { return &ratsinfo.AgendaItem{Meta: m} },
	fill: func(ctx context.Context, db *DB, q querier, v ratsinfo.Viewer, xs []*ratsinfo.AgendaItem, _ bool) error {
		f, err := db.loadLinks(ctx, q, ratsinfo.KindAgendaItem, []string{"auxiliaryFile"},
			ids(xs, func(a *ratsinfo.AgendaItem) int64 { return a.ID }), liveFileJoin)
		if err != nil {
			return err
		}
		for _, a := range xs {
			a.AuxiliaryFileIDs = f.get("auxiliaryFile", a.ID)
		}
		return db.dropHiddenConsultations(ctx, q, v, xs)
	},
	redact: redactAgendaItem,
}

// FindAgendaItemByID returns an agenda item (blanked for the public if non-public),
// or its tombstone.
func (db *DB) FindAgendaItemByID(ctx context.Context, id int64) (*ratsinfo.AgendaItem, error) {
	return agendaItemOps.byID(ctx, db, id)
}

// FindAgendaItems returns agenda items; with MeetingIDs in agenda order.
func (db *DB) FindAgendaItems(ctx context.Context, f ratsinfo.AgendaItemFilter) ([]*ratsinfo.AgendaItem, error) {
	order := ""
	if f.MeetingIDs != nil {
		order = "t.meeting_id, t.position, t.id"
	}
	return agendaItemOps.list(ctx, db, f.ListFilter, func(c *cond) { db.in(c, "t.meeting_id", f.MeetingIDs) }, order)
}

func agendaItemSpec(ctx context.Context, a *ratsinfo.AgendaItem) func(*txState) (*saveSpec, error) {
	return func(t *txState) (*saveSpec, error) {
		body, err := t.parentBody(ctx, ratsinfo.KindAgendaItem, "meeting", ratsinfo.KindMeeting, a.MeetingID)
		if err != nil {
			return nil, err
		}
		return &saveSpec{
			body: body, parent: a.MeetingID,
			vals: []any{a.MeetingID, a.Position, str(a.Number), str(a.Name), a.Public, ref(a.ConsultationID), str(a.Result),
				str(a.ResolutionText), ref(a.ResolutionFileID), micros(a.Start), micros(a.End)},
			refs: []refCheck{
				{"consultation", ratsinfo.KindConsultation, one(a.ConsultationID)},
				{"resolutionFile", ratsinfo.KindFile, one(a.ResolutionFileID)},
				{"auxiliaryFile", ratsinfo.KindFile, a.AuxiliaryFileIDs},
			},
			links:  []linkList{{"auxiliaryFile", a.AuxiliaryFileIDs}},
			attach: []attach{{ratsinfo.KindFile, append([]int64{a.ResolutionFileID}, a.AuxiliaryFileIDs...)}},
			public: a.Public,
		}, nil
	}
}

// CreateAgendaItem creates an agenda item; its meeting gets a new modified.
func (db *DB) CreateAgendaItem(ctx context.Context, a *ratsinfo.AgendaItem) error {
	return db.saveObj(ctx, tAgendaItem, true, &a.Meta, a.Validate, agendaItemSpec(ctx, a))
}

// UpdateAgendaItem replaces an agenda item.
func (db *DB) UpdateAgendaItem(ctx context.Context, a *ratsinfo.AgendaItem) error {
	return db.saveObj(ctx, tAgendaItem, false, &a.Meta, a.Validate, agendaItemSpec(ctx, a))
}

// DeleteAgendaItem turns an agenda item into a tombstone.
func (db *DB) DeleteAgendaItem(ctx context.Context, id int64) error {
	return db.deleteObj(ctx, tAgendaItem, id)
}

// dropHiddenConsultations clears the consultation link of agenda items whose
// consultation the viewer does not see live (visibility.go): a withdrawn
// paper's consultations leave the agenda with it.
func (db *DB) dropHiddenConsultations(ctx context.Context, q querier, v ratsinfo.Viewer, xs []*ratsinfo.AgendaItem) error {
	var cids []int64
	for _, a := range xs {
		if a.ConsultationID != 0 {
			cids = append(cids, a.ConsultationID)
		}
	}
	if len(cids) == 0 {
		return nil
	}
	expr, arg := db.inIDs("c.id", cids)
	rows, err := q.query(ctx, liveConsultations(v)+expr, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	live := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		live[id] = true
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, a := range xs {
		if !live[a.ConsultationID] {
			a.ConsultationID = 0
		}
	}
	return nil
}
