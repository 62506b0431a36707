-- The title index paper_title is kept up to date per paper by triggers. FTS5 writes
-- its pending terms to disk at the start of every statement, so one trigger insert
-- per paper left one tiny index segment per paper and most of a bulk load went into
-- merging them. A write transaction that creates papers now puts one row into
-- paper_title_defer (the first paper id it may create) before its first paper; the
-- triggers leave papers from that id on alone, and just before commit the
-- transaction indexes them all in one statement and deletes the row again
-- (sqldb/title_index.go). Other connections never see the row: it lives and dies
-- inside one transaction, so the index is complete after every commit.

CREATE TABLE paper_title_defer (from_id INTEGER NOT NULL);
DROP TRIGGER paper_title_insert;
DROP TRIGGER paper_title_delete;
DROP TRIGGER paper_title_update;
CREATE TRIGGER paper_title_insert AFTER INSERT ON paper WHEN new.id < COALESCE((SELECT MIN(from_id) FROM paper_title_defer), 9223372036854775807) BEGIN INSERT INTO paper_title (rowid, name, reference) VALUES (new.id, new.name, new.reference); END;
CREATE TRIGGER paper_title_delete AFTER DELETE ON paper WHEN old.id < COALESCE((SELECT MIN(from_id) FROM paper_title_defer), 9223372036854775807) BEGIN INSERT INTO paper_title (paper_title, rowid, name, reference) VALUES ('delete', old.id, old.name, old.reference); END;
CREATE TRIGGER paper_title_update AFTER UPDATE OF name, reference ON paper WHEN old.id < COALESCE((SELECT MIN(from_id) FROM paper_title_defer), 9223372036854775807) BEGIN INSERT INTO paper_title (paper_title, rowid, name, reference) VALUES ('delete', old.id, old.name, old.reference); INSERT INTO paper_title (rowid, name, reference) VALUES (new.id, new.name, new.reference); END;
