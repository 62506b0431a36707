-- Accounts of the back office and the JSON API, with their roles per body,
-- browser sessions, password-reset links, API tokens and login attempts.
-- Not part of the council record: no audit or change-feed rows. Sessions,
-- links and tokens are stored as the SHA-256 of their secret only.

CREATE TABLE account (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	email TEXT NOT NULL,
	email_key TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	password_hash TEXT NOT NULL DEFAULT '',
	disabled BOOLEAN NOT NULL DEFAULT FALSE,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL
);

CREATE TABLE account_grant (
	account_id BIGINT NOT NULL REFERENCES account (id),
	pos INTEGER NOT NULL,
	role TEXT NOT NULL,
	body_id BIGINT NOT NULL,
	person_id BIGINT,
	organization_id BIGINT,
	PRIMARY KEY (account_id, pos)
);

CREATE TABLE account_session (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	token_hash TEXT NOT NULL UNIQUE,
	account_id BIGINT NOT NULL REFERENCES account (id),
	created BIGINT NOT NULL,
	last_seen BIGINT NOT NULL,
	client TEXT NOT NULL DEFAULT '',
	user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX account_session_account ON account_session (account_id);

CREATE TABLE password_reset (
	token_hash TEXT PRIMARY KEY,
	account_id BIGINT NOT NULL REFERENCES account (id),
	created BIGINT NOT NULL,
	expires BIGINT NOT NULL,
	used BIGINT
);
CREATE INDEX password_reset_account ON password_reset (account_id);

CREATE TABLE api_token (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	token_hash TEXT NOT NULL UNIQUE,
	account_id BIGINT NOT NULL REFERENCES account (id),
	name TEXT NOT NULL DEFAULT '',
	created BIGINT NOT NULL,
	last_used BIGINT,
	revoked BIGINT
);
CREATE INDEX api_token_account ON api_token (account_id);

CREATE TABLE login_attempt (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	at BIGINT NOT NULL,
	email_key TEXT NOT NULL,
	client TEXT NOT NULL,
	ok BOOLEAN NOT NULL
);
CREATE INDEX login_attempt_email ON login_attempt (email_key, at);
CREATE INDEX login_attempt_client ON login_attempt (client, at);
CREATE INDEX login_attempt_at ON login_attempt (at);
