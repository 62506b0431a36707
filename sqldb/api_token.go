package sqldb

import (
	"context"
	"database/sql"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// CreateAPIToken stores a token hash for an account.
func (db *DB) CreateAPIToken(ctx context.Context, tok *ratsinfo.APIToken, tokenHash string) error {
	if err := ratsinfo.CanManageTokens(ctx, tok.AccountID); err != nil {
		return err
	}
	if len(tok.Name) > 200 {
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Der Name des API-Schlüssels ist zu lang; höchstens 200 Zeichen sind erlaubt.")
	}
	return db.write(ctx, "create api token", func(t *txState, now time.Time) error {
		id, err := t.insert(ctx, `INSERT INTO api_token (token_hash, account_id, name, created) VALUES (?, ?, ?, ?)`,
			[]any{tokenHash, tok.AccountID, tok.Name, now.UnixMicro()})
		if err != nil {
			return err
		}
		tok.ID, tok.Created = id, fromMicros(now.UnixMicro())
		return nil
	})
}

// FindAPITokens lists tokens, of one account or (0) of all, newest first.
func (db *DB) FindAPITokens(ctx context.Context, accountID int64) ([]*ratsinfo.APIToken, error) {
	if err := ratsinfo.CanManageTokens(ctx, accountID); err != nil {
		return nil, err
	}
	c := &cond{}
	if accountID != 0 {
		c.add("t.account_id = ?", accountID)
	}
	list, err := db.findTokens(ctx, c)
	return list, wrap("find api tokens", err)
}

func (db *DB) findTokens(ctx context.Context, c *cond) ([]*ratsinfo.APIToken, error) {
	rows, err := db.reader(ctx).query(ctx, `SELECT t.id, t.account_id, a.email, t.name, t.created, t.last_used, t.revoked
FROM api_token t JOIN account a ON a.id = t.account_id`+c.sql()+` ORDER BY t.id DESC`, c.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ratsinfo.APIToken
	for rows.Next() {
		tok := &ratsinfo.APIToken{}
		var created int64
		var used, revoked sql.NullInt64
		if err := rows.Scan(&tok.ID, &tok.AccountID, &tok.Email, &tok.Name, &created, &used, &revoked); err != nil {
			return nil, err
		}
		tok.Created = fromMicros(created)
		if used.Valid {
			tok.LastUsed = fromMicros(used.Int64)
		}
		if revoked.Valid {
			tok.Revoked = fromMicros(revoked.Int64)
		}
		out = append(out, tok)
	}
	return out, rows.Err()
}

// RevokeAPIToken revokes a token; revoking it again changes nothing.
func (db *DB) RevokeAPIToken(ctx context.Context, id int64) error {
	c := &cond{}
	c.add("t.id = ?", id)
	list, err := db.findTokens(ctx, c)
	if err != nil {
		return wrap("revoke api token", err)
	}
	if len(list) == 0 {
		if err := ratsinfo.CanManageTokens(ctx, 0); err != nil {
			return err
		}
		return ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Den API-Schlüssel Nr. %d gibt es nicht. „ratsinfo token list“ zeigt die Nummern.", id)
	}
	if err := ratsinfo.CanManageTokens(ctx, list[0].AccountID); err != nil {
		return err
	}
	return db.write(ctx, "revoke api token", func(t *txState, now time.Time) error {
		_, err := t.exec(ctx, `UPDATE api_token SET revoked = ? WHERE id = ? AND revoked IS NULL`, now.UnixMicro(), id)
		return err
	})
}

func tokenInvalid() error {
	return ratsinfo.Errorf(ratsinfo.EUNAUTHORIZED, "Der API-Schlüssel ist unbekannt, widerrufen oder gehört zu einem gesperrten Konto. Bitte einen gültigen Schlüssel als „Authorization: Bearer …“ senden.")
}

// AuthenticateAPIToken returns the account of a valid token and notes its use
// (at most once a minute, so that a busy client does not write on every call).
func (db *DB) AuthenticateAPIToken(ctx context.Context, tokenHash string) (*ratsinfo.Account, error) {
	if err := ratsinfo.CanAuthenticate(ctx); err != nil {
		return nil, err
	}
	c := &cond{}
	c.add("t.token_hash = ?", tokenHash)
	c.add("t.revoked IS NULL")
	list, err := db.findTokens(ctx, c)
	if err != nil {
		return nil, wrap("authenticate api token", err)
	}
	if len(list) == 0 {
		return nil, tokenInvalid()
	}
	tok := list[0]
	a, err := db.findAccount(ctx, ` WHERE id = ? AND NOT disabled`, tok.AccountID)
	if ratsinfo.ErrorCode(err) == ratsinfo.ENOTFOUND {
		return nil, tokenInvalid()
	}
	if err != nil {
		return nil, err
	}
	if now := db.now(); now.Sub(tok.LastUsed) >= touchEvery {
		if err := db.write(ctx, "note api token use", func(t *txState, now time.Time) error {
			_, err := t.exec(ctx, `UPDATE api_token SET last_used = ? WHERE id = ?`, now.UnixMicro(), tok.ID)
			return err
		}); err != nil {
			return nil, err
		}
	}
	return a, nil
}
