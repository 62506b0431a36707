package sqldb

import (
	"context"
	"database/sql"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// loggedOut is what an unknown, expired or revoked session or link reads as:
// the visitor is simply not logged in.
func loggedOut() error {
	return ratsinfo.Errorf(ratsinfo.EUNAUTHORIZED, "Sie sind nicht (mehr) angemeldet. Bitte melden Sie sich an.")
}

// CreateSession stores a new session under the hash of its token.
func (db *DB) CreateSession(ctx context.Context, s *ratsinfo.Session, tokenHash string) error {
	if err := ratsinfo.CanAuthenticate(ctx); err != nil {
		return err
	}
	return db.write(ctx, "create session", func(t *txState, now time.Time) error {
		id, err := t.insert(ctx, `INSERT INTO account_session (token_hash, account_id, created, last_seen, client, user_agent) VALUES (?, ?, ?, ?, ?, ?)`,
			[]any{tokenHash, s.AccountID, now.UnixMicro(), now.UnixMicro(), s.Client, truncate(s.UserAgent, 300)})
		if err != nil {
			return err
		}
		s.ID, s.Created, s.LastSeen = id, fromMicros(now.UnixMicro()), fromMicros(now.UnixMicro())
		return nil
	})
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// touchEvery is how stale last_seen may be before a request writes it again: the
// idle limit is measured in hours, so one write a minute per session is enough.
const touchEvery = time.Minute

// FindSession returns the live session of a token hash and its account. An
// expired session is deleted on the spot.
func (db *DB) FindSession(ctx context.Context, tokenHash string, lim ratsinfo.SessionLimits) (*ratsinfo.Session, *ratsinfo.Account, error) {
	if err := ratsinfo.CanAuthenticate(ctx); err != nil {
		return nil, nil, err
	}
	list, err := db.findSessions(ctx, `s.token_hash = ?`, tokenHash)
	if err != nil {
		return nil, nil, err
	}
	if len(list) == 0 {
		return nil, nil, loggedOut()
	}
	s := list[0]
	now := db.now()
	if expired(s, lim, now) {
		if err := db.write(ctx, "end session", func(t *txState, _ time.Time) error {
			_, err := t.exec(ctx, `DELETE FROM account_session WHERE id = ?`, s.ID)
			return err
		}); err != nil {
			return nil, nil, err
		}
		return nil, nil, loggedOut()
	}
	a, err := db.findAccount(ctx, ` WHERE id = ? AND NOT disabled`, s.AccountID)
	if ratsinfo.ErrorCode(err) == ratsinfo.ENOTFOUND {
		return nil, nil, loggedOut()
	}
	if err != nil {
		return nil, nil, err
	}
	if now.Sub(s.LastSeen) >= touchEvery {
		if err := db.write(ctx, "touch session", func(t *txState, now time.Time) error {
			_, err := t.exec(ctx, `UPDATE account_session SET last_seen = ? WHERE id = ?`, now.UnixMicro(), s.ID)
			return err
		}); err != nil {
			return nil, nil, err
		}
		s.LastSeen = now
	}
	return s, a, nil
}

func expired(s *ratsinfo.Session, lim ratsinfo.SessionLimits, now time.Time) bool {
	return lim.Idle > 0 && now.Sub(s.LastSeen) > lim.Idle || lim.Absolute > 0 && now.Sub(s.Created) > lim.Absolute
}

func (db *DB) findSessions(ctx context.Context, where string, args ...any) ([]*ratsinfo.Session, error) {
	rows, err := db.reader(ctx).query(ctx, `SELECT s.id, s.account_id, s.created, s.last_seen, s.client, s.user_agent FROM account_session s WHERE `+
		where+` ORDER BY s.created DESC, s.id DESC`, args...)
	if err != nil {
		return nil, wrap("find sessions", err)
	}
	defer rows.Close()
	var out []*ratsinfo.Session
	for rows.Next() {
		s := &ratsinfo.Session{}
		var created, seen int64
		if err := rows.Scan(&s.ID, &s.AccountID, &created, &seen, &s.Client, &s.UserAgent); err != nil {
			return nil, wrap("find sessions", err)
		}
		s.Created, s.LastSeen = fromMicros(created), fromMicros(seen)
		out = append(out, s)
	}
	return out, wrap("find sessions", rows.Err())
}

// FindSessions lists an account's live sessions, newest first.
func (db *DB) FindSessions(ctx context.Context, accountID int64, lim ratsinfo.SessionLimits) ([]*ratsinfo.Session, error) {
	if err := ratsinfo.CanManageSessions(ctx, accountID); err != nil {
		return nil, err
	}
	list, err := db.findSessions(ctx, `s.account_id = ?`, accountID)
	if err != nil {
		return nil, err
	}
	now, live := db.now(), list[:0]
	for _, s := range list {
		if !expired(s, lim, now) {
			live = append(live, s)
		}
	}
	return live, nil
}

// DeleteSession ends one session of an account.
func (db *DB) DeleteSession(ctx context.Context, accountID, sessionID int64) error {
	if err := ratsinfo.CanManageSessions(ctx, accountID); err != nil {
		return err
	}
	return db.write(ctx, "end session", func(t *txState, _ time.Time) error {
		_, err := t.exec(ctx, `DELETE FROM account_session WHERE id = ? AND account_id = ?`, sessionID, accountID)
		return err
	})
}

// DeleteSessions ends every session of an account.
func (db *DB) DeleteSessions(ctx context.Context, accountID int64) error {
	if err := ratsinfo.CanManageSessions(ctx, accountID); err != nil {
		return err
	}
	return db.write(ctx, "end sessions", func(t *txState, _ time.Time) error {
		_, err := t.exec(ctx, `DELETE FROM account_session WHERE account_id = ?`, accountID)
		return err
	})
}

// CreatePasswordReset stores a reset link's token hash.
func (db *DB) CreatePasswordReset(ctx context.Context, accountID int64, tokenHash string, expires time.Time) error {
	if err := ratsinfo.CanAuthenticate(ctx); err != nil {
		return err
	}
	return db.write(ctx, "create password reset", func(t *txState, now time.Time) error {
		_, err := t.exec(ctx, `INSERT INTO password_reset (token_hash, account_id, created, expires) VALUES (?, ?, ?, ?)`,
			tokenHash, accountID, now.UnixMicro(), expires.UnixMicro())
		return err
	})
}

func resetInvalid() error {
	return ratsinfo.Errorf(ratsinfo.EUNAUTHORIZED, "Dieser Link zum Setzen des Passworts ist ungültig, schon benutzt oder abgelaufen (er gilt eine Stunde). Bitte fordern Sie unter „Passwort vergessen“ einen neuen an.")
}

// resetAccount returns the account of a usable reset link, or resetInvalid.
func (db *DB) resetAccount(ctx context.Context, q querier, tokenHash string, now time.Time) (int64, error) {
	rows, err := q.query(ctx, `SELECT r.account_id FROM password_reset r JOIN account a ON a.id = r.account_id
WHERE r.token_hash = ? AND r.used IS NULL AND r.expires > ? AND NOT a.disabled`, tokenHash, now.UnixMicro())
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return 0, err
		}
		return 0, resetInvalid()
	}
	var id int64
	err = rows.Scan(&id)
	return id, err
}

// PasswordResets counts the reset links made for an account since a time.
func (db *DB) PasswordResets(ctx context.Context, accountID int64, since time.Time) (int, error) {
	if err := ratsinfo.CanAuthenticate(ctx); err != nil {
		return 0, err
	}
	rows, err := db.reader(ctx).query(ctx, `SELECT COUNT(*) FROM password_reset WHERE account_id = ? AND created >= ?`, accountID, since.UnixMicro())
	if err != nil {
		return 0, wrap("count password resets", err)
	}
	defer rows.Close()
	n := 0
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, wrap("count password resets", err)
		}
	}
	return n, wrap("count password resets", rows.Err())
}

// PasswordResetValid reports whether a reset link can still be used.
func (db *DB) PasswordResetValid(ctx context.Context, tokenHash string) error {
	if err := ratsinfo.CanAuthenticate(ctx); err != nil {
		return err
	}
	_, err := db.resetAccount(ctx, db.reader(ctx), tokenHash, db.now())
	return wrap("check password reset", err)
}

// UsePasswordReset sets the password and uses the link up in one transaction,
// so two tabs sending the same link set one password, not two.
func (db *DB) UsePasswordReset(ctx context.Context, tokenHash, passwordHash string) (*ratsinfo.Account, error) {
	if err := ratsinfo.CanAuthenticate(ctx); err != nil {
		return nil, err
	}
	var id int64
	err := db.write(ctx, "use password reset", func(t *txState, now time.Time) error {
		var err error
		if id, err = db.resetAccount(ctx, t, tokenHash, now); err != nil {
			return err
		}
		res, err := t.exec(ctx, `UPDATE password_reset SET used = ? WHERE token_hash = ? AND used IS NULL`, now.UnixMicro(), tokenHash)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return resetInvalid()
		}
		if err := t.setPasswordHash(ctx, now, id, passwordHash); err != nil {
			return err
		}
		// A new password ends every session: whoever knew the old one is out.
		_, err = t.exec(ctx, `DELETE FROM account_session WHERE account_id = ?`, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return db.findAccount(ctx, ` WHERE id = ?`, id)
}

// loginAttemptsKept is how long login attempts are kept for throttling.
const loginAttemptsKept = 24 * time.Hour

// RecordLoginAttempt notes a login attempt for throttling.
func (db *DB) RecordLoginAttempt(ctx context.Context, email, client string, ok bool) error {
	if err := ratsinfo.CanAuthenticate(ctx); err != nil {
		return err
	}
	return db.write(ctx, "record login attempt", func(t *txState, now time.Time) error {
		// Attempts older than any throttling window are of no use: dropped
		// here, so the table stays as small as a day's logins.
		if _, err := t.exec(ctx, `DELETE FROM login_attempt WHERE at < ?`, now.Add(-loginAttemptsKept).UnixMicro()); err != nil {
			return err
		}
		_, err := t.exec(ctx, `INSERT INTO login_attempt (at, email_key, client, ok) VALUES (?, ?, ?, ?)`,
			now.UnixMicro(), truncate(emailKey(email), 320), client, ok)
		return err
	})
}

// LoginFailures counts failed logins since a time, per e-mail and per client.
// A successful login does not reset the count: an attacker who knows one
// password must not earn fresh guesses at others from the same address.
func (db *DB) LoginFailures(ctx context.Context, email, client string, since time.Time) (ratsinfo.LoginFailures, error) {
	var f ratsinfo.LoginFailures
	if err := ratsinfo.CanAuthenticate(ctx); err != nil {
		return f, err
	}
	count := func(col, val string) (int, time.Time, error) {
		rows, err := db.reader(ctx).query(ctx, `SELECT COUNT(*), MIN(at) FROM login_attempt WHERE `+col+` = ? AND at >= ? AND NOT ok`, val, since.UnixMicro())
		if err != nil {
			return 0, time.Time{}, err
		}
		defer rows.Close()
		var n int
		var oldest sql.NullInt64
		if rows.Next() {
			if err := rows.Scan(&n, &oldest); err != nil {
				return 0, time.Time{}, err
			}
		}
		if !oldest.Valid {
			return n, time.Time{}, rows.Err()
		}
		return n, fromMicros(oldest.Int64), rows.Err()
	}
	var err error
	if f.ByAccount, f.AccountOldest, err = count("email_key", emailKey(email)); err != nil {
		return f, wrap("count login failures", err)
	}
	f.ByClient, f.ClientOldest, err = count("client", client)
	return f, wrap("count login failures", err)
}
