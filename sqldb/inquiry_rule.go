package sqldb

import (
	"context"
	"slices"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Deadline rules are settings of a body beside the council record, like
// accounts: no audit or change-feed rows. A registration records the rule it
// applied in the inquiry's own trail.
var _ ratsinfo.InquiryRuleStore = (*DB)(nil)

// FindInquiryRules returns the rules of body in the order of the paper types.
func (db *DB) FindInquiryRules(ctx context.Context, body int64) ([]*ratsinfo.InquiryRule, error) {
	if err := ratsinfo.CanReadInquiryRules(ctx, body); err != nil {
		return nil, err
	}
	list, err := loadInquiryRules(ctx, db.reader(ctx), body, "")
	return list, wrap("find inquiry rules", err)
}

// loadInquiryRules reads the rules of body, of one paper type when it is set.
func loadInquiryRules(ctx context.Context, r querier, body int64, paperType string) ([]*ratsinfo.InquiryRule, error) {
	q := `SELECT body_id, paper_type, basis, period, modified FROM inquiry_rule WHERE body_id = ?`
	args := []any{body}
	if paperType != "" {
		q += ` AND paper_type = ?`
		args = append(args, paperType)
	}
	rows, err := r.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ratsinfo.InquiryRule
	for rows.Next() {
		rule := &ratsinfo.InquiryRule{}
		var basis, period string
		var modified int64
		if err := rows.Scan(&rule.BodyID, &rule.PaperType, &basis, &period, &modified); err != nil {
			return nil, err
		}
		p, err := ratsinfo.ParsePeriod(period)
		if err != nil {
			return nil, err
		}
		rule.Basis, rule.Period, rule.Modified = ratsinfo.DeadlineBasis(basis), p, fromMicros(modified)
		out = append(out, rule)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	order := ratsinfo.InquiryPaperTypes()
	slices.SortFunc(out, func(a, b *ratsinfo.InquiryRule) int {
		return slices.Index(order, a.PaperType) - slices.Index(order, b.PaperType)
	})
	return out, nil
}

// SetInquiryRule stores r, replacing the rule of its body and paper type.
func (db *DB) SetInquiryRule(ctx context.Context, r *ratsinfo.InquiryRule) error {
	if err := ratsinfo.CanManageInquiryRules(ctx, r.BodyID); err != nil {
		return err
	}
	if err := r.Validate(); err != nil {
		return err
	}
	return db.write(ctx, "set inquiry rule", func(t *txState, now time.Time) error {
		var n int
		if err := t.queryRow(ctx, `SELECT COUNT(*) FROM body WHERE id = ? AND deleted = FALSE`, r.BodyID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ratsinfo.NotFound(ratsinfo.KindBody, r.BodyID)
		}
		us := now.UnixMicro()
		_, err := t.exec(ctx, `INSERT INTO inquiry_rule (body_id, paper_type, basis, period, modified) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (body_id, paper_type) DO UPDATE SET basis = excluded.basis, period = excluded.period, modified = excluded.modified`,
			r.BodyID, r.PaperType, string(r.Basis), r.Period.String(), us)
		r.Modified = fromMicros(us)
		return err
	})
}

// DeleteInquiryRule removes the rule of body for paperType.
func (db *DB) DeleteInquiryRule(ctx context.Context, body int64, paperType string) error {
	if err := ratsinfo.CanManageInquiryRules(ctx, body); err != nil {
		return err
	}
	return db.write(ctx, "delete inquiry rule", func(t *txState, _ time.Time) error {
		res, err := t.exec(ctx, `DELETE FROM inquiry_rule WHERE body_id = ? AND paper_type = ?`, body, paperType)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err != nil {
				return err
			}
			return ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Für „%s“ gibt es keine Fristregel.", paperType)
		}
		return nil
	})
}
