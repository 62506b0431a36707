-- The deadline rule of each body per paper type of inquiry (Anfrage, Große
-- Anfrage, Einwohnerfrage, …), as its Geschäftsordnung states it; the paper
-- type of each inquiry; and the consultation plan the office sets at
-- registration (committee, meeting, role).

CREATE TABLE inquiry_rule (
	body_id BIGINT NOT NULL REFERENCES body (id),
	paper_type TEXT NOT NULL,
	basis TEXT NOT NULL,
	period TEXT NOT NULL,
	modified BIGINT NOT NULL,
	PRIMARY KEY (body_id, paper_type)
);

ALTER TABLE inquiry ADD COLUMN paper_type TEXT NOT NULL DEFAULT 'Anfrage';
ALTER TABLE inquiry ADD COLUMN planned_committee_id BIGINT;
ALTER TABLE inquiry ADD COLUMN planned_meeting_id BIGINT;
ALTER TABLE inquiry ADD COLUMN planned_role TEXT NOT NULL DEFAULT '';
