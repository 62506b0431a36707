-- Bookkeeping of `ratsinfo import oparl`: the source URL of every imported object
-- and named checkpoints (list cursors, last successful run per list). Both are
-- written in the transaction of the data they describe.

CREATE TABLE source_map (
	url TEXT PRIMARY KEY,
	kind TEXT NOT NULL,
	object_id BIGINT NOT NULL,
	hash TEXT NOT NULL DEFAULT ''
);
CREATE INDEX source_map_object ON source_map (kind, object_id);

CREATE TABLE mirror_checkpoint (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
