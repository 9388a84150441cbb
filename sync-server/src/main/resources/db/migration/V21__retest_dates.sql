-- Issue 20: retest dates (docs/QUALITY-CONTROL.md). An item may name how long a released or
-- retested lot may be used before QA retests it; a lot keeps its current retest date, set by its
-- receipt (the supplier's), its release or QA's last retest — always from a ledger event.
ALTER TABLE item ADD COLUMN retest_interval_days integer
    CHECK (retest_interval_days IS NULL OR retest_interval_days BETWEEN 1 AND 36500);
ALTER TABLE lot ADD COLUMN retest_date date;
CREATE INDEX lot_retest_date ON lot (retest_date) WHERE retest_date IS NOT NULL;
