package ratsinfo

import (
	"context"
	"time"
)

// Session is one login of an account in a browser. The store keeps only the
// hash of its token (HashSecret), so that several instances on one database
// share the sessions and a copy of the database logs nobody in.
type Session struct {
	ID        int64
	AccountID int64
	Created   time.Time
	LastSeen  time.Time
	Client    string // the address the login came from
	UserAgent string
}

// SessionLimits end a session: after Idle without a request, and after Absolute
// since the login whatever happens.
type SessionLimits struct {
	Idle     time.Duration
	Absolute time.Duration
}

// APIToken is a bearer token of an account for the JSON API. Only its hash is
// stored; the token is shown once, when it is created.
type APIToken struct {
	ID        int64
	AccountID int64
	Email     string // the account's, for listings
	Name      string
	Created   time.Time
	LastUsed  time.Time // zero: never used
	Revoked   time.Time // zero: valid
}

// LoginFailures counts the failed logins in a window, per account (its e-mail)
// and per client address, and when the oldest of each falls out of the window.
type LoginFailures struct {
	ByAccount, ByClient         int
	AccountOldest, ClientOldest time.Time
}

// AccountUpdate changes an account; nil fields stay as they are.
type AccountUpdate struct {
	Name     *string
	Disabled *bool
	Grants   *[]Grant
}

// AccountStore keeps accounts, their sessions, reset links, API tokens and login
// attempts. Every method asks the domain's rules (permission.go) with the viewer
// in ctx. The credential methods (PasswordHash, FindSession, …) are the
// program's own: only RoleSystem calls them, when the office or the API
// authenticates a request.
type AccountStore interface {
	// CreateAccount validates a and stores it with its grants (admin).
	CreateAccount(ctx context.Context, a *Account) error
	// FindAccountByID returns an account with its grants (itself or admin).
	FindAccountByID(ctx context.Context, id int64) (*Account, error)
	// FindAccountByEmail returns an account by its e-mail, case-insensitively (admin).
	FindAccountByEmail(ctx context.Context, email string) (*Account, error)
	// FindAccounts returns every account in e-mail order (admin).
	FindAccounts(ctx context.Context) ([]*Account, error)
	// UpdateAccount changes name, disabled flag or grants (admin). Disabling an
	// account ends its sessions at once.
	UpdateAccount(ctx context.Context, id int64, u AccountUpdate) error

	// PasswordHash returns the account of an e-mail and its password hash
	// ("" when none is set yet), for the login (system).
	PasswordHash(ctx context.Context, email string) (*Account, string, error)
	// SetPasswordHash replaces an account's password hash (itself or system).
	SetPasswordHash(ctx context.Context, id int64, hash string) error

	// CreateSession stores a new session under the hash of its token (system).
	CreateSession(ctx context.Context, s *Session, tokenHash string) error
	// FindSession returns the live session of a token hash and its account;
	// ENOTFOUND (EUNAUTHORIZED) for an unknown, expired or revoked session or a
	// disabled account. It notes the request as the session's last use (system).
	FindSession(ctx context.Context, tokenHash string, lim SessionLimits) (*Session, *Account, error)
	// FindSessions lists an account's live sessions, newest first (itself or admin).
	FindSessions(ctx context.Context, accountID int64, lim SessionLimits) ([]*Session, error)
	// DeleteSession ends one session of an account (itself or admin).
	DeleteSession(ctx context.Context, accountID, sessionID int64) error
	// DeleteSessions ends every session of an account: "überall abmelden"
	// (itself or admin).
	DeleteSessions(ctx context.Context, accountID int64) error

	// CreatePasswordReset stores a reset link's token hash, valid until expires (system).
	CreatePasswordReset(ctx context.Context, accountID int64, tokenHash string, expires time.Time) error
	// UsePasswordReset sets the password hash of the link's account and uses the
	// link up, in one transaction; EUNAUTHORIZED for an unknown, used or expired
	// link. Every session of the account ends (system).
	UsePasswordReset(ctx context.Context, tokenHash, passwordHash string) (*Account, error)
	// PasswordResets counts the reset links made for an account since a time,
	// so that "Passwort vergessen" cannot flood a mailbox (system).
	PasswordResets(ctx context.Context, accountID int64, since time.Time) (int, error)
	// PasswordResetValid reports whether a reset link can still be used (system).
	PasswordResetValid(ctx context.Context, tokenHash string) error

	// CreateAPIToken stores a token hash for an account (itself, admin or system).
	CreateAPIToken(ctx context.Context, t *APIToken, tokenHash string) error
	// FindAPITokens lists tokens, of one account or (0) of all (itself or admin).
	FindAPITokens(ctx context.Context, accountID int64) ([]*APIToken, error)
	// RevokeAPIToken revokes a token (its account or admin).
	RevokeAPIToken(ctx context.Context, id int64) error
	// AuthenticateAPIToken returns the account of a valid token and notes its
	// use; EUNAUTHORIZED for an unknown or revoked token or a disabled account (system).
	AuthenticateAPIToken(ctx context.Context, tokenHash string) (*Account, error)

	// RecordLoginAttempt notes a login attempt for throttling (system).
	RecordLoginAttempt(ctx context.Context, email, client string, ok bool) error
	// LoginFailures counts failed logins since a time (system).
	LoginFailures(ctx context.Context, email, client string, since time.Time) (LoginFailures, error)
}
