-- dateline schema 7: why a side of an event was supplied or removed by ACLED's conventions rather
-- than named in the text (issue 15: "Unidentified Armed Group (COUNTRY)", protesters as actor1).
ALTER TABLE events ADD COLUMN actor1_reason TEXT;
ALTER TABLE events ADD COLUMN actor2_reason TEXT;
-- an incident's row holds every field of the event record
ALTER TABLE incidents ADD COLUMN actor1_reason TEXT;
ALTER TABLE incidents ADD COLUMN actor2_reason TEXT;
