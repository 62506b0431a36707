-- How many objects each list holds, per kind and body (issue 9, item 12): `live`
-- counts what staff see (not deleted), `public` what the public sees (sqldb/
-- visibility.go). Triggers keep both in the transaction of every write, so an
-- unfiltered list reads its total from one row instead of counting a million.
-- Bodies are counted under their own id; objects without a body under 0.
CREATE TABLE list_count (
	kind TEXT NOT NULL,
	body_id BIGINT NOT NULL,
	live BIGINT NOT NULL DEFAULT 0,
	public BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (kind, body_id)
);

-- Kinds that every viewer sees alike while they are not deleted.
CREATE TRIGGER body_count_insert AFTER INSERT ON body BEGIN
INSERT INTO list_count (kind, body_id, live, public) VALUES ('Body', NEW.id, NOT NEW.deleted, NOT NEW.deleted) ON CONFLICT (kind, body_id) DO UPDATE SET live = live + excluded.live, public = public + excluded.public; END;
CREATE TRIGGER body_count_update AFTER UPDATE OF deleted ON body WHEN OLD.deleted IS NOT NEW.deleted BEGIN
UPDATE list_count SET live = live + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END), public = public + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END) WHERE kind = 'Body' AND body_id = NEW.id; END;

CREATE TRIGGER legislative_term_count_insert AFTER INSERT ON legislative_term BEGIN
INSERT INTO list_count (kind, body_id, live, public) VALUES ('LegislativeTerm', COALESCE(NEW.body_id, 0), NOT NEW.deleted, NOT NEW.deleted) ON CONFLICT (kind, body_id) DO UPDATE SET live = live + excluded.live, public = public + excluded.public; END;
CREATE TRIGGER legislative_term_count_update AFTER UPDATE OF deleted ON legislative_term WHEN OLD.deleted IS NOT NEW.deleted BEGIN
UPDATE list_count SET live = live + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END), public = public + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END) WHERE kind = 'LegislativeTerm' AND body_id = COALESCE(NEW.body_id, 0); END;

CREATE TRIGGER organization_count_insert AFTER INSERT ON organization BEGIN
INSERT INTO list_count (kind, body_id, live, public) VALUES ('Organization', COALESCE(NEW.body_id, 0), NOT NEW.deleted, NOT NEW.deleted) ON CONFLICT (kind, body_id) DO UPDATE SET live = live + excluded.live, public = public + excluded.public; END;
CREATE TRIGGER organization_count_update AFTER UPDATE OF deleted ON organization WHEN OLD.deleted IS NOT NEW.deleted BEGIN
UPDATE list_count SET live = live + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END), public = public + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END) WHERE kind = 'Organization' AND body_id = COALESCE(NEW.body_id, 0); END;

CREATE TRIGGER person_count_insert AFTER INSERT ON person BEGIN
INSERT INTO list_count (kind, body_id, live, public) VALUES ('Person', COALESCE(NEW.body_id, 0), NOT NEW.deleted, NOT NEW.deleted) ON CONFLICT (kind, body_id) DO UPDATE SET live = live + excluded.live, public = public + excluded.public; END;
CREATE TRIGGER person_count_update AFTER UPDATE OF deleted ON person WHEN OLD.deleted IS NOT NEW.deleted BEGIN
UPDATE list_count SET live = live + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END), public = public + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END) WHERE kind = 'Person' AND body_id = COALESCE(NEW.body_id, 0); END;

CREATE TRIGGER membership_count_insert AFTER INSERT ON membership BEGIN
INSERT INTO list_count (kind, body_id, live, public) VALUES ('Membership', COALESCE(NEW.body_id, 0), NOT NEW.deleted, NOT NEW.deleted) ON CONFLICT (kind, body_id) DO UPDATE SET live = live + excluded.live, public = public + excluded.public; END;
CREATE TRIGGER membership_count_update AFTER UPDATE OF deleted ON membership WHEN OLD.deleted IS NOT NEW.deleted BEGIN
UPDATE list_count SET live = live + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END), public = public + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END) WHERE kind = 'Membership' AND body_id = COALESCE(NEW.body_id, 0); END;

CREATE TRIGGER meeting_count_insert AFTER INSERT ON meeting BEGIN
INSERT INTO list_count (kind, body_id, live, public) VALUES ('Meeting', COALESCE(NEW.body_id, 0), NOT NEW.deleted, NOT NEW.deleted) ON CONFLICT (kind, body_id) DO UPDATE SET live = live + excluded.live, public = public + excluded.public; END;
CREATE TRIGGER meeting_count_update AFTER UPDATE OF deleted ON meeting WHEN OLD.deleted IS NOT NEW.deleted BEGIN
UPDATE list_count SET live = live + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END), public = public + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END) WHERE kind = 'Meeting' AND body_id = COALESCE(NEW.body_id, 0); END;

CREATE TRIGGER agenda_item_count_insert AFTER INSERT ON agenda_item BEGIN
INSERT INTO list_count (kind, body_id, live, public) VALUES ('AgendaItem', COALESCE(NEW.body_id, 0), NOT NEW.deleted, NOT NEW.deleted) ON CONFLICT (kind, body_id) DO UPDATE SET live = live + excluded.live, public = public + excluded.public; END;
CREATE TRIGGER agenda_item_count_update AFTER UPDATE OF deleted ON agenda_item WHEN OLD.deleted IS NOT NEW.deleted BEGIN
UPDATE list_count SET live = live + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END), public = public + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END) WHERE kind = 'AgendaItem' AND body_id = COALESCE(NEW.body_id, 0); END;

-- A paper is public while published; its consultations are public while it is
-- published and not deleted.
CREATE TRIGGER paper_count_insert AFTER INSERT ON paper BEGIN
INSERT INTO list_count (kind, body_id, live, public) VALUES ('Paper', COALESCE(NEW.body_id, 0), NOT NEW.deleted, NEW.published AND NOT NEW.deleted) ON CONFLICT (kind, body_id) DO UPDATE SET live = live + excluded.live, public = public + excluded.public; END;
CREATE TRIGGER paper_count_update AFTER UPDATE OF deleted, published ON paper WHEN OLD.deleted IS NOT NEW.deleted OR OLD.published IS NOT NEW.published BEGIN
UPDATE list_count SET live = live + (NOT NEW.deleted) - (NOT OLD.deleted), public = public + (NEW.published AND NOT NEW.deleted) - (OLD.published AND NOT OLD.deleted) WHERE kind = 'Paper' AND body_id = COALESCE(NEW.body_id, 0); END;
CREATE TRIGGER paper_count_consultations AFTER UPDATE OF deleted, published ON paper WHEN (OLD.published AND NOT OLD.deleted) IS NOT (NEW.published AND NOT NEW.deleted) BEGIN
UPDATE list_count SET public = public + (CASE WHEN NEW.published AND NOT NEW.deleted THEN 1 ELSE -1 END) * (SELECT COUNT(*) FROM consultation c WHERE c.paper_id = NEW.id AND NOT c.deleted AND COALESCE(c.body_id, 0) = list_count.body_id) WHERE kind = 'Consultation' AND body_id IN (SELECT COALESCE(c.body_id, 0) FROM consultation c WHERE c.paper_id = NEW.id AND NOT c.deleted); END;

CREATE TRIGGER consultation_count_insert AFTER INSERT ON consultation BEGIN
INSERT INTO list_count (kind, body_id, live, public) VALUES ('Consultation', COALESCE(NEW.body_id, 0), NOT NEW.deleted, NOT NEW.deleted AND EXISTS (SELECT 1 FROM paper p WHERE p.id = NEW.paper_id AND p.published AND NOT p.deleted)) ON CONFLICT (kind, body_id) DO UPDATE SET live = live + excluded.live, public = public + excluded.public; END;
CREATE TRIGGER consultation_count_update AFTER UPDATE OF deleted, paper_id ON consultation WHEN OLD.deleted IS NOT NEW.deleted OR OLD.paper_id IS NOT NEW.paper_id BEGIN
UPDATE list_count SET live = live + (NOT NEW.deleted) - (NOT OLD.deleted), public = public + (NOT NEW.deleted AND EXISTS (SELECT 1 FROM paper p WHERE p.id = NEW.paper_id AND p.published AND NOT p.deleted)) - (NOT OLD.deleted AND EXISTS (SELECT 1 FROM paper p WHERE p.id = OLD.paper_id AND p.published AND NOT p.deleted)) WHERE kind = 'Consultation' AND body_id = COALESCE(NEW.body_id, 0); END;

-- A file is public while something public attaches it (backref.public).
CREATE TRIGGER file_count_insert AFTER INSERT ON file BEGIN
INSERT INTO list_count (kind, body_id, live, public) VALUES ('File', COALESCE(NEW.body_id, 0), NOT NEW.deleted, NOT NEW.deleted AND EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = NEW.id AND r.dst_kind = 'File' AND r.public)) ON CONFLICT (kind, body_id) DO UPDATE SET live = live + excluded.live, public = public + excluded.public; END;
CREATE TRIGGER file_count_update AFTER UPDATE OF deleted ON file WHEN OLD.deleted IS NOT NEW.deleted BEGIN
UPDATE list_count SET live = live + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END), public = public + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END) * EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = NEW.id AND r.dst_kind = 'File' AND r.public) WHERE kind = 'File' AND body_id = COALESCE(NEW.body_id, 0); END;

-- A location is public while nothing uses it, or something public does.
CREATE TRIGGER location_count_insert AFTER INSERT ON location BEGIN
INSERT INTO list_count (kind, body_id, live, public) VALUES ('Location', COALESCE(NEW.body_id, 0), NOT NEW.deleted, NOT NEW.deleted AND (NOT EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = NEW.id AND r.dst_kind = 'Location') OR EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = NEW.id AND r.dst_kind = 'Location' AND r.public))) ON CONFLICT (kind, body_id) DO UPDATE SET live = live + excluded.live, public = public + excluded.public; END;
CREATE TRIGGER location_count_update AFTER UPDATE OF deleted ON location WHEN OLD.deleted IS NOT NEW.deleted BEGIN
UPDATE list_count SET live = live + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END), public = public + (CASE WHEN NEW.deleted THEN -1 ELSE 1 END) * (NOT EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = NEW.id AND r.dst_kind = 'Location') OR EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = NEW.id AND r.dst_kind = 'Location' AND r.public)) WHERE kind = 'Location' AND body_id = COALESCE(NEW.body_id, 0); END;

-- Back-references decide whether files and locations are public. The triggers
-- run before each row, so they see the rows of the same statement written
-- before it and not the row itself (nor, on delete, rows still to be deleted
-- after it): "the last public reference goes" is then told exactly once.
-- pub: public references of the target before this row; any: all of them.
CREATE TRIGGER backref_count_insert BEFORE INSERT ON backref WHEN NEW.dst_kind IN ('File', 'Location') BEGIN
UPDATE list_count SET public = public + (CASE
	WHEN NEW.dst_kind = 'File' THEN NEW.public AND NOT EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = NEW.dst_id AND r.dst_kind = 'File' AND r.public)
	WHEN EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = NEW.dst_id AND r.dst_kind = 'Location' AND r.public) THEN 0
	WHEN NEW.public THEN EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = NEW.dst_id AND r.dst_kind = 'Location')
	ELSE -(NOT EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = NEW.dst_id AND r.dst_kind = 'Location')) END)
WHERE kind = NEW.dst_kind AND body_id = (SELECT COALESCE(x.body_id, 0) FROM file x WHERE NEW.dst_kind = 'File' AND x.id = NEW.dst_id AND NOT x.deleted UNION ALL SELECT COALESCE(x.body_id, 0) FROM location x WHERE NEW.dst_kind = 'Location' AND x.id = NEW.dst_id AND NOT x.deleted); END;
CREATE TRIGGER backref_count_delete BEFORE DELETE ON backref WHEN OLD.dst_kind IN ('File', 'Location') BEGIN
UPDATE list_count SET public = public + (CASE
	WHEN (SELECT COUNT(*) FROM (SELECT 1 FROM backref r WHERE r.dst_id = OLD.dst_id AND r.dst_kind = OLD.dst_kind AND r.public LIMIT 2)) > OLD.public THEN 0
	WHEN OLD.dst_kind = 'File' THEN -OLD.public
	WHEN OLD.public THEN -((SELECT COUNT(*) FROM (SELECT 1 FROM backref r WHERE r.dst_id = OLD.dst_id AND r.dst_kind = 'Location' LIMIT 2)) > 1)
	ELSE (SELECT COUNT(*) FROM (SELECT 1 FROM backref r WHERE r.dst_id = OLD.dst_id AND r.dst_kind = 'Location' LIMIT 2)) = 1 END)
WHERE kind = OLD.dst_kind AND body_id = (SELECT COALESCE(x.body_id, 0) FROM file x WHERE OLD.dst_kind = 'File' AND x.id = OLD.dst_id AND NOT x.deleted UNION ALL SELECT COALESCE(x.body_id, 0) FROM location x WHERE OLD.dst_kind = 'Location' AND x.id = OLD.dst_id AND NOT x.deleted); END;
CREATE TRIGGER backref_count_update BEFORE UPDATE OF public ON backref WHEN OLD.dst_kind IN ('File', 'Location') AND OLD.public IS NOT NEW.public BEGIN
UPDATE list_count SET public = public + (CASE
	WHEN (SELECT COUNT(*) FROM (SELECT 1 FROM backref r WHERE r.dst_id = OLD.dst_id AND r.dst_kind = OLD.dst_kind AND r.public LIMIT 2)) > OLD.public THEN 0
	WHEN NEW.public THEN 1 ELSE -1 END)
WHERE kind = OLD.dst_kind AND body_id = (SELECT COALESCE(x.body_id, 0) FROM file x WHERE OLD.dst_kind = 'File' AND x.id = OLD.dst_id AND NOT x.deleted UNION ALL SELECT COALESCE(x.body_id, 0) FROM location x WHERE OLD.dst_kind = 'Location' AND x.id = OLD.dst_id AND NOT x.deleted); END;

-- The counts of the data that is already there.
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Body', id, NOT deleted, NOT deleted FROM body;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'LegislativeTerm', COALESCE(body_id, 0), SUM(NOT deleted), SUM(NOT deleted) FROM legislative_term GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Organization', COALESCE(body_id, 0), SUM(NOT deleted), SUM(NOT deleted) FROM organization GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Person', COALESCE(body_id, 0), SUM(NOT deleted), SUM(NOT deleted) FROM person GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Membership', COALESCE(body_id, 0), SUM(NOT deleted), SUM(NOT deleted) FROM membership GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Meeting', COALESCE(body_id, 0), SUM(NOT deleted), SUM(NOT deleted) FROM meeting GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'AgendaItem', COALESCE(body_id, 0), SUM(NOT deleted), SUM(NOT deleted) FROM agenda_item GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Paper', COALESCE(body_id, 0), SUM(NOT deleted), SUM(published AND NOT deleted) FROM paper GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Consultation', COALESCE(t.body_id, 0), SUM(NOT t.deleted), SUM(NOT t.deleted AND COALESCE(p.published AND NOT p.deleted, FALSE))
FROM consultation t LEFT JOIN paper p ON p.id = t.paper_id GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'File', COALESCE(t.body_id, 0), SUM(NOT t.deleted),
	SUM(NOT t.deleted AND EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = t.id AND r.dst_kind = 'File' AND r.public))
FROM file t GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Location', COALESCE(t.body_id, 0), SUM(NOT t.deleted),
	SUM(NOT t.deleted AND (NOT EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = t.id AND r.dst_kind = 'Location')
		OR EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = t.id AND r.dst_kind = 'Location' AND r.public)))
FROM location t GROUP BY 2;

-- A file that the public once saw stays a tombstone for it when nothing public
-- attaches it any more (issue 9, item 5), as a withdrawn paper does: a mirror
-- asking for modified_since must learn that it is gone.
ALTER TABLE file ADD COLUMN ever_public BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE file SET ever_public = TRUE WHERE EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = file.id AND r.dst_kind = 'File' AND r.public);
CREATE TRIGGER file_ever_public_insert AFTER INSERT ON backref WHEN NEW.dst_kind = 'File' AND NEW.public BEGIN
UPDATE file SET ever_public = TRUE WHERE id = NEW.dst_id AND NOT ever_public; END;
CREATE TRIGGER file_ever_public_update AFTER UPDATE OF public ON backref WHEN NEW.dst_kind = 'File' AND NEW.public BEGIN
UPDATE file SET ever_public = TRUE WHERE id = NEW.dst_id AND NOT ever_public; END;

-- The agenda items that link a consultation: they change with its visibility.
CREATE INDEX agenda_item_consultation ON agenda_item (consultation_id);
