-- A recall's affected lots, stored beside its answer rather than inside it: the answer carries
-- their counts per item, status and site, and the lots are paged behind
-- GET /api/v1/recalls/{id}/lots (docs/TRACE.md, "Lots behind counts"). gzip of a JSON array of
-- {item, lot, depth, status, site, potency} in the recall's order (depth, then item and lot);
-- their stock on hand is the answer's stockToContain. One value, not a row per lot: a wide
-- recall reaches 105,541 lots, and a row each cost more than the rest of the recall's writing.
-- NULL for recalls stored before this column, which kept their lots inside the answer.
ALTER TABLE recall ADD COLUMN lots_gz bytea;
