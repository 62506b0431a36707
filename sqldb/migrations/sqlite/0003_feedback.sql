-- Messages from the website's forms (accessibility feedback, "report this file")
-- for the council office. Not an OParl object: no audit or change-feed rows, so
-- nothing of it can reach the API, search or feeds.

CREATE TABLE feedback (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	created BIGINT NOT NULL,
	kind TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	file_id BIGINT,
	page TEXT NOT NULL DEFAULT '',
	lang TEXT NOT NULL DEFAULT 'de',
	name TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL
);
CREATE INDEX feedback_created ON feedback (created, id);
