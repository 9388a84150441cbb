-- The console's lot search and dashboard (docs/CONSOLE.md): lot and supplier-lot codes found
-- exactly or by prefix without a scan of the lot table, the QA queue, and lots by expiry.
CREATE INDEX lot_code_prefix ON lot (lot varchar_pattern_ops);
CREATE INDEX lot_supplier_lot_prefix ON lot (supplier_lot varchar_pattern_ops);
CREATE INDEX lot_waiting_for_qa ON lot (status, item, lot) WHERE status IN ('QUARANTINE', 'ON_HOLD');
CREATE INDEX lot_expiry ON lot (expiry) WHERE expiry IS NOT NULL;
