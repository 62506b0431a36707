package sqldb

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// FindSystem returns the one system row that the first migration created.
func (db *DB) FindSystem(ctx context.Context) (*ratsinfo.System, error) {
	rows, err := db.reader(ctx).query(ctx, `SELECT id, created, modified, keyword, license, name, contact_email, contact_name, website, vendor, product FROM system WHERE id = 1`)
	if err != nil {
		return nil, wrap("find system", err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, wrap("find system", err)
		}
		return nil, ratsinfo.NotFound(ratsinfo.KindSystem, 1)
	}
	s := &ratsinfo.System{}
	err = rows.Scan(&s.ID, ntime{&s.Created}, ntime{&s.Modified}, nstrs{&s.Keyword}, nstr{&s.License}, nstr{&s.Name},
		nstr{&s.ContactEmail}, nstr{&s.ContactName}, nstr{&s.Website}, nstr{&s.Vendor}, nstr{&s.Product})
	return s, wrap("find system", err)
}

// UpdateSystem replaces the system's properties, if s.Modified is still the
// stored one (see ratsinfo.RecordWriter).
func (db *DB) UpdateSystem(ctx context.Context, s *ratsinfo.System) error {
	if err := ratsinfo.CanWriteRecord(ctx, ratsinfo.KindSystem); err != nil {
		return err
	}
	if err := s.Validate(); err != nil {
		return err
	}
	return db.write(ctx, "update system", func(t *txState, now time.Time) error {
		var old, created int64
		if err := t.queryRow(ctx, `SELECT modified FROM system WHERE id = 1`).Scan(&old); err != nil {
			return err
		}
		if err := ratsinfo.CheckModified(ratsinfo.KindSystem, s.Modified, fromMicros(old)); err != nil {
			return err
		}
		mod := nextModified(now, old)
		err := t.queryRow(ctx, `UPDATE system SET modified = ?, keyword = ?, license = ?, name = ?, contact_email = ?, contact_name = ?, website = ?, vendor = ?, product = ? WHERE id = 1 AND modified = ? RETURNING created`,
			mod, strs(s.Keyword), str(s.License), s.Name, str(s.ContactEmail), str(s.ContactName), str(s.Website), str(s.Vendor), str(s.Product), old).Scan(&created)
		if errors.Is(err, sql.ErrNoRows) {
			// A concurrent update committed between the check and the UPDATE.
			if err := t.queryRow(ctx, `SELECT modified FROM system WHERE id = 1`).Scan(&old); err != nil {
				return err
			}
			return cmp.Or(ratsinfo.CheckModified(ratsinfo.KindSystem, s.Modified, fromMicros(old)), errRaced)
		}
		if err != nil {
			return err
		}
		s.ID, s.Created, s.Modified, s.Deleted = 1, fromMicros(created), fromMicros(mod), false
		return t.record(ctx, now, "update", ratsinfo.KindSystem, 1, 0)
	})
}

var bodyOps = &kindOps[*ratsinfo.Body]{
	tb: tBody,
	scan: func(sc func(...any) error) (*ratsinfo.Body, *ratsinfo.Meta, error) {
		b := &ratsinfo.Body{}
		var self int64
		err := sc(metaDest(&b.Meta, &self, nstr{&b.ShortName}, nstr{&b.Name}, nstr{&b.Website},
			ntime{&b.LicenseValidSince}, ntime{&b.OparlSince}, nstr{&b.AGS}, nstr{&b.RGS}, nstrs{&b.Equivalent},
			nstr{&b.ContactEmail}, nstr{&b.ContactName}, nstr{&b.Classification}, nint{&b.LocationID})...)
		return b, &b.Meta, err
	},
	tomb: func(m ratsinfo.Meta) *ratsinfo.Body { return &ratsinfo.Body{Meta: m} },
}

// FindBodyByID returns a body, or its tombstone.
func (db *DB) FindBodyByID(ctx context.Context, id int64) (*ratsinfo.Body, error) {
	return bodyOps.byID(ctx, db, id)
}

// FindBodies returns a page of bodies.
func (db *DB) FindBodies(ctx context.Context, f ratsinfo.BodyFilter) ([]*ratsinfo.Body, error) {
	return bodyOps.list(ctx, db, f.ListFilter, nil, "")
}

func bodySpec(b *ratsinfo.Body) *saveSpec {
	return &saveSpec{
		body: b.ID,
		vals: []any{str(b.ShortName), b.Name, str(b.Website), micros(b.LicenseValidSince), micros(b.OparlSince),
			str(b.AGS), str(b.RGS), strs(b.Equivalent), str(b.ContactEmail), str(b.ContactName), str(b.Classification), ref(b.LocationID)},
		refs:   []refCheck{{"location", ratsinfo.KindLocation, one(b.LocationID)}},
		attach: []attach{{ratsinfo.KindLocation, one(b.LocationID)}},
		public: true,
	}
}

// CreateBody creates a body. Its location can only be set by an update, since a
// location belongs to a body that must exist first.
func (db *DB) CreateBody(ctx context.Context, b *ratsinfo.Body) error {
	return db.saveObj(ctx, tBody, true, &b.Meta, b.Validate, func(*txState) (*saveSpec, error) { return bodySpec(b), nil })
}

// UpdateBody replaces a body.
func (db *DB) UpdateBody(ctx context.Context, b *ratsinfo.Body) error {
	return db.saveObj(ctx, tBody, false, &b.Meta, b.Validate, func(*txState) (*saveSpec, error) { return bodySpec(b), nil })
}

// DeleteBody turns a body into a tombstone.
func (db *DB) DeleteBody(ctx context.Context, id int64) error { return db.deleteObj(ctx, tBody, id) }

var termOps = &kindOps[*ratsinfo.LegislativeTerm]{
	tb: tLegislativeTerm,
	scan: func(sc func(...any) error) (*ratsinfo.LegislativeTerm, *ratsinfo.Meta, error) {
		x := &ratsinfo.LegislativeTerm{}
		err := sc(metaDest(&x.Meta, &x.BodyID, nstr{&x.Name}, ndate{&x.StartDate}, ndate{&x.EndDate})...)
		return x, &x.Meta, err
	},
	tomb: func(m ratsinfo.Meta) *ratsinfo.LegislativeTerm { return &ratsinfo.LegislativeTerm{Meta: m} },
}

// FindLegislativeTermByID returns a legislative term, or its tombstone.
func (db *DB) FindLegislativeTermByID(ctx context.Context, id int64) (*ratsinfo.LegislativeTerm, error) {
	return termOps.byID(ctx, db, id)
}

// FindLegislativeTerms returns a page of legislative terms.
func (db *DB) FindLegislativeTerms(ctx context.Context, f ratsinfo.LegislativeTermFilter) ([]*ratsinfo.LegislativeTerm, error) {
	return termOps.list(ctx, db, f.ListFilter, nil, "")
}

func termSpec(ctx context.Context, x *ratsinfo.LegislativeTerm) func(t *txState) (*saveSpec, error) {
	return func(t *txState) (*saveSpec, error) {
		if _, err := t.parentBody(ctx, ratsinfo.KindLegislativeTerm, "body", ratsinfo.KindBody, x.BodyID); err != nil {
			return nil, err
		}
		return &saveSpec{body: x.BodyID, parent: x.BodyID, vals: []any{x.Name, date(x.StartDate), date(x.EndDate)}}, nil
	}
}

// CreateLegislativeTerm creates a legislative term; its body gets a new modified.
func (db *DB) CreateLegislativeTerm(ctx context.Context, x *ratsinfo.LegislativeTerm) error {
	return db.saveObj(ctx, tLegislativeTerm, true, &x.Meta, x.Validate, termSpec(ctx, x))
}

// UpdateLegislativeTerm replaces a legislative term.
func (db *DB) UpdateLegislativeTerm(ctx context.Context, x *ratsinfo.LegislativeTerm) error {
	return db.saveObj(ctx, tLegislativeTerm, false, &x.Meta, x.Validate, termSpec(ctx, x))
}

// DeleteLegislativeTerm turns a legislative term into a tombstone.
func (db *DB) DeleteLegislativeTerm(ctx context.Context, id int64) error {
	return db.deleteObj(ctx, tLegislativeTerm, id)
}
