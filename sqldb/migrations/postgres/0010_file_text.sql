-- Bookkeeping of text extraction, beside the file record: a failed or scanned
-- file must not be picked again by every sweep, and the status is no part of
-- OParl's File. A file without a row is pending while its text is empty.
CREATE TABLE file_text_state (
	file_id BIGINT PRIMARY KEY REFERENCES file (id),
	status TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	attempts INTEGER NOT NULL DEFAULT 0,
	updated BIGINT NOT NULL
);
