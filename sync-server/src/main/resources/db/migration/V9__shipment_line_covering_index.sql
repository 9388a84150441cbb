-- Trace and recall sum the shipment lines of many lots (a popular raw material's descendants ship
-- hundreds of thousands of lines). With the columns they sum in the index, PostgreSQL answers from
-- the index alone (an index-only scan) instead of one heap page per line. It replaces the plain
-- (item, lot) index, which it covers.
CREATE INDEX shipment_line_lot_cover ON shipment_line (item, lot) INCLUDE (customer, uom, quantity, shipped_at, shipment);
DROP INDEX shipment_line_lot;
