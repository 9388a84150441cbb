-- Issue 20: potency (docs/QUALITY-CONTROL.md). A lot of a potency-managed item keeps its latest
-- conforming assay, in percent, as the INSPECT that recorded it says — always from a ledger event.
ALTER TABLE lot ADD COLUMN potency numeric(9, 6)
    CHECK (potency IS NULL OR (potency > 0 AND potency <= 200));
