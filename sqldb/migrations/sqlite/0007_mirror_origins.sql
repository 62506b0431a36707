-- The OParl mirror against hostile upstreams (issue 9).
-- Which system (the System URL an import was started with) each source row came
-- from: a second upstream in the same data folder must not change or delete the
-- first one's objects.
ALTER TABLE source_map ADD COLUMN system TEXT NOT NULL DEFAULT '';

-- Where a mirrored file's content is at its source: until we hold the content
-- ourselves, our accessUrl sends the client there.
ALTER TABLE file ADD COLUMN source_url TEXT;

-- File contents whose download failed: every import run tries them again.
CREATE TABLE mirror_file_retry (
	access_url TEXT PRIMARY KEY,
	file_url TEXT NOT NULL,
	system TEXT NOT NULL DEFAULT ''
);
