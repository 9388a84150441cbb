-- The lot ledger: append-only events, the per-source hash chains, and the projections that
-- ingest keeps in the same transaction as the events.

-- ledger_seq numbers events in commit order: it is drawn under a transaction-scoped advisory
-- lock held from the draw until commit (see LedgerWriter), so no reader ever sees seq N+1
-- committed while N is still in flight.
CREATE SEQUENCE ledger_seq;

CREATE TABLE ledger_event (
    ledger_seq      bigint       PRIMARY KEY,
    event_id        uuid         NOT NULL UNIQUE,
    site            varchar(40)  NOT NULL,
    -- the hash chain this event belongs to: 'device:<id>' or 'site:<code>' (console actions)
    source          varchar(60)  NOT NULL,
    source_seq      bigint       NOT NULL,
    device_id       varchar(40),
    device_seq      bigint,
    user_id         varchar(40)  NOT NULL,
    type            varchar(12)  NOT NULL,
    occurred_at     timestamptz  NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    -- the event as received, in canonical JSON (sorted keys, shortest decimals)
    content         text         NOT NULL,
    flags           varchar(20)[] NOT NULL DEFAULT '{}',
    -- extra facts the server recorded beside the event (FEFO suggestion, count variance …)
    server_note     text,
    prev_hash       char(64),
    hash            char(64)     NOT NULL,
    UNIQUE (source, source_seq)
);
CREATE INDEX ledger_event_site_seq ON ledger_event (site, ledger_seq);
CREATE INDEX ledger_event_device ON ledger_event (device_id, device_seq);

-- Where each hash chain stands. The row is locked while a request appends to its chain, so a
-- device's pushes are applied one at a time and in deviceSeq order.
CREATE TABLE chain_head (
    source          varchar(60)  PRIMARY KEY,
    -- events stored in this chain, and the hash of the last one
    last_seq        bigint       NOT NULL,
    last_hash       char(64),
    -- for a device: the highest deviceSeq used, by a stored or a rejected event
    last_device_seq bigint       NOT NULL DEFAULT 0
);

-- Rejected device events keep their deviceSeq (the sequence stays gapless) and their answer, so
-- a retry is answered the same way. Nothing of their content is stored but its hash.
CREATE TABLE rejected_event (
    device_id       varchar(40)  NOT NULL,
    device_seq      bigint       NOT NULL,
    event_id        uuid         NOT NULL,
    content_hash    char(64)     NOT NULL,
    code            varchar(40)  NOT NULL,
    field           varchar(200),
    detail          text         NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    PRIMARY KEY (device_id, device_seq)
);
CREATE INDEX rejected_event_id ON rejected_event (device_id, event_id);

-- ---- projections ----------------------------------------------------------------------------

CREATE TABLE lot (
    item            varchar(40)  NOT NULL,
    lot             varchar(20)  NOT NULL,
    site            varchar(40)  NOT NULL,
    status          varchar(12)  NOT NULL,
    expiry          date,
    manufactured    date,
    -- RECEIVED, PRODUCED, or UNKNOWN when a movement named it before any receipt
    origin          varchar(10)  NOT NULL,
    supplier        varchar(40),
    supplier_lot    varchar(20),
    -- receipt or production time, for FIFO among lots of equal expiry
    created_at      timestamptz  NOT NULL,
    first_event_id  uuid         NOT NULL,
    status_event_id uuid,
    changed_xid     xid8         NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (item, lot)
);
CREATE INDEX lot_supplier_lot ON lot (supplier, supplier_lot);
CREATE INDEX lot_site_changed ON lot (site, changed_xid);

CREATE TABLE stock (
    item            varchar(40)    NOT NULL,
    lot             varchar(20)    NOT NULL,
    location        varchar(40)    NOT NULL,
    -- SSCC of the container holding it, '' when loose
    container       varchar(18)    NOT NULL DEFAULT '',
    site            varchar(40)    NOT NULL,
    quantity        numeric(24, 9) NOT NULL,
    uom             varchar(3)     NOT NULL,
    changed_xid     xid8           NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (item, lot, location, container)
);
CREATE INDEX stock_location ON stock (location);
CREATE INDEX stock_site_changed ON stock (site, changed_xid);

-- Genealogy: input lot -> output lot, written by every TRANSFORM. Indexed at both ends.
CREATE TABLE lot_link (
    id              bigserial      PRIMARY KEY,
    from_item       varchar(40)    NOT NULL,
    from_lot        varchar(20)    NOT NULL,
    to_item         varchar(40)    NOT NULL,
    to_lot          varchar(20)    NOT NULL,
    quantity        numeric(24, 9) NOT NULL,
    uom             varchar(3)     NOT NULL,
    kind            varchar(12)    NOT NULL,
    batch           varchar(40)    NOT NULL,
    event_id        uuid           NOT NULL,
    occurred_at     timestamptz    NOT NULL
);
CREATE INDEX lot_link_from ON lot_link (from_item, from_lot);
CREATE INDEX lot_link_to ON lot_link (to_item, to_lot);

CREATE TABLE receipt (
    event_id        uuid           PRIMARY KEY,
    item            varchar(40)    NOT NULL,
    lot             varchar(20)    NOT NULL,
    supplier        varchar(40)    NOT NULL,
    supplier_lot    varchar(20),
    reference       varchar(40)    NOT NULL,
    quantity        numeric(24, 9) NOT NULL,
    uom             varchar(3)     NOT NULL,
    location        varchar(40)    NOT NULL,
    received_at     timestamptz    NOT NULL
);
CREATE INDEX receipt_lot ON receipt (item, lot);
CREATE INDEX receipt_supplier_lot ON receipt (supplier, supplier_lot);

CREATE TABLE shipment_line (
    event_id        uuid           PRIMARY KEY,
    shipment        varchar(40)    NOT NULL,
    customer        varchar(40)    NOT NULL,
    item            varchar(40)    NOT NULL,
    lot             varchar(20)    NOT NULL,
    quantity        numeric(24, 9) NOT NULL,
    uom             varchar(3)     NOT NULL,
    location        varchar(40)    NOT NULL,
    shipped_at      timestamptz    NOT NULL
);
CREATE INDEX shipment_line_lot ON shipment_line (item, lot);
CREATE INDEX shipment_line_customer ON shipment_line (customer);

CREATE TABLE return_line (
    event_id        uuid           PRIMARY KEY,
    customer        varchar(40)    NOT NULL,
    reference       varchar(40)    NOT NULL,
    item            varchar(40)    NOT NULL,
    lot             varchar(20)    NOT NULL,
    quantity        numeric(24, 9) NOT NULL,
    uom             varchar(3)     NOT NULL,
    location        varchar(40)    NOT NULL,
    reason          varchar(500)   NOT NULL,
    returned_at     timestamptz    NOT NULL
);
CREATE INDEX return_line_lot ON return_line (item, lot);

-- Rule breaks for a supervisor: one row per flag of a stored event.
CREATE TABLE exception (
    id              bigserial     PRIMARY KEY,
    event_id        uuid          NOT NULL,
    site            varchar(40)   NOT NULL,
    flag            varchar(20)   NOT NULL,
    item            varchar(40),
    lot             varchar(20),
    detail          text          NOT NULL,
    raised_at       timestamptz   NOT NULL,
    status          varchar(10)   NOT NULL DEFAULT 'OPEN',
    resolved_by     varchar(40),
    resolved_at     timestamptz,
    note            text,
    UNIQUE (event_id, flag)
);
CREATE INDEX exception_open ON exception (site, status, flag);

-- A blind count that differs from the ledger; an approval writes the ADJUST event.
CREATE TABLE count_variance (
    id              bigserial      PRIMARY KEY,
    event_id        uuid           NOT NULL UNIQUE,
    site            varchar(40)    NOT NULL,
    item            varchar(40)    NOT NULL,
    lot             varchar(20)    NOT NULL,
    location        varchar(40)    NOT NULL,
    counted         numeric(24, 9) NOT NULL,
    expected        numeric(24, 9) NOT NULL,
    uom             varchar(3)     NOT NULL,
    status          varchar(10)    NOT NULL DEFAULT 'PENDING',
    decided_by      varchar(40),
    decided_at      timestamptz,
    note            text,
    adjust_event_id uuid
);
CREATE INDEX count_variance_pending ON count_variance (site, status);
