-- Indexes for the website's ordered lists on a big city (100,000 papers): papers
-- newest first (all, and per type; papers without a date last) and meetings by
-- start. The simple title search scans here (PostgreSQL scans in parallel); the
-- SQLite migration adds a trigram index for it.

CREATE INDEX paper_date ON paper (date DESC NULLS LAST, id DESC);
CREATE INDEX paper_type_date ON paper (paper_type, date DESC NULLS LAST, id DESC);
CREATE INDEX meeting_start ON meeting (start_at, id);
