-- How many inquiries each body has per state and confidentiality, kept by
-- triggers in the transaction of every write (as list_count, 0008): the public
-- list /anfragen leads with its totals (all, open) and reads them from a few
-- rows instead of counting every inquiry. The overdue count depends on the day
-- and is counted on the index inquiry_counts (sqldb/inquiry_count.go).
CREATE TABLE inquiry_count (
	body_id BIGINT NOT NULL,
	state TEXT NOT NULL,
	confidential BOOLEAN NOT NULL,
	n BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (body_id, state, confidential)
);

-- (WHERE true: SQLite reads ON CONFLICT after a bare SELECT as a join clause.)
INSERT INTO inquiry_count (body_id, state, confidential, n)
SELECT body_id, state, confidential, COUNT(*) FROM inquiry WHERE true GROUP BY body_id, state, confidential;

CREATE TRIGGER inquiry_count_insert AFTER INSERT ON inquiry BEGIN
INSERT INTO inquiry_count (body_id, state, confidential, n) VALUES (NEW.body_id, NEW.state, NEW.confidential, 1)
ON CONFLICT (body_id, state, confidential) DO UPDATE SET n = n + 1; END;

-- (The migration runner splits at a semicolon that ends a line: a trigger's
-- statements share their lines.)
CREATE TRIGGER inquiry_count_update AFTER UPDATE OF body_id, state, confidential ON inquiry
WHEN OLD.body_id IS NOT NEW.body_id OR OLD.state IS NOT NEW.state OR OLD.confidential IS NOT NEW.confidential BEGIN
UPDATE inquiry_count SET n = n - 1 WHERE body_id = OLD.body_id AND state = OLD.state AND confidential = OLD.confidential; INSERT INTO inquiry_count (body_id, state, confidential, n) VALUES (NEW.body_id, NEW.state, NEW.confidential, 1)
ON CONFLICT (body_id, state, confidential) DO UPDATE SET n = n + 1; END;

CREATE TRIGGER inquiry_count_delete AFTER DELETE ON inquiry BEGIN
UPDATE inquiry_count SET n = n - 1 WHERE body_id = OLD.body_id AND state = OLD.state AND confidential = OLD.confidential; END;
