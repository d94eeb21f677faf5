-- dateline schema 5: which decided an event's sub-type (the trigger or the type classifier) and why
-- (issue 15, item 6); each document's language and a notice about how it was treated (item 7).
ALTER TABLE events ADD COLUMN type_source TEXT;
ALTER TABLE events ADD COLUMN type_reason TEXT;
ALTER TABLE documents ADD COLUMN language TEXT;
ALTER TABLE documents ADD COLUMN notice TEXT;
-- an incident's row holds every field of the event record
ALTER TABLE incidents ADD COLUMN type_source TEXT;
ALTER TABLE incidents ADD COLUMN type_reason TEXT;
