-- Indexes for the website's ordered lists on a big city (100,000 papers): papers
-- newest first (all, and per type), meetings by start, and a trigram index over
-- paper titles and reference numbers for the simple search (substring, case-
-- insensitive). The trigram table holds every paper, public or not; it is only
-- ever used as an id filter next to the visibility conditions on paper itself.

CREATE INDEX paper_date ON paper (date, id);
CREATE INDEX paper_type_date ON paper (paper_type, date, id);
CREATE INDEX meeting_start ON meeting (start_at, id);

CREATE VIRTUAL TABLE paper_title USING fts5(name, reference, content='paper', content_rowid='id', tokenize='trigram case_sensitive 0');
INSERT INTO paper_title(paper_title) VALUES ('rebuild');
CREATE TRIGGER paper_title_insert AFTER INSERT ON paper BEGIN INSERT INTO paper_title (rowid, name, reference) VALUES (new.id, new.name, new.reference); END;
CREATE TRIGGER paper_title_delete AFTER DELETE ON paper BEGIN INSERT INTO paper_title (paper_title, rowid, name, reference) VALUES ('delete', old.id, old.name, old.reference); END;
CREATE TRIGGER paper_title_update AFTER UPDATE OF name, reference ON paper BEGIN INSERT INTO paper_title (paper_title, rowid, name, reference) VALUES ('delete', old.id, old.name, old.reference); INSERT INTO paper_title (rowid, name, reference) VALUES (new.id, new.name, new.reference); END;
