-- The console's lot search (docs/CONSOLE.md) finds codes in any case — "acr-779" finds the supplier
-- lot ACR-779 — by prefix without a scan of the lot table, and an empty search lists the lots
-- received or made most recently. The case-sensitive prefix indexes of V7 served only that search.
DROP INDEX lot_code_prefix;
DROP INDEX lot_supplier_lot_prefix;
CREATE INDEX lot_code_any_case_prefix ON lot (upper(lot) text_pattern_ops);
CREATE INDEX lot_supplier_lot_any_case_prefix ON lot (upper(supplier_lot) text_pattern_ops);
CREATE INDEX lot_recent ON lot (created_at DESC, item, lot);
