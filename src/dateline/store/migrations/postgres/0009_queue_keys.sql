-- dateline schema 9: what the review queue ranks on, as columns (issue 17). The queue ranks every
-- unreviewed incident by rules (review/queue.py); two of them looked inside `detail` (JSON), which
-- read every incident's whole row. `n_disagreements` and `n_merge_reasons` count those lists, and
-- one index holds every column the rules read, so ranking 100,000 incidents reads only the index.

ALTER TABLE incidents ADD COLUMN n_disagreements INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN n_merge_reasons INTEGER NOT NULL DEFAULT 0;
UPDATE incidents SET
    n_disagreements = COALESCE(json_array_length((detail::json) -> 'disagreements'), 0),
    n_merge_reasons = COALESCE(json_array_length((detail::json) -> 'merge_reasons'), 0)
WHERE n_mentions > 1 OR n_documents > 1;
CREATE INDEX incidents_queue ON incidents (review_status, review_conflicts, n_disagreements, n_merge_reasons,
    n_documents, fatalities, confidence, latitude, date_start, event_id, place_reason, date_reason);
