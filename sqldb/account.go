package sqldb

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Accounts live beside the council record, not in it: no audit or change-feed
// rows, so nothing of them reaches OParl, search or feeds. Every method asks
// the domain's account rules (ratsinfo.CanManageAccounts …) first.
var _ ratsinfo.AccountStore = (*DB)(nil)

// emailKey is the form an e-mail is unique and looked up in: mail systems treat
// the address case-insensitively in practice, and a login must not fail on "Erika@".
func emailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

func accountNotFound() error {
	return ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Das Konto wurde nicht gefunden.")
}

// CreateAccount validates a and stores it with its grants.
func (db *DB) CreateAccount(ctx context.Context, a *ratsinfo.Account) error {
	if err := ratsinfo.CanManageAccounts(ctx); err != nil {
		return err
	}
	if err := a.Validate(); err != nil {
		return err
	}
	return db.write(ctx, "create account", func(t *txState, now time.Time) error {
		id, err := t.insert(ctx, `INSERT INTO account (email, email_key, name, password_hash, disabled, created, modified) VALUES (?, ?, ?, '', ?, ?, ?)`,
			[]any{a.Email, emailKey(a.Email), a.Name, a.Disabled, now.UnixMicro(), now.UnixMicro()})
		if err != nil {
			if ratsinfo.ErrorCode(translate(err)) == ratsinfo.ECONFLICT {
				return ratsinfo.Errorf(ratsinfo.ECONFLICT, "Ein Konto mit der E-Mail-Adresse %s gibt es schon.", a.Email)
			}
			return err
		}
		if err := t.writeGrants(ctx, id, a.Grants); err != nil {
			return err
		}
		a.ID, a.Created, a.Modified = id, fromMicros(now.UnixMicro()), fromMicros(now.UnixMicro())
		return nil
	})
}

func (t *txState) writeGrants(ctx context.Context, id int64, grants []ratsinfo.Grant) error {
	if _, err := t.exec(ctx, `DELETE FROM account_grant WHERE account_id = ?`, id); err != nil {
		return err
	}
	for i, g := range grants {
		if _, err := t.exec(ctx, `INSERT INTO account_grant (account_id, pos, role, body_id, person_id, organization_id) VALUES (?, ?, ?, ?, ?, ?)`,
			id, i, string(g.Role), g.BodyID, ref(g.PersonID), ref(g.OrganizationID)); err != nil {
			return err
		}
	}
	return nil
}

const accountCols = `id, email, name, disabled, created, modified`

func scanAccount(rows *sql.Rows) (*ratsinfo.Account, error) {
	a := &ratsinfo.Account{}
	var created, modified int64
	if err := rows.Scan(&a.ID, &a.Email, &a.Name, &a.Disabled, &created, &modified); err != nil {
		return nil, err
	}
	a.Created, a.Modified = fromMicros(created), fromMicros(modified)
	return a, nil
}

// findAccounts reads accounts matching where, with their grants, in e-mail order.
func (db *DB) findAccounts(ctx context.Context, where string, args ...any) ([]*ratsinfo.Account, error) {
	q := db.reader(ctx)
	rows, err := q.query(ctx, `SELECT `+accountCols+` FROM account`+where+` ORDER BY email_key`, args...)
	if err != nil {
		return nil, err
	}
	var out []*ratsinfo.Account
	byID := map[int64]*ratsinfo.Account{}
	for rows.Next() {
		a, err := scanAccount(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, a)
		byID[a.ID] = a
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	ids := make([]int64, 0, len(out))
	for _, a := range out {
		ids = append(ids, a.ID)
	}
	in, arg := db.inIDs("account_id", ids)
	rows, err = q.query(ctx, `SELECT account_id, role, body_id, person_id, organization_id FROM account_grant WHERE `+in+` ORDER BY account_id, pos`, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var g ratsinfo.Grant
		var role string
		var person, org sql.NullInt64
		if err := rows.Scan(&id, &role, &g.BodyID, &person, &org); err != nil {
			return nil, err
		}
		g.Role, g.PersonID, g.OrganizationID = ratsinfo.GrantRole(role), person.Int64, org.Int64
		byID[id].Grants = append(byID[id].Grants, g)
	}
	return out, rows.Err()
}

func (db *DB) findAccount(ctx context.Context, where string, args ...any) (*ratsinfo.Account, error) {
	list, err := db.findAccounts(ctx, where, args...)
	if err != nil {
		return nil, wrap("find account", err)
	}
	if len(list) == 0 {
		return nil, accountNotFound()
	}
	return list[0], nil
}

// FindAccountByID returns an account with its grants.
func (db *DB) FindAccountByID(ctx context.Context, id int64) (*ratsinfo.Account, error) {
	if err := ratsinfo.CanReadAccount(ctx, id); err != nil {
		return nil, err
	}
	return db.findAccount(ctx, ` WHERE id = ?`, id)
}

// FindAccountByEmail returns an account by its e-mail, case-insensitively.
func (db *DB) FindAccountByEmail(ctx context.Context, email string) (*ratsinfo.Account, error) {
	if err := ratsinfo.CanManageAccounts(ctx); err != nil {
		return nil, err
	}
	return db.findAccount(ctx, ` WHERE email_key = ?`, emailKey(email))
}

// FindAccounts returns every account in e-mail order.
func (db *DB) FindAccounts(ctx context.Context) ([]*ratsinfo.Account, error) {
	if err := ratsinfo.CanManageAccounts(ctx); err != nil {
		return nil, err
	}
	list, err := db.findAccounts(ctx, "")
	return list, wrap("find accounts", err)
}

// UpdateAccount changes name, disabled flag or grants; disabling ends every
// session of the account in the same transaction.
func (db *DB) UpdateAccount(ctx context.Context, id int64, u ratsinfo.AccountUpdate) error {
	if err := ratsinfo.CanManageAccounts(ctx); err != nil {
		return err
	}
	a, err := db.findAccount(ctx, ` WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if u.Name != nil {
		a.Name = *u.Name
	}
	if u.Disabled != nil {
		a.Disabled = *u.Disabled
	}
	if u.Grants != nil {
		a.Grants = *u.Grants
	}
	if err := a.Validate(); err != nil {
		return err
	}
	return db.write(ctx, "update account", func(t *txState, now time.Time) error {
		if _, err := t.exec(ctx, `UPDATE account SET name = ?, disabled = ?, modified = ? WHERE id = ?`, a.Name, a.Disabled, now.UnixMicro(), id); err != nil {
			return err
		}
		if u.Grants != nil {
			if err := t.writeGrants(ctx, id, a.Grants); err != nil {
				return err
			}
		}
		if a.Disabled {
			if _, err := t.exec(ctx, `DELETE FROM account_session WHERE account_id = ?`, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// PasswordHash returns the account of an e-mail and its password hash.
func (db *DB) PasswordHash(ctx context.Context, email string) (*ratsinfo.Account, string, error) {
	if err := ratsinfo.CanAuthenticate(ctx); err != nil {
		return nil, "", err
	}
	a, err := db.findAccount(ctx, ` WHERE email_key = ?`, emailKey(email))
	if err != nil {
		return nil, "", err
	}
	rows, err := db.reader(ctx).query(ctx, `SELECT password_hash FROM account WHERE id = ?`, a.ID)
	if err != nil {
		return nil, "", wrap("password hash", err)
	}
	defer rows.Close()
	var hash string
	if rows.Next() {
		if err := rows.Scan(&hash); err != nil {
			return nil, "", wrap("password hash", err)
		}
	}
	return a, hash, wrap("password hash", rows.Err())
}

// SetPasswordHash replaces an account's password hash.
func (db *DB) SetPasswordHash(ctx context.Context, id int64, hash string) error {
	if err := ratsinfo.CanSetPassword(ctx, id); err != nil {
		return err
	}
	return db.write(ctx, "set password", func(t *txState, now time.Time) error {
		return t.setPasswordHash(ctx, now, id, hash)
	})
}

func (t *txState) setPasswordHash(ctx context.Context, now time.Time, id int64, hash string) error {
	res, err := t.exec(ctx, `UPDATE account SET password_hash = ?, modified = ? WHERE id = ?`, hash, now.UnixMicro(), id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return accountNotFound()
	}
	return nil
}
