-- Initial schema. Times are unix microseconds UTC, dates 'YYYY-MM-DD', string lists
-- JSON text. body_id is denormalised onto child kinds so every list filters by body
-- without a join.

CREATE TABLE system (
	id INTEGER PRIMARY KEY,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL,
	keyword TEXT,
	license TEXT,
	name TEXT NOT NULL,
	contact_email TEXT,
	contact_name TEXT,
	website TEXT,
	vendor TEXT,
	product TEXT
);
INSERT INTO system (id, created, modified, name) VALUES (1, {{now}}, {{now}}, 'Ratsinfo');

CREATE TABLE body (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	body_id BIGINT,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL,
	deleted BOOLEAN NOT NULL DEFAULT FALSE,
	keyword TEXT,
	license TEXT,
	short_name TEXT,
	name TEXT NOT NULL,
	website TEXT,
	license_valid_since BIGINT,
	oparl_since BIGINT,
	ags TEXT,
	rgs TEXT,
	equivalent TEXT,
	contact_email TEXT,
	contact_name TEXT,
	classification TEXT,
	location_id BIGINT
);
CREATE INDEX body_modified ON body (modified, id);

CREATE TABLE legislative_term (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	body_id BIGINT NOT NULL,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL,
	deleted BOOLEAN NOT NULL DEFAULT FALSE,
	keyword TEXT,
	license TEXT,
	name TEXT NOT NULL,
	start_date TEXT,
	end_date TEXT
);
CREATE INDEX legislative_term_body ON legislative_term (body_id, id);
CREATE INDEX legislative_term_modified ON legislative_term (body_id, modified, id);

CREATE TABLE organization (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	body_id BIGINT NOT NULL,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL,
	deleted BOOLEAN NOT NULL DEFAULT FALSE,
	keyword TEXT,
	license TEXT,
	name TEXT NOT NULL,
	short_name TEXT,
	post TEXT,
	sub_organization_of BIGINT,
	organization_type TEXT,
	classification TEXT,
	start_date TEXT,
	end_date TEXT,
	website TEXT,
	location_id BIGINT,
	external_body TEXT
);
CREATE INDEX organization_body ON organization (body_id, id);
CREATE INDEX organization_modified ON organization (body_id, modified, id);

CREATE TABLE person (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	body_id BIGINT NOT NULL,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL,
	deleted BOOLEAN NOT NULL DEFAULT FALSE,
	keyword TEXT,
	license TEXT,
	name TEXT NOT NULL,
	family_name TEXT,
	given_name TEXT,
	form_of_address TEXT,
	affix TEXT,
	title TEXT,
	gender TEXT,
	phone TEXT,
	email TEXT,
	location_id BIGINT,
	status TEXT,
	life TEXT,
	life_source TEXT,
	contact_consent BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX person_body ON person (body_id, id);
CREATE INDEX person_modified ON person (body_id, modified, id);

CREATE TABLE membership (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	body_id BIGINT NOT NULL,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL,
	deleted BOOLEAN NOT NULL DEFAULT FALSE,
	keyword TEXT,
	license TEXT,
	person_id BIGINT NOT NULL,
	organization_id BIGINT NOT NULL,
	role TEXT,
	voting_right BOOLEAN NOT NULL DEFAULT FALSE,
	start_date TEXT,
	end_date TEXT,
	on_behalf_of BIGINT
);
CREATE INDEX membership_body ON membership (body_id, id);
CREATE INDEX membership_modified ON membership (body_id, modified, id);
CREATE INDEX membership_person ON membership (person_id, id);
CREATE INDEX membership_organization ON membership (organization_id, id);

CREATE TABLE meeting (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	body_id BIGINT NOT NULL,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL,
	deleted BOOLEAN NOT NULL DEFAULT FALSE,
	keyword TEXT,
	license TEXT,
	name TEXT,
	meeting_state TEXT,
	cancelled BOOLEAN NOT NULL DEFAULT FALSE,
	start_at BIGINT,
	end_at BIGINT,
	location_id BIGINT,
	invitation_file_id BIGINT,
	results_protocol_file_id BIGINT,
	verbatim_protocol_file_id BIGINT
);
CREATE INDEX meeting_body ON meeting (body_id, id);
CREATE INDEX meeting_modified ON meeting (body_id, modified, id);

CREATE TABLE agenda_item (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	body_id BIGINT NOT NULL,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL,
	deleted BOOLEAN NOT NULL DEFAULT FALSE,
	keyword TEXT,
	license TEXT,
	meeting_id BIGINT NOT NULL,
	position BIGINT NOT NULL,
	number TEXT,
	name TEXT,
	public BOOLEAN NOT NULL DEFAULT FALSE,
	consultation_id BIGINT,
	result TEXT,
	resolution_text TEXT,
	resolution_file_id BIGINT,
	start_at BIGINT,
	end_at BIGINT
);
CREATE INDEX agenda_item_body ON agenda_item (body_id, id);
CREATE INDEX agenda_item_modified ON agenda_item (body_id, modified, id);
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position, id);

CREATE TABLE paper (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	body_id BIGINT NOT NULL,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL,
	deleted BOOLEAN NOT NULL DEFAULT FALSE,
	keyword TEXT,
	license TEXT,
	name TEXT NOT NULL,
	reference TEXT,
	date TEXT,
	paper_type TEXT,
	main_file_id BIGINT,
	published BOOLEAN NOT NULL DEFAULT FALSE,
	ever_published BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX paper_body ON paper (body_id, id);
CREATE INDEX paper_modified ON paper (body_id, modified, id);

CREATE TABLE consultation (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	body_id BIGINT NOT NULL,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL,
	deleted BOOLEAN NOT NULL DEFAULT FALSE,
	keyword TEXT,
	license TEXT,
	paper_id BIGINT NOT NULL,
	agenda_item_id BIGINT,
	meeting_id BIGINT,
	position BIGINT NOT NULL,
	authoritative BOOLEAN NOT NULL DEFAULT FALSE,
	role TEXT
);
CREATE INDEX consultation_body ON consultation (body_id, id);
CREATE INDEX consultation_modified ON consultation (body_id, modified, id);
CREATE INDEX consultation_paper ON consultation (paper_id, position, id);
CREATE INDEX consultation_meeting ON consultation (meeting_id);
CREATE INDEX consultation_agenda_item ON consultation (agenda_item_id);

CREATE TABLE file (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	body_id BIGINT NOT NULL,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL,
	deleted BOOLEAN NOT NULL DEFAULT FALSE,
	keyword TEXT,
	license TEXT,
	name TEXT,
	file_name TEXT,
	mime_type TEXT,
	date TEXT,
	size BIGINT NOT NULL DEFAULT 0,
	sha1_checksum TEXT,
	sha512_checksum TEXT,
	text TEXT,
	external_service_url TEXT,
	master_file_id BIGINT,
	file_license TEXT,
	blob_key TEXT
);
CREATE INDEX file_body ON file (body_id, id);
CREATE INDEX file_modified ON file (body_id, modified, id);
CREATE INDEX file_master ON file (master_file_id);

CREATE TABLE location (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	body_id BIGINT NOT NULL,
	created BIGINT NOT NULL,
	modified BIGINT NOT NULL,
	deleted BOOLEAN NOT NULL DEFAULT FALSE,
	keyword TEXT,
	license TEXT,
	description TEXT,
	geojson TEXT,
	street_address TEXT,
	room TEXT,
	postal_code TEXT,
	sub_locality TEXT,
	locality TEXT
);
CREATE INDEX location_body ON location (body_id, id);
CREATE INDEX location_modified ON location (body_id, modified, id);

-- Ordered reference lists of every kind (Paper.RelatedPaperIDs, Meeting.OrganizationIDs, ...).
CREATE TABLE link (
	kind TEXT NOT NULL,
	src BIGINT NOT NULL,
	pos INTEGER NOT NULL,
	dst BIGINT NOT NULL,
	PRIMARY KEY (kind, src, pos)
) WITHOUT ROWID;
CREATE INDEX link_dst ON link (kind, dst);

-- Who attaches a file or embeds a location, derived from the referring object on every
-- write. public says whether the referrer is visible to the public, so file and location
-- visibility is one indexed lookup; live is false once the referrer is deleted.
CREATE TABLE backref (
	dst_kind TEXT NOT NULL,
	dst_id BIGINT NOT NULL,
	src_kind TEXT NOT NULL,
	src_id BIGINT NOT NULL,
	live BOOLEAN NOT NULL,
	public BOOLEAN NOT NULL
);
CREATE INDEX backref_dst ON backref (dst_kind, dst_id, public);
CREATE INDEX backref_src ON backref (src_kind, src_id);

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	at BIGINT NOT NULL,
	actor_id BIGINT,
	action TEXT NOT NULL,
	kind TEXT NOT NULL,
	object_id BIGINT NOT NULL,
	body_id BIGINT
);

CREATE TABLE change_feed (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	kind TEXT NOT NULL,
	object_id BIGINT NOT NULL,
	body_id BIGINT,
	action TEXT NOT NULL,
	at BIGINT NOT NULL
);
