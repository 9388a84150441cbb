-- The planner needs fresh statistics on the tables that grow by thousands of rows a minute:
-- measured after an import of 100,000 lots (200,000 stock rows) that autovacuum had not analysed
-- yet, a device's first sync took 17.6 s and an incremental pull 0.47 s, against ~16 ms and ~0.5 ms
-- per query once analysed (it guessed a few rows, sorted everything for every page and scanned
-- every stock row for an empty pull). PostgreSQL's default re-analyses after 10 % of a table
-- changed; these tables are re-analysed after 2 % (at least 1,000 rows).
ALTER TABLE lot SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
ALTER TABLE stock SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
ALTER TABLE lot_link SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
ALTER TABLE receipt SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
ALTER TABLE shipment_line SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
ALTER TABLE return_line SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
ALTER TABLE lot_event SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
ALTER TABLE ledger_event SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
