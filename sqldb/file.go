package sqldb

import (
	"context"

	"github.com/ratsinfo/ratsinfo"
)

var fileOps = &kindOps[*ratsinfo.File]{
	tb: tFile,
	scan: func(sc func(...any) error) (*ratsinfo.File, *ratsinfo.Meta, error) {
		f := &ratsinfo.File{}
		err := sc(metaDest(&f.Meta, &f.BodyID, nstr{&f.Name}, nstr{&f.FileName}, nstr{&f.MimeType}, ndate{&f.Date}, nint{&f.Size},
			nstr{&f.SHA1Checksum}, nstr{&f.SHA512Checksum}, nstr{&f.Text}, nstr{&f.ExternalServiceURL}, nint{&f.MasterFileID},
			nstr{&f.FileLicense}, nstr{&f.BlobKey}, nstr{&f.SourceURL})...)
		return f, &f.Meta, err
	},
	tomb: func(m ratsinfo.Meta) *ratsinfo.File { return &ratsinfo.File{Meta: m} },
	fill: func(ctx context.Context, db *DB, q querier, v ratsinfo.Viewer, xs []*ratsinfo.File, embedded bool) error {
		src := ids(xs, func(f *ratsinfo.File) int64 { return f.ID })
		c := &cond{}
		db.in(c, "t.master_file_id", src)
		c.add("NOT t.deleted")
		if exists, _ := visibility(ratsinfo.KindFile, v); exists != "" {
			c.add(exists)
		}
		der, err := loadPairs(ctx, q, "SELECT t.master_file_id, t.id FROM file t"+c.sql()+" ORDER BY t.id", c.args...)
		if err != nil {
			return err
		}
		if embedded {
			for _, f := range xs {
				f.DerivativeFileIDs = der[f.ID]
			}
			return nil
		}
		back, err := db.loadBackrefs(ctx, q, ratsinfo.KindFile, src, v)
		for _, f := range xs {
			f.DerivativeFileIDs = der[f.ID]
			b := back[f.ID]
			f.MeetingIDs, f.AgendaItemIDs, f.PaperIDs = b[ratsinfo.KindMeeting], b[ratsinfo.KindAgendaItem], b[ratsinfo.KindPaper]
		}
		return err
	},
}

// FindFileByID returns a file. The public only sees files attached to something it
// sees (a published paper, a meeting, a public agenda item).
func (db *DB) FindFileByID(ctx context.Context, id int64) (*ratsinfo.File, error) {
	return fileOps.byID(ctx, db, id)
}

// FindFiles returns a page of files.
func (db *DB) FindFiles(ctx context.Context, f ratsinfo.FileFilter) ([]*ratsinfo.File, error) {
	return fileOps.list(ctx, db, f.ListFilter, nil, "")
}

func fileSpec(f *ratsinfo.File) func(*txState) (*saveSpec, error) {
	return func(*txState) (*saveSpec, error) {
		return &saveSpec{
			body: f.BodyID,
			vals: []any{str(f.Name), str(f.FileName), str(f.MimeType), date(f.Date), f.Size, str(f.SHA1Checksum),
				str(f.SHA512Checksum), str(f.Text), str(f.ExternalServiceURL), ref(f.MasterFileID), str(f.FileLicense), str(f.BlobKey),
				str(f.SourceURL)},
			refs: []refCheck{{"masterFile", ratsinfo.KindFile, one(f.MasterFileID)}},
		}, nil
	}
}

// CreateFile creates a file record (its content is in blob storage under BlobKey).
func (db *DB) CreateFile(ctx context.Context, f *ratsinfo.File) error {
	f.DerivativeFileIDs, f.MeetingIDs, f.AgendaItemIDs, f.PaperIDs = nil, nil, nil, nil
	return db.saveObj(ctx, tFile, true, &f.Meta, f.Validate, fileSpec(f))
}

// UpdateFile replaces a file; every paper, meeting and agenda item that attaches it
// gets a new modified.
func (db *DB) UpdateFile(ctx context.Context, f *ratsinfo.File) error {
	return db.saveObj(ctx, tFile, false, &f.Meta, f.Validate, fileSpec(f))
}

// DeleteFile turns a file into a tombstone.
func (db *DB) DeleteFile(ctx context.Context, id int64) error { return db.deleteObj(ctx, tFile, id) }

var locationOps = &kindOps[*ratsinfo.Location]{
	tb: tLocation,
	scan: func(sc func(...any) error) (*ratsinfo.Location, *ratsinfo.Meta, error) {
		l := &ratsinfo.Location{}
		err := sc(metaDest(&l.Meta, &l.BodyID, nstr{&l.Description}, nstr{&l.GeoJSON}, nstr{&l.StreetAddress}, nstr{&l.Room},
			nstr{&l.PostalCode}, nstr{&l.SubLocality}, nstr{&l.Locality})...)
		return l, &l.Meta, err
	},
	tomb: func(m ratsinfo.Meta) *ratsinfo.Location { return &ratsinfo.Location{Meta: m} },
	fill: func(ctx context.Context, db *DB, q querier, v ratsinfo.Viewer, xs []*ratsinfo.Location, embedded bool) error {
		if embedded {
			return nil // back-references are all that fill loads
		}
		back, err := db.loadBackrefs(ctx, q, ratsinfo.KindLocation, ids(xs, func(l *ratsinfo.Location) int64 { return l.ID }), v)
		for _, l := range xs {
			b := back[l.ID]
			l.BodyIDs, l.OrganizationIDs, l.PersonIDs = b[ratsinfo.KindBody], b[ratsinfo.KindOrganization], b[ratsinfo.KindPerson]
			l.MeetingIDs, l.PaperIDs = b[ratsinfo.KindMeeting], b[ratsinfo.KindPaper]
		}
		return err
	},
}

// FindLocationByID returns a location. The public does not see a location that only
// hidden objects use (e.g. the address of a person without consent).
func (db *DB) FindLocationByID(ctx context.Context, id int64) (*ratsinfo.Location, error) {
	return locationOps.byID(ctx, db, id)
}

// FindLocations returns a page of locations.
func (db *DB) FindLocations(ctx context.Context, f ratsinfo.LocationFilter) ([]*ratsinfo.Location, error) {
	return locationOps.list(ctx, db, f.ListFilter, nil, "")
}

func locationSpec(l *ratsinfo.Location) func(*txState) (*saveSpec, error) {
	return func(*txState) (*saveSpec, error) {
		return &saveSpec{
			body: l.BodyID,
			vals: []any{str(l.Description), str(l.GeoJSON), str(l.StreetAddress), str(l.Room), str(l.PostalCode),
				str(l.SubLocality), str(l.Locality)},
		}, nil
	}
}

// CreateLocation creates a location.
func (db *DB) CreateLocation(ctx context.Context, l *ratsinfo.Location) error {
	l.BodyIDs, l.OrganizationIDs, l.PersonIDs, l.MeetingIDs, l.PaperIDs = nil, nil, nil, nil, nil
	return db.saveObj(ctx, tLocation, true, &l.Meta, l.Validate, locationSpec(l))
}

// UpdateLocation replaces a location; every object that embeds it gets a new modified.
func (db *DB) UpdateLocation(ctx context.Context, l *ratsinfo.Location) error {
	return db.saveObj(ctx, tLocation, false, &l.Meta, l.Validate, locationSpec(l))
}

// DeleteLocation turns a location into a tombstone.
func (db *DB) DeleteLocation(ctx context.Context, id int64) error {
	return db.deleteObj(ctx, tLocation, id)
}
