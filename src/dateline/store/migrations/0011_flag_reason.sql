-- dateline schema 11: why a mention is flagged negated, hypothetical, future or background (issue 15:
-- "each flag with its reason"), read off the event verb's clause.
ALTER TABLE events ADD COLUMN flag_reason TEXT;
-- an incident's row holds every field of the event record
ALTER TABLE incidents ADD COLUMN flag_reason TEXT;
