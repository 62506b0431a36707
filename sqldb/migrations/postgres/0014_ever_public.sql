-- Tombstones for what the public once saw, and only for that (issue 9, item 5):
-- a location or a consultation that vanishes from the public must be delivered
-- by modified_since as a tombstone, as withdrawn papers and detached files are.
-- One that the public never saw does not exist for it, not even as a tombstone.

-- A location is public while nothing uses it or something public does. Whether
-- it was at the end of a write transaction is marked by the store itself
-- (markLocationsSeen), since "nothing uses it" is no row a trigger could see.
ALTER TABLE location ADD COLUMN ever_public BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE location SET ever_public = TRUE
WHERE NOT EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = location.id AND r.dst_kind = 'Location')
   OR EXISTS (SELECT 1 FROM backref r WHERE r.dst_id = location.id AND r.dst_kind = 'Location' AND r.public);

-- A consultation is public while its paper is published. Existing ones keep the
-- tombstones they had: those of every paper that was ever published.
ALTER TABLE consultation ADD COLUMN ever_public BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE consultation SET ever_public = TRUE
WHERE EXISTS (SELECT 1 FROM paper p WHERE p.id = consultation.paper_id AND (p.published OR p.ever_published));
-- (A trigger's WHEN takes no subquery on PostgreSQL: the functions look.)
CREATE FUNCTION consultation_ever_public() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE consultation SET ever_public = TRUE WHERE id = NEW.id AND NOT ever_public
	AND EXISTS (SELECT 1 FROM paper p WHERE p.id = NEW.paper_id AND p.published AND NOT p.deleted);
	RETURN NULL;
END $$;
CREATE TRIGGER consultation_ever_public AFTER INSERT OR UPDATE OF paper_id ON consultation
FOR EACH ROW WHEN (NOT NEW.ever_public) EXECUTE FUNCTION consultation_ever_public();
CREATE FUNCTION paper_ever_public_consultations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE consultation SET ever_public = TRUE WHERE paper_id = NEW.id AND NOT ever_public;
	RETURN NULL;
END $$;
CREATE TRIGGER paper_ever_public_consultations AFTER UPDATE OF published ON paper
FOR EACH ROW WHEN (NEW.published AND NOT NEW.deleted AND NOT OLD.published) EXECUTE FUNCTION paper_ever_public_consultations();
