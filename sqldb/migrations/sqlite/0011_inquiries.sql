-- Inquiries (Anfragen) as the back office keeps them: who asks, the numbered
-- questions with their answers, and the path through the administration. Not
-- part of the OParl record: the public sees an inquiry as a Paper. The audit
-- trail (inquiry_event) is only ever added to.

CREATE TABLE inquiry (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	body_id BIGINT NOT NULL REFERENCES body (id),
	title TEXT NOT NULL,
	preamble TEXT NOT NULL DEFAULT '',
	faction_id BIGINT,
	external_inquirer TEXT NOT NULL DEFAULT '',
	external_consent BOOLEAN NOT NULL DEFAULT FALSE,
	preferred_committee_id BIGINT,
	state TEXT NOT NULL,
	confidential BOOLEAN NOT NULL DEFAULT FALSE,
	reference TEXT NOT NULL DEFAULT '',
	received_on TEXT NOT NULL DEFAULT '',
	unit_id BIGINT,
	period TEXT NOT NULL DEFAULT '',
	deadline TEXT NOT NULL DEFAULT '',
	deadline_nominal TEXT NOT NULL DEFAULT '',
	deadline_moved TEXT NOT NULL DEFAULT '',
	deadline_note TEXT NOT NULL DEFAULT '',
	paper_id BIGINT,
	answer_paper_id BIGINT,
	created_by BIGINT,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL
);
CREATE UNIQUE INDEX inquiry_reference ON inquiry (body_id, reference) WHERE reference <> '';
-- Lists run newest first and stop after a page; their counts read this index
-- alone instead of every row.
CREATE INDEX inquiry_created ON inquiry (created, id);
CREATE INDEX inquiry_counts ON inquiry (state, confidential, deadline, body_id, unit_id, faction_id, created_by);

CREATE TABLE inquiry_inquirer (
	inquiry_id BIGINT NOT NULL REFERENCES inquiry (id),
	pos INTEGER NOT NULL,
	person_id BIGINT NOT NULL,
	PRIMARY KEY (inquiry_id, pos)
);
CREATE INDEX inquiry_inquirer_person ON inquiry_inquirer (person_id);

CREATE TABLE inquiry_question (
	inquiry_id BIGINT NOT NULL REFERENCES inquiry (id),
	number INTEGER NOT NULL,
	text TEXT NOT NULL,
	points TEXT NOT NULL DEFAULT '[]',
	answer TEXT NOT NULL DEFAULT '',
	answer_by BIGINT,
	answer_modified BIGINT,
	PRIMARY KEY (inquiry_id, number)
);

CREATE TABLE inquiry_event (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	inquiry_id BIGINT NOT NULL REFERENCES inquiry (id),
	at BIGINT NOT NULL,
	actor_id BIGINT,
	action TEXT NOT NULL,
	from_state TEXT NOT NULL DEFAULT '',
	to_state TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inquiry_event_inquiry ON inquiry_event (inquiry_id, id);
