-- The inquiry mails read the audit trail past a checkpoint. An installation
-- that already holds inquiries starts reading after its last entry: the steps
-- taken before the update were done without mail and must not arrive now,
-- weeks late, all at once.
-- (WHERE true: SQLite reads ON CONFLICT after a bare SELECT as a join clause.)
INSERT INTO mirror_checkpoint (key, value)
SELECT 'inquiry_mail/event', CAST(COALESCE(MAX(id), 0) AS TEXT) FROM inquiry_event WHERE true
ON CONFLICT (key) DO NOTHING;
