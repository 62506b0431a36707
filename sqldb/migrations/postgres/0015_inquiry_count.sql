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

INSERT INTO inquiry_count (body_id, state, confidential, n)
SELECT body_id, state, confidential, COUNT(*) FROM inquiry GROUP BY body_id, state, confidential;

-- inquiry_count_move takes the change-feed lock first, as list_count_add does:
-- writers queue in one order, so two that move counters in opposite directions
-- (one inquiry submitted -> registered, another back) never deadlock.
CREATE FUNCTION inquiry_count_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.body_id = NEW.body_id AND OLD.state = NEW.state AND OLD.confidential = NEW.confidential THEN
		RETURN NULL;
	END IF;
	PERFORM pg_advisory_xact_lock(7274624);
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		UPDATE inquiry_count SET n = n - 1 WHERE body_id = OLD.body_id AND state = OLD.state AND confidential = OLD.confidential;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO inquiry_count (body_id, state, confidential, n) VALUES (NEW.body_id, NEW.state, NEW.confidential, 1)
		ON CONFLICT (body_id, state, confidential) DO UPDATE SET n = inquiry_count.n + 1;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER inquiry_count AFTER INSERT OR DELETE OR UPDATE OF body_id, state, confidential ON inquiry
FOR EACH ROW EXECUTE FUNCTION inquiry_count_move();
