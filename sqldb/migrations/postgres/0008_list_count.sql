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

-- list_count_add moves one counter. It takes the change-feed lock first (the
-- store takes it too before its first feed row, tx.go): writers then queue in one
-- order, so two of them never wait on each other's counter rows, and a trigger
-- that reads back-references sees those of every writer that committed before it.
CREATE FUNCTION list_count_add(k TEXT, b BIGINT, dl BIGINT, dp BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF dl = 0 AND dp = 0 THEN
		RETURN;
	END IF;
	PERFORM pg_advisory_xact_lock(7274624);
	INSERT INTO list_count (kind, body_id, live, public) VALUES (k, b, dl, dp)
	ON CONFLICT (kind, body_id) DO UPDATE SET live = list_count.live + EXCLUDED.live, public = list_count.public + EXCLUDED.public;
END $$;

-- Kinds that every viewer sees alike while they are not deleted.
CREATE FUNCTION list_count_plain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	b BIGINT := COALESCE(NEW.body_id, 0);
	d BIGINT := (NOT NEW.deleted)::int;
BEGIN
	IF TG_ARGV[0] = 'Body' THEN
		b := NEW.id;
	END IF;
	IF TG_OP = 'UPDATE' THEN
		d := d - (NOT OLD.deleted)::int;
	END IF;
	PERFORM list_count_add(TG_ARGV[0], b, d, d);
	RETURN NULL;
END $$;

CREATE TRIGGER body_count AFTER INSERT OR UPDATE OF deleted ON body
FOR EACH ROW EXECUTE FUNCTION list_count_plain('Body');
CREATE TRIGGER legislative_term_count AFTER INSERT OR UPDATE OF deleted ON legislative_term
FOR EACH ROW EXECUTE FUNCTION list_count_plain('LegislativeTerm');
CREATE TRIGGER organization_count AFTER INSERT OR UPDATE OF deleted ON organization
FOR EACH ROW EXECUTE FUNCTION list_count_plain('Organization');
CREATE TRIGGER person_count AFTER INSERT OR UPDATE OF deleted ON person
FOR EACH ROW EXECUTE FUNCTION list_count_plain('Person');
CREATE TRIGGER membership_count AFTER INSERT OR UPDATE OF deleted ON membership
FOR EACH ROW EXECUTE FUNCTION list_count_plain('Membership');
CREATE TRIGGER meeting_count AFTER INSERT OR UPDATE OF deleted ON meeting
FOR EACH ROW EXECUTE FUNCTION list_count_plain('Meeting');
CREATE TRIGGER agenda_item_count AFTER INSERT OR UPDATE OF deleted ON agenda_item
FOR EACH ROW EXECUTE FUNCTION list_count_plain('AgendaItem');

-- A paper is public while published; its consultations are public while it is
-- published and not deleted.
CREATE FUNCTION list_count_paper() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	dl BIGINT := (NOT NEW.deleted)::int;
	dp BIGINT := (NEW.published AND NOT NEW.deleted)::int;
BEGIN
	IF TG_OP = 'UPDATE' THEN
		dl := dl - (NOT OLD.deleted)::int;
		dp := dp - (OLD.published AND NOT OLD.deleted)::int;
	END IF;
	PERFORM list_count_add('Paper', COALESCE(NEW.body_id, 0), dl, dp);
	IF TG_OP = 'UPDATE' AND (OLD.published AND NOT OLD.deleted) IS DISTINCT FROM (NEW.published AND NOT NEW.deleted) THEN
		PERFORM list_count_add('Consultation', COALESCE(c.body_id, 0), 0, (CASE WHEN NEW.published AND NOT NEW.deleted THEN 1 ELSE -1 END) * COUNT(*))
		FROM consultation c WHERE c.paper_id = NEW.id AND NOT c.deleted GROUP BY COALESCE(c.body_id, 0);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER paper_count AFTER INSERT OR UPDATE OF deleted, published ON paper
FOR EACH ROW EXECUTE FUNCTION list_count_paper();

CREATE FUNCTION list_count_consultation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	dl BIGINT := (NOT NEW.deleted)::int;
	dp BIGINT := (NOT NEW.deleted AND EXISTS (SELECT 1 FROM paper p WHERE p.id = NEW.paper_id AND p.published AND NOT p.deleted))::int;
BEGIN
	IF TG_OP = 'UPDATE' THEN
		dl := dl - (NOT OLD.deleted)::int;
		dp := dp - (NOT OLD.deleted AND EXISTS (SELECT 1 FROM paper p WHERE p.id = OLD.paper_id AND p.published AND NOT p.deleted))::int;
	END IF;
	PERFORM list_count_add('Consultation', COALESCE(NEW.body_id, 0), dl, dp);
	RETURN NULL;
END $$;
CREATE TRIGGER consultation_count AFTER INSERT OR UPDATE OF deleted, paper_id ON consultation
FOR EACH ROW EXECUTE FUNCTION list_count_consultation();

-- list_count_attached says whether the public sees a file or location by what
-- refers to it: a file while something public attaches it, a location while
-- nothing uses it or something public does.
CREATE FUNCTION list_count_attached(k TEXT, obj BIGINT) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN k = 'File' THEN EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = obj AND r.dst_kind = 'File' AND r.public)
	ELSE NOT EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = obj AND r.dst_kind = k)
		OR EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = obj AND r.dst_kind = k AND r.public) END
$$;

CREATE FUNCTION list_count_target() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	dl BIGINT := (NOT NEW.deleted)::int;
	vis BIGINT := list_count_attached(TG_ARGV[0], NEW.id)::int;
BEGIN
	IF TG_OP = 'UPDATE' THEN
		dl := dl - (NOT OLD.deleted)::int;
	END IF;
	PERFORM list_count_add(TG_ARGV[0], COALESCE(NEW.body_id, 0), dl, dl * vis);
	RETURN NULL;
END $$;
CREATE TRIGGER file_count AFTER INSERT OR UPDATE OF deleted ON file
FOR EACH ROW EXECUTE FUNCTION list_count_target('File');
CREATE TRIGGER location_count AFTER INSERT OR UPDATE OF deleted ON location
FOR EACH ROW EXECUTE FUNCTION list_count_target('Location');

-- Back-references decide whether files and locations are public. The trigger
-- runs before each row, so it sees the rows of the same statement processed
-- before it and not the row itself (nor, on delete, rows still to be deleted
-- after it): "the last public reference goes" is then told exactly once.
-- pub: public references of the target before this row (at most 2 counted);
-- anyc: all of them.
CREATE FUNCTION list_count_backref() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	r backref%ROWTYPE;
	b BIGINT;
	pub INT;
	anyc INT;
	d INT;
BEGIN
	IF TG_OP = 'INSERT' THEN
		r := NEW;
	ELSE
		r := OLD;
	END IF;
	IF r.dst_kind NOT IN ('File', 'Location') OR (TG_OP = 'UPDATE' AND OLD.public IS NOT DISTINCT FROM NEW.public) THEN
		RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	PERFORM pg_advisory_xact_lock(7274624);
	IF r.dst_kind = 'File' THEN
		SELECT COALESCE(x.body_id, 0) INTO b FROM file x WHERE x.id = r.dst_id AND NOT x.deleted;
	ELSE
		SELECT COALESCE(x.body_id, 0) INTO b FROM location x WHERE x.id = r.dst_id AND NOT x.deleted;
	END IF;
	IF b IS NULL THEN
		RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	SELECT COUNT(*) INTO pub FROM (SELECT 1 FROM backref x WHERE x.dst_id = r.dst_id AND x.dst_kind = r.dst_kind AND x.public LIMIT 2) s;
	SELECT COUNT(*) INTO anyc FROM (SELECT 1 FROM backref x WHERE x.dst_id = r.dst_id AND x.dst_kind = r.dst_kind LIMIT 2) s;
	IF TG_OP = 'INSERT' THEN
		IF pub > 0 THEN
			d := 0;
		ELSIF r.dst_kind = 'File' THEN
			d := NEW.public::int;
		ELSIF NEW.public THEN
			d := (anyc > 0)::int;
		ELSE
			d := -((anyc = 0)::int);
		END IF;
	ELSIF TG_OP = 'DELETE' THEN
		IF pub > OLD.public::int THEN
			d := 0;
		ELSIF r.dst_kind = 'File' THEN
			d := -(OLD.public::int);
		ELSIF OLD.public THEN
			d := -((anyc > 1)::int);
		ELSE
			d := (anyc = 1)::int;
		END IF;
	ELSIF pub > OLD.public::int THEN
		d := 0;
	ELSE
		d := CASE WHEN NEW.public THEN 1 ELSE -1 END;
	END IF;
	PERFORM list_count_add(r.dst_kind, b, 0, d);
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER backref_count BEFORE INSERT OR DELETE OR UPDATE OF public ON backref
FOR EACH ROW EXECUTE FUNCTION list_count_backref();

-- The counts of the data that is already there.
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Body', id, (NOT deleted)::int, (NOT deleted)::int FROM body;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'LegislativeTerm', COALESCE(body_id, 0), SUM((NOT deleted)::int), SUM((NOT deleted)::int) FROM legislative_term GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Organization', COALESCE(body_id, 0), SUM((NOT deleted)::int), SUM((NOT deleted)::int) FROM organization GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Person', COALESCE(body_id, 0), SUM((NOT deleted)::int), SUM((NOT deleted)::int) FROM person GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Membership', COALESCE(body_id, 0), SUM((NOT deleted)::int), SUM((NOT deleted)::int) FROM membership GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Meeting', COALESCE(body_id, 0), SUM((NOT deleted)::int), SUM((NOT deleted)::int) FROM meeting GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'AgendaItem', COALESCE(body_id, 0), SUM((NOT deleted)::int), SUM((NOT deleted)::int) FROM agenda_item GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Paper', COALESCE(body_id, 0), SUM((NOT deleted)::int), SUM((published AND NOT deleted)::int) FROM paper GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Consultation', COALESCE(t.body_id, 0), SUM((NOT t.deleted)::int), SUM((NOT t.deleted AND COALESCE(p.published AND NOT p.deleted, FALSE))::int)
FROM consultation t LEFT JOIN paper p ON p.id = t.paper_id GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'File', COALESCE(body_id, 0), SUM((NOT deleted)::int), SUM((NOT deleted AND list_count_attached('File', id))::int)
FROM file GROUP BY 2;
INSERT INTO list_count (kind, body_id, live, public)
SELECT 'Location', COALESCE(body_id, 0), SUM((NOT deleted)::int), SUM((NOT deleted AND list_count_attached('Location', id))::int)
FROM location GROUP BY 2;

-- A file that the public once saw stays a tombstone for it when nothing public
-- attaches it any more (issue 9, item 5), as a withdrawn paper does: a mirror
-- asking for modified_since must learn that it is gone.
ALTER TABLE file ADD COLUMN ever_public BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE file SET ever_public = TRUE WHERE EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = file.id AND r.dst_kind = 'File' AND r.public);
CREATE FUNCTION file_ever_public() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE file SET ever_public = TRUE WHERE id = NEW.dst_id AND NOT ever_public;
	RETURN NULL;
END $$;
CREATE TRIGGER file_ever_public AFTER INSERT OR UPDATE OF public ON backref
FOR EACH ROW WHEN (NEW.dst_kind = 'File' AND NEW.public) EXECUTE FUNCTION file_ever_public();

-- The agenda items that link a consultation: they change with its visibility.
CREATE INDEX agenda_item_consultation ON agenda_item (consultation_id);
