-- Delivery notes (tasks of kind SHIP) and return authorisations (kind RETURN): a delivery note
-- may name a ship-to and the order it was made from; an RMA line says why it may come back.
-- A supervisor may cancel a task as well as close it.
ALTER TABLE task ALTER COLUMN status TYPE varchar(12);
ALTER TABLE task ADD COLUMN ship_to varchar(200);
ALTER TABLE task ADD COLUMN source_order varchar(64);
ALTER TABLE task_line ADD COLUMN reason varchar(200);

-- What was shipped on a delivery note and returned against an RMA, found by the task's id.
CREATE INDEX shipment_line_shipment ON shipment_line (shipment);
CREATE INDEX return_line_reference ON return_line (reference);

-- Every PICK, by its order: what was picked for an order and where it was staged, so a delivery
-- note made from the order offers those lots (a projection like shipment_line, rebuilt by replay).
-- The quantity is as captured (its unit may be a pack unit of the item), so the rows of picks
-- already in the ledger can be written here exactly as replay writes them.
CREATE TABLE pick_line (
    event_id        uuid           PRIMARY KEY,
    order_ref       varchar(64)    NOT NULL,
    site            varchar(40)    NOT NULL,
    item            varchar(40)    NOT NULL,
    lot             varchar(20)    NOT NULL,
    from_location   varchar(40)    NOT NULL,
    to_location     varchar(40)    NOT NULL,
    quantity        numeric(24, 9) NOT NULL,
    uom             varchar(3)     NOT NULL,
    picked_at       timestamptz    NOT NULL
);
CREATE INDEX pick_line_order ON pick_line (order_ref);

-- Picks already in the ledger get their rows (the same rows a replay would write).
INSERT INTO pick_line (event_id, order_ref, site, item, lot, from_location, to_location, quantity, uom, picked_at)
SELECT e.event_id, e.content::jsonb #>> '{payload,order}', e.site, e.content::jsonb #>> '{payload,item}',
       e.content::jsonb #>> '{payload,lot}', e.content::jsonb #>> '{payload,from}', e.content::jsonb #>> '{payload,to}',
       (e.content::jsonb #>> '{payload,quantity,value}')::numeric, e.content::jsonb #>> '{payload,quantity,uom}', e.occurred_at
FROM ledger_event e WHERE e.type = 'PICK';
